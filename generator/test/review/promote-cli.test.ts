/**
 * `promote` end to end (issue 14) on copies of the seed, the clock fixed (helpers/clock-hook.mjs):
 * staging → prod of a service without a gray release (comment kept), into a gray release (the next
 * canary), refused when the source is mid-canary or the window is closed, nothing to promote, and
 * bad usage; each with its exact output and exit code.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo, type TempRepo } from '../helpers/cli.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

/** The seed's generated files: a promotion rewrites some and leaves the rest. */
const SEED_FILES = renderOf(REPO_ROOT).files.length;

const HOOK = path.join(import.meta.dirname, '../helpers/clock-hook.mjs');
/** Tuesday 22:30 in Shanghai: prod's release window (Tuesday and Thursday 22:00-24:00) is open. */
const PROD_OPEN = '2026-12-08T14:30:00Z';
/** Monday 14:00 in Shanghai: prod is closed. */
const PROD_CLOSED = '2026-12-07T06:00:00Z';

const promote = (repo: TempRepo, at: string, ...args: string[]) => runCli(['promote', ...args, '--root', repo.root], { nodeArgs: ['--import', HOOK], env: { SUOKE_TEST_NOW: at } });

/** The seed with xiaoai's 2.2.0 verified in staging, rendered. */
async function xiaoaiInStaging(): Promise<TempRepo> {
  const repo = tempRepo('repo');
  const file = 'apps/xiaoai/service.yaml';
  repo.write(file, repo.read(file).replace('    version: "2.2.0-rc.1"   # release candidate under development\n', '    version: "2.2.0-rc.1"   # release candidate under development\n  staging:\n    version: "2.2.0"   # verified by QA in staging\n'));
  expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
  return repo;
}

