/**
 * End to end: `windows` and `validate --at --base` run as the real CLI on a temporary copy of the
 * repository, made a Git repository whose first commit is the base of the change.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
import { waivedLines, SEED } from '../helpers/platform.js';

const WEDNESDAY_1000 = '2027-03-03T10:00:00+08:00';
// Before the Spring Festival freeze, which `validate` reports as ended from 2027-02-15 on.
const JAN_TUESDAY_2230 = '2027-01-05T22:30:00+08:00';
const JAN_WEDNESDAY_1000 = '2027-01-06T10:00:00+08:00';

describe('npm run windows', () => {
  test('every environment at an instant, text', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const r = await runCli(['windows', '--at', WEDNESDAY_1000, '--root', repo.root]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'Change windows at 2027-03-03T02:00:00.000Z',
        'dev: open',
        '  rule: always open (`alwaysOpen: true`)',
        '  next: no change ahead',
        'prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)',
        '  rule: outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai))',
        '  next: opens after 2027-03-04 22:00 +08:00 (2027-03-04T14:00:00.000Z)',
        'staging: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)',
        '  rule: outside every allow window (allow window "Weekdays 10:00-18:00, while QA is on hand" (0 10 * * 1-5 for 8h, Asia/Shanghai))',
        '  next: opens after 2027-03-03 10:00 +08:00 (2027-03-03T02:00:00.000Z)',
        'test: open',
        '  rule: always open (`alwaysOpen: true`)',
        '  next: no change ahead',
        '',
      ].join('\n'),
    );
  });

  test('one environment in a freeze, json', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const r = await runCli(['windows', '--env', 'prod', '--at', '2027-10-03T12:00:00Z', '--output', 'json', '--root', repo.root]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      at: '2027-10-03T12:00:00.000Z',
      environments: [
        {
          environment: 'prod',
          cluster: 'prod',
          timeZone: 'Asia/Shanghai',
          open: false,
          rule: 'freeze "National Day 2027" (2027-10-01 to 2027-10-07, Asia/Shanghai)',
          nextChange: '2027-10-12T14:00:00.000Z',
          nextChangeLocal: '2027-10-12 22:00 +08:00',
        },
      ],
    });
  });

  test('the other output formats are the shared ones (report/registry.ts): tap lists each environment as an info finding', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const r = await runCli(['windows', '--env', 'prod', '--at', WEDNESDAY_1000, '-o', 'tap', '--root', repo.root]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      'TAP version 13',
      'ok 1 - clusters/prod/cluster.yaml (Environment prod) windows/state',
      '  ---',
      '  findings:',
      '    - check: "windows/state"',
    ]);
    expect(r.stdout).toContain('message: "prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai); rule: outside every allow window');
    expect(r.stdout).toMatch(/\n1\.\.1\n$/);
  });

  test('an unknown output format names every registered one', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    expect(await runCli(['windows', '-o', 'xml', '--root', repo.root])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are text, json, junit, tap, sarif.\n(run with --help for usage)\n",
    });
  });

  test.each([
    [['--env', 'prd'], 'error: unknown environment "prd": expected one of dev, prod, staging, test\n'],
    [['--at', '2027-03-02 22:30'], 'error: --at "2027-03-02 22:30" is not an ISO-8601 date and time with a UTC offset, e.g. 2027-03-02T22:30:00+08:00 or 2027-03-02T14:30:00Z\n'],
  ])('bad usage %j', async (args, stderr) => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    expect(await runCli(['windows', ...args, '--root', repo.root])).toMatchObject({ code: 2, stdout: '', stderr });
  });
});

describe('validate --at --base', () => {
  /** A copy of the repository committed as the base, then a prod-only change rendered on top. */
  async function changedRepo() {
    const repo = tempRepo('repo');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo.root, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'apps', 'clusters', 'argocd', '.generated-files');
    git('commit', '-q', '-m', 'base');
    repo.write('clusters/prod/cluster.yaml', repo.read('clusters/prod/cluster.yaml').replace('pods: 150', 'pods: 160'));
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    return repo;
  }
  const validate = (root: string, at: string) => runCli(['validate', '--no-kustomize', '--no-cache', '--base', 'HEAD', '--at', at, '--root', root]);
  const SUMMARY = `Summary: ${SEED.resources} resources found in ${SEED.files} files - Valid: ${SEED.resources}, Invalid: 0, Errors: 0, Skipped: 0\n`;
  /** The one-line report of the repository's waivers, printed before the other findings (its file is `.`). */
  const waived = async (root: string) => (await waivedLines(root)).map((l) => `${l}\n`).join('');

  test.each([
    [['--at', '2027-03-02'], 'error: --at "2027-03-02" is not an ISO-8601 date and time with a UTC offset, e.g. 2027-03-02T22:30:00+08:00 or 2027-03-02T14:30:00Z\n'],
    [['--base', 'no-such-rev'], /^error: --base "no-such-rev" is not a Git revision of .+\n$/],
  ])('validate %j: bad usage, exit 2', async (args, stderr) => {
    const repo = await changedRepo();
    const r = await runCli(['validate', '--no-kustomize', '--no-cache', ...args, '--root', repo.root]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
  });

  test('inside the prod window: passes', async () => {
    const repo = await changedRepo();
    expect(await validate(repo.root, JAN_TUESDAY_2230)).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + SUMMARY });
  });

  test('outside it: windows/closed names the rule and the next opening', async () => {
    const repo = await changedRepo();
    const r = await validate(repo.root, JAN_WEDNESDAY_1000);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      (await waived(repo.root)) +
        'clusters/prod/cluster.yaml:28 - error: environments.prod.changeWindows: the change touches prod (1 object differs from HEAD, e.g. changed kustomize build of clusters/prod/prod/shared (its inputs differ; not built with --no-kustomize)), ' +
        'and prod is closed at 2027-01-06 10:00 +08:00 (2027-01-06T02:00:00.000Z): outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai)); ' +
        'it next opens after 2027-01-07 22:00 +08:00 (2027-01-07T14:00:00.000Z) (windows/closed)\n' +
        '  hint: merge it inside a window (check with `npm run validate -- --at <ISO-8601>`), or for an emergency commit changes/<id>.yaml with environments: [prod], reason, approver, expires (docs/change-windows.md)\n' +
        `Summary: ${SEED.resources} resources found in ${SEED.files} files - Valid: ${SEED.resources}, Invalid: 0, Errors: 1, Skipped: 0\n`,
    );
  });

  test('an emergency override turns it into a loud warning; one for another environment or expired does not', async () => {
    const repo = await changedRepo();
    const record = (expires: string) =>
      `environments: [prod]\nreason: "CVE-2027-0001: log level for the incident"\napprover: "Wang Fang (SRE on duty)"\nexpires: ${expires}\n`;
    repo.write('changes/2027-01-06-incident.yaml', record('2027-01-06T18:00:00+08:00').replace('[prod]', '[staging]'));
    const elsewhere = await validate(repo.root, JAN_WEDNESDAY_1000);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('(windows/closed)');
    expect(elsewhere.stdout).not.toContain('windows/override');
    repo.write('changes/2027-01-06-incident.yaml', record('2027-01-06T18:00:00+08:00'));
    const ok = await validate(repo.root, JAN_WEDNESDAY_1000);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('changes/2027-01-06-incident.yaml:3 - warning: approver: EMERGENCY OVERRIDE: the change touches prod');
    expect(ok.stdout).toContain('Let through by Wang Fang (SRE on duty): CVE-2027-0001: log level for the incident (override expires 2027-01-06T10:00:00.000Z) (windows/override)');
    repo.write('changes/2027-01-06-incident.yaml', record('2027-01-06T09:00:00+08:00'));
    const expired = await validate(repo.root, JAN_WEDNESDAY_1000);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain(
      'changes/2027-01-06-incident.yaml:4 - error: expires: the override expired at 2027-01-06T09:00:00+08:00 (windows/override-expired)\n  hint: delete the record: the emergency is over (it stays in Git history)\n',
    );
    expect(expired.stdout).toContain('(windows/closed)');
  });

  test('a freeze that has ended is a warning (exit 0); within 30 days of its repetition by Argo CD an error (exit 1)', async () => {
    const repo = await changedRepo();
    const r = await validate(repo.root, '2027-10-12T22:30:00+08:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      (await waived(repo.root)) +
        'clusters/prod/cluster.yaml:36 - warning: environments.prod.changeWindows.freezes[0]: freeze "Spring Festival 2027" ended on 2027-02-14; ' +
        'Argo CD applies it again from 2028-02-03 to 2028-02-14 (its cron has no year), holding every sync of prod; this becomes an error on 2028-01-04 (windows/freeze-ended)\n' +
        '  hint: delete the freeze from clusters/prod/cluster.yaml (the change touches no environment, so it can land at any time)\n' +
        'clusters/prod/cluster.yaml:41 - warning: environments.prod.changeWindows.freezes[1]: freeze "National Day 2027" ended on 2027-10-07; ' +
        'Argo CD applies it again from 2028-10-01 to 2028-10-07 (its cron has no year), holding every sync of prod; this becomes an error on 2028-09-01 (windows/freeze-ended)\n' +
        '  hint: delete the freeze from clusters/prod/cluster.yaml (the change touches no environment, so it can land at any time)\n' +
        SUMMARY,
    );
    // Tuesday 2028-01-11 22:30, inside the window: only the freeze, 23 days before Argo CD repeats it.
    const late = await validate(repo.root, '2028-01-11T22:30:00+08:00');
    expect(late.code).toBe(1);
    expect(late.stdout).toContain(
      'clusters/prod/cluster.yaml:36 - error: environments.prod.changeWindows.freezes[0]: freeze "Spring Festival 2027" ended on 2027-02-14; ' +
        'Argo CD applies it again from 2028-02-03 to 2028-02-14 (its cron has no year), holding every sync of prod in 23 days (windows/freeze-ended)\n',
    );
    expect(late.stdout).not.toContain('windows/closed');
  });
});
