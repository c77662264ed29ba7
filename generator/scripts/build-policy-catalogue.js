/**
 * Build step: writes the policy check catalogue (ids, severities per tier, waivable ids) from the
 * registry into `generator/dist/src/policy/catalogue.generated.json`, where policy/ids.ts reads it, so
 * `render` knows what a waiver may name without loading the rule modules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_FILE, catalogueOf } from '../src/policy/ids.js';
import { RULES } from '../src/policy/rules/index.js';
function main() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const out = path.resolve(here, '../src/policy', CATALOGUE_FILE);
    const catalogue = catalogueOf(RULES);
    fs.writeFileSync(out, `${JSON.stringify(catalogue, null, 2)}\n`);
    process.stdout.write(`policy catalogue: ${catalogue.rules.length} rules -> ${path.relative(process.cwd(), out)}\n`);
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
    main();
