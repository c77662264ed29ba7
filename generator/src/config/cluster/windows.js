import { parseCron } from '../../time/cron.js';
import { daysBetween, parseDay } from '../../time/dates.js';
import { parseDuration } from '../../time/duration.js';
import { checkZone, knownZones } from '../../time/zone.js';
import { Reporter, isRaw, q } from '../shared/checks.js';
import { didYouMean } from '../shared/names.js';
/** Longest freeze: it is emitted as a yearly deny window, which must not overlap its own repetition. */
const MAX_FREEZE_DAYS = 365;
const LISTS = ['allow', 'deny', 'freezes'];
/** Checks the change windows of every environment of one cluster file (structure already checked by the schema). */
export function checkChangeWindowsFile(f, out) {
    if (!isRaw(f.data.environments))
        return;
    const r = new Reporter(f.source, out);
    for (const [env, e] of Object.entries(f.data.environments)) {
        if (isRaw(e) && isRaw(e.changeWindows))
            checkWindows(r, ['environments', env, 'changeWindows'], e.changeWindows);
    }
}
function checkWindows(r, at, w) {
    const given = LISTS.filter((k) => w[k] !== undefined);
    if (w.alwaysOpen === true) {
        for (const k of [...(w.timeZone !== undefined ? ['timeZone'] : []), ...given]) {
            r.report('change-windows', [...at, k], `${q([...at, k])} is given with \`alwaysOpen: true\`, which ignores it`, `remove \`${k}\`, or remove \`alwaysOpen\` to use the windows`, 'key');
        }
        return;
    }
    if (w.alwaysOpen === false) {
        r.report('change-windows', [...at, 'alwaysOpen'], `${q([...at, 'alwaysOpen'])} is \`false\`, which says nothing`, 'remove it: an environment with `timeZone` and windows is open only as they say', 'value');
    }
    if (typeof w.timeZone !== 'string') {
        if (w.timeZone === undefined) {
            r.report('change-windows', at, `missing \`timeZone\` in ${q(at)}`, 'add `timeZone: Asia/Shanghai` (an IANA zone; Argo CD would read windows without one in UTC)', 'key');
        }
    }
    else {
        const z = checkZone(w.timeZone);
        if (!z.ok) {
            const near = z.suggestion !== undefined ? `did you mean \`${z.suggestion}\`?` : didYouMean(w.timeZone, knownZones());
            r.report('time-zone', [...at, 'timeZone'], `${q([...at, 'timeZone'])} is ${JSON.stringify(w.timeZone)}, not an IANA time zone (Argo CD would silently use UTC)`, near ?? 'use a zone name such as `Asia/Shanghai` or `Europe/Berlin` (case matters)');
        }
    }
    const count = given.reduce((n, k) => n + (Array.isArray(w[k]) ? w[k].length : 0), 0);
    if (count === 0) {
        r.report('change-windows', at, `${q(at)} declares no window, freeze or \`alwaysOpen\``, 'add `allow` windows (e.g. `{schedule: "0 22 * * 2,4", duration: 2h, description: …}`), or write `alwaysOpen: true`', 'key');
    }
    for (const kind of ['allow', 'deny']) {
        if (!Array.isArray(w[kind]))
            continue;
        w[kind].forEach((x, i) => {
            if (isRaw(x))
                checkRule(r, [...at, kind, i], x);
        });
    }
    if (Array.isArray(w.freezes)) {
        const names = new Map();
        w.freezes.forEach((x, i) => {
            if (!isRaw(x))
                return;
            checkFreeze(r, [...at, 'freezes', i], x);
            if (typeof x.name !== 'string')
                return;
            const first = names.get(x.name);
            if (first !== undefined) {
                r.report('duplicate', [...at, 'freezes', i, 'name'], `freeze name ${JSON.stringify(x.name)} is already used by ${q([...at, 'freezes', first])}`, 'give every freeze a name of its own, e.g. with its year');
            }
            else
                names.set(x.name, i);
        });
    }
}
function checkRule(r, at, x) {
    if (typeof x.schedule === 'string') {
        const c = parseCron(x.schedule);
        if ('error' in c) {
            r.report('cron', [...at, 'schedule'], `${q([...at, 'schedule'])} ${JSON.stringify(x.schedule)} is not a schedule Argo CD accepts: ${c.error}`, 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays');
        }
    }
    if (typeof x.duration === 'string') {
        const d = parseDuration(x.duration);
        if (typeof d !== 'number')
            r.report('duration', [...at, 'duration'], `${q([...at, 'duration'])} ${JSON.stringify(x.duration)} is not a duration Argo CD accepts`, d.error);
    }
}
function checkFreeze(r, at, x) {
    const from = typeof x.from === 'string' ? parseDay(x.from) : undefined;
    const to = typeof x.to === 'string' ? parseDay(x.to) : undefined;
    if (from && 'error' in from)
        r.report('date', [...at, 'from'], `${q([...at, 'from'])} is ${JSON.stringify(x.from)}: ${from.error}`, 'write the first day of the freeze, e.g. `from: 2027-02-05`');
    if (to && 'error' in to)
        r.report('date', [...at, 'to'], `${q([...at, 'to'])} is ${JSON.stringify(x.to)}: ${to.error}`, 'write the last day of the freeze, e.g. `to: 2027-02-13`');
    if (!from || !to || 'error' in from || 'error' in to)
        return;
    const days = daysBetween(from, to) + 1;
    if (days < 1) {
        r.report('date', [...at, 'to'], `${q(at)} ends (${String(x.to)}) before it starts (${String(x.from)})`, 'swap `from` and `to`: both days are included');
    }
    else if (days > MAX_FREEZE_DAYS) {
        r.report('date', [...at, 'to'], `${q(at)} lasts ${days} days; a freeze is at most ${MAX_FREEZE_DAYS} days`, 'Argo CD repeats a freeze every year (cron has no year): split it, or use a deny window');
    }
}
/** The typed config of a `changeWindows` mapping that passed the checks (with `timeZone` unless `alwaysOpen`). */
export function buildChangeWindows(v) {
    const { alwaysOpen, timeZone, allow, deny, freezes } = v;
    if (alwaysOpen === true)
        return { alwaysOpen: true };
    // The checks refuse windows without `timeZone` unless `alwaysOpen: true`, so it is present here.
    return { alwaysOpen: false, timeZone: timeZone, allow, deny, freezes };
}
