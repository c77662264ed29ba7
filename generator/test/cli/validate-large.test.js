/**
 * End-to-end: `validate PATH` streams its input, so size is no reason to refuse a file (kubeconform
 * validates a 100,000-resource file, acceptance.bats:339 and :345 @ v0.7.0; `npm run bench` measures
 * ours); the limits left are flags against hostile input, each with its message.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
const OLD_LIMIT = 16 * 1024 * 1024;
/** A ConfigMap of about 8 KiB: few documents make a large file, so the test stays quick. */
const cm = (n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${n}\ndata:\n  blob: "${'x'.repeat(8000)}"\n`;
let dir;
let documents = 0;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-validate-large-'));
    const parts = [];
    let size = 0;
    while (size <= OLD_LIMIT + 1024 * 1024) {
        const doc = `${documents === 0 ? '' : '---\n'}${cm(documents++)}`;
        parts.push(doc);
        size += doc.length;
    }
    fs.writeFileSync(path.join(dir, 'large.yaml'), parts.join(''));
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 4; i++)
        levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    fs.writeFileSync(path.join(dir, 'aliases.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aliases\n${levels.join('\n')}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runCli(['validate', ...args], { cwd: dir, timeoutMs: 240_000 });
const last = (r) => r.stdout.trimEnd().split('\n').pop();
describe('validate PATH on large input', () => {
    it('a file over the old 16 MiB limit is validated whole', async () => {
        expect(fs.statSync(path.join(dir, 'large.yaml')).size).toBeGreaterThan(OLD_LIMIT);
        const r = await run('--schema-only', 'large.yaml');
        expect(r).toEqual({ code: 0, signal: null, stdout: `Summary: ${documents} resources found in 1 file - Valid: ${documents}, Invalid: 0, Errors: 0, Skipped: 0\n`, stderr: '' });
    });
    it('and so is the same stream piped in (acceptance.bats:345)', async () => {
        const r = await new Promise((resolve) => {
            const child = spawn('bash', ['-c', `cat large.yaml | "${process.execPath}" "${CLI}" validate --schema-only`], { cwd: dir, env: { ...process.env, CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
            const out = [];
            child.stdout.on('data', (b) => out.push(b));
            child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: '' }));
        });
        expect({ code: r.code, summary: last(r) }).toEqual({ code: 0, summary: `Summary: ${documents} resources found parsing stdin - Valid: ${documents}, Invalid: 0, Errors: 0, Skipped: 0` });
    });
    it('--max-file-size refuses it: exit 2, the size and the flag to raise', async () => {
        const r = await run('--max-file-size', '16MiB', 'large.yaml');
        expect(r.code).toBe(2);
        expect(r.stdout.split('\n').slice(0, 2)).toEqual([
            `large.yaml - failed validation: file is ${fs.statSync(path.join(dir, 'large.yaml')).size} bytes, more than the limit of ${OLD_LIMIT} bytes`,
            '  hint: split the file, or raise --max-file-size',
        ]);
    });
    it('--max-document-size refuses a document past it, and the rest of its file (exit 2)', async () => {
        const r = await run('--max-document-size', '4KiB', 'large.yaml');
        expect(r.code).toBe(2);
        expect(r.stdout.split('\n')).toEqual([
            'large.yaml - failed validation: the document starting on line 1 holds more than 4096 characters, more than --max-document-size',
            '  hint: split the document, or raise --max-document-size',
            'Summary: 1 resource found in 1 file - Valid: 0, Invalid: 0, Errors: 1, Skipped: 0',
            '',
        ]);
    });
    it('--max-alias-nodes refuses a document whose aliases expand past it (exit 1); the default accepts it', async () => {
        expect(last(await run('aliases.yaml'))).toBe('Summary: 1 resource found in 1 file - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0');
        const r = await run('--max-alias-nodes', '100', 'aliases.yaml');
        expect(r.code).toBe(1);
        expect(r.stdout.split('\n').slice(0, 2)).toEqual([
            'aliases.yaml - failed validation: line 1: document refused: its YAML aliases expand to more than 100 nodes (or refer to themselves)',
            '  hint: write the values out instead of using anchors and aliases, or raise --max-alias-nodes',
        ]);
    });
    it.each([
        ['--max-file-size', '12x', "error: option '--max-file-size <size>' argument '12x' is invalid. expected a size in bytes, e.g. 1048576, 512KiB, 64MiB, 1GiB, or none."],
        ['--max-document-size', '0', "error: option '--max-document-size <size>' argument '0' is invalid. expected a size of at least 1 byte."],
        ['--max-alias-nodes', '-5', "error: option '--max-alias-nodes <n>' argument '-5' is invalid. expected a whole number of at least 1, e.g. 1000000."],
    ])('%s %s: a usage error (exit 2)', async (flag, value, message) => {
        const r = await run(flag, value, 'aliases.yaml');
        expect({ code: r.code, first: r.stderr.split('\n')[0] }).toEqual({ code: 2, first: message });
    });
});
