/**
 * `npm run schemas`: writes the editor schema of each configuration file kind to
 * `generator/schemas/<kind>.schema.json` from the declarations (src/config/editor-schemas.ts).
 * generator/test/config/editor-schemas.test.ts fails when a committed file differs from them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorSchema, editorSchemaPath } from '../src/config/editor-schemas.js';
import { CONFIG_KINDS } from '../src/config/structure.js';
function main() {
    // This file runs as generator/dist/scripts/build-editor-schemas.js; the schemas live in generator/schemas.
    const generator = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    for (const kind of CONFIG_KINDS) {
        const out = path.join(generator, editorSchemaPath(kind));
        const text = editorSchema(kind);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
        if (!same)
            fs.writeFileSync(out, text);
        process.stdout.write(`${same ? 'unchanged' : 'written'}: ${path.relative(process.cwd(), out)}\n`);
    }
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
    main();
