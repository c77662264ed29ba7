import { compileWindows } from '../model/change-windows.js';
import { nextOffsetChange, offsetAt } from '../time/zone.js';
/** The state of `windows` at `instant`, with the rule that decides it and the next change. */
export function stateAt(windows, instant) {
    const list = compileWindows(windows);
    const t = instant.getTime();
    const v = verdict(windows, list, t);
    return { ...v, nextChange: nextChange(list, t, v.open) };
}
/** Whether Argo CD counts `w` active at `ms`. */
export function isActive(w, ms) {
    return activeFiring(w, ms) !== undefined;
}
/** The firing (on the shifted clock) that makes `w` active at `ms`, if any. */
function activeFiring(w, ms) {
    const shifted = ms + offsetAt(w.timeZone, ms);
    const f = w.cron.next(shifted - w.durationMs);
    return f !== undefined && f < shifted ? f : undefined;
}
function verdict(config, list, t) {
    if (config?.alwaysOpen)
        return { open: true, rule: 'always open (`alwaysOpen: true`)', deciding: [] };
    if (list.length === 0)
        return { open: true, rule: 'no change windows configured', deciding: [] };
    const denies = list.filter((w) => w.kind === 'deny' && isActive(w, t));
    if (denies.length > 0) {
        const more = denies.length > 1 ? ` (and ${denies.length - 1} more deny window${denies.length > 2 ? 's' : ''})` : '';
        return { open: false, rule: `${describeWindow(denies[0], t)}${more}`, deciding: denies };
    }
    const allows = list.filter((w) => w.kind === 'allow');
    const active = allows.find((w) => isActive(w, t));
    if (active)
        return { open: true, rule: describeWindow(active, t), deciding: [active] };
    if (allows.length > 0) {
        return { open: false, rule: `outside every allow window (${allows.map((w) => describeWindow(w, t)).join('; ')})`, deciding: allows };
    }
    return { open: true, rule: 'no deny window or freeze is active, and there are no allow windows', deciding: [] };
}
/** `allow window "…" (0 22 * * 2,4 for 2h, Asia/Shanghai)`, `freeze "…" (2027-02-05 to 2027-02-13)`. */
function describeWindow(w, at) {
    if (w.origin.type === 'freeze') {
        const f = w.origin.freeze;
        const base = `freeze "${f.name}" (${f.from} to ${f.to}, ${w.timeZone})`;
        const firing = at === undefined ? undefined : activeFiring(w, at);
        const year = firing === undefined ? undefined : new Date(firing).getUTCFullYear();
        // Cron has no year: Argo CD repeats the freeze on the same dates every year.
        return year !== undefined && String(year) !== f.from.slice(0, 4) ? `${base}, repeated by Argo CD in ${year} because cron has no year` : base;
    }
    return `${w.kind} window "${w.description}" (${w.schedule} for ${w.duration}, ${w.timeZone})`;
}
const HORIZON_MS = 5 * 366 * 86_400_000;
const MAX_STEPS = 100_000;
/**
 * The first edge after `t` past which the verdict is no longer `open`. Candidate edges are window
 * starts and ends on the shifted clock and the zones' offset changes; the verdict is constant
 * between consecutive candidates, so it is evaluated just after each.
 */
function nextChange(list, t, open) {
    if (list.length === 0)
        return undefined;
    // Exactly on an opening edge: the state changes right after the instant itself.
    if (verdict(undefined, list, t + 1).open !== open)
        return new Date(t);
    const limit = t + HORIZON_MS;
    let p = t;
    for (let step = 0; step < MAX_STEPS; step++) {
        let c = Infinity;
        for (const w of list) {
            const off = offsetAt(w.timeZone, p);
            const shifted = p + off;
            const start = w.cron.next(shifted);
            if (start !== undefined)
                c = Math.min(c, start - off);
            const end = w.cron.next(shifted - w.durationMs);
            if (end !== undefined)
                c = Math.min(c, end + w.durationMs - off);
            const shift = nextOffsetChange(w.timeZone, p, limit);
            if (shift !== undefined)
                c = Math.min(c, shift);
        }
        if (!(c <= limit))
            return undefined;
        if (verdict(undefined, list, c + 1).open !== open)
            return new Date(c);
        p = c;
    }
    return undefined;
}
