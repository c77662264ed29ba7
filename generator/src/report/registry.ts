import { UsageError } from '../core/errors.js';
import type { OutputFormat } from './format.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { sarifFormat } from './sarif.js';
import { tapFormat } from './tap.js';
import { textFormat } from './text.js';

/** Every output format, in the order `--help` lists them; the first is the default. */
const FORMATS: readonly OutputFormat[] = [textFormat, jsonFormat, junitFormat, tapFormat, sarifFormat];

/** Names accepted by {@link createFormat} (and by every command's `--output`): `text`, `json`, `junit`, `tap`, `sarif`. */
export const FORMAT_NAMES: readonly string[] = FORMATS.map((f) => f.name);

/** The output format called `name`; a {@link UsageError} listing the valid names otherwise. */
export function createFormat(name: string): OutputFormat {
  const found = FORMATS.find((f) => f.name === name);
  if (!found) throw new UsageError(`unknown output format "${name}": expected one of ${FORMAT_NAMES.join(', ')}`);
  return found;
}
