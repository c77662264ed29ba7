import { cmp } from '../core/finding.js';
import type { Model } from '../model/types.js';
import { renderArgo } from './argocd.js';
import type { RenderedFile } from '../core/generated-files.js';
import { indexFile } from './files.js';
import { renderLayout, type BuildTarget } from './layout.js';
import { renderRunbooks } from './runbook-files.js';

export interface RenderResult {
  /** Every generated file, sorted by path, including the index of generated files. */
  files: RenderedFile[];
  /** Every path Argo CD builds, with the objects it must produce. */
  targets: BuildTarget[];
}

/** Renders the whole repository from the model. Pure: no I/O, same model → same bytes. */
export function render(model: Model): RenderResult {
  const layout = renderLayout(model);
  const argo = renderArgo(model, layout.targets);
  const generated = [...layout.files, ...argo.files, ...renderRunbooks(model)];
  const files = [...generated, indexFile(generated)].sort((a, b) => cmp(a.path, b.path));
  const targets = [...layout.targets, ...argo.targets].sort((a, b) => cmp(a.path, b.path));
  return { files, targets };
}
