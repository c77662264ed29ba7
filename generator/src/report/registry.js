import { UsageError } from '../core/errors.js';
import { FORMAT_NAMES } from './format-names.js';
import { jsonFormat } from './json.js';
import { junitFormat } from './junit.js';
import { sarifFormat } from './sarif.js';
import { tapFormat } from './tap.js';
import { textFormat } from './text.js';
/** Every output format, in the order of {@link FORMAT_NAMES} (./format-names.ts: add a new one's name there too). */
const FORMATS = [textFormat, jsonFormat, junitFormat, tapFormat, sarifFormat];
if (FORMATS.map((f) => f.name).join() !== FORMAT_NAMES.join()) {
    throw new Error(`report/format-names.ts lists ${FORMAT_NAMES.join(', ')}, report/registry.ts ${FORMATS.map((f) => f.name).join(', ')}: list every format in both, in one order`);
}
export { FORMAT_NAMES };
/** The output format called `name`; a {@link UsageError} listing the valid names otherwise. */
export function createFormat(name) {
    const found = FORMATS.find((f) => f.name === name);
    if (!found)
        throw new UsageError(`unknown output format "${name}": expected one of ${FORMAT_NAMES.join(', ')}`);
    return found;
}
