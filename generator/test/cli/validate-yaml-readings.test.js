/**
 * End-to-end: `validate PATH` reports what the YAML readers would disagree on (docs/yaml.md): a plain
 * scalar YAML 1.1 (kubectl apply, Argo CD) and YAML 1.2 read differently, and a repeated key with both
 * of its lines. Exact output and exit codes, with every option set the reader runs under.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const AMBIGUOUS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
data:
  FEATURE: yes
  QUOTED: "on"
`;
const DUPLICATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
  name: second
data: {}
`;
const CLEAN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: clean
data:
  FEATURE: "yes"
  MODE: "010"
`;
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-readings-'));
    fs.writeFileSync(path.join(dir, 'ambiguous.yaml'), AMBIGUOUS);
    fs.writeFileSync(path.join(dir, 'duplicate.yaml'), `${CLEAN}---\n${DUPLICATE}`);
    fs.writeFileSync(path.join(dir, 'clean.yaml'), CLEAN);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
describe('validate PATH: YAML 1.1 versus 1.2, and duplicate keys', () => {
    it('an unquoted yes is invalid, with how each reader decodes it and the fix', async () => {
        const r = await runCli(['validate', 'ambiguous.yaml'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('ambiguous.yaml - ConfigMap flags is invalid: data.FEATURE: FEATURE: yes is the boolean true for kubectl apply and Argo CD (YAML 1.1) but the string "yes" for kustomize (YAML 1.2)\n' +
            '  hint: quote it: FEATURE: "yes" (or write true if the boolean true is meant)\n' +
            'Summary: 1 resource found in 1 file - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0\n');
    });
    it('is reported under --schema-only too: it is about what the file means, not a policy', async () => {
        const r = await runCli(['validate', '--schema-only', '-o', 'json', 'ambiguous.yaml'], { cwd: dir });
        expect(r.code).toBe(1);
        const checks = JSON.parse(r.stdout).resources.flatMap((x) => x.findings ?? []);
        expect(checks.map((f) => [f.check, f.line])).toEqual([['yaml/ambiguous-scalar', 6]]);
    });
    it('a repeated key names the key and both lines (the file line, in the second document)', async () => {
        const r = await runCli(['validate', 'duplicate.yaml'], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('duplicate.yaml - failed validation: metadata: duplicate key "name" at lines 12 and 13; ');
        expect(r.stdout).toContain('Summary: 2 resources found in 1 file - Valid: 1, Invalid: 0, Errors: 1, Skipped: 0\n');
    });
    it('quoted values are one meaning everywhere: valid', async () => {
        const r = await runCli(['validate', 'clean.yaml'], { cwd: dir });
        expect([r.code, r.stdout]).toEqual([0, 'Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0\n']);
    });
});
