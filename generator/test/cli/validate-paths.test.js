/**
 * End-to-end: `validate PATH...`, kubeconform-style validation of any manifest files and folders.
 * Paths are relative to the working directory (the root), as the user typed them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  MODE: fast
`;
// Line 6 has an unknown field, line 17 a string where an integer belongs; the Service is valid.
const BAD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: "http"
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
`;
// The flow sequence opened on line 6 is found unclosed on line 7.
const SYNTAX_ERROR = `apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
data:
  a: [1, 2
  b: c
`;
const UNKNOWN_FIELD = [
    'manifests/bad.yaml - Deployment web is invalid: spec.replica: unknown field "replica", did you mean "replicas"?',
    '  hint: known fields here: minReadySeconds, paused, progressDeadlineSeconds, replicas, revisionHistoryLimit, selector, strategy, template',
];
const WRONG_TYPE = 'manifests/bad.yaml - Deployment web is invalid: spec.template.spec.containers[0].ports[0].containerPort: expected integer, got string "http"';
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-cli-paths-'));
    const write = (rel, text) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
    };
    write('good/configmap.yaml', CONFIGMAP);
    write('manifests/good.yaml', CONFIGMAP);
    write('manifests/bad.yaml', BAD_DEPLOYMENT);
    write('manifests/notes.txt', 'not a manifest, not read\n');
    write('syntax.yaml', SYNTAX_ERROR);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runCli(['validate', ...args], { cwd: dir });
describe('validate PATH', () => {
    it('a valid manifest file: exit 0 and the summary', async () => {
        expect(await run('good/configmap.yaml')).toEqual({
            code: 0,
            signal: null,
            stdout: 'Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0\n',
            stderr: '',
        });
    });
    it('a valid folder, given with ./ and a trailing slash, and -v: each resource listed as valid', async () => {
        expect(await run('-v', './good/')).toEqual({
            code: 0,
            signal: null,
            stdout: 'good/configmap.yaml - ConfigMap settings is valid\nSummary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0\n',
            stderr: '',
        });
    });
    it('a folder with a bad manifest (unknown field, wrong type): exit 1 and the exact lines', async () => {
        expect(await run('manifests')).toEqual({
            code: 1,
            signal: null,
            stdout: [...UNKNOWN_FIELD, WRONG_TYPE, 'Summary: 3 resources found in 2 files - Valid: 2, Invalid: 1, Errors: 0, Skipped: 0', ''].join('\n'),
            stderr: '',
        });
    });
    it('-o json of the bad folder: the resource with both findings, with the line its document starts on', async () => {
        const r = await run('-o', 'json', 'manifests');
        expect(r.code).toBe(1);
        expect(JSON.parse(r.stdout)).toEqual({
            resources: [
                {
                    file: 'manifests/bad.yaml',
                    line: 1,
                    index: 0,
                    object: 'apps/v1/Deployment web',
                    kind: 'Deployment',
                    status: 'invalid',
                    // Findings carry the line their document starts on, not the line of the field.
                    findings: [
                        {
                            check: 'schema/unknown-field',
                            severity: 'error',
                            line: 1,
                            path: 'spec.replica',
                            message: 'unknown field "replica", did you mean "replicas"?',
                            hint: 'known fields here: minReadySeconds, paused, progressDeadlineSeconds, replicas, revisionHistoryLimit, selector, strategy, template',
                        },
                        { check: 'schema/type', severity: 'error', line: 1, path: 'spec.template.spec.containers[0].ports[0].containerPort', message: 'expected integer, got string "http"' },
                    ],
                },
            ],
            findings: [],
            summary: { resources: 3, files: 2, valid: 2, invalid: 1, errors: 0, skipped: 0 },
        });
    });
    it('a YAML syntax error: exit 1, the file and the line', async () => {
        const r = await run('syntax.yaml');
        expect(r).toEqual({
            code: 1,
            signal: null,
            stdout: [
                'syntax.yaml - failed validation: line 7: YAML syntax error: missed comma between flow collection entries',
                'Summary: 1 resource found in 1 file - Valid: 0, Invalid: 0, Errors: 1, Skipped: 0',
                '',
            ].join('\n'),
            stderr: '',
        });
        const json = JSON.parse((await run('-o', 'json', 'syntax.yaml')).stdout);
        expect(json.resources.map((x) => `${x.file}:${x.line}`)).toEqual(['syntax.yaml:7']);
    });
    it('a missing path: exit 2, named, and the rest still validated', async () => {
        expect(await run('missing.yaml')).toEqual({
            code: 2,
            signal: null,
            stdout: [
                'missing.yaml - failed validation: no such file or directory',
                '  hint: check the path',
                'Summary: 1 resource found in 0 file - Valid: 0, Invalid: 0, Errors: 1, Skipped: 0',
                '',
            ].join('\n'),
            stderr: '',
        });
        const both = await run('manifests', 'missing.yaml');
        expect(both.code).toBe(2);
        expect(both.stdout.split('\n')).toEqual([
            ...UNKNOWN_FIELD,
            WRONG_TYPE,
            'missing.yaml - failed validation: no such file or directory',
            '  hint: check the path',
            'Summary: 4 resources found in 2 files - Valid: 2, Invalid: 1, Errors: 1, Skipped: 0',
            '',
        ]);
    });
    it('an absolute path is read as given', async () => {
        const file = path.join(dir, 'good/configmap.yaml');
        expect(await runCli(['validate', '-v', file])).toEqual({
            code: 0,
            signal: null,
            stdout: `${file} - ConfigMap settings is valid\nSummary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0\n`,
            stderr: '',
        });
    });
});
