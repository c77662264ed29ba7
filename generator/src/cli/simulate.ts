/**
 * `npm run simulate -- [--at <ISO-8601>] [--env <env>] [-o text|json|junit|tap|sarif]`: the
 * committed tree played from an empty cluster with only Argo CD installed; per Application its
 * final sync and health, when it got there, and what blocks it. Exit 0 converged, 1 findings.
 */
import { UsageError } from '../core/errors.js';
import { outcomeTable, applicationResults } from '../simulate/findings.js';
import { PRECONDITIONS } from '../simulate/preconditions.js';
import { createFormat, exitCode, type Report } from '../report/index.js';
import { runSimulation } from '../validate/simulation.js';
import type { CommandContext } from './context.js';
import { instantOption } from './windows.js';

export interface SimulateOptions {
  /** Where the simulated clock starts, ISO-8601 with an offset. Default now. */
  at?: string;
  /** Only this environment's Applications (`<env>-…`) in the output. Default all. */
  env?: string;
  /** Output format: `text` (default), `json`, `junit`, `tap`, `sarif`. */
  output: string;
  /** Reuse cached kustomize builds. Default true. */
  cache?: boolean;
}

export async function runSimulate(ctx: CommandContext, o: SimulateOptions): Promise<number> {
  const format = createFormat(o.output);
  const at = instantOption(ctx, o.at);
  const { findings, result, tree } = await runSimulation({ root: ctx.root, fs: ctx.fs, at, ...(o.cache === false ? { cache: false } : {}) });
  const envs = [...new Set(result.apps.map((a) => a.name.split('-')[0]!))].sort();
  if (o.env !== undefined && !envs.includes(o.env)) throw new UsageError(`unknown environment "${o.env}": expected one of ${envs.join(', ')}`);
  const mine = (name: string) => o.env === undefined || name.startsWith(`${o.env}-`);
  const shown = { ...result, apps: result.apps.filter((a) => mine(a.name)) };
  const object = (f: { object?: string }) => /Application argocd\/(\S+)$/.exec(f.object ?? '')?.[1];
  const report: Report = {
    results: applicationResults(shown, tree.files),
    findings: findings.filter((f) => o.env === undefined || object(f) === undefined || mine(object(f)!)),
    files: [...new Set(shown.apps.map((a) => tree.files.get(a.name) ?? 'argocd'))],
  };
  if (format.name === 'text') {
    const pre = [...PRECONDITIONS.argocd, ...PRECONDITIONS.workload].map((p) => `  - ${p.name} (${p.source})`).join('\n');
    ctx.stdout(`assumed installed outside this repository:\n${pre}\n${outcomeTable(shown)}\n`);
  }
  ctx.stdout(format.format(report, { verbose: false }));
  return exitCode(report);
}
