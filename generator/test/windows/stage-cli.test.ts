/**
 * End to end, issue 9 defect 8 ("everyday changes cannot pass their windows"): `validate --base --at`
 * with the real kustomize builds on a Git copy of the repository, at fixed instants, and the staged
 * path of a change to staging and prod (`npm run stage`), with exact output and exit codes.
 *
 * The seed's windows: staging weekdays 10:00–18:00, prod Tuesday and Thursday 22:00–24:00 (Asia/Shanghai).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli, tempRepo, type TempRepo } from '../helpers/cli.js';
import { SEED, waivedLines } from '../helpers/platform.js';

// January 2027: before the Spring Festival freeze, so no freeze finding mixes in.
const TUESDAY_2230 = '2027-01-05T22:30:00+08:00'; // prod open, staging closed
const WEDNESDAY_1030 = '2027-01-06T10:30:00+08:00'; // staging open, prod closed

function gitRepo(): { repo: TempRepo; commit: (message: string) => void } {
  const repo = tempRepo('repo');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo.root, stdio: 'pipe' });
  git('init', '-q');
  const commit = (message: string) => {
    git('add', '-A', 'apps', 'clusters', 'argocd', '.generated-files');
    git('commit', '-q', '-m', message);
  };
  commit('base');
  return { repo, commit };
}

const validate = (root: string, at: string) => runCli(['validate', '--no-simulate', '--base', 'HEAD', '--at', at, '--root', root]);
const waived = async (root: string) => (await waivedLines(root)).map((l) => `${l}\n`).join('');
/** The summary of the seed with `dn` more resources in `df` more paths (SEED: helpers/platform.ts). */
const summary = (dn: number, df: number, errors = 0) => {
  const n = SEED.resources + dn;
  return `Summary: ${n} resources found in ${SEED.files + df} files - Valid: ${n}, Invalid: 0, Errors: ${errors}, Skipped: 0\n`;
};
const PROD_CLOSED =
  'prod is closed at 2027-01-06 10:30 +08:00 (2027-01-06T02:30:00.000Z): outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai)); ' +
  'it next opens after 2027-01-07 22:00 +08:00 (2027-01-07T14:00:00.000Z)';
const PROD_HINT = '  hint: merge it inside a window (check with `npm run validate -- --at <ISO-8601>`), or for an emergency commit changes/<id>.yaml with environments: [prod], reason, approver, expires (docs/change-windows.md)\n';

describe('validate --base: environments touched by what they build', () => {
  test('regression: a prod-only replicas edit lands inside the prod window (staging, closed, builds the same); outside it, only prod is named', async () => {
    const { repo } = gitRepo();
    repo.write('apps/api-gateway/service.yaml', `${repo.read('apps/api-gateway/service.yaml')}environments:\n  prod: {replicas: 3, autoscaling: {minReplicas: 3, maxReplicas: 10, cpu: 70, memory: 80}}\n`);
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    expect(await validate(repo.root, TUESDAY_2230)).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + summary(0, 0) });
    expect(await validate(repo.root, WEDNESDAY_1030)).toMatchObject({
      code: 1,
      stdout:
        (await waived(repo.root)) +
        'clusters/prod/cluster.yaml:28 - error: environments.prod.changeWindows: the change touches prod (1 object differs from HEAD, e.g. changed autoscaling/v2/HorizontalPodAutoscaler suoke-prod/api-gateway (clusters/prod/prod/api-gateway)), ' +
        `and ${PROD_CLOSED} (windows/closed)\n${PROD_HINT}` +
        summary(0, 0, 1),
    });
  });

  test('regression: a git-controlled prod canary advance lands inside the prod window', async () => {
    const { repo } = gitRepo();
    expect((await runCli(['canary', 'advance', 'xiaoke', '--env', 'prod', '--root', repo.root])).code).toBe(0);
    expect(await validate(repo.root, TUESDAY_2230)).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + summary(0, 0) });
  });
});

