/** Calendar days (`YYYY-MM-DD`) of freezes, without any time zone: plain proleptic Gregorian dates. */

export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Parses `2027-02-05`; a message when it is not a real date in that form. */
export function parseDay(text: string): Day | { error: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { error: 'expected a date written YYYY-MM-DD, e.g. `2027-02-05`' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { error: `${text} is not a date in the calendar` };
  }
  return { year, month, day };
}

/** Days from `a` to `b` (`b` − `a`). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function formatDay(d: Day): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function addDays(d: Day, n: number): Day {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}
