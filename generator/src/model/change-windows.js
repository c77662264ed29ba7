import { parseCron } from '../time/cron.js';
import { daysBetween, parseDay } from '../time/dates.js';
import { parseDuration } from '../time/duration.js';
const cache = new WeakMap();
/**
 * The windows of a checked config, in emission order: allow, deny, freezes. `undefined` or
 * `alwaysOpen` → none. Throws on a config the checks would have refused (a bug, not a user error).
 */
export function compileWindows(w) {
    if (!w || w.alwaysOpen)
        return [];
    let out = cache.get(w);
    if (out)
        return out;
    const rule = (kind) => (r, index) => ({
        kind,
        schedule: r.schedule,
        duration: r.duration,
        durationMs: must(parseDuration(r.duration), r.duration),
        timeZone: w.timeZone,
        cron: must(parseCron(r.schedule), r.schedule),
        description: r.description,
        origin: { type: kind, index, rule: r },
    });
    out = [...w.allow.map(rule('allow')), ...w.deny.map(rule('deny')), ...w.freezes.map((f, index) => freezeWindow(w.timeZone, f, index))];
    cache.set(w, out);
    return out;
}
/**
 * A freeze as a deny window: cron at 00:00 of its first day (day and month: cron has no year),
 * lasting whole days up to the end of its last day. Argo CD therefore repeats it every year on the
 * same dates; `validate` reports a freeze that has ended, so it is deleted before it repeats.
 */
function freezeWindow(timeZone, f, index) {
    const from = must(parseDay(f.from), f.from);
    const to = must(parseDay(f.to), f.to);
    const days = daysBetween(from, to) + 1;
    const schedule = `0 0 ${from.day} ${from.month} *`;
    return {
        kind: 'deny',
        schedule,
        duration: `${days * 24}h`,
        durationMs: days * 86_400_000,
        timeZone,
        cron: must(parseCron(schedule), schedule),
        description: `Freeze ${f.name} (${f.from} to ${f.to}): ${f.reason}`,
        origin: { type: 'freeze', index, freeze: f },
    };
}
function must(v, what) {
    if (typeof v === 'object' && v !== null && 'error' in v)
        throw new Error(`change windows: unchecked value ${JSON.stringify(what)}: ${v.error}`);
    return v;
}
