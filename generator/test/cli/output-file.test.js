/**
 * `validate --output-file FORMAT=FILE` (issue 14): one run prints its text report and writes the
 * machine reports CI uploads (SARIF, JUnit), each whole; a bad spec or an unwritable file exits 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-output-file-'));
const manifest = path.join(dir, 'in.yaml');
fs.writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {A: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {B: 2}\n');
const SUMMARY = 'Summary: 2 resources found in 1 file - Valid: 1, Invalid: 1, Errors: 0, Skipped: 0\n';
describe('validate --output-file', () => {
    it('prints text and writes JSON and JUnit of the same run; the exit code is the run\'s', async () => {
        const r = await runCli(['validate', manifest, '--output-file', 'json=report.json', '--output-file', `junit=${path.join(dir, 'report.xml')}`], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout.endsWith(SUMMARY)).toBe(true);
        const json = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
        expect(json.summary).toMatchObject({ valid: 1, invalid: 1 });
        const xml = fs.readFileSync(path.join(dir, 'report.xml'), 'utf8');
        expect(xml).toContain('<testsuites name="validate" tests="2" failures="1"');
        expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
    it('FORMAT must be a format: exit 2, the choices named', async () => {
        const r = await runCli(['validate', manifest, '--output-file', 'yaml=x.yaml'], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe("error: option '--output-file <format=file>' argument 'yaml=x.yaml' is invalid. expected FORMAT=FILE with FORMAT one of text, json, junit, tap, sarif, e.g. sarif=validate.sarif.\n(run with --help for usage)\n");
    });
    it('a file that cannot be written: exit 2, one line, nothing left behind', async () => {
        const r = await runCli(['validate', manifest, '--output-file', 'sarif=missing/dir/x.sarif'], { cwd: dir });
        expect(r).toMatchObject({ code: 2, stderr: 'error: --output-file: cannot write missing/dir/x.sarif: ENOENT\n' });
    });
});
