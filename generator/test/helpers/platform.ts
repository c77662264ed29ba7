import * as path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { buildModel } from '../../src/model/build.js';
import type { Model } from '../../src/model/types.js';
import { render, type RenderResult } from '../../src/render/index.js';
import { loadOptions } from './load-options.js';

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** A small platform (3 services, 3 environments on 2 clusters) exercising every rendering branch. */
export const FIXTURE_PLATFORM = path.join(REPO_ROOT, 'generator/test/fixtures/platform');

export function modelOf(root: string): Model {
  return buildModel(loadConfig(diskFs(root), loadOptions));
}

export function renderOf(root: string): RenderResult {
  return render(modelOf(root));
}

/**
 * The lines the text output of `validate` (without `-v`) prints for the repository's waivers: the
 * `policy/waived` summary and its hint, or nothing when nothing is waived.
 */
export async function waivedLines(root: string): Promise<string[]> {
  const { checkRepository } = await import('../../src/policy/repository.js');
  const { waivedSummary } = await import('../../src/cli/validate.js');
  const model = modelOf(root);
  const waived = checkRepository(model, render(model).targets).findings.filter((f) => f.check === 'policy/waived');
  if (waived.length === 0) return [];
  // As the text format prints it, without its summary line (the last).
  const { textFormat } = await import('../../src/report/text.js');
  return textFormat.format({ results: [], findings: [waivedSummary(waived)], files: [] }).split('\n').slice(0, -2);
}

/**
 * What the seed's repository `validate` counts, from its render: every object of every Argo CD path
 * (`resources`), the paths (`files`), and the generated files (`generated`). Tests that change the
 * seed state their expectations as differences from these, so a platform that grows does not
 * rewrite them.
 */
export const SEED = (() => {
  const r = renderOf(REPO_ROOT);
  return { resources: r.targets.reduce((n, t) => n + t.objects.length, 0), files: r.targets.length, generated: r.files.length };
})();
