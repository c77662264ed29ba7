/**
 * Durations as Argo CD reads a sync window's `duration` (Go's `time.ParseDuration`), restricted to
 * the plain form people review easily: whole hours, minutes and seconds in that order, e.g. `2h`,
 * `1h30m`, `90m`, `216h`. Go has no days (`3d` is an error in Argo CD) and fractions (`1.5h`) are
 * refused here for readability.
 */
/**
 * Seconds of a duration of whole hours, minutes and seconds in that order (`1h30m` → 5400, `10m`,
 * `45s`, `0s` → 0); `undefined` for anything else, including the empty string.
 */
export function durationSeconds(text) {
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
    if (!m || text === '')
        return undefined;
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
/** Milliseconds of a sync window's duration (longer than zero), or a message saying what is wrong. */
export function parseDuration(text) {
    const seconds = durationSeconds(text);
    if (seconds !== undefined)
        return seconds > 0 ? seconds * 1000 : { error: 'a window must last longer than 0s' };
    const days = /^(\d+)d$/.exec(text);
    if (days)
        return { error: `Go durations have no days: write \`${Number(days[1]) * 24}h\`` };
    const frac = /^(\d+)\.(\d+)h$/.exec(text);
    if (frac) {
        const minutes = Math.round(Number(`0.${frac[2]}`) * 60);
        return { error: `write whole units: \`${frac[1]}h${minutes}m\`` };
    }
    return { error: 'expected a Go duration in whole hours, minutes and seconds, e.g. `2h`, `1h30m`, `45m`' };
}
/** `7200000` → `2h`, `5400000` → `1h30m`: the shortest form {@link parseDuration} reads back. */
export function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
    const out = `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${sec > 0 ? `${sec}s` : ''}`;
    return out === '' ? '0s' : out;
}
const PROMETHEUS_UNITS = [['y', 365 * 86400], ['w', 7 * 86400], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1], ['ms', 0.001]];
/**
 * Seconds of a Prometheus duration (a rule's `for:`, a range selector): whole numbers of units from
 * years to milliseconds, in that order, each at most once (`3d`, `1h30m`, `90s`), the form Prometheus
 * reads (`promtool check rules` of the rendered rules proves it, test/monitoring/alerts-promtool.test.ts);
 * `undefined` for anything else, the empty string included. A year is 365 days there, a week 7.
 */
export function prometheusSeconds(text) {
    const m = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text);
    if (!m || text === '')
        return undefined;
    return PROMETHEUS_UNITS.reduce((sum, [, unit], i) => sum + Number(m[i + 1] ?? 0) * unit, 0);
}
