import { formatPath } from '../core/finding.js';
import { canaryFits } from './canary.js';
import { FREEZE_REPEAT_ERROR_DAYS } from './checks.js';
import { compileWindows } from '../model/change-windows.js';
import { addDays, daysBetween, formatDay, parseDay } from '../time/dates.js';
import { formatDuration } from '../time/duration.js';
import { stateAt } from './engine.js';
import { firstCommonOpening, OVERLAP_WEEKS } from './overlap.js';
import { formatLocal, offsetAt } from '../time/zone.js';
/**
 * The plain-data part of the configuration and model the checks read: small, JSON-safe, and a function
 * of the files alone, so `validate` keeps it with its cached report and skips loading the config.
 */
export function windowFacts(config, model) {
    return {
        config: {
            clusters: config.clusters.map((c) => ({
                file: c.file,
                environments: c.environments.map((e) => ({ name: e.name, namespace: e.namespace, ...(e.changeWindows ? { changeWindows: e.changeWindows } : {}) })),
            })),
        },
        model: {
            serviceNames: model.services.map((s) => s.name),
            environments: model.environments.map((e) => ({
                env: { name: e.env.name },
                instances: e.instances
                    .filter((i) => i.grayRelease)
                    .map((i) => ({ path: i.path, version: i.version, grayRelease: i.grayRelease, service: { name: i.service.name, file: i.service.file } })),
            })),
        },
    };
}
export function checkWindows(input) {
    const findings = freezeFindings(input);
    if (!input.touched)
        return findings;
    const envs = input.config.clusters.flatMap((c) => c.environments.map((e) => ({ env: e, cluster: c })));
    const staging = stagingAdvice(input, envs);
    for (const [name, differences] of input.touched) {
        const { env, cluster } = envs.find((e) => e.env.name === name);
        const state = stateAt(env.changeWindows, input.at);
        const path = ['environments', name, 'changeWindows'];
        const where = { file: cluster.file, ...line(input, cluster.file, path), path: formatPath(path) };
        const zone = zoneOf(env.changeWindows);
        const when = (d) => `${formatLocal(zone, d.getTime())} (${d.toISOString()})`;
        const n = differences.length;
        const what = `the change touches ${name} (${n} object${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from ${input.baseName}, e.g. ${differences[0].description})`;
        if (!state.open) {
            const opens = state.nextChange ? `; it next opens after ${when(state.nextChange)}` : '; it does not open within 5 years';
            const closed = `${name} is closed at ${when(input.at)}: ${state.rule}${opens}`;
            const override = input.overrides.find((o) => o.environments.includes(name));
            if (override) {
                findings.push({
                    check: 'windows/override',
                    severity: 'warning',
                    file: override.file,
                    line: override.line,
                    path: 'approver',
                    message: `EMERGENCY OVERRIDE: ${what}, and ${closed}. Let through by ${override.approver}: ${override.reason} (override expires ${override.expires.toISOString()})`,
                    hint: 'delete the override record once the emergency change has landed',
                });
            }
            else {
                findings.push({
                    check: 'windows/closed',
                    severity: 'error',
                    ...where,
                    message: `${what}, and ${closed}${staging}`,
                    hint: `merge it inside a window (check with \`npm run validate -- --at <ISO-8601>\`), or for an emergency commit changes/<id>.yaml with environments: [${name}], reason, approver, expires (docs/change-windows.md)`,
                });
            }
            continue;
        }
        const model = input.model.environments.find((e) => e.env.name === name);
        for (const i of model?.instances ?? []) {
            if (!i.grayRelease || !differences.some((d) => d.path === i.path))
                continue;
            const fit = canaryFits(i.grayRelease, input.at, state.nextChange);
            if (fit.fits)
                continue;
            const steps = i.grayRelease.steps.filter((w) => w < 100).length;
            findings.push({
                check: 'windows/canary-too-long',
                severity: 'error',
                file: i.service.file,
                ...line(input, i.service.file, ['environments', name, 'grayRelease']),
                path: formatPath(['environments', name, 'grayRelease']),
                message: `the gray release of ${i.service.name} in ${name} needs ${steps} step${steps === 1 ? '' : 's'} × ${i.grayRelease.pause} = ${formatDuration(fit.needMs)}, ` +
                    `but ${name} closes after ${when(state.nextChange)} (${state.rule}), ${formatDuration(state.nextChange.getTime() - input.at.getTime())} after ${when(input.at)}`,
                hint: 'start it earlier in the window, use fewer steps or a shorter `pause`, or `control: git` to advance each step in a change of its own',
            });
        }
    }
    return findings;
}
/**
 * When the touched environments with windows are never open together within {@link OVERLAP_WEEKS}
 * weeks, how to stage the change (text appended to `windows/closed`); else the empty text.
 */
