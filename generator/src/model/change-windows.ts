/**
 * An environment's change windows as the list of Argo CD sync windows they become. The engine
 * decides on this list and the emitter writes it, so the pull-request verdict and Argo CD's verdict
 * are computed from the same windows.
 */
import type { ChangeFreeze, ChangeWindowRule, ChangeWindowsConfig } from '../config/types.js';
import type { CronSchedule } from '../time/cron.js';
import { parseCron } from '../time/cron.js';
import { daysBetween, parseDay } from '../time/dates.js';
import { parseDuration } from '../time/duration.js';

/** One sync window, with where it came from. */
export interface CompiledWindow {
  kind: 'allow' | 'deny';
  /** Cron as emitted (a freeze's is generated: `0 0 <day> <month> *`). */
  schedule: string;
  /** Go duration as emitted. */
  duration: string;
  durationMs: number;
  timeZone: string;
  cron: CronSchedule;
  /** Argo CD's `description`. */
  description: string;
  /** The configured rule or freeze this window is. */
  origin: { type: 'allow' | 'deny'; index: number; rule: ChangeWindowRule } | { type: 'freeze'; index: number; freeze: ChangeFreeze };
}

const cache = new WeakMap<ChangeWindowsConfig, CompiledWindow[]>();

/**
 * The windows of a checked config, in emission order: allow, deny, freezes. `undefined` or
 * `alwaysOpen` → none. Throws on a config the checks would have refused (a bug, not a user error).
 */
export function compileWindows(w: ChangeWindowsConfig | undefined): CompiledWindow[] {
  if (!w || w.alwaysOpen) return [];
  let out = cache.get(w);
  if (out) return out;
  const rule = (kind: 'allow' | 'deny') => (r: ChangeWindowRule, index: number): CompiledWindow => ({
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
function freezeWindow(timeZone: string, f: ChangeFreeze, index: number): CompiledWindow {
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

function must<T extends object | number>(v: T | { error: string }, what: string): T {
  if (typeof v === 'object' && v !== null && 'error' in v) throw new Error(`change windows: unchecked value ${JSON.stringify(what)}: ${v.error}`);
  return v as T;
}
