/**
 * `npm run plan -- [--base <rev>] [-o text|markdown|json] [--output-file FORMAT=FILE]` (issue 14):
 * the one screen a reviewer reads first, from the base revision's configuration and the working
 * tree's, without a cluster and without kustomize: the touched environments and services (the object
 * diff), their change windows at the clock's instant, the gray releases in flight, the simulation of
 * the change applied at the instant to the base running (review/plan-simulation.ts; from the generator's own render, which `validate`
 * proves kustomize reproduces), and the policies' findings on the working tree (validate's policy
 * step alone: no kustomize build, no schema, no drift; `validate` runs those).
 * Exit 0 when nothing blocks, 1 when something does (review/plan.ts), 2 bad usage.
 */
import { UsageError } from '../core/errors.js';
import { formatPlan, type PlanFormat } from '../review/plan-format.js';
import { buildPlan, planExitCode } from '../review/plan.js';
import { diffTargets } from '../review/object-diff.js';
import { simulateChange } from '../review/plan-simulation.js';
import { policyStep } from '../validate/steps.js';
import { pinnedKinds } from '../validate/simulation.js';
import { readOverrides } from '../windows/overrides.js';
import type { CommandContext } from './context.js';
import { loadSides } from './diff.js';

export interface PlanOptions {
  /** The revision compared with, as for `diff --base`. Default: merge base with origin/main, else HEAD. */
  base?: string;
  /** Printed format. Default `text`. */
  output: PlanFormat;
  /** Also written: each `{format, file}`, e.g. `{format: 'markdown', file: 'plan.md'}`. Default none. */
  outputFiles?: readonly { format: PlanFormat; file: string }[];
  /** Reuse loaded configurations (validate/config-cache.ts), sealed with the secret in `cacheSecretFile`. Default: no. */
  cache?: boolean;
  cacheSecretFile?: string;
}

/** Prints the plan; returns 0 when nothing blocks, 1 when something does. */
export function runPlan(ctx: CommandContext, o: PlanOptions): number {
  const files = o.outputFiles ?? [];
  if (files.length > 0 && !ctx.writeFile) throw new UsageError('--output-file: this context writes no files');
  const at = ctx.now();
  const { base, before, after } = loadSides(ctx, o.base, 'plan', o);
  const changes = diffTargets(before.rendered.targets, after.rendered.targets);
  const kinds = pinnedKinds(ctx.fs, [...new Set([...before.model.addons, ...after.model.addons].map((a) => a.name))]);
  const simulation = simulateChange(before.rendered, after.rendered, base.rev, at, kinds);
  const envs = after.config.clusters.flatMap((c) => c.environments.map((e) => e.name));
  const plan = buildPlan({
    base: base.name,
    at,
    before,
    after,
    changes,
    simulation,
    findings: policyStep({ model: after.model, targets: after.rendered.targets }),
    overrides: readOverrides(ctx.fs, envs, at).records,
  });
  ctx.stdout(formatPlan(plan, o.output));
  for (const f of files) ctx.writeFile!(f.file, formatPlan(plan, f.format));
  return planExitCode(plan);
}
