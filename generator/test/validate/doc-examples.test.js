import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createSchemaValidator } from '../../src/validate/schema/index.js';
/**
 * Every Kubernetes object shown in a ```yaml block of README.md and docs/*.md (a document with
 * apiVersion and kind) passes the schema checks, so the documentation never teaches a field the
 * pinned CRDs refuse. A block meant to show a mistake is marked by `<!-- wrong example -->` on the
 * line before its fence. Templated documents (`{{ }}`) are left out: they are not objects yet.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const WRONG = '<!-- wrong example -->';
function examples(file) {
    const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    const out = [];
    for (let i = 0; i < lines.length; i++) {
        if (!/^\s*```ya?ml\s*$/.test(lines[i]))
            continue;
        const start = i + 1;
        let end = start;
        while (end < lines.length && !/^\s*```\s*$/.test(lines[end]))
            end++;
        const wrong = (lines[i - 1] ?? '').trim() === WRONG;
        const text = lines.slice(start, end).join('\n');
        i = end;
        if (text.includes('{{'))
            continue;
        for (const doc of YAML.parseAllDocuments(text)) {
            const object = doc.errors.length === 0 ? doc.toJS() : undefined;
            if (object && typeof object === 'object' && !Array.isArray(object) && 'apiVersion' in object && 'kind' in object) {
                out.push({ where: `${file}:${start}`, object: object, wrong });
            }
        }
    }
    return out;
}
const all = DOCS.flatMap(examples);
const validator = createSchemaValidator();
describe('Kubernetes objects in the documentation', () => {
    it('there are examples to check', () => {
        expect(all.length).toBeGreaterThan(0);
    });
    it.each(all.map((e) => [`${e.where} ${String(e.object.kind)}`, e]))('%s', (_name, e) => {
        const errors = validator.validate(e.object, { file: e.where }).findings.filter((f) => f.severity === 'error').map((f) => `${f.path}: ${f.message}`);
        if (e.wrong)
            expect(errors, 'marked as a wrong example, but it validates').not.toEqual([]);
        else
            expect(errors).toEqual([]);
    });
});
