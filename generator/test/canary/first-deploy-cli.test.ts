/**
 * End to end: `validate --base` refuses a canary whose Rollout the change creates (`canary/first-deploy`),
 * on a temporary copy of the repository made a Git repository whose first commit is the base. The
 * change windows are always open in this copy: only the canary is judged here.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
import { waivedLines, SEED } from '../helpers/platform.js';

const XIAOKE = 'apps/xiaoke/service.yaml';
const SUMMARY = (errors: number) => `Summary: ${SEED.resources} resources found in ${SEED.files} files - Valid: ${SEED.resources}, Invalid: 0, Errors: ${errors}, Skipped: 0\n`;

/**
 * The repository with `base` applied to xiaoke's service file, rendered and committed as the base;
 * then the seed's service file (the canary 2.1.0 at 20 % in prod) rendered on top, uncommitted.
 */
async function changeOnto(base: (text: string) => string) {
  const repo = tempRepo('repo');
  for (const c of ['staging', 'prod']) {
    const file = `clusters/${c}/cluster.yaml`;
    repo.write(file, repo.read(file).replace(/^ {4}changeWindows:\n(?:(?: {6}.*| {8}#.*)?\n)*/m, '    changeWindows: {alwaysOpen: true}\n'));
  }
  const seed = repo.read(XIAOKE);
  repo.write(XIAOKE, base(seed));
  expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo.root, stdio: 'pipe' });
  git('init', '-q');
  git('add', 'apps', 'clusters', 'argocd', '.generated-files');
  git('commit', '-q', '-m', 'base');
  repo.write(XIAOKE, seed);
  expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
  return repo;
}

const validate = (root: string) => runCli(['validate', '--no-kustomize', '--no-cache', '--base', 'HEAD', '--at', '2027-01-05T22:30:00+08:00', '--root', root]);
const waived = async (root: string) => (await waivedLines(root)).map((l) => `${l}\n`).join('');

describe('validate --base: canary/first-deploy', () => {
  test('regression: the base runs xiaoke as a Deployment in prod; the change makes it a Rollout with the canary: refused, exit 1', async () => {
    const repo = await changeOnto((t) => t.replace(/^environments:\n[\s\S]*$/m, ''));
    const r = await validate(repo.root);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      (await waived(repo.root)) +
        `${XIAOKE}:40 - error: environments.prod.grayRelease.canary: the canary 2.1.0 of xiaoke in prod would go to 100 % unobserved: HEAD runs xiaoke in prod as a Deployment, ` +
        "so the Rollout is new, and Argo Rollouts skips the steps and the analysis on a Rollout's first deploy (no stable ReplicaSet yet) (canary/first-deploy)\n" +
        '  hint: merge the stable version as a Rollout first (`grayRelease` without `canary`, xiaoke 2.0.3 in prod); once Argo CD has synced it, ' +
        'start the canary in a second change: `npm run canary -- start xiaoke --env prod --image 2.1.0`\n' +
        SUMMARY(1),
    );
    expect(r.code).toBe(1);
  });

  test('the second change: the base runs 2.0.3 as a Rollout without canary; the change starts the canary: passes', async () => {
    const repo = await changeOnto((t) => t.replace(/^ {6}canary:\n(?: {8}.*\n)*/m, ''));
    const r = await validate(repo.root);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: (await waived(repo.root)) + SUMMARY(0) });
  });
});
