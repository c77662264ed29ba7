/**
 * Calendar days (`YYYY-MM-DD`) of freezes and instants (`--at`, an override's `expires`), parsed
 * strictly by our own grammar: plain proleptic Gregorian dates, years 0001–9999 as written. Never
 * `Date.parse` or `Date.UTC` on what the user wrote: they read years 0–99 as 1900–1999 and roll an
 * impossible date or offset over into a real one.
 */
/**
 * Milliseconds since the epoch of a UTC wall time, with the year as written (`Date.UTC` would read
 * 27 as 1927). Fields out of range roll over, as in `Date.UTC`: `day: 32` is the next month's first.
 */
export function utcMs(year, month, day, hour = 0, minute = 0, second = 0, ms = 0) {
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    d.setUTCHours(hour, minute, second, ms);
    return d.getTime();
}
/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year, month) {
    if (month === 2)
        return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function isCalendarDay(year, month, day) {
    return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
/** Parses `2027-02-05`; a message when it is not a real date in that form. */
export function parseDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m)
        return { error: 'expected a date written YYYY-MM-DD, e.g. `2027-02-05`' };
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDay(year, month, day))
        return { error: `${text} is not a date in the calendar` };
    return { year, month, day };
}
/** Days from `a` to `b` (`b` − `a`). */
export function daysBetween(a, b) {
    return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / 86_400_000);
}
export function formatDay(d) {
    return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
export function addDays(d, n) {
    const x = new Date(utcMs(d.year, d.month, d.day + n));
    return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}
/** Largest UTC offset in use anywhere (Kiribati, +14:00; the most negative is −12:00). */
const MAX_OFFSET_MINUTES = 14 * 60;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** The form {@link parseInstant} accepts, as its error says it. */
export const INSTANT_FORM = 'is not an ISO-8601 date and time with a UTC offset, e.g. 2027-03-02T22:30:00+08:00 or 2027-03-02T14:30:00Z';
/**
 * Parses an ISO-8601 instant: date, `T`, `hh:mm`, optional `:ss` and fraction (kept to the
 * millisecond), then `Z` or an offset `±hh:mm` within ±14:00, e.g. `2027-03-02T22:30:00+08:00`.
 * Otherwise the reason, worded to follow the value: `"…" is not an ISO-8601 …` ({@link INSTANT_FORM}),
 * `"…" has the UTC offset +25:00, but …`.
 */
export function parseInstant(text) {
    const m = INSTANT.exec(text);
    if (!m)
        return { error: INSTANT_FORM };
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
    if (!isCalendarDay(y, mo, d))
        return { error: `names the day ${text.slice(0, 10)}, not a day of the calendar (years 0001–9999)` };
    if (h > 23 || mi > 59 || s > 59)
        return { error: `has the time ${text.slice(11, m[6] === undefined ? 16 : 19)}, not a time of day (hours 00–23, minutes and seconds 00–59)` };
    const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
    if (Number(m[10]) > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) {
        return { error: `has the UTC offset ${m[8]}${m[9]}:${m[10]}, but offsets run from -14:00 to +14:00` };
    }
    const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
    return { instant: new Date(utcMs(y, mo, d, h, mi, s, ms) - offset * 60_000) };
}