describe('promote', () => {
  it('staging → prod without a gray release: prod runs staging\'s version, comments kept, re-rendered', async () => {
    const repo = await xiaoaiInStaging();
    const before = repo.read('apps/xiaoai/service.yaml');
    const r = await promote(repo, PROD_OPEN, 'xiaoai', '--from', 'staging', '--to', 'prod');
    expect(r).toEqual({
      code: 0,
      signal: null,
      stdout: [
        'Promoted 2.2.0 of xiaoai from staging to prod (was 2.1.0).',
        'apps/xiaoai/service.yaml',
        '  @@ line 38 @@',
        '  +  prod:',
        '  +    version: "2.2.0"',
        // The base is prod's instance: its tag moves, so the other overlays now patch theirs back.
        'wrote apps/xiaoai/base/deployment.yaml',
        'wrote argocd/environments/prod/services.yaml',
        'wrote clusters/dev/test/xiaoai/kustomization.yaml',
        // prod's smoke test names the versions it runs: the release re-runs it (docs/verification.md).
        'wrote clusters/prod/prod/verification/configmap-smoke-test.yaml',
        'wrote clusters/prod/prod/xiaoai/kustomization.yaml',
        'wrote clusters/staging/staging/xiaoai/kustomization.yaml',
        // Its runbook shows prod's version, and so does the index.
        'wrote docs/runbooks/README.md',
        'wrote docs/runbooks/xiaoai.md',
        `Rendered: 8 written, 0 removed, ${SEED_FILES - 8} unchanged.`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(repo.read('apps/xiaoai/service.yaml')).toBe(before.replace('    version: "2.2.0"   # verified by QA in staging\n', '    version: "2.2.0"   # verified by QA in staging\n  prod:\n    version: "2.2.0"\n'));
    expect(repo.read('clusters/prod/prod/xiaoai/kustomization.yaml')).toContain('newTag: "2.2.0"');
    // Once promoted, again is nothing to promote.
    expect(await promote(repo, PROD_OPEN, 'xiaoai', '--from', 'staging', '--to', 'prod')).toEqual({ code: 0, signal: null, stdout: 'nothing to promote: xiaoai runs 2.2.0 in staging and in prod\n', stderr: '' });
  });

  it('--dry-run prints the same edit and writes nothing', async () => {
    const repo = await xiaoaiInStaging();
    const before = repo.snapshot();
    const r = await promote(repo, PROD_OPEN, 'xiaoai', '--from', 'staging', '--to', 'prod', '--dry-run');
    expect(r.stdout).toBe('Promoted 2.2.0 of xiaoai from staging to prod (was 2.1.0).\napps/xiaoai/service.yaml\n  @@ line 38 @@\n  +  prod:\n  +    version: "2.2.0"\nDry run: nothing written.\n');
    expect(r.code).toBe(0);
    expect(repo.snapshot()).toEqual(before);
  });

  it('into an environment with a gray release: the version becomes its canary at the first step', async () => {
    const repo = tempRepo('repo');
    const file = 'apps/xiaoke/service.yaml';
    // The canary of 2.1.0 in prod finished (promoted), 2.2.0 verified in staging.
    repo.write(file, repo.read(file).replace('version: "2.0.3"', 'version: "2.1.0"').replace('      canary:\n        version: "2.1.0"\n        weight: 20\n', '').replace('environments:\n  prod:\n', 'environments:\n  staging:\n    version: "2.2.0"\n  prod:\n'));
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    const r = await promote(repo, PROD_OPEN, 'xiaoke', '--from', 'staging', '--to', 'prod');
    expect(r.stdout.split('\n').slice(0, 6)).toEqual([
      'Promoted 2.2.0 of xiaoke from staging to prod: the canary of prod at 5% (stable 2.1.0, git control).',
      'apps/xiaoke/service.yaml',
      '  @@ line 42 @@',
      '  +      canary:',
      '  +        version: "2.2.0"',
      '  +        weight: 5',
    ]);
    expect(r.code).toBe(0);
    expect(repo.read(file)).toContain('        failureLimit: 2\n      canary:\n        version: "2.2.0"\n        weight: 5\n');
    expect(repo.read(file)).toContain('    # Gray release (灰度发布): every traffic increase is a reviewed commit (`npm run canary -- advance`).\n');
  });

  it('refused when the source is mid-canary: exit 1, which canary and how to finish it, nothing written', async () => {
    const repo = tempRepo('repo');
    const before = repo.snapshot();
    const r = await promote(repo, PROD_OPEN, 'knowledge', '--from', 'staging', '--to', 'prod');
    expect(r).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr:
        'error: knowledge in staging is mid-canary: canary 1.4.0 at 10% (stable 1.3.0); finish it first with `npm run canary -- promote knowledge --env staging` ' +
        '(or `npm run canary -- abort knowledge --env staging`), then promote its stable version\n',
    });
    expect(repo.snapshot()).toEqual(before);
  });

  it('refused outside the target\'s window (exit 1, when it opens); an override record lets it through with a warning', async () => {
    const repo = await xiaoaiInStaging();
    const before = repo.snapshot();
    const r = await promote(repo, PROD_CLOSED, 'xiaoai', '--from', 'staging', '--to', 'prod');
    expect(r).toEqual({
      code: 1,
      signal: null,
      stdout: '',
      stderr:
        'error: prod is outside its change window at 2026-12-07T06:00:00.000Z (outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai))); ' +
        'it opens after 2026-12-08 22:00 +08:00 (2026-12-08T14:00:00.000Z). Promote inside the window, or commit an override record changes/<id>.yaml naming prod (docs/change-windows.md, "Emergency overrides")\n',
    });
    expect(repo.snapshot()).toEqual(before);
    repo.write('changes/cve-xiaoai.yaml', 'environments: [prod]\nreason: "CVE in the model loader, patched in 2.2.0"\napprover: "王芳 (SRE on duty)"\nexpires: 2026-12-08T18:00:00+08:00\n');
    const overridden = await promote(repo, PROD_CLOSED, 'xiaoai', '--from', 'staging', '--to', 'prod');
    expect(overridden.stderr).toBe('warning: outside the change window of prod, let through by the override changes/cve-xiaoai.yaml (approver 王芳 (SRE on duty))\n');
    expect(overridden.stdout.split('\n')[0]).toBe('Promoted 2.2.0 of xiaoai from staging to prod (was 2.1.0).');
    expect(overridden.code).toBe(0);
  });

  it('the same version: nothing to promote, exit 0, nothing written', async () => {
    const repo = tempRepo('repo');
    const before = repo.snapshot();
    expect(await promote(repo, PROD_CLOSED, 'web', '--from', 'staging', '--to', 'prod')).toEqual({ code: 0, signal: null, stdout: 'nothing to promote: web runs 3.0.2 in staging and in prod\n', stderr: '' });
    expect(repo.snapshot()).toEqual(before);
  });

  it.each([
    [['xiaoia', '--from', 'staging', '--to', 'prod'], 'error: no service `xiaoia` (no apps/xiaoia/service.yaml); did you mean `xiaoai`?\n'],
    [['xiaoai', '--from', 'stage', '--to', 'prod'], 'error: --from: no environment `stage`; environments: dev, test, staging, prod\n'],
    [['xiaoai', '--from', 'staging', '--to', 'production'], 'error: --to: no environment `production`; environments: dev, test, staging, prod\n'],
    [['xiaoai', '--from', 'prod', '--to', 'prod'], 'error: --from and --to are both `prod`: promote between two environments\n'],
  ])('bad usage exits 2: promote %j', async (args, stderr) => {
    const repo = tempRepo('repo', { configOnly: true });
    expect(await promote(repo, PROD_OPEN, ...args)).toEqual({ code: 2, signal: null, stdout: '', stderr });
  });

  it('a missing --to is bad usage', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    const r = await promote(repo, PROD_OPEN, 'xiaoai', '--from', 'staging');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: required option '--to <env>' not specified");
  });
});
