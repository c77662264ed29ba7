/**
 * The command-line conventions a user expects (issue 14): `--version`, running from any sub-folder,
 * `windows --fail-when-closed` for scripts, `canary status`, colour only in a terminal (never with
 * NO_COLOR, never on machine output) and progress on stderr in a terminal. End to end on a copy of
 * the repository; the pure decisions table-driven.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { colorize, colorWanted, progressWanted } from '../../src/cli/terminal.js';
import { findRoot, ROOT_MARKER } from '../../src/cli/root.js';
import { ARGOCD_CONFIG_FILE } from '../../src/config/load.js';
import { runCli, tempRepo } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/platform.js';

const WEDNESDAY_1000 = '2027-03-03T10:00:00+08:00';
const ESC = '\u001b[';

describe('--version', () => {
  test('the version, the build, node, the kustomize found and the schema sets', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const build = fs.readFileSync(path.join(REPO_ROOT, 'generator/dist/build-id'), 'utf8').trim().slice(0, 12);
    const models = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/kubernetes-models/package.json'), 'utf8')) as { version: string };
    // Every pinned add-on folder, as platform/crds holds them.
    const crds = fs
      .readdirSync(path.join(REPO_ROOT, 'platform/crds'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${d.name} ${fs.readdirSync(path.join(REPO_ROOT, 'platform/crds', d.name)).join('+')}`)
      .sort()
      .join(', ');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`suoke-gitops ${pkg.version}`);
    expect(lines[1]).toBe(`build: ${build}`);
    expect(lines[2]).toBe(`node: ${process.version}`);
    expect(lines[3]).toMatch(/^kustomize: .*kustomize v5\.\d+\.\d+ \(\S+ (kustomize|build)\)$/);
    expect(lines[4]).toBe(`built-in kinds: kubernetes-models ${models.version}`);
    expect(lines[5]).toBe(`CRDs: ${crds}`);
    expect(lines.slice(6)).toEqual(['']);
    expect(await runCli(['-V'])).toEqual(r);
  });

  test('without kustomize on PATH it says so and still exits 0', async () => {
    const r = await runCli(['--version'], { env: { PATH: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[3]).toBe('kustomize: not found (validate needs kustomize or kubectl on PATH: README, "Prerequisites")');
  });

  test('listed in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-V, --version');
  });
});

describe('the repository root', () => {
  const marker = (...files: string[]) => (f: string) => files.includes(f);
  test.each([
    ['the folder itself', '/r', ['/r/argocd/argocd.yaml'], '/r'],
    ['a sub-folder', '/r/apps/xiaoke/base', ['/r/argocd/argocd.yaml'], '/r'],
    ['the nearest of two', '/r/inner/x', ['/r/argocd/argocd.yaml', '/r/inner/argocd/argocd.yaml'], '/r/inner'],
    ['none: the start', '/r/apps', [], '/r/apps'],
    ['argocd/ without the settings file is not a root', '/r/argocd', ['/r/argocd/argocd.yaml/x'], '/r/argocd'],
  ])('%s', (_what, start, files, root) => {
    expect(findRoot(start, marker(...files))).toBe(root);
  });

  test('the marker is the Argo CD settings file the loader reads', () => {
    expect(ROOT_MARKER).toBe(ARGOCD_CONFIG_FILE);
  });

  test('a command run from a sub-folder works on the whole repository', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const fromRoot = await runCli(['windows', '--at', WEDNESDAY_1000, '--root', repo.root]);
    for (const sub of ['apps/xiaoke', 'clusters/prod', 'argocd']) {
      expect(await runCli(['windows', '--at', WEDNESDAY_1000], { cwd: path.join(repo.root, sub) })).toEqual(fromRoot);
    }
    expect(fromRoot.code).toBe(0);
  });

  test('outside a repository, the working directory, and the loader says what is missing', async () => {
    const r = await runCli(['windows']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: argocd/argocd.yaml: argocd/argocd.yaml is missing');
  });
});

describe('windows --fail-when-closed', () => {
  test.each([
    ['every environment, prod and staging closed', [], 1, 'closed: prod, staging (--fail-when-closed)\n'],
    ['prod closed', ['--env', 'prod'], 1, 'closed: prod (--fail-when-closed)\n'],
    ['dev always open', ['--env', 'dev'], 0, ''],
  ])('%s', async (_what, args, code, stderr) => {
    const repo = tempRepo('repo', { configOnly: true });
    const plain = await runCli(['windows', '--at', WEDNESDAY_1000, '--root', repo.root, ...args]);
    const r = await runCli(['windows', '--at', WEDNESDAY_1000, '--fail-when-closed', '--root', repo.root, ...args]);
    expect(r).toEqual({ ...plain, code, stderr });
  });

  test('prod open in its Thursday release window', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const r = await runCli(['windows', '--env', 'prod', '--at', '2027-03-04T22:30:00+08:00', '--fail-when-closed', '--root', repo.root]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('canary status', () => {
  test('a git-controlled canary in prod, window closed', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const r = await runCli(['canary', 'status', 'xiaoke', '--env', 'prod', '--at', WEDNESDAY_1000, '--root', repo.root]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'xiaoke in prod (cluster prod, namespace suoke-prod): canary 2.1.0 at 20% of the traffic, stable 2.0.3 at 80%',
        '  steps: 5 → [20] → 50 → 100, each step a reviewed commit (control: git)',
        '  analysis: every 1m, aborts after 2 failed measurements above 1% 5xx or a p95 over 1500 ms',
        '  change window: closed (outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai))); opens after 2027-03-04 22:00 +08:00',
        '  next: npm run canary -- advance xiaoke --env prod    # 20% → 50% to 2.1.0',
        '  next: npm run canary -- promote xiaoke --env prod    # 2.1.0 becomes the stable version at 100%',
        '  next: npm run canary -- abort xiaoke --env prod    # all traffic back to 2.0.3',
        '  note: the window is closed: a change lands when it opens, or now with an override record (docs/change-windows.md#emergency-overrides)',
        '  live: kubectl argo rollouts get rollout xiaoke -n suoke-prod',
        '',
      ].join('\n'),
    );
  });

  test('an auto-controlled canary in staging, json', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const r = await runCli(['canary', 'status', 'knowledge', '--env', 'staging', '--at', '2027-03-03T11:00:00+08:00', '-o', 'json', '--root', repo.root]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      service: 'knowledge',
      environment: 'staging',
      cluster: 'staging',
      namespace: 'suoke-staging',
      stable: '1.3.0',
      grayRelease: {
        steps: [10, 25, 50, 100],
        pause: '5m',
        control: 'auto',
        analysis: { maxErrorRate: 0.02, maxP95LatencyMs: 1800, interval: '1m', failureLimit: 2 },
        canary: { version: '1.4.0', weight: 10, nextWeight: 25 },
      },
      window: {
        open: true,
        rule: 'allow window "Weekdays 10:00-18:00, while QA is on hand" (0 10 * * 1-5 for 8h, Asia/Shanghai)',
        nextChange: '2027-03-03T10:00:00.000Z',
        nextChangeLocal: '2027-03-03 18:00 +08:00',
      },
      next: [
        { command: 'npm run canary -- promote knowledge --env staging', effect: '1.4.0 becomes the stable version at 100%' },
        { command: 'npm run canary -- abort knowledge --env staging', effect: 'all traffic back to 1.3.0' },
      ],
    });
  });

  test('a service without a gray release', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const r = await runCli(['canary', 'status', 'xiaoai', '--env', 'dev', '--root', repo.root]);
    expect(r).toEqual({
      code: 0,
      signal: null,
      stderr: '',
      stdout: 'xiaoai in dev (cluster dev, namespace suoke-dev): no gray release; runs 2.2.0-rc.1 as a Deployment\n  change window: open (always open (`alwaysOpen: true`))\n',
    });
  });

  test.each([
    ['an unknown service', ['status', 'xiaok', '--env', 'prod'], 'error: no service `xiaok` (no apps/xiaok/service.yaml); did you mean `xiaoke`?\n'],
    ['an unknown environment', ['status', 'xiaoke', '--env', 'qa'], 'error: no environment `qa`; environments: dev, test, staging, prod\n'],
    ['--image with status', ['status', 'xiaoke', '--env', 'prod', '--image', '2.2.0'], 'error: --image is for `start` only; `status` reads the gray release as configured\n'],
    ['-o json with an edit', ['advance', 'xiaoke', '--env', 'prod', '-o', 'json'], 'error: -o json is for `status`; `advance` prints the change it made\n'],
    ['--at with an edit', ['abort', 'xiaoke', '--env', 'prod', '--at', WEDNESDAY_1000], 'error: --at is for `status`; `abort` edits the configuration now\n'],
  ])('%s: exit 2', async (_what, args, stderr) => {
    const repo = tempRepo('repo', { configOnly: true });
    expect(await runCli(['canary', ...args, '--root', repo.root])).toEqual({ code: 2, signal: null, stdout: '', stderr });
  });
});

describe('colour', () => {
  test.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['NO_COLOR in a terminal', true, { NO_COLOR: '1' }, false],
    ['NO_COLOR empty is unset (no-color.org)', true, { NO_COLOR: '' }, true],
    ['FORCE_COLOR in a pipe', false, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 in a terminal', true, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR wins over FORCE_COLOR', false, { NO_COLOR: 'x', FORCE_COLOR: '1' }, false],
    ['TERM=dumb', true, { TERM: 'dumb' }, false],
  ])('%s', (_what, tty, env, wanted) => {
    expect(colorWanted(tty, env)).toBe(wanted);
  });

  test('only escape sequences are added', () => {
    const text = [
      'f.yaml - ConfigMap a is invalid: data.Y: expected string, got number 1',
      '  hint: quote the value: "1"',
      'apps/x/service.yaml:6 - warning: something (policy/x)',
      'prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)',
      'dev: open',
      'Summary: 2 resources found in 1 file - Valid: 0, Invalid: 2, Errors: 0, Skipped: 0',
      'error: no service `x`',
      '',
    ].join('\n');
    const painted = colorize(text);
    expect(painted.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
    expect(painted.split('\n').map((l) => l.includes(ESC))).toEqual([true, true, true, true, true, true, true, false]);
    expect(painted).toContain('\u001b[31m\u001b[1mis invalid\u001b[0m');
    expect(painted).toContain('\u001b[31mInvalid: 2\u001b[0m');
    expect(painted).not.toContain('\u001b[31mErrors: 0');
  });

  test('in the CLI: FORCE_COLOR colours text, never JSON, and NO_COLOR turns it off', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const args = ['windows', '--at', WEDNESDAY_1000, '--root', repo.root];
    const plain = await runCli(args);
    const forced = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`prod: ${ESC}31mclosed${ESC}0m`);
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    expect((await runCli([...args, '-o', 'json'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect(await runCli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toEqual(plain);
  });
});

describe('progress', () => {
  test.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['a terminal in CI', true, { CI: 'true' }, false],
    ['CI=false', true, { CI: 'false' }, true],
  ])('%s', (_what, tty, env, wanted) => {
    expect(progressWanted(tty, env)).toBe(wanted);
  });

  test('validate in a terminal names each stage on stderr; in a pipe it prints none', async () => {
    const repo = tempRepo('repo');
    const args = ['validate', '--schema-only', '--no-cache', '--root', repo.root];
    const piped = await runCli(args);
    expect(piped).toMatchObject({ code: 0, stderr: '' });
    // util-linux `script` runs the CLI on a pseudo-terminal (its stdout and stderr both go there).
    const cmd = [process.execPath, path.join(REPO_ROOT, 'generator/dist/src/cli/main.js'), ...args].map((a) => `'${a}'`).join(' ');
    const tty = execFileSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } });
    expect(tty.replace(/\r/g, '')).toBe(`… rendering and checking the repository (schemas)\n${piped.stdout}`);
  });
});
