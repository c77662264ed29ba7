/**
 * `validate PATH`'s YAML checks as functions over one document's text: the exact findings, their place
 * in the file, and the documentation that lists them (docs/yaml.md, README) held to YAML_CHECKS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { checkCatalogue } from '../../src/validate/catalogue.js';
import { ambiguousScalarFindings, duplicateKeyFindings, YAML_CHECKS } from '../../src/validate/yaml-checks.js';
import { REPO_ROOT } from '../helpers/platform.js';
const F = 'manifests/app.yaml';
describe('ambiguousScalarFindings', () => {
    test.each([
        [
            'a YAML 1.1 boolean in ConfigMap data',
            'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  FEATURE: yes\n',
            [{ check: 'yaml/ambiguous-scalar', severity: 'error', file: F, line: 16, path: 'data.FEATURE', message: 'FEATURE: yes is the boolean true for kubectl apply and Argo CD (YAML 1.1) but the string "yes" for kustomize (YAML 1.2)', hint: 'quote it: FEATURE: "yes" (or write true if the boolean true is meant)' }],
        ],
        [
            'an octal file mode, read alike by kustomize',
            'spec:\n  volumes:\n  - name: c\n    configMap: {name: c, defaultMode: 0644}\n',
            [{ check: 'yaml/ambiguous-scalar', severity: 'error', file: F, line: 14, path: 'spec.volumes[0].configMap.defaultMode', message: 'defaultMode: 0644 is the integer 420 for kubectl apply, Argo CD and kustomize (YAML 1.1) but the integer 644 for YAML 1.2 readers', hint: 'quote it: defaultMode: "0644" if it is text, or write the number meant: 420 or 644' }],
        ],
        [
            'a key (a GitHub workflow read by kubectl would have `true:`)',
            'on: push\n',
            [{ check: 'yaml/ambiguous-scalar', severity: 'error', file: F, line: 11, path: 'on', message: 'the key on is the boolean true for kubectl apply and Argo CD (YAML 1.1) but the string "on" for kustomize (YAML 1.2)', hint: 'quote it: "on":' }],
        ],
        [
            'underscores in a list item',
            'args: [--max, 1_000]\n',
            [{ check: 'yaml/ambiguous-scalar', severity: 'error', file: F, line: 11, path: 'args[1]', message: '- 1_000 is the integer 1000 for kubectl apply, Argo CD and kustomize (YAML 1.1) but the string "1_000" for YAML 1.2 readers', hint: 'quote it: - "1_000" (or write 1000 if the integer 1000 is meant)' }],
        ],
        ['nothing ambiguous', 'data:\n  FEATURE: "yes"\n  MODE: "0644"\n  COUNT: 10\n  "N": "n"\n', []],
    ])('%s', (_name, text, expected) => {
        expect(ambiguousScalarFindings(F, text, 11)).toEqual(expected);
    });
});
describe('duplicateKeyFindings', () => {
    const deployment = 'spec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: web:1\n        ports: []\n        image: web:2\n';
    test('names the key and both lines, and what each reader does', () => {
        expect(duplicateKeyFindings(F, deployment, 7)).toEqual([
            {
                check: 'yaml/duplicate-key',
                severity: 'error',
                file: F,
                line: 14,
                path: 'spec.template.spec.containers[0]',
                message: 'duplicate key "image" at lines 12 and 14; kubectl apply and Argo CD keep the last value without a word (sigs.k8s.io/yaml decodes non-strictly), kustomize refuses the file ("mapping key already defined")',
                hint: 'remove one of them',
            },
        ]);
    });
    test('js-yaml (the manifest reader) throws on the same text, naming only the second line: the place to call it', () => {
        expect(() => yaml.load(deployment, { schema: yaml.CORE_SCHEMA })).toThrow(/^duplicated mapping key \(8:/);
    });
});
describe('the YAML checks in the catalogue and the documentation', () => {
    const read = (file) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    test('the catalogue lists them, documented in docs/yaml.md', () => {
        const entries = checkCatalogue().filter((c) => c.id.startsWith('yaml/'));
        expect(entries.map((c) => [c.id, c.doc, c.severity])).toEqual(YAML_CHECKS.map((c) => [`yaml/${c.id}`, 'docs/yaml.md', 'error']));
    });
    test('docs/yaml.md has one row per check, with its severity, in order', () => {
        const rows = read('docs/yaml.md').split('\n').filter((l) => l.startsWith('| `yaml/')).map((l) => l.split(' | ').slice(0, 2).map((c) => c.replace(/^\| /, '')));
        expect(rows).toEqual(YAML_CHECKS.map((c) => [`\`yaml/${c.id}\``, c.severity]));
    });
    test('the README names every check and no other', () => {
        const ids = [...new Set([...read('README.md').matchAll(/`yaml\/([a-z0-9-]+)`/g)].map((m) => m[1]))];
        expect(ids).toEqual(YAML_CHECKS.map((c) => c.id));
    });
});
