import { stateAt } from './engine.js';
/** How far ahead a common opening is looked for. */
export const OVERLAP_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;
const MAX_STEPS = 100_000;
/**
 * The first instant at or after `from`, within {@link OVERLAP_WEEKS} weeks, at which every one of
 * `windows` is open; `undefined` when there is none. Each environment's state only changes at its
 * own next change, so the search jumps from edge to edge.
 */
export function firstCommonOpening(windows, from) {
    const limit = from.getTime() + OVERLAP_WEEKS * WEEK_MS;
    let t = from.getTime();
    for (let step = 0; step < MAX_STEPS && t <= limit; step++) {
        const states = windows.map((w) => stateAt(w, new Date(t)));
        if (states.every((s) => s.open))
            return new Date(t);
        // The earliest edge after which some closed environment may open, or an open one may close.
        const edges = states.map((s) => s.nextChange?.getTime()).filter((e) => e !== undefined && e >= t);
        if (edges.length === 0)
            return undefined;
        // The edge itself still has the current state: look just after it.
        t = Math.min(...edges) + 1;
    }
    return undefined;
}
