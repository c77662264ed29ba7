/**
 * `npm run report -- [--out FILE] [--at ISO]` (issue 14): one static HTML page of the platform, from
 * the working tree's configuration (no cluster, no kustomize, no network): the service × environment
 * matrix, the change windows at the instant, capacity per node pool and the policies' findings.
 * Exit 0: a picture, not a verdict (`validate` decides).
 */
import * as path from 'node:path';
import { UsageError } from '../core/errors.js';
import { checkRepository } from '../policy/repository.js';
import { pageData } from '../review/page-data.js';
import { pageHtml } from '../review/page-html.js';
import { loadRendered } from '../validate/load-rendered.js';
import { instantAt } from '../validate/windows-step.js';
import type { CommandContext } from './context.js';

export interface ReportOptions {
  /** Absolute path of the page to write. */
  out: string;
  /** `--at`: the instant the windows are shown at, ISO-8601. Default now. */
  at?: string;
}

/** Writes the page and prints one line saying what it holds; returns 0. */
export function runReport(ctx: CommandContext, o: ReportOptions): number {
  if (!ctx.writeFile) throw new UsageError('report: this context writes no files');
  const at = instantAt(ctx.now, o.at);
  const { config, model, rendered } = loadRendered(ctx.fs);
  const data = pageData({ config, model, policies: checkRepository(model, rendered.targets), at });
  // Links are relative to the page's folder, so the page works wherever it is opened from.
  const up = path.relative(path.dirname(o.out), ctx.root).split(path.sep).join('/');
  ctx.writeFile(o.out, pageHtml(data, { root: up === '' ? '' : `${up}/` }));
  const shown = path.relative(ctx.root, o.out).split(path.sep).join('/');
  const open = data.environments.filter((e) => e.window.open).map((e) => e.name);
  ctx.stdout(
    `Wrote ${shown.startsWith('..') ? o.out : shown}: ${data.services.length} services × ${data.environments.length} environments, ` +
      `${plural(data.pools.length, 'node pool')}, ${plural(data.counts.error, 'error')}, ${plural(data.counts.warning, 'warning')}; ` +
      `windows open at ${data.at}: ${open.length > 0 ? open.join(', ') : 'none'}\n`,
  );
  return 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
