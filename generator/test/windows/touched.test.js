/**
 * Which environments a change touches, decided on the objects Argo CD applies per environment (its
 * Applications and ApplicationSets, and the real kustomize builds of their paths), not on files:
 * each case is an everyday change made with the project's own commands on a Git copy of the
 * repository, compared with its first commit.
 *
 * Regressions of issue 9 defect 8: a prod-only edit rewrote `apps/<service>/base`, so staging counted
 * as touched although it builds the same objects; a prod canary advance could never land inside prod's window.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { buildPaths } from '../../src/kustomize/build.js';
import { inputFiles } from '../../src/validate/result-cache.js';
import { comparedSides } from '../../src/validate/windows-touched.js';
import { filesAt } from '../../src/cli/base-revision.js';
import { touchedEnvironments } from '../../src/windows/touched.js';
import { runCli, tempRepo } from '../helpers/cli.js';
import { loadOptions } from '../helpers/load-options.js';
/** A copy of the repository committed as the base, changed by `edit`, re-rendered. */
async function changed(edit) {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const git = (...args) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo.root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    await edit(repo);
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    return repo;
}
/** Environment → what differs, as `validate` decides it (real kustomize builds, no cache). */
async function touched(repo) {
    const fsys = diskFs(repo.root);
    const config = loadConfig(fsys, loadOptions);
    const envs = config.clusters.flatMap((c) => c.environments.map((e) => ({ name: e.name, namespace: e.namespace })));
    const head = new Map([...inputFiles(fsys)].filter(([p]) => /^(apps|clusters|argocd)\//.test(p)));
    const base = filesAt(repo.root, 'HEAD', ['apps', 'clusters', 'argocd']);
    const sides = await comparedSides({ root: repo.root, head, base, envs, build: (root, paths) => buildPaths(paths.map((path) => ({ path })), { root, cacheDir: false }) });
    const out = touchedEnvironments(sides.head, sides.base, envs);
    return Object.fromEntries([...out].map(([env, ds]) => [env, ds.map((d) => d.description)]));
}
const replace = (repo, file, from, to) => {
    const text = repo.read(file);
    expect(text).toContain(from);
    repo.write(file, text.replace(from, to));
};
const NEW_SERVICE = `name: notice
group: support
description: "通知: notifications"
version: "1.0.0"
resources:
  requests: {cpu: 100m, memory: 128Mi}
  limits: {cpu: 200m, memory: 256Mi}
replicas: 2
autoscaling: false
`;
describe('touched environments are decided on built objects', () => {
    test.each([
        [
            'regression: a prod-only replicas edit of api-gateway rewrites apps/api-gateway/base, yet touches prod alone (staging builds the same HPA)',
            (repo) => repo.write('apps/api-gateway/service.yaml', `${repo.read('apps/api-gateway/service.yaml')}environments:\n  prod: {replicas: 3, autoscaling: {minReplicas: 3, maxReplicas: 10, cpu: 70, memory: 80}}\n`),
            (t) => expect(t).toEqual({ prod: ['changed autoscaling/v2/HorizontalPodAutoscaler suoke-prod/api-gateway (clusters/prod/prod/api-gateway)'] }),
        ],
        [
            'regression: a git-controlled prod canary advance of xiaoke (it edits apps/xiaoke/base/rollout.yaml) touches prod alone',
            async (repo) => expect((await runCli(['canary', 'advance', 'xiaoke', '--env', 'prod', '--root', repo.root])).code).toBe(0),
            (t) => {
                expect(Object.keys(t)).toEqual(['prod']);
                expect(t['prod']).toContain('changed argoproj.io/v1alpha1/Rollout suoke-prod/xiaoke (clusters/prod/prod/xiaoke)');
            },
        ],
        [
            'a prod-only setting rewrites the shared base ConfigMap of api-gateway; staging, dev and test build the same: prod alone',
            (repo) => repo.write('apps/api-gateway/service.yaml', `${repo.read('apps/api-gateway/service.yaml')}environments:\n  prod: {settings: {RATE_LIMIT_PER_MINUTE: "900"}}\n`),
            (t) => expect(Object.keys(t)).toEqual(['prod']),
        ],
        [
            'a setting of api-gateway for every environment (its base) touches every environment',
            (repo) => replace(repo, 'apps/api-gateway/service.yaml', 'UPSTREAM_TIMEOUT_SECONDS: "30"', 'UPSTREAM_TIMEOUT_SECONDS: "20"'),
            (t) => expect(Object.keys(t)).toEqual(['dev', 'prod', 'staging', 'test']),
        ],
        [
            'adding a service touches every environment it runs in',
            (repo) => repo.write('apps/notice/service.yaml', NEW_SERVICE),
            (t) => {
                expect(Object.keys(t)).toEqual(['dev', 'prod', 'staging', 'test']);
                expect(t['staging']).toContain('added argoproj.io/v1alpha1/Application argocd/staging-notice');
                expect(t['staging']).toContain('added apps/v1/Deployment suoke-staging/notice (clusters/staging/staging/notice)');
            },
        ],
        [
            'adding a service disabled everywhere but staging touches staging alone',
            (repo) => repo.write('apps/notice/service.yaml', `${NEW_SERVICE}environments:\n  dev: {enabled: false}\n  test: {enabled: false}\n  prod: {enabled: false}\n`),
            (t) => expect(Object.keys(t)).toEqual(['staging']),
        ],
        [
            "a change of staging's windows changes only its AppProject (Argo CD's control plane): touches nothing",
            (repo) => replace(repo, 'clusters/staging/cluster.yaml', '"0 10 * * 1-5", duration: 8h', '"0 9 * * 1-5", duration: 9h'),
            (t) => expect(t).toEqual({}),
        ],
    ])('%s', async (_name, edit, expectation) => {
        expectation(await touched(await changed(edit)));
    });
});
