import { parseDuration } from '../time/duration.js';
/**
 * How long an `auto` gray release runs before the controller promotes it: one pause per step below
 * 100% (render/rollout.ts: `setWeight`, `pause` for each such step). `undefined` for `git` control,
 * where every weight is its own reviewed change (each checked against the window when it lands),
 * and for a plan without a canary in progress.
 */
function canaryDurationMs(g) {
    if (g.control !== 'auto' || !g.canary)
        return undefined;
    const pause = parseDuration(g.pause);
    if (typeof pause !== 'number')
        return undefined;
    return g.steps.filter((w) => w < 100).length * pause;
}
/** Whether a canary started at `at` finishes by `closesAt` (`undefined`: the window never closes). */
export function canaryFits(g, at, closesAt) {
    const need = canaryDurationMs(g);
    if (need === undefined)
        return { fits: true, needMs: 0 };
    return { fits: closesAt === undefined || at.getTime() + need <= closesAt.getTime(), needMs: need };
}
