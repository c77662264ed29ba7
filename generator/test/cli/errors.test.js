/**
 * End-to-end: user errors. A bad configuration or a bad flag exits 2 with one exact message (file,
 * line, YAML path, what is wrong, how to fix it), never a stack trace, and a failed run writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
const CLOSING_1 = '1 problem in the configuration; nothing was written.\n';
const replace = (repo, file, from, to) => {
    const text = repo.read(file);
    expect(text, `${file} contains ${from}`).toContain(from);
    repo.write(file, text.replace(from, to));
};
const cases = [
    {
        name: 'a typo in a key',
        edit: (r) => replace(r, 'apps/gateway/service.yaml', '\nreplicas: 2\n', '\nreplica: 2\n'),
        stderr: 'error: apps/gateway/service.yaml:14: replica: unknown key `replica`\n  fix: did you mean `replicas`?\n' + CLOSING_1,
    },
    {
        name: 'a dependency on a service that does not exist',
        edit: (r) => replace(r, 'apps/gateway/service.yaml', 'services: [records, scheduler]', 'services: [records, schedular]'),
        stderr: 'error: apps/gateway/service.yaml:10: dependsOn.services[1]: `dependsOn.services[1]` names `schedular`, which is not a service (no apps/schedular/service.yaml)\n' +
            '  fix: did you mean `scheduler`?\n' +
            CLOSING_1,
    },
    {
        // The parser notices the unclosed `[` on the line after it.
        name: 'a YAML syntax error',
        edit: (r) => replace(r, 'apps/gateway/service.yaml', '\ngroup: core\n', '\ngroup: [core\n'),
        stderr: 'error: apps/gateway/service.yaml:4: Flow sequence in block collection must be sufficiently indented and end with a ]\n' + CLOSING_1,
    },
    {
        name: 'version: latest (unquoted)',
        edit: (r) => replace(r, 'apps/gateway/service.yaml', '\nversion: "1.0.0"\n', '\nversion: latest\n'),
        stderr: 'error: apps/gateway/service.yaml:5: version: `version` must not be `latest`: a moving tag makes deployments unrepeatable\n' +
            '  fix: pin a released tag, e.g. `version: "1.4.2"`\n' +
            CLOSING_1,
    },
    {
        name: 'a quantity that is not one',
        edit: (r) => replace(r, 'apps/gateway/service.yaml', 'requests: {cpu: 500m,', 'requests: {cpu: lots,'),
        stderr: 'error: apps/gateway/service.yaml:12: resources.requests.cpu: `resources.requests.cpu` is `lots`, not a CPU quantity: expected cores (`0.5`, `2`) or whole millicores (`250m`)\n' +
            '  fix: e.g. `cpu: 250m`\n' +
            CLOSING_1,
    },
    {
        name: 'a duplicate key',
        edit: (r) => r.write('apps/gateway/service.yaml', `${r.read('apps/gateway/service.yaml')}name: gateway\n`),
        stderr: 'error: apps/gateway/service.yaml:19: name: duplicate key "name" at lines 2 and 19\n  fix: remove one of them: YAML does not let a later key override an earlier one\n' + CLOSING_1,
    },
    {
        // Issue 11: YAML 1.1 (kubectl apply, Argo CD) reads `no` as false; configuration is YAML 1.2.
        name: 'an unquoted no in settings',
        edit: (r) => r.write('apps/gateway/service.yaml', `${r.read('apps/gateway/service.yaml')}settings:\n  ENABLED: no\n`),
        stderr: 'error: apps/gateway/service.yaml:20: settings.ENABLED: ENABLED: no is the string "no" in configuration (YAML 1.2) but the boolean false for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently\n' +
            '  fix: quote it: ENABLED: "no" (or write false if the boolean false is meant)\n' +
            CLOSING_1,
    },
    {
        // Issue 8, item 10: refused at render, with the detector rule; the password is never printed.
        name: 'a password inside a URL in settings',
        edit: (r) => r.write('apps/gateway/service.yaml', `${r.read('apps/gateway/service.yaml')}settings:\n  REDIS_URL: "redis://:hunter2@redis:6379/0"\n`),
        stderr: 'error: apps/gateway/service.yaml:20: settings.REDIS_URL: `settings.REDIS_URL` holds a secret written out: a URL with a password in it, detector rule `url-credentials`; the value (29 characters, not shown) must not be in Git\n' +
            '  fix: keep it in the secret store: remove it here and declare it under `secrets`, e.g. `- {env: REDIS_URL, key: "suoke/{env}/gateway", property: redis-url}`, which renders an ExternalSecret; then rotate the value: it is in Git history\n' +
            CLOSING_1,
    },
    {
        name: 'the Argo CD file missing',
        edit: (r) => r.remove('argocd/argocd.yaml'),
        stderr: 'error: argocd/argocd.yaml: argocd/argocd.yaml is missing\n  fix: restore it from Git history, or create it\n' + CLOSING_1,
    },
    {
        name: 'two problems in two files, sorted by file',
        edit: (r) => {
            replace(r, 'clusters/dev/cluster.yaml', 'name: dev\n', 'name: Dev\n');
            replace(r, 'apps/gateway/service.yaml', '\nreplicas: 2\n', '\nreplica: 2\n');
        },
        stderr: 'error: apps/gateway/service.yaml:14: replica: unknown key `replica`\n  fix: did you mean `replicas`?\n' +
            'error: clusters/dev/cluster.yaml:1: name: `name` is "Dev", not a DNS-1123 label\n' +
            '  fix: use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `dev`\n' +
            '2 problems in the configuration; nothing was written.\n',
    },
];
describe('bad configuration', () => {
    // One rendered fixture, copied per case: the records service also gets a new version, so a render
    // that went ahead would have files to write.
    let rendered;
    beforeAll(async () => {
        rendered = tempRepo('fixture');
        expect((await runCli(['render', '--root', rendered.root])).code).toBe(0);
    });
    const fresh = () => {
        const repo = tempRepo('fixture');
        for (const [p, text] of Object.entries(rendered.snapshot()))
            if (!p.endsWith('/'))
                repo.write(p, text);
        replace(repo, 'apps/records/service.yaml', 'version: "2.4.0"', 'version: "2.4.1"');
        return repo;
    };
    it.each(cases)('render: $name → exit 2, the exact message, nothing written', async ({ edit, stderr }) => {
        const repo = fresh();
        edit(repo);
        const before = repo.snapshot();
        const r = await runCli(['render', '--root', repo.root]);
        expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr });
        expect(repo.snapshot()).toEqual(before);
    });
    it.each(cases.slice(0, 2))('render --check and validate: $name → the same message, exit 2', async ({ edit, stderr }) => {
        const repo = fresh();
        edit(repo);
        const before = repo.snapshot();
        expect(await runCli(['render', '--check', '--root', repo.root])).toEqual({ code: 2, signal: null, stdout: '', stderr });
        expect(await runCli(['validate', '--no-kustomize', '--root', repo.root])).toEqual({ code: 2, signal: null, stdout: '', stderr });
        // A machine format gets the same findings as a report on stdout (test/cli/report-on-error.test.ts).
        const json = await runCli(['validate', '-o', 'json', '--root', repo.root]);
        expect({ ...json, stdout: '' }).toEqual({ code: 2, signal: null, stdout: '', stderr });
        expect(JSON.parse(json.stdout).findings).toHaveLength(1);
        expect(repo.snapshot()).toEqual(before);
    });
    it('render outside a repository names the three missing sources', async () => {
        const repo = tempRepo('fixture');
        repo.remove('apps');
        repo.remove('clusters');
        repo.remove('argocd');
        const r = await runCli(['render', '--root', repo.root]);
        expect(r).toEqual({
            code: 2,
            signal: null,
            stdout: '',
            stderr: [
                'error: apps: no service files found: expected apps/<service>/service.yaml',
                '  fix: run the command from the root of the GitOps repository',
                'error: argocd/argocd.yaml: argocd/argocd.yaml is missing',
                '  fix: restore it from Git history, or create it',
                'error: clusters: no cluster files found: expected clusters/<cluster>/cluster.yaml',
                '  fix: run the command from the root of the GitOps repository',
                '3 problems in the configuration; nothing was written.',
                '',
            ].join('\n'),
        });
        expect(repo.snapshot()).toEqual({});
    });
});
describe('bad usage', () => {
    it.each([
        { args: ['render', '--nope'], stderr: "error: unknown option '--nope'\n(run with --help for usage)\n" },
        { args: ['frob'], stderr: "error: unknown command 'frob'\n(run with --help for usage)\n" },
        {
            args: ['validate', '--output', 'xml'],
            stderr: "error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are text, json, junit, tap, sarif.\n(run with --help for usage)\n",
        },
        {
            args: ['validate', '-o', 'xml'],
            stderr: "error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are text, json, junit, tap, sarif.\n(run with --help for usage)\n",
        },
        { args: ['render', '--root'], stderr: "error: option '--root <dir>' argument missing\n(run with --help for usage)\n" },
    ])('$args → exit 2 and one message, before anything is read', async ({ args, stderr }) => {
        // The working directory holds no repository: a flag error must come before any reading.
        expect(await runCli(args)).toEqual({ code: 2, signal: null, stdout: '', stderr });
    });
    it('--help exits 0 and prints the usage on stdout', async () => {
        const r = await runCli(['--help']);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Usage: suoke-gitops [options] [command]', '', 'Renders and validates the Suoke Life GitOps repository']);
    });
});
describe('a reader that stops early', () => {
    it('`validate -v -o json | head -1` (more output than a pipe holds): one line, exit 0, no stack trace', async () => {
        const { spawnSync } = await import('node:child_process');
        const { CLI } = await import('../helpers/cli.js');
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = spawnSync('bash', ['-c', `node "${CLI}" validate -v -o json --schema-only --root "${repo.root}" | head -1; echo "exit \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('{\nexit 0\n');
    });
});
