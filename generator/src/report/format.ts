import { UsageError } from '../core/errors.js';
import type { Report } from './result.js';
import { jsonFormat } from './json.js';
import { sarifFormat } from './sarif.js';
import { junitFormat } from './junit.js';
import { tapFormat } from './tap.js';
import { textFormat } from './text.js';

/** Options every output format understands. */
export interface FormatOptions {
  /** Also list valid and skipped resources (kubeconform `-verbose`). Default `false`. */
  verbose?: boolean;
}

/** One output format: turns a report into the exact text to print. Pure and deterministic. */
export interface OutputFormat {
  readonly name: string;
  format(report: Report, options?: FormatOptions): string;
}

const FORMATS: readonly OutputFormat[] = [textFormat, jsonFormat, junitFormat, tapFormat, sarifFormat];

/** Names accepted by {@link createFormat}: `text`, `json`, `junit`, `tap`, `sarif`. */
export const FORMAT_NAMES: readonly string[] = FORMATS.map((f) => f.name);

/** The output format called `name`; a {@link UsageError} listing the valid names otherwise. */
export function createFormat(name: string): OutputFormat {
  const found = FORMATS.find((f) => f.name === name);
  if (!found) throw new UsageError(`unknown output format "${name}": expected one of ${FORMAT_NAMES.join(', ')}`);
  return found;
}
