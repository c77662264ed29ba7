/**
 * End-to-end: `validate PATH` gives kubeconform's verdicts (`kubeconform -strict -summary`): exit code,
 * summary counts and statuses. Each case names the case of yannh/kubeconform `acceptance.bats` @ v0.7.0
 * it mirrors (its line); the manifests are our own. Where we differ on purpose the case says so and why
 * (README, "validate PATH and kubeconform").
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { FIXTURE_PLATFORM } from '../helpers/platform.js';
/** A ReplicationController as the Kubernetes docs write it: schema-valid, but it fails most production policies. */
const RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: bob
spec:
  replicas: 2
  selector:
    app: nginx
  template:
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
`;
const CM = (name) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;
const SVC = (name) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
const list = (items) => `apiVersion: v1\nkind: List\nitems:\n${items.map((i) => `  - ${i.trimEnd().split('\n').join('\n    ')}\n`).join('')}`;
const INVALID_RC = RC.replace('replicas: 2', 'replicas: "two"');
/** A Deployment whose selector does not select its pods: schema-valid, semantically wrong. */
const MISMATCHED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: www}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const FILES = {
    'valid.yaml': RC,
    'valid.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-json' }, data: { k: 'v' } }),
    'folder/one.yaml': `${CM('a')}---\n${SVC('b')}---\n${CM('c')}`,
    'folder/nested/two.yaml': `${CM('d')}---\n${SVC('e')}`,
    'multi_valid.yaml': [CM('a'), SVC('b'), CM('c'), SVC('d'), CM('e'), RC].join('---\n'),
    'multi_invalid.yaml': [CM('a'), INVALID_RC, SVC('b')].join('---\n'),
    'blank.yaml': '',
    'comment.yaml': '# nothing but a comment\n',
    'missing_kind.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n',
    'missing_apiversion.yaml': 'kind: ConfigMap\nmetadata:\n  name: x\n',
    'missing_kind_value.yaml': 'apiVersion: v1\nkind:\nmetadata:\n  name: x\n',
    'custom.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    'extra_property.yaml': CM('x').replace('\ndata:', '\nunknownField: 1\ndata:'),
    'duplicate_property.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n',
    'list_valid.yaml': list([CM('a'), SVC('b'), CM('c'), SVC('d'), CM('e'), RC]),
    'list_invalid.yaml': list([INVALID_RC, CM('ok')]),
    'list_empty.yaml': 'apiVersion: v1\nkind: List\nitems: []\n',
    'multi_with_list.yaml': `${CM('a')}---\n${list([SVC('b')])}`,
    'mismatched.yaml': MISMATCHED,
    'generate_name.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: pi-\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: pi\n          image: perl:5.34\n',
    'quantity.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\nspec:\n  limits:\n    - type: Container\n      default: {memory: 512Mi, cpu: 1}\n      defaultRequest: {memory: 256000000, cpu: 0.5}\n',
    'null_values.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: frontend\nspec:\n  externalIPs: null\n  clusterIP: null\n  ports:\n    - port: 80\n      targetPort: http\n',
};
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-kubeconform-'));
    for (const [rel, text] of Object.entries(FILES)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
    }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runCli(['validate', ...args], { cwd: dir });
const summary = (r) => r.stdout.trimEnd().split('\n').pop();
const counts = (resources, files, v, i, e, s) => `Summary: ${resources} resource${resources > 1 ? 's' : ''} found ${files === 'stdin' ? 'parsing stdin' : `in ${files} file${files > 1 ? 's' : ''}`} - Valid: ${v}, Invalid: ${i}, Errors: ${e}, Skipped: ${s}`;
/** Runs `script` in bash (a real pipe or redirection on standard input, as acceptance.bats does), `$CLI` being the command. */
function shell(script, cwd = dir) {
    return new Promise((resolve, reject) => {
        const child = spawn('bash', ['-c', script], { cwd, env: { ...process.env, CI: '', CLI: `${process.execPath} ${CLI}` }, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
}
describe('validate PATH gives kubeconform -strict -summary verdicts (acceptance.bats @ v0.7.0)', () => {
    it.each([
        ['a valid YAML file (:20)', ['valid.yaml'], 0, counts(1, 1, 1, 0, 0, 0)],
        ['a folder of valid YAML files, recursively (:26)', ['folder'], 0, counts(5, 2, 5, 0, 0, 0)],
        ['a valid JSON file (:38)', ['valid.json'], 0, counts(1, 1, 1, 0, 0, 0)],
        ['a multi-document file (:68)', ['multi_valid.yaml'], 0, counts(6, 1, 6, 0, 0, 0)],
        ['a multi-document file with one invalid resource (:74)', ['multi_invalid.yaml'], 1, counts(3, 1, 2, 1, 0, 0)],
        ['a blank file: 0 resource, as kubeconform words it (:90)', ['blank.yaml'], 0, counts(0, 1, 0, 0, 0, 0)],
        ['a file holding only a comment (:96)', ['comment.yaml'], 0, counts(0, 1, 0, 0, 0, 0)],
        ['a resource without kind (:102)', ['missing_kind.yaml'], 1, counts(1, 1, 0, 0, 1, 0)],
        ['a resource without apiVersion (:108)', ['missing_apiversion.yaml'], 1, counts(1, 1, 0, 0, 1, 0)],
        ['a resource whose kind is empty (:114)', ['missing_kind_value.yaml'], 1, counts(1, 1, 0, 0, 1, 0)],
        ['a custom resource without a schema (:120)', ['custom.yaml'], 1, counts(1, 1, 0, 0, 1, 0)],
        ['a custom resource without a schema, --ignore-missing-schemas (:125)', ['--ignore-missing-schemas', 'custom.yaml'], 0, counts(1, 1, 0, 0, 0, 1)],
        ['an unknown property: invalid, as with -strict (:136)', ['extra_property.yaml'], 1, counts(1, 1, 0, 1, 0, 0)],
        ['a duplicated property: an error, as with -strict (:141)', ['duplicate_property.yaml'], 1, counts(1, 1, 0, 0, 1, 0)],
        ['a List: its items are the resources (:294)', ['list_valid.yaml'], 0, counts(6, 1, 6, 0, 0, 0)],
        ['a List holding an invalid resource (:306)', ['list_invalid.yaml'], 1, counts(2, 1, 1, 1, 0, 0)],
        ['an empty List (:320)', ['list_empty.yaml'], 0, counts(0, 1, 0, 0, 0, 0)],
        ['a resource and a List in one file (:326)', ['multi_with_list.yaml'], 0, counts(2, 1, 2, 0, 0, 0)],
    ])('%s', async (_name, args, code, line) => {
        const r = await run(...args);
        expect({ code: r.code, summary: summary(r), stderr: r.stderr }).toEqual({ code, summary: line, stderr: '' });
    });
    it('names the failing field of the invalid List item, then the summary (:306)', async () => {
        expect((await run('list_invalid.yaml')).stdout.split('\n')).toEqual([
            'list_invalid.yaml - ReplicationController bob is invalid: spec.replicas: expected integer, got string "two"',
            counts(2, 1, 1, 1, 0, 0),
            '',
        ]);
    });
    it('a missing kind says so (:102, "missing \'kind\' key")', async () => {
        expect((await run('missing_kind.yaml')).stdout).toContain('missing_kind.yaml - failed validation: line 1: the document has no kind');
    });
    // kubeconform exits 1 and counts nothing but the error; we exit 2: the input could not be read (README).
    it('a path that does not exist: named, exit 2 where kubeconform exits 1 (:84)', async () => {
        const r = await run('not-here');
        expect(r.code).toBe(2);
        expect(r.stdout.split('\n')[0]).toBe('not-here - failed validation: no such file or directory');
    });
    it.each([
        ['generateName instead of a name (:44)', 'generate_name.yaml', 'Job pi-*'],
        ['string and integer quantities (:50)', 'quantity.yaml', 'LimitRange limits'],
        ['null arrays and strings, a named targetPort (:32, :56, :62)', 'null_values.yaml', 'Service frontend'],
    ])('valid: %s', async (_name, file, who) => {
        expect(await run('-v', file)).toEqual({ code: 0, signal: null, stdout: `${file} - ${who} is valid\n${counts(1, 1, 1, 0, 0, 0)}\n`, stderr: '' });
    });
    it('-v names each valid resource: "ReplicationController bob is valid" (:32)', async () => {
        expect((await run('-v', 'valid.yaml')).stdout).toBe(`valid.yaml - ReplicationController bob is valid\n${counts(1, 1, 1, 0, 0, 0)}\n`);
    });
});
describe('--skip and --reject match a kind or an apiVersion/kind, as kubeconform (acceptance.bats @ v0.7.0)', () => {
    it.each([
        ['a kind to skip (:227)', ['--skip', 'ReplicationController'], 0, 'valid.yaml - ReplicationController bob is skipped: ReplicationController is named by --skip', counts(1, 1, 0, 0, 0, 1)],
        ['an apiVersion/kind to skip (:233)', ['--skip', 'v1/ReplicationController'], 0, 'valid.yaml - ReplicationController bob is skipped: ReplicationController is named by --skip', counts(1, 1, 0, 0, 0, 1)],
        ['the kind matches, the version does not: not skipped (:239)', ['--skip', 'v2/ReplicationController'], 0, 'valid.yaml - ReplicationController bob is valid', counts(1, 1, 1, 0, 0, 0)],
        ['a kind to reject (:245)', ['--reject', 'ReplicationController'], 1, 'valid.yaml - ReplicationController bob failed validation: prohibited resource kind ReplicationController', counts(1, 1, 0, 0, 1, 0)],
        ['comma-separated, blanks dropped, repeatable', ['--skip', 'Secret, ,ConfigMap', '--skip', 'ReplicationController'], 0, 'valid.yaml - ReplicationController bob is skipped: ReplicationController is named by --skip', counts(1, 1, 0, 0, 0, 1)],
    ])('%s', async (_name, flags, code, first, line) => {
        const r = await run('-v', ...flags, 'valid.yaml');
        expect({ code: r.code, first: r.stdout.split('\n')[0], summary: summary(r) }).toEqual({ code, first, summary: line });
    });
    it('skip comes before reject and before the schema: a skipped invalid resource is Skipped', async () => {
        const r = await run('--skip', 'ReplicationController', '--reject', 'ReplicationController', 'multi_invalid.yaml');
        expect({ code: r.code, summary: summary(r) }).toEqual({ code: 0, summary: counts(3, 1, 2, 0, 0, 1) });
    });
    it.each([
        [['--skip', 'ConfigMap'], '--skip'],
        [['--reject', 'Secret', '--policies'], '--policies, --reject'],
    ])('%j without PATH: a usage error, the repository mode checks everything (exit 2)', async (flags, named) => {
        expect(await run(...flags)).toEqual({
            code: 2,
            signal: null,
            stdout: '',
            stderr: `error: validate: ${named} apply to manifests given as PATH (or standard input); the repository (no PATH) always runs the policies and checks every kind\n`,
        });
    });
    it('--skip without a name is a usage error (exit 2)', async () => {
        const r = await run('--skip', ' , ', 'valid.yaml');
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n')[0]).toBe("error: option '--skip <kinds>' argument ' , ' is invalid. expected a kind or apiVersion/kind, e.g. ConfigMap or apps/v1/Deployment, comma-separated.");
    });
});
describe('standard input (acceptance.bats @ v0.7.0)', () => {
    it.each([
        ['piped, no PATH (:200)', 'cat valid.yaml | $CLI validate', 0, counts(1, 'stdin', 1, 0, 0, 0)],
        ['piped, explicitly - (:206)', 'cat valid.yaml | $CLI validate -', 0, counts(1, 'stdin', 1, 0, 0, 0)],
        ['redirected from a file, no PATH', '$CLI validate < valid.yaml', 0, counts(1, 'stdin', 1, 0, 0, 0)],
        ['an invalid resource, explicitly - (:212)', 'cat multi_invalid.yaml | $CLI validate -', 1, counts(3, 'stdin', 2, 1, 0, 0)],
        ['a List, no PATH (:300)', 'cat list_valid.yaml | $CLI validate', 0, counts(6, 'stdin', 6, 0, 0, 0)],
        ['a List holding an invalid resource, explicitly - (:313)', 'cat list_invalid.yaml | $CLI validate -', 1, counts(2, 'stdin', 1, 1, 0, 0)],
    ])('%s', async (_name, script, code, line) => {
        const r = await shell(script);
        expect({ code: r.code, summary: summary(r), stderr: r.stderr }).toEqual({ code, summary: line, stderr: '' });
    });
    it('findings name the file "stdin" (:313)', async () => {
        expect((await shell('cat list_invalid.yaml | $CLI validate -')).stdout.split('\n')[0]).toBe('stdin - ReplicationController bob is invalid: spec.replicas: expected integer, got string "two"');
    });
    // Node opens /dev/null in place of a closed standard input, so both read as the device.
    it.each([
        ['/dev/null', '$CLI validate - < /dev/null', 'a device (such as /dev/null)'],
        ['closed', '$CLI validate - <&-', 'a device (such as /dev/null)'],
    ])('explicitly -, with nothing to read (%s): exit 2, as kubeconform fails (:222)', async (_name, script, what) => {
        expect(await shell(script)).toEqual({
            code: 2,
            signal: null,
            stdout: '',
            stderr: `error: validate -: standard input is ${what}, with no manifests to read; pipe them in, e.g. \`kustomize build . | npm run validate -- -\`\n`,
        });
    });
    it('- among other paths is a usage error', async () => {
        const r = await shell('cat valid.yaml | $CLI validate - valid.yaml');
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: 'error: validate: - (standard input) is read alone; give it without other paths, or validate the files without -\n' });
    });
    // kubeconform fails here (:217): it reads any non-terminal input. CI starts jobs with /dev/null, a
    // closed or an empty standard input, and `npm run validate` must then validate the repository.
    it.each([
        ['/dev/null', '$CLI validate --schema-only --no-cache --root "$ROOT" < /dev/null'],
        ['closed', '$CLI validate --schema-only --no-cache --root "$ROOT" <&-'],
        ['an empty pipe', ': | $CLI validate --schema-only --no-cache --root "$ROOT"'],
    ])('no PATH, standard input %s: the repository is validated, not standard input', async (_name, script) => {
        const r = await shell(`ROOT=${JSON.stringify(FIXTURE_PLATFORM)}; ${script}`);
        expect(r.code).toBe(0);
        expect(summary(r)).toMatch(/^Summary: \d+ resources found in \d+ files - Valid: \d+, Invalid: 0, Errors: 0, Skipped: 0$/);
    });
});
describe('what validate PATH checks: schema and semantic checks; --schema-only; --policies', () => {
    it('a ReplicationController from the Kubernetes docs is valid by default: policies are opt-in', async () => {
        expect(await run('valid.yaml')).toEqual({ code: 0, signal: null, stdout: `${counts(1, 1, 1, 0, 0, 0)}\n`, stderr: '' });
    });
    it('--policies: the production policies judge it (each finding an Error in the summary)', async () => {
        const r = await run('--policies', 'valid.yaml');
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('(policy/');
        expect(summary(r)).toMatch(/^Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: [1-9]\d*, Skipped: 0$/);
    });
    it('a selector that selects no pod: invalid by default (a semantic check), valid with --schema-only', async () => {
        const r = await run('mismatched.yaml');
        expect({ code: r.code, summary: summary(r) }).toEqual({ code: 1, summary: counts(1, 1, 0, 1, 0, 0) });
        expect(r.stdout).toContain('mismatched.yaml - Deployment web is invalid: spec.selector');
        expect(await run('--schema-only', 'mismatched.yaml')).toEqual({ code: 0, signal: null, stdout: `${counts(1, 1, 1, 0, 0, 0)}\n`, stderr: '' });
    });
    it('--schema-only still refuses what the schema refuses', async () => {
        const r = await run('--schema-only', 'multi_invalid.yaml');
        expect({ code: r.code, summary: summary(r) }).toEqual({ code: 1, summary: counts(3, 1, 2, 1, 0, 0) });
    });
});
describe('-o tap (acceptance.bats:286 @ v0.7.0)', () => {
    it('TAP version 13, one test per resource, the plan last', async () => {
        expect(await run('-o', 'tap', 'valid.yaml')).toEqual({ code: 0, signal: null, stdout: 'TAP version 13\nok 1 - valid.yaml (ReplicationController bob)\n1..1\n', stderr: '' });
    });
});
