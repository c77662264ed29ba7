/**
 * Cron in Argo CD's dialect: robfig/cron v3 with the parser Argo CD builds for sync windows
 * (`Minute | Hour | Dom | Month | Dow`): exactly five fields, no `@daily` descriptors, no seconds, no
 * `TZ=` prefix, day-of-week 0–6, names (`JAN`–`DEC`, `SUN`–`SAT`) in the month and day-of-week fields,
 * `*`, `?`, `a-b`, `*\/n`, `a-b/n`, `a/n` (= `a-max/n`), lists with `,`.
 *
 * The grammar and robfig's day rule are ours (they decide what Argo CD accepts and means); computing
 * the next firing is croner's. Each field is handed to croner as an explicit list, and a day field as
 * `*` exactly when robfig would mark it "star", so croner's day-of-month/day-of-week rule (AND when
 * either is `*`, else OR) is robfig's.
 */
import { Cron } from 'croner';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS = [
    { name: 'minute', min: 0, max: 59 },
    { name: 'hour', min: 0, max: 23 },
    { name: 'day of month', min: 1, max: 31 },
    { name: 'month', min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
    { name: 'day of week', min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];
/** Parses a schedule; a message saying what is wrong (and what Argo CD expects) when it is not valid. */
export function parseCron(source) {
    const text = source.trim();
    if (text.startsWith('@'))
        return { error: `descriptors such as \`${text.split(/\s/)[0]}\` are not accepted by Argo CD's sync-window parser; write five fields` };
    if (/^(CRON_)?TZ=/.test(text))
        return { error: 'a `TZ=` prefix is not used here; give the zone as `timeZone` of the environment' };
    const parts = text.split(/\s+/).filter((p) => p !== '');
    if (parts.length !== 5)
        return { error: `expected exactly 5 fields (minute hour day-of-month month day-of-week), found ${parts.length}` };
    const fields = [];
    for (const [i, part] of parts.entries()) {
        const f = parseField(part, FIELDS[i]);
        if ('error' in f)
            return { error: `${FIELDS[i].name} field \`${part}\`: ${f.error}` };
        fields.push(f);
    }
    const pattern = fields.map((f, i) => ((i === 2 || i === 4) && f.star ? '*' : f.values.join(','))).join(' ');
    const cron = new Cron(pattern, { mode: '5-part', utcOffset: 0, domAndDow: false, paused: true });
    const horizon = 5 * 366 * 86_400_000;
    return {
        source,
        fields: fields,
        next(afterMs) {
            const d = cron.nextRun(new Date(afterMs));
            return d && d.getTime() - afterMs <= horizon ? d.getTime() : undefined;
        },
    };
}
function parseField(field, spec) {
    const values = new Set();
    let star = false;
    for (const part of field.split(',')) {
        const [range, stepText, extra] = part.split('/');
        if (extra !== undefined)
            return { error: `too many \`/\` in \`${part}\`` };
        let lo;
        let hi;
        let partStar = false;
        if (range === '*' || range === '?') {
            [lo, hi, partStar] = [spec.min, spec.max, true];
        }
        else {
            const bounds = (range ?? '').split('-');
            if (bounds.length > 2)
                return { error: `too many \`-\` in \`${part}\`` };
            const a = number(bounds[0], spec);
            if (typeof a === 'string')
                return { error: a };
            lo = a;
            if (bounds.length === 2) {
                const b = number(bounds[1], spec);
                if (typeof b === 'string')
                    return { error: b };
                hi = b;
            }
            else
                hi = stepText !== undefined ? spec.max : a; // robfig: `a/n` means `a-max/n`
        }
        let step = 1;
        if (stepText !== undefined) {
            if (!/^\d+$/.test(stepText) || Number(stepText) === 0)
                return { error: `the step \`/${stepText}\` must be a positive whole number` };
            step = Number(stepText);
            if (step > 1)
                partStar = false;
        }
        if (lo < spec.min)
            return { error: `${lo} is below the minimum ${spec.min}` };
        if (hi > spec.max)
            return { error: `${hi} is above the maximum ${spec.max}${spec.name === 'day of week' ? ' (Sunday is 0, not 7)' : ''}` };
        if (lo > hi)
            return { error: `the range starts at ${lo}, after its end ${hi}` };
        for (let v = lo; v <= hi; v += step)
            values.add(v);
        star ||= partStar;
    }
    return { values: [...values].sort((x, y) => x - y), star };
}
function number(text, spec) {
    if (/^\d+$/.test(text))
        return Number(text);
    const named = spec.names?.[text.toLowerCase()];
    if (named !== undefined)
        return named;
    if (text === '')
        return 'a value is missing';
    if (/^[LW#]|[LW#]$|#/.test(text))
        return `\`${text}\`: L, W and # are not part of Argo CD's cron`;
    return `\`${text}\` is not a number${spec.names ? ' or a name' : ''}`;
}
