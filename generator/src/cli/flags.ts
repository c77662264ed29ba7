/**
 * Parsers of option values that commander cannot type itself: sizes (`--max-file-size 64MiB`), counts,
 * and kubeconform-style comma-separated lists that may also be repeated (`--skip A,B --skip C`).
 * A bad value is an `InvalidArgumentError`: commander names the option and exits 2.
 */
import { InvalidArgumentError } from 'commander';

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, KB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 };

/** `1048576`, `512KiB`, `64MiB`, `1GiB` (or KB/MB/GB, powers of 1000) → bytes; `none` → no limit (`Infinity`). */
export function parseSize(value: string): number {
  if (value === 'none') return Infinity;
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?$/.exec(value.trim());
  const unit = m ? UNITS[m[2] ?? ''] : undefined;
  if (!m || unit === undefined) throw new InvalidArgumentError('expected a size in bytes, e.g. 1048576, 512KiB, 64MiB, 1GiB, or none.');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('expected a size of at least 1 byte.');
  return bytes;
}

/** A positive whole number, e.g. `1000000`. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1, e.g. 1000000.');
  return Number(value);
}

/** Appends the comma-separated names of one occurrence to those of the earlier ones (blanks dropped, as kubeconform's splitCSV). */
export function collectNames(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new InvalidArgumentError('expected a kind or apiVersion/kind, e.g. ConfigMap or apps/v1/Deployment, comma-separated.');
  return [...previous, ...names];
}
