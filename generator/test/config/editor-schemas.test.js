/**
 * The editor schemas (generator/schemas/<kind>.schema.json) are the declarations the loader
 * validates with: committed bytes equal to what `npm run schemas` writes, and the committed
 * configuration of this repository valid against them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { EDITOR_SCHEMAS_COMMAND, editorSchema, editorSchemaPath } from '../../src/config/editor-schemas.js';
import { CONFIG_KINDS } from '../../src/config/structure.js';
const generator = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = path.resolve(generator, '..');
const committed = (kind) => fs.readFileSync(path.join(generator, editorSchemaPath(kind)), 'utf8');
/** The hand-edited config files of this repository, by kind. */
function configFiles(kind) {
    if (kind === 'argocd')
        return ['argocd/argocd.yaml'];
    if (kind === 'addons')
        return ['platform/addons.yaml'];
    const dir = kind === 'service' ? 'apps' : 'clusters';
    return fs
        .readdirSync(path.join(repoRoot, dir))
        .map((d) => `${dir}/${d}/${kind}.yaml`)
        .filter((f) => fs.existsSync(path.join(repoRoot, f)))
        .sort();
}
describe.each(CONFIG_KINDS)('%s.schema.json', (kind) => {
    test(`is what \`${EDITOR_SCHEMAS_COMMAND}\` writes from the declarations`, () => {
        // On failure: run `npm run schemas` and commit generator/schemas/.
        expect(committed(kind)).toBe(editorSchema(kind));
    });
    test('says in its first key that it is generated, and by which command', () => {
        expect(Object.keys(JSON.parse(committed(kind)))[0]).toBe('$comment');
        expect(JSON.parse(committed(kind)).$comment).toContain(`\`${EDITOR_SCHEMAS_COMMAND}\``);
    });
    test("accepts every config file of this repository, as an editor's validator would", () => {
        const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(committed(kind)));
        const files = configFiles(kind);
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) {
            validate(parse(fs.readFileSync(path.join(repoRoot, f), 'utf8')));
            expect({ file: f, errors: validate.errors ?? [] }).toEqual({ file: f, errors: [] });
        }
    });
});
test('the same declarations give the same bytes (deterministic)', () => {
    for (const kind of CONFIG_KINDS)
        expect(editorSchema(kind)).toBe(editorSchema(kind));
});
