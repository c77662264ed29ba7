/**
 * IANA time zones through Node's built-in `Intl` (full ICU): validity, UTC offsets, and the instants
 * where a zone's offset changes. No time-zone data of our own.
 */
import { utcMs } from './dates.js';

type ZoneCheck = { ok: true } | { ok: false; suggestion?: string };

/** Zones already judged: a configuration names the same few in every window, and asking ICU is slow. */
const judged = new Map<string, ZoneCheck>();

/** Whether Argo CD can load `name` (Go `time.LoadLocation`); otherwise the canonical spelling to suggest, if any. */
export function checkZone(name: string): ZoneCheck {
  return judged.get(name) ?? judged.set(name, judgeZone(name)).get(name)!;
}

function judgeZone(name: string): ZoneCheck {
  // A tz database name is a file path of letters, digits, `_`, `+`, `-` (`Asia/Shanghai`, `Etc/GMT-8`).
  // Newer ICU also takes UTC offsets such as `+08:00` as zones; Go does not load them (Argo CD would use UTC).
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return { ok: false };
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return { ok: false };
  }
  // ICU accepts any letter case; Go looks the name up as a file, so `asia/shanghai` would fall back to UTC.
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return { ok: false, suggestion: resolved };
  return { ok: true };
}

/** Every zone name ICU knows, for "did you mean" hints. */
export function knownZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a zone. */
function wallClock(zone: string, ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const fields = { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
  const weekday = new Date(utcMs(fields.year, fields.month, fields.day)).getUTCDay();
  return { ...fields, weekday };
}

function offsetByIntl(zone: string, ms: number): number {
  const sec = Math.floor(ms / 1000) * 1000;
  const w = wallClock(zone, sec);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - sec;
}

const DAY = 86_400_000;

/** Offsets of one zone in one UTC year: the offset at its start and every change (instant → new offset). */
interface YearTable {
  start: number;
  changes: { at: number; offset: number }[];
}

const tables = new Map<string, YearTable>();

function yearTable(zone: string, year: number): YearTable {
  const key = `${zone}|${year}`;
  let t = tables.get(key);
  if (t) return t;
  const from = utcMs(year, 1, 1);
  const to = utcMs(year + 1, 1, 1);
  const start = offsetByIntl(zone, from);
  const changes: YearTable['changes'] = [];
  let prevMs = from;
  let prev = start;
  // Offsets change at most a few times a year, never twice within a day in current data: a daily
  // scan finds each change, bisection pins it to the second.
  for (let step = from + DAY; ; step += DAY) {
    const ms = Math.min(step, to);
    const off = offsetByIntl(zone, ms);
    if (off !== prev) {
      let [lo, hi] = [prevMs, ms];
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetByIntl(zone, mid) === prev) lo = mid;
        else hi = mid;
      }
      if (hi < to) changes.push({ at: hi, offset: off });
      prev = off;
    }
    prevMs = ms;
    if (ms === to) break;
  }
  t = { start, changes };
  tables.set(key, t);
  return t;
}

/** The zone's UTC offset in milliseconds at an instant (east positive: Asia/Shanghai → 8 h). */
export function offsetAt(zone: string, ms: number): number {
  const t = yearTable(zone, new Date(ms).getUTCFullYear());
  let off = t.start;
  for (const c of t.changes) {
    if (c.at > ms) break;
    off = c.offset;
  }
  return off;
}

/** The first instant after `ms` (exclusive) where the zone's offset changes, within `limitMs`; `undefined` if none. */
export function nextOffsetChange(zone: string, ms: number, limitMs: number): number | undefined {
  for (let year = new Date(ms).getUTCFullYear(); utcMs(year, 1, 1) <= limitMs; year++) {
    const t = yearTable(zone, year);
    const newYear = utcMs(year, 1, 1);
    if (newYear > ms && t.start !== offsetAt(zone, newYear - 1)) return newYear;
    const c = t.changes.find((x) => x.at > ms);
    if (c) return c.at <= limitMs ? c.at : undefined;
  }
  return undefined;
}

/** `+08:00`, `-04:00`. */
function formatOffset(offsetMs: number): string {
  const m = Math.round(Math.abs(offsetMs) / 60000);
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `2027-03-02 22:00 +08:00`: an instant as a wall clock in the zone. */
export function formatLocal(zone: string, ms: number): string {
  const w = wallClock(zone, ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}${w.second !== 0 ? `:${two(w.second)}` : ''} ${formatOffset(offsetAt(zone, ms))}`;
}
