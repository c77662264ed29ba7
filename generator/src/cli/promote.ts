/**
 * `npm run promote -- <service> --from <env> --to <env> [--dry-run]` (issue 14): the version that
 * runs in the source environment becomes the target's version, or its next canary when the target
 * has a gray release (canary/promote.ts decides); the service file is edited with its comments kept
 * (canary/edit.ts), checked to load, written atomically and re-rendered, and the changed lines are
 * printed. Exit 0 promoted or nothing to promote, 1 refused (source mid-canary, target mid-canary,
 * window closed without an override record), 2 bad usage.
 */
import { editServiceText } from '../canary/edit.js';
import { decidePromotion } from '../canary/promote.js';
import { UsageError } from '../core/errors.js';
import { printable } from '../core/printable.js';
import { promotionOrder } from '../model/build.js';
import { readOverrides } from '../windows/overrides.js';
import { openForWriting } from '../write/session.js';
import type { CommandContext } from './context.js';
import { serviceNamed, writeEditAndRender } from './edit-service.js';

export interface PromoteOptions {
  /** Service name, e.g. `xiaoai`. */
  service: string;
  /** The environment whose stable version is promoted, e.g. `staging`. */
  from: string;
  /** The environment it is promoted to, e.g. `prod`. */
  to: string;
  /** Print the edit, write nothing. Default false. */
  dryRun?: boolean;
}

/** Returns the exit code. */
export function runPromote(ctx: CommandContext, o: PromoteOptions): number {
  if (o.dryRun) return promote(ctx, o);
  // Like `canary`: one writer at a time, and an interrupted render finished before anything is read.
  const session = openForWriting(ctx.root, { now: ctx.now });
  try {
    for (const note of session.notes) ctx.stderr(`note: ${printable(note)}\n`);
    return promote(ctx, o);
  } finally {
    session.close();
  }
}

function promote(ctx: CommandContext, o: PromoteOptions): number {
  const { config, service } = serviceNamed(ctx, o.service);
  const envs = config.clusters.flatMap((c) => c.environments).sort(promotionOrder);
  const env = (name: string, flag: string) => {
    const e = envs.find((x) => x.name === name);
    if (!e) throw new UsageError(`${flag}: no environment \`${name}\`; environments: ${envs.map((x) => x.name).join(', ')}`);
    return e;
  };
  const from = env(o.from, '--from');
  const to = env(o.to, '--to');
  if (from.name === to.name) throw new UsageError(`--from and --to are both \`${to.name}\`: promote between two environments`);
  const at = ctx.now();
  const decision = decidePromotion({ service, from, to, at, overrides: readOverrides(ctx.fs, envs.map((e) => e.name), at).records });
  if (decision.kind === 'refused') {
    ctx.stderr(`error: ${printable(decision.message)}\n`);
    return 1;
  }
  if (decision.kind === 'nothing') {
    ctx.stdout(`${printable(decision.message)}\n`);
    return 0;
  }
  if (decision.note) ctx.stderr(`warning: ${printable(decision.note)}\n`);
  const before = ctx.fs.readText(service.file)!;
  const after = editServiceText(before, to.name, decision.edit);
  return writeEditAndRender(ctx, { file: service.file, before, after, headline: printable(decision.summary), ...(o.dryRun ? { dryRun: true } : {}) });
}
