/**
 * `npm run windows -- [--env <env>] [--at <ISO-8601>] [--output text|json|junit|tap|sarif]`: each environment's
 * change-window state at the instant, the rule that decides it, and the next change. The base
 * revision `validate`'s windows step compares with (`--base`) is ./base-revision.ts.
 */
import { loadConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { createFormat, type Listing, type ListingEntry } from '../report/index.js';
import { instantAt } from '../validate/windows-step.js';
import { stateAt } from '../windows/engine.js';
import { formatLocal } from '../time/zone.js';
import type { CommandContext } from './context.js';
import { WAIVABLE } from '../policy/ids.js';

export interface WindowsOptions {
  /** Only this environment. Default: all, by name. */
  env?: string;
  /** The instant, ISO-8601 with `Z` or an offset. Default: now. */
  at?: string;
  /** Output format (report/registry.ts): `text` (default), `json`, `junit`, `tap`, `sarif`. */
  output: string;
  /** Exit 1 when a listed environment's window is closed (for scripts: `windows --env prod --fail-when-closed && deploy`). */
  failWhenClosed?: boolean;
}

/** Parses `--at`; a usage error naming the expected form. Default `ctx.now()`. */
export function instantOption(ctx: CommandContext, at: string | undefined): Date {
  return instantAt(ctx.now, at);
}

export function runWindows(ctx: CommandContext, o: WindowsOptions): number {
  const format = createFormat(o.output);
  const at = instantOption(ctx, o.at);
  const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
  const all = config.clusters.flatMap((c) => c.environments.map((env) => ({ env, cluster: c.name }))).sort((a, b) => (a.env.name < b.env.name ? -1 : 1));
  const chosen = o.env === undefined ? all : all.filter((e) => e.env.name === o.env);
  if (chosen.length === 0) throw new UsageError(`unknown environment "${o.env}": expected one of ${all.map((e) => e.env.name).join(', ')}`);
  const rows = chosen.map(({ env, cluster }) => {
    const s = stateAt(env.changeWindows, at);
    const zone = env.changeWindows && !env.changeWindows.alwaysOpen ? env.changeWindows.timeZone : undefined;
    return { env: env.name, cluster, zone, state: s };
  });
  ctx.stdout(format.listing(windowsListing(at, rows)));
  const closed = rows.filter((r) => !r.state.open).map((r) => r.env);
  if (o.failWhenClosed !== true || closed.length === 0) return 0;
  ctx.stderr(`closed: ${closed.join(', ')} (--fail-when-closed)\n`);
  return 1;
}

/** One environment's change-window state at the instant. */
interface WindowRow {
  env: string;
  cluster: string;
  /** The time zone of its windows; none when it is always open. */
  zone: string | undefined;
  state: ReturnType<typeof stateAt>;
}

/** The `windows` answer as the output formats print it (report/listing.ts). */
function windowsListing(at: Date, rows: readonly WindowRow[]): Listing {
  const environments = rows.map((r) => ({
    environment: r.env,
    cluster: r.cluster,
    timeZone: r.zone ?? null,
    open: r.state.open,
    rule: r.state.rule,
    nextChange: r.state.nextChange?.toISOString() ?? null,
    nextChangeLocal: r.state.nextChange && r.zone ? formatLocal(r.zone, r.state.nextChange.getTime()) : null,
  }));
  const entries = rows.map((r): ListingEntry => {
    const c = r.state.nextChange;
    const local = c && r.zone ? `${formatLocal(r.zone, c.getTime())} (${c.toISOString()})` : c?.toISOString();
    return {
      file: `clusters/${r.cluster}/cluster.yaml`,
      object: `Environment ${r.env}`,
      heading: `${r.env}: ${r.state.open ? 'open' : 'closed'}${r.zone ? ` (${formatLocal(r.zone, at.getTime())} ${r.zone})` : ''}`,
      details: [
        ['rule', r.state.rule],
        ['next', c ? `${r.state.open ? 'closes' : 'opens'} after ${local}` : 'no change ahead'],
      ],
    };
  });
  return { title: `Change windows at ${at.toISOString()}`, check: 'windows/state', data: { at: at.toISOString(), environments }, entries };
}