describe('npm run stage: a new service reaches staging, then prod, each inside its own window', () => {
  const SERVICE = `name: notice
group: support
description: "通知: notifications"
version: "1.0.0"
resources:
  requests: {cpu: 100m, memory: 128Mi}
  limits: {cpu: 200m, memory: 256Mi}
replicas: 2
autoscaling: false
`;
  const STAGE_STAGING = '`npm run stage -- notice --env staging` (a change to staging alone) merged inside staging\'s window, then `npm run stage -- notice --env prod --from staging` inside prod\'s';

  test('never open together: the message names the stage command; staged, each change passes in its own window', async () => {
    const { repo, commit } = gitRepo();
    repo.write('apps/notice/service.yaml', SERVICE);
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    const both = await validate(repo.root, WEDNESDAY_1030);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe(
      (await waived(repo.root)) +
        'clusters/prod/cluster.yaml:28 - error: environments.prod.changeWindows: the change touches prod (12 objects differ from HEAD, e.g. added argoproj.io/v1alpha1/Application argocd/prod-notice), ' +
        `and ${PROD_CLOSED}; staging and prod are never open at the same time in the next 8 weeks, so no single change can land in both: stage it one environment at a time, ${STAGE_STAGING} (windows/closed)\n` +
        PROD_HINT +
        summary(26, 4, 1),
    );

    // Locally, --no-windows leaves the windows out: the same tree passes at the same instant.
    expect(await runCli(['validate', '--no-simulate', '--no-windows', '--base', 'HEAD', '--at', WEDNESDAY_1030, '--root', repo.root])).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + summary(26, 4) });

    // 1. staging alone, merged on Wednesday morning.
    const staged = await runCli(['stage', 'notice', '--env', 'staging', '--root', repo.root]);
    expect(staged).toMatchObject({
      code: 0,
      stderr: '',
      stdout:
        'Staged the change of notice in staging alone: new service: runs in staging only (enabled: false in dev, test, prod).\n' +
        'apps/notice/service.yaml\n  @@ line 10 @@\n  +environments:\n  +  dev:\n  +    enabled: false\n  +  test:\n  +    enabled: false\n  +  prod:\n  +    enabled: false\n' +
        'wrote .generated-files\nwrote apps/notice/base/configmap.yaml\nwrote apps/notice/base/deployment.yaml\n' +
        'wrote argocd/environments/dev/services.yaml\nwrote argocd/environments/prod/services.yaml\nwrote argocd/environments/test/services.yaml\n' +
        // Its availability alert and its smoke-test checks leave the environments it no longer runs in
        // (docs/monitoring.md, docs/verification.md); its runbook says where it runs.
        ['dev/dev', 'dev/test', 'prod/prod']
          .map((p) => `wrote clusters/${p}/shared/prometheusrule-alerts-workloads.yaml\nwrote clusters/${p}/verification/configmap-smoke-test.yaml\nwrote clusters/${p}/verification/networkpolicy-smoke-test.yaml\n`)
          .join('') +
        'wrote clusters/staging/staging/notice/kustomization.yaml\n' +
        'wrote docs/runbooks/README.md\nwrote docs/runbooks/notice.md\n' +
        'removed clusters/dev/dev/notice/kustomization.yaml\nremoved clusters/dev/test/notice/kustomization.yaml\nremoved clusters/prod/prod/notice/kustomization.yaml\n' +
        `Rendered: 18 written, 3 removed, ${SEED.generated - 8} unchanged.\n`,
    });
    expect(await validate(repo.root, WEDNESDAY_1030)).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + summary(7, 1) });
    commit('notice in staging');

    // 2. promoted to prod, merged on Tuesday night; on Wednesday morning it touches prod alone.
    const promoted = await runCli(['stage', 'notice', '--env', 'prod', '--from', 'staging', '--root', repo.root]);
    // The base switches to prod's shape, so staging's overlay is rewritten; staging builds the same objects.
    expect(promoted).toMatchObject({
      code: 0,
      stderr: '',
      stdout:
        'Promoted the change of notice from staging to prod: runs in prod too (enabled: false removed).\n' +
        'apps/notice/service.yaml\n  @@ line 15 @@\n  -  prod:\n  -    enabled: false\n' +
        'wrote .generated-files\nwrote apps/notice/base/configmap.yaml\nwrote apps/notice/base/deployment.yaml\nwrote argocd/environments/prod/services.yaml\n' +
        'wrote clusters/prod/prod/notice/kustomization.yaml\nwrote clusters/prod/prod/shared/prometheusrule-alerts-workloads.yaml\n' +
        'wrote clusters/prod/prod/verification/configmap-smoke-test.yaml\nwrote clusters/prod/prod/verification/networkpolicy-smoke-test.yaml\n' +
        'wrote clusters/staging/staging/notice/kustomization.yaml\nwrote docs/runbooks/README.md\nwrote docs/runbooks/notice.md\n' +
        `Rendered: 11 written, 0 removed, ${SEED.generated} unchanged.\n`,
    });
    expect(await validate(repo.root, TUESDAY_2230)).toMatchObject({ code: 0, stdout: (await waived(repo.root)) + summary(14, 2) });
    const outside = await validate(repo.root, WEDNESDAY_1030);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toContain('error: environments.prod.changeWindows: the change touches prod (');
    expect(outside.stdout).not.toContain('environments.staging.changeWindows');
  });

  test.each([
    ['a change that has no per-environment override', (repo: TempRepo) => repo.write('apps/utility/service.yaml', repo.read('apps/utility/service.yaml').replace('replicas: 2', 'replicas: 3')), ['utility', '--env', 'staging'],
      'error: `replicas` of apps/utility/service.yaml changed, which has no per-environment override: only `version` and `settings` can be staged (sizes differ per environment: set `environments.staging.replicas`, `autoscaling` or `resources` yourself)\n'],
    ['nothing changed', () => undefined, ['utility', '--env', 'staging'], 'error: nothing to stage: the top level of apps/utility/service.yaml does not differ from the base revision\n'],
    ['an unknown environment', () => undefined, ['utility', '--env', 'stagin'], 'error: no environment `stagin`; environments: dev, test, staging, prod\n'],
    ['nothing staged to promote', () => undefined, ['utility', '--env', 'prod', '--from', 'staging'], 'error: nothing to promote: apps/utility/service.yaml stages nothing in staging that prod does not already have\n'],
  ])('stage refuses %s: exit 2, nothing written', async (_name, edit, args, stderr) => {
    const { repo } = gitRepo();
    edit(repo);
    const before = repo.snapshot();
    expect(await runCli(['stage', ...args, '--root', repo.root])).toMatchObject({ code: 2, stdout: '', stderr });
    expect(repo.snapshot()).toEqual(before);
  });
});