function stagingAdvice(input, envs) {
    const order = input.model.environments.map((e) => e.env.name);
    const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
    const windowed = envs
        .filter((e) => input.touched.has(e.env.name) && e.env.changeWindows && !e.env.changeWindows.alwaysOpen)
        .sort((a, b) => rank(a.env.name) - rank(b.env.name) || (a.env.name < b.env.name ? -1 : 1));
    if (windowed.length < 2 || firstCommonOpening(windowed.map((e) => e.env.changeWindows), input.at))
        return '';
    const names = windowed.map((e) => e.env.name);
    // The service whose change it is; an ApplicationSet (which lists every service) names none.
    const services = new Set(names.flatMap((n) => input.touched.get(n).flatMap((d) => (d.service && input.model.serviceNames?.includes(d.service) ? [d.service] : []))));
    const service = services.size === 1 ? [...services][0] : '<service>';
    const [first, ...rest] = names;
    const promote = rest.map((env, i) => `\`npm run stage -- ${service} --env ${env} --from ${names[i]}\` inside ${env}'s`).join(', then ');
    return (`; ${names.join(' and ')} are never open at the same time in the next ${OVERLAP_WEEKS} weeks, so no single change can land in ${names.length === 2 ? 'both' : 'all of them'}: ` +
        `stage it one environment at a time, \`npm run stage -- ${service} --env ${first}\` (a change to ${first} alone) merged inside ${first}'s window, then ${promote}`);
}
function line(input, file, path) {
    const n = input.lineOf(file, path);
    return n === undefined ? {} : { line: n };
}
function zoneOf(w) {
    return w && !w.alwaysOpen ? w.timeZone : 'UTC';
}
/**
 * The next time Argo CD applies the freeze `from`..`to` again after its own year: the first later
 * year whose repetition has not ended by `today` (a freeze from 29 February repeats in leap years only).
 */
export function nextRepetition(from, to, today) {
    const length = daysBetween(from, to);
    for (let year = from.year + 1;; year++) {
        const start = { ...from, year };
        if (addDays(start, 0).month !== from.month)
            continue; // 29 February in a common year: cron does not fire
        const end = addDays(start, length);
        if (daysBetween(today, end) >= 0)
            return { from: start, to: end };
    }
}
/** Freezes that have ended, and freezes whose repetition a year earlier has not yet passed. */
function freezeFindings(input) {
    const out = [];
    for (const cluster of input.config.clusters) {
        for (const env of cluster.environments) {
            const w = env.changeWindows;
            if (!w || w.alwaysOpen)
                continue;
            // The calendar day of the instant in the environment's zone.
            const local = new Date(input.at.getTime() + offsetAt(w.timeZone, input.at.getTime()));
            const today = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
            w.freezes.forEach((f, i) => {
                const from = parseDay(f.from);
                const to = parseDay(f.to);
                const path = ['environments', env.name, 'changeWindows', 'freezes', i];
                const at = { file: cluster.file, ...line(input, cluster.file, path), path: formatPath(path) };
                if (daysBetween(to, today) > 0) {
                    const again = nextRepetition(from, to, today);
                    const days = daysBetween(today, again.from);
                    const repeat = `Argo CD applies it again from ${formatDay(again.from)} to ${formatDay(again.to)} (its cron has no year), holding every sync of ${env.name}`;
                    const error = days <= FREEZE_REPEAT_ERROR_DAYS;
                    out.push({
                        check: 'windows/freeze-ended',
                        severity: error ? 'error' : 'warning',
                        ...at,
                        message: error
                            ? `freeze "${f.name}" ended on ${f.to}; ${repeat} ${days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : 'now'}`
                            : `freeze "${f.name}" ended on ${f.to}; ${repeat}; this becomes an error on ${formatDay(addDays(again.from, -FREEZE_REPEAT_ERROR_DAYS))}`,
                        hint: `delete the freeze from ${cluster.file} (the change touches no environment, so it can land at any time)`,
                    });
                    return;
                }
                const previous = { ...from, year: from.year - 1 };
                const previousEnd = addDays(previous, daysBetween(from, to));
                if (daysBetween(today, previousEnd) >= 0 && compileWindows(w).length > 0) {
                    out.push({
                        check: 'windows/freeze-early',
                        severity: 'warning',
                        ...at,
                        message: `freeze "${f.name}" (${f.from} to ${f.to}) also closes ${env.name} from ${formatDay(previous)} to ${formatDay(previousEnd)}: Argo CD repeats it every year (its cron has no year)`,
                        hint: `add the freeze after ${formatDay(previousEnd)}, or accept the earlier closing`,
                    });
                }
            });
        }
    }
    return out;
}
