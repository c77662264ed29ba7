import { parseCron } from '../time/cron.js';
import { parseDuration } from '../time/duration.js';
import { isActive } from '../windows/engine.js';
import { offsetAt, formatLocal } from '../time/zone.js';
import { globMatch } from '../argo/glob.js';
import { list, rec, str } from './objects.js';
// Projects and Applications are reconciled many times per instant and rarely change: their windows
// are compiled once per manifest (a changed object is a new manifest) and each window is evaluated
// once per instant.
const compiled = new WeakMap();
const matched = new WeakMap();
const active = new WeakMap();
const NONE = [];
/** The `spec.syncWindows` of an AppProject; a window the engine cannot read is left out (validate reports it). */
export function projectWindows(project) {
    if (!project)
        return NONE;
    let out = compiled.get(project);
    if (!out)
        compiled.set(project, (out = compile(project)));
    return out;
}
function compile(project) {
    const out = [];
    list(rec(project?.['spec'])['syncWindows']).map(rec).forEach((w, index) => {
        const schedule = str(w['schedule']) ?? '';
        const duration = str(w['duration']) ?? '';
        const cron = parseCron(schedule);
        const durationMs = parseDuration(duration);
        if ('error' in cron || typeof durationMs !== 'number')
            return;
        const kind = w['kind'] === 'deny' ? 'deny' : 'allow';
        const description = str(w['description']) ?? `${kind} ${schedule} for ${duration}`;
        out.push({
            window: { kind, schedule, duration, durationMs, timeZone: str(w['timeZone']) ?? 'UTC', cron, description, origin: { type: kind, index, rule: { schedule, duration, description } } },
            applications: list(w['applications']).map(String),
            namespaces: list(w['namespaces']).map(String),
            clusters: list(w['clusters']).map(String),
            manualSync: w['manualSync'] === true,
        });
    });
    return out;
}
/** The windows that apply to an Application. */
export function matching(windows, app) {
    if (windows.length === 0)
        return NONE;
    const hit = matched.get(app);
    if (hit?.windows === windows)
        return hit.result;
    const result = match(windows, app);
    matched.set(app, { windows, result });
    return result;
}
function match(windows, app) {
    const spec = rec(app['spec']);
    const dst = rec(spec['destination']);
    const name = str(rec(app['metadata'])['name']) ?? '';
    return windows.filter((w) => w.applications.some((g) => globMatch(g, name)) ||
        w.namespaces.some((g) => globMatch(g, str(dst['namespace']) ?? '')) ||
        w.clusters.some((g) => globMatch(g, str(dst['server']) ?? '') || globMatch(g, str(dst['name']) ?? '')));
}
/** Whether an automated (or manual) sync may run at `ms`. */
export function canSync(windows, ms, manual = false) {
    const open = windows.filter((w) => activeAt(w.window, ms));
    const denies = open.filter((w) => w.window.kind === 'deny');
    if (denies.length > 0)
        return manual && denies.every((w) => w.manualSync);
    if (open.some((w) => w.window.kind === 'allow'))
        return true;
    const allows = windows.filter((w) => w.window.kind === 'allow');
    if (allows.length > 0)
        return manual && allows.every((w) => w.manualSync);
    return true;
}
function activeAt(w, ms) {
    const hit = active.get(w);
    if (hit?.ms === ms)
        return hit.value;
    const value = isActive(w, ms);
    active.set(w, { ms, value });
    return value;
}
const HOUR = 3_600_000;
/**
 * The first instant after `ms` at which {@link canSync} changes, searched window edge by window
 * edge up to `limit` (cron starts and ends on each zone's shifted clock, as the engine does).
 */
export function nextChange(windows, ms, limit) {
    if (windows.length === 0)
        return undefined;
    const hit = changes.get(windows);
    if (hit?.ms === ms && hit.limit === limit)
        return hit.value;
    const value = searchChange(windows, ms, limit);
    changes.set(windows, { ms, limit, value });
    return value;
}
const changes = new WeakMap();
function searchChange(windows, ms, limit) {
    const now = canSync(windows, ms);
    let p = ms;
    while (p < limit) {
        let c = Infinity;
        for (const { window: w } of windows) {
            const off = offsetAt(w.timeZone, p);
            const start = w.cron.next(p + off);
            if (start !== undefined)
                c = Math.min(c, start - off);
            const end = w.cron.next(p + off - w.durationMs);
            if (end !== undefined)
                c = Math.min(c, end + w.durationMs - off);
        }
        // Zone offset changes are picked up within an hour.
        c = Math.min(c, p + 24 * HOUR);
        if (c <= p)
            c = p + 1;
        if (canSync(windows, c + 1) !== now)
            return c + 1;
        p = c;
    }
    return undefined;
}
/** `2026-12-08T22:00+08:00` in the first window's zone. */
export function formatInstant(windows, ms) {
    const zone = windows[0]?.window.timeZone ?? 'UTC';
    return formatLocal(zone, ms);
}
