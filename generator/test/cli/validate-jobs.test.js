/**
 * End-to-end: `validate PATH --jobs N` (kubeconform's `-n`) parses and judges on N worker threads and
 * prints the same report as the in-process run (`--jobs 1`), byte for byte, in every format: errors,
 * Lists (their items numbered across the file), skipped and rejected kinds, YAML 1.1 findings, and a
 * read failure after a List (numbered after the List's items).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const cm = (name, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n${extra}`;
const FILES = {
    'a.yaml': [
        cm('first'),
        'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: in-list-1}}\n  - {apiVersion: v1, kind: Secret, metadata: {name: in-list-2}, type: 7}\n',
        cm('ambiguous', '  flag: yes\n'),
        'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: old\n',
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x, bogus: 1}]}\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\n',
        cm('last'),
    ].join('---\n'),
    'b.yaml': ['apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n', '', 'kind: ConfigMap\n', cm('b-ok')].join('---\n'),
    // A List, then a document over --max-document-size: the read failure is numbered after the List's items.
    'c.yaml': ['apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c1}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c2}}\n', cm('huge', `  blob: "${'x'.repeat(3000)}"\n`)].join('---\n'),
};
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-validate-jobs-'));
    for (const [name, text] of Object.entries(FILES))
        fs.writeFileSync(path.join(dir, name), text);
    // Enough documents for several batches of the pool, interleaved with the cases above.
    fs.writeFileSync(path.join(dir, 'd-many.yaml'), Array.from({ length: 1500 }, (_, i) => cm(i % 500 === 7 ? `Bad_Name_${i}` : `many-${i}`)).join('---\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runCli(['validate', ...args], { cwd: dir, timeoutMs: 120_000 });
const FLAGS = ['--skip', 'ReplicationController', '--reject', 'v1/Secret', '--max-document-size', '2KiB', '-v'];
describe('validate PATH --jobs N gives the in-process report', () => {
    it.each([
        { name: 'text', args: [] },
        { name: 'json', args: ['-o', 'json'] },
        { name: 'tap', args: ['-o', 'tap'] },
        { name: 'text, --schema-only', args: ['--schema-only'] },
    ])('$name: --jobs 2 and 3 print what --jobs 1 prints', async ({ args }) => {
        const alone = await run(...FLAGS, ...args, '--jobs', '1', 'a.yaml', 'b.yaml', 'c.yaml', 'd-many.yaml');
        // The cases are all there: a test of equal reports that report nothing would prove nothing.
        expect(alone.code).toBe(2);
        expect(alone.stdout).toContain('in-list-2');
        expect(alone.stdout).toContain('Bad_Name_507');
        expect(alone.stdout).toContain('more than --max-document-size');
        for (const jobs of ['2', '3']) {
            const pooled = await run(...FLAGS, ...args, '--jobs', jobs, 'a.yaml', 'b.yaml', 'c.yaml', 'd-many.yaml');
            expect(pooled).toEqual(alone);
        }
    });
    it('the read failure after a List is numbered after its items', async () => {
        const r = await run(...FLAGS, '-o', 'json', '--jobs', '2', 'c.yaml');
        const resources = JSON.parse(r.stdout).resources;
        expect(resources.map((x) => [x.index, x.status])).toEqual([
            [0, 'valid'],
            [1, 'valid'],
            [2, 'error'],
        ]);
    });
    it.each(['0', 'two', '-1'])('--jobs %s is a usage error (exit 2)', async (n) => {
        const r = await run('--jobs', n, 'a.yaml');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('expected a whole number of at least 1');
    });
});
