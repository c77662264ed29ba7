import { prometheusSeconds } from '../../time/duration.js';
import { isRaw, q } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
/** The duration keys of each part of `alerts`. */
const DURATIONS = {
    latency: ['window', 'for'],
    unavailable: ['for'],
    resources: ['window', 'for'],
    restarts: ['window', 'crashLoopFor'],
    data: ['walArchivingFor', 'backupMargin'],
    security: ['window', 'for'],
    configuration: ['outOfSyncFor', 'syncFailedWindow'],
};
/** Checks `environments.<env>.alerts` of one environment, when it is written. */
export function checkAlerts(r, env, e) {
    const a = e.alerts;
    if (!isRaw(a))
        return;
    const at = (...p) => ['environments', env, 'alerts', ...p];
    for (const [part, keys] of Object.entries(DURATIONS)) {
        const o = a[part];
        if (isRaw(o))
            for (const key of keys)
                duration(r, at(part, key), o[key]);
    }
    if (isRaw(a.security))
        checkName(r, at('security', 'gateway'), a.security.gateway, 'api-gateway');
    if (isRaw(a.availability))
        checkBurnRates(r, at('availability'), a.availability);
}
/**
 * A burn rate alerts only while the error ratio over both windows exceeds `factor` × the error
 * budget (100 % − objective): above 100 % it can never fire. The short window must be the shorter,
 * or the pair degenerates to one window that keeps firing long after the errors stopped.
 */
function checkBurnRates(r, at, availability) {
    const objective = typeof availability.objective === 'number' && availability.objective > 0 && availability.objective < 100 ? availability.objective : 99.9;
    if (!Array.isArray(availability.burnRates))
        return;
    const longs = new Map();
    availability.burnRates.forEach((b, i) => {
        if (!isRaw(b))
            return;
        const long = duration(r, [...at, 'burnRates', i, 'long'], b.long);
        // The alert is named after its long window (`ErrorBudgetBurn1h`): two of one name could not be told apart.
        const first = typeof b.long === 'string' ? longs.get(b.long) : undefined;
        if (first !== undefined) {
            r.report('burn-rate', [...at, 'burnRates', i, 'long'], `${q([...at, 'burnRates', i, 'long'])} (${String(b.long)}) is already the long window of \`burnRates[${first}]\``, 'each burn rate is the alert `ErrorBudgetBurn<long>`: give each its own long window');
        }
        else if (typeof b.long === 'string')
            longs.set(b.long, i);
        const short = duration(r, [...at, 'burnRates', i, 'short'], b.short);
        if (long !== undefined && short !== undefined && short >= long) {
            r.report('burn-rate', [...at, 'burnRates', i, 'short'], `${q([...at, 'burnRates', i, 'short'])} (${String(b.short)}) is not shorter than \`long\` (${String(b.long)})`, 'the short window shows the burn is still going on: make it shorter than the long one, the SRE workbook takes a twelfth (`5m` for `1h`)');
        }
        const budget = (100 - objective) / 100;
        if (typeof b.factor === 'number' && b.factor > 0 && b.factor * budget > 1) {
            const most = Math.floor((1 / budget) * 1000) / 1000;
            r.report('burn-rate', [...at, 'burnRates', i, 'factor'], `${q([...at, 'burnRates', i, 'factor'])} is ${b.factor}: with an objective of ${objective} % it fires only above an error ratio of ${round(b.factor * budget * 100)} %, so it never fires`, `use a factor of at most ${most} (100 / (100 - objective))`);
        }
    });
}
/** Seconds of a Prometheus duration longer than zero; reports anything else (other types are the schema's). */
function duration(r, path, v) {
    if (typeof v !== 'string')
        return undefined;
    const s = prometheusSeconds(v);
    if (s !== undefined && s > 0)
        return s;
    r.report('duration', path, s === 0 ? `${q(path)} is ${JSON.stringify(v)}; it must be longer than zero` : `${q(path)} is ${JSON.stringify(v)}, not a Prometheus duration`, 'write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`');
    return undefined;
}
function round(n) {
    return Math.round(n * 1000) / 1000;
}
