/**
 * `npm run windows -- [--env <env>] [--at <ISO-8601>] [--output text|json|junit|tap|sarif]`: each environment's
 * change-window state at the instant, the rule that decides it, and the next change. The base
 * revision `validate`'s windows step compares with (`--base`) is ./base-revision.ts.
 */
import { loadConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { createFormat } from '../report/index.js';
import { instantAt } from '../validate/windows-step.js';
import { stateAt } from '../windows/engine.js';
import { formatLocal } from '../time/zone.js';
import { WAIVABLE } from '../policy/ids.js';
/** Parses `--at`; a usage error naming the expected form. Default `ctx.now()`. */
export function instantOption(ctx, at) {
    return instantAt(ctx.now, at);
}
export function runWindows(ctx, o) {
    const format = createFormat(o.output);
    const at = instantOption(ctx, o.at);
    const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
    const all = config.clusters.flatMap((c) => c.environments.map((env) => ({ env, cluster: c.name }))).sort((a, b) => (a.env.name < b.env.name ? -1 : 1));
    const chosen = o.env === undefined ? all : all.filter((e) => e.env.name === o.env);
    if (chosen.length === 0)
        throw new UsageError(`unknown environment "${o.env}": expected one of ${all.map((e) => e.env.name).join(', ')}`);
    const rows = chosen.map(({ env, cluster }) => {
        const s = stateAt(env.changeWindows, at);
        const zone = env.changeWindows && !env.changeWindows.alwaysOpen ? env.changeWindows.timeZone : undefined;
        return { env: env.name, cluster, zone, state: s };
    });
    ctx.stdout(format.listing(windowsListing(at, rows)));
    return 0;
}
/** The `windows` answer as the output formats print it (report/listing.ts). */
function windowsListing(at, rows) {
    const environments = rows.map((r) => ({
        environment: r.env,
        cluster: r.cluster,
        timeZone: r.zone ?? null,
        open: r.state.open,
        rule: r.state.rule,
        nextChange: r.state.nextChange?.toISOString() ?? null,
        nextChangeLocal: r.state.nextChange && r.zone ? formatLocal(r.zone, r.state.nextChange.getTime()) : null,
    }));
    const entries = rows.map((r) => {
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
