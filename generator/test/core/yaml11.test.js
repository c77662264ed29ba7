/**
 * The two readings of a plain scalar (go-yaml v2 as kubectl apply and Argo CD use it, the YAML 1.2 core
 * schema) and the detector over YAML text. Expected values come from reading go-yaml's resolver
 * (kubernetes-sigs/yaml goyaml.v2/resolve.go @ v1.4.0), not from running it: see core/yaml11.ts.
 */
import { describe, expect, test } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { ambiguousScalarsIn, duplicateKeys, mayHoldYaml11Scalars, yaml11Scalars } from '../../src/core/yaml-ambiguity.js';
import { describeReading, readGoYamlV3, readYaml11, readYaml12 } from '../../src/core/yaml11.js';
const BOOL_SPELLINGS = [
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((s) => [s, true]),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((s) => [s, false]),
];
describe('readYaml11 / readYaml12: values that differ', () => {
    test.each(BOOL_SPELLINGS)('the YAML 1.1 boolean %s is a string in YAML 1.2 and in kustomize', (s, value) => {
        expect(describeReading(readYaml11(s))).toBe(`the boolean ${value}`);
        expect(describeReading(readYaml12(s))).toBe(`the string "${s}"`);
        expect(describeReading(readGoYamlV3(s))).toBe(`the string "${s}"`);
    });
    test.each([
        ['leading zero is octal', '010', 'the integer 8', 'the integer 10'],
        ['file mode', '0644', 'the integer 420', 'the integer 644'],
        ['negative leading zero', '-017', 'the integer -15', 'the integer -17'],
        ['binary', '0b1010', 'the integer 10', 'the string "0b1010"'],
        ['negative binary', '-0b101', 'the integer -5', 'the string "-0b101"'],
        ['upper-case binary prefix', '0B11', 'the integer 3', 'the string "0B11"'],
        ['upper-case octal prefix', '0O17', 'the integer 15', 'the string "0O17"'],
        ['upper-case hex prefix', '0X1F', 'the integer 31', 'the string "0X1F"'],
        ['signed hex', '+0x10', 'the integer 16', 'the string "+0x10"'],
        ['signed 1.2 octal', '-0o17', 'the integer -15', 'the string "-0o17"'],
        ['underscores', '1_000', 'the integer 1000', 'the string "1_000"'],
        ['trailing underscore', '1_', 'the integer 1', 'the string "1_"'],
        ['underscores in a float', '1_000.5', 'the number 1000.5', 'the string "1_000.5"'],
        ['underscores after a leading dot', '.5_5', 'the number 0.55', 'the string ".5_5"'],
        ['underscore in hex', '0x1_F', 'the integer 31', 'the string "0x1_F"'],
        ['float out of Go range', '1e400', 'the string "1e400"', 'the number Infinity'],
    ])('%s: %s is %s in YAML 1.1 and %s in YAML 1.2', (_name, s, v11, v12) => {
        expect(describeReading(readYaml11(s))).toBe(v11);
        expect(describeReading(readYaml12(s))).toBe(v12);
    });
    test('kustomize (go-yaml v3) reads numbers like YAML 1.1', () => {
        for (const s of ['010', '0b1010', '1_000', '0X1F'])
            expect(readGoYamlV3(s)).toEqual(readYaml11(s));
    });
});
describe('readYaml11 / readYaml12: values read alike', () => {
    test.each([
        ['true'], ['True'], ['TRUE'], ['false'], ['False'], ['FALSE'],
        ['~'], ['null'], ['Null'], ['NULL'], ['nULL'],
        ['.inf'], ['+.Inf'], ['-.INF'], ['.nan'], ['.NaN'], ['.NAN'],
        ['0'], ['00'], ['08'], ['09.5'], ['-0'], ['+12'], ['0x1F'], ['0o17'], ['1e3'], ['.5'], ['+.5'], ['1.'], ['1.10'],
        ['9223372036854775807'], ['18446744073709551615'], ['99999999999999999999'],
        ['2024-01-15'], ['2001-12-14t21:59:43.10-05:00'], ['1:30'], ['190:20:30.15'],
        ['yEs'], ['yes please'], ['nope'], ['ok'], ['0x'], ['+'], ['1.2.3'], ['v1'],
    ])('%s', (s) => {
        expect(readYaml11(s)).toEqual(readYaml12(s));
    });
});
const found = (text, firstLine) => yaml11Scalars(text, firstLine).map((f) => (f.key ? [f.line, f.column, f.path, f.value, true] : [f.line, f.column, f.path, f.value]));
describe('yaml11Scalars', () => {
    test.each([
        ['a block mapping value', 'data:\n  FEATURE: yes\n  OTHER: "no"\n', [[2, 12, 'data.FEATURE', 'yes']]],
        ['keys', 'on: push\nyes: 1\n', [[1, 1, 'on', 'on', true], [2, 1, 'yes', 'yes', true]]],
        ['a flow sequence', 'args: [yes, "no", \'on\', off]\n', [[1, 8, 'args[0]', 'yes'], [1, 25, 'args[3]', 'off']]],
        ['a flow mapping', 'm: {a: 010, b: 0x1F, c: 0b1}\n', [[1, 8, 'm.a', '010'], [1, 25, 'm.c', '0b1']]],
        ['a block sequence', 'list:\n- y\n- "n"\n- N\n', [[2, 3, 'list[0]', 'y'], [4, 3, 'list[2]', 'N']]],
        ['a file mode', 'volumes:\n- name: config\n  configMap:\n    defaultMode: 0644\n', [[4, 18, 'volumes[0].configMap.defaultMode', '0644']]],
        ['tagged scalars are exact', 'a: !!str yes\nb: !!bool true\nc: !custom no\n', []],
        ['quoted scalars are exact', 'a: "yes"\nb: \'010\'\n', []],
        ['block scalars are exact', 'a: |\n  yes\nb: >-\n  no\n', []],
        ['a multi-line plain scalar is one string', 'a: yes\n  and more\n', []],
        ['comments are not scalars', '# yes\na: b # on\n', []],
        ['an alias is reported where its anchor is', 'a: &x yes\nb: *x\n', [[1, 7, 'a', 'yes']]],
        ['a key that needs quoting in the path', '"app.kubernetes.io/name": on\n', [[1, 27, '["app.kubernetes.io/name"]', 'on']]],
        ['a candidate token that is not a scalar of its own', 'description: no way\nnote: "yes"\n', []],
        ['two documents, lines counted through', 'a: 1\n---\nb: off\n---\nc: 017\n', [[3, 4, 'b', 'off'], [5, 4, 'c', '017']]],
    ])('%s', (_name, text, expected) => {
        expect(found(text)).toEqual(expected);
    });
    test('firstLine places a document inside its file', () => {
        expect(found('kind: ConfigMap\ndata:\n  FEATURE: on\n', 41)).toEqual([[43, 12, 'data.FEATURE', 'on']]);
    });
    test('every reading is returned', () => {
        const [f] = yaml11Scalars('x: yes\n');
        expect(f).toMatchObject({ yaml11: { kind: 'bool', value: 'true' }, yaml12: { kind: 'string', value: '"yes"' }, kustomize: { kind: 'string', value: '"yes"' } });
    });
});
describe('mayHoldYaml11Scalars (the pre-filter)', () => {
    test.each([
        ['a typical Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        ports:\n        - containerPort: 8080\n', false],
        ['quoted yes', 'a: "yes"\n', false],
        ['plain yes', 'a: yes\n', true],
        ['a key', 'on:\n', true],
        ['a flow item', '[no]', true],
        ['a leading zero', 'mode: 0644', true],
        ['an underscore number', 'n: 1_000', true],
        ['a signed prefix', 'n: -0x1', true],
        ['a huge exponent', 'n: 1e400', true],
        ['on inside a sentence', 'description: fires on every pod\n', false],
        ['a time of day', 'at: 09:30\n', false],
        ['a leading zero read alike', 'x: 08\n', false],
        ['yesterday', 'when: yesterday\n', false],
    ])('%s', (_name, text, expected) => {
        expect(mayHoldYaml11Scalars(text)).toBe(expected);
    });
    test('never hides a scalar the detector would report', () => {
        const samples = [...BOOL_SPELLINGS.map(([s]) => s), '010', '0b1', '0B1', '0O7', '0X1', '+0x1', '-0o1', '1_0', '.5_5', '1e400', '-017'];
        let reported = 0;
        for (const s of samples) {
            for (const text of [`k: ${s}\n`, `- ${s}\n`, `[${s}]`, `{a: ${s}}`, `${s}: v\n`, `a:\t${s}\n`, `[a,${s}]`, `${s}`, `k: ${s}  # c\n`, `? ${s}\n: v\n`, `k: &a ${s}\n`, `k:\n  ${s}\n`]) {
                // The detector without its pre-filter: a full parse.
                const lines = new LineCounter();
                if (ambiguousScalarsIn(parseDocument(text, { lineCounter: lines }).contents, lines).length === 0)
                    continue;
                reported++;
                expect(mayHoldYaml11Scalars(text), text).toBe(true);
            }
        }
        expect(reported).toBeGreaterThan(samples.length * 5);
    });
});
describe('duplicateKeys', () => {
    test.each([
        ['none', 'a: 1\nb: 2\n', []],
        ['nested, both lines', 'spec:\n  containers:\n  - name: web\n    image: a\n    ports: []\n    image: b\n', [{ key: 'image', path: 'spec.containers[0]', lines: [4, 6] }]],
        ['at the top, three times', 'a: 1\na: 2\na: 3\n', [{ key: 'a', path: '', lines: [1, 2] }, { key: 'a', path: '', lines: [1, 3] }]],
        ['quoted and plain spell the same key', 'a: 1\n"a": 2\n', [{ key: 'a', path: '', lines: [1, 2] }]],
        ['in a later document', 'a: 1\n---\nb: 1\nb: 2\n', [{ key: 'b', path: '', lines: [3, 4] }]],
    ])('%s', (_name, text, expected) => {
        expect(duplicateKeys(text).map(({ key, path, lines }) => ({ key, path, lines }))).toEqual(expected);
    });
    test('firstLine places the lines inside the file', () => {
        expect(duplicateKeys('a: 1\na: 2\n', 10)).toEqual([{ key: 'a', path: '', segments: ['a'], lines: [10, 11] }]);
    });
});
