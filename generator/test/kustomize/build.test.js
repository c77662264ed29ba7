import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanError, parseObjects } from '../../src/kustomize/exec.js';
import { buildPaths, detectKustomize } from '../../src/kustomize/index.js';
import { comparable, FIXTURE_PATHS, FIXTURE_ROOT, fixtureOwner, loggedRuns, loggingCommand, sortedObjects, tempDir, } from './helpers.js';
const tool = await detectKustomize();
/** Each path built alone by the real tool, independently of the code under test. */
function baseline(command, root, paths) {
    return paths.map((path) => {
        const r = spawnSync(command[0], [...command.slice(1), path], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
        if (r.status !== 0)
            return { path, ok: false, error: cleanError(r.stderr) };
        return { path, ok: true, objects: parseObjects(r.stdout), cached: false };
    });
}
function listFiles(dir) {
    return nodeFs.readdirSync(dir, { recursive: true }).sort();
}
describe.skipIf(!tool)('buildPaths against per-path kustomize builds', () => {
    const command = tool?.command ?? [];
    const expected = () => baseline(command, FIXTURE_ROOT, FIXTURE_PATHS).map(comparable);
    let want;
    let tmp;
    beforeAll(() => {
        want = expected();
        tmp = tempDir('kustomize-build');
    });
    afterAll(() => tmp.remove());
    it('the fixtures cover a failing path and a path that collides with another', () => {
        expect(want.filter((r) => r.ok)).toHaveLength(FIXTURE_PATHS.length - 1);
        const all = baseline(command, FIXTURE_ROOT, ['overlays/shared', 'overlays/dev/dup-namespace']);
        const ids = all.flatMap((r) => (r.ok ? r.objects.map((o) => `${String(o.kind)}/${String(o.metadata.name)}`) : []));
        expect(ids.filter((id) => id === 'Namespace/dev')).toHaveLength(2);
    });
    it.each([
        { chunkSize: 100, concurrency: 1 },
        { chunkSize: 3, concurrency: 2 },
        { chunkSize: 2, concurrency: 4 },
    ])('aggregates give the same objects as per-path builds (chunkSize $chunkSize, concurrency $concurrency)', async (o) => {
        const got = await buildPaths(FIXTURE_PATHS.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, owner: fixtureOwner, command, ...o });
        expect(got.map(comparable)).toEqual(want);
    });
    it('builds several paths in one kustomize run', async () => {
        const log = nodePath.join(tmp.dir, 'together.log');
        const paths = ['overlays/dev/api', 'overlays/dev/web', 'overlays/prod/api', 'overlays/prod/web', 'overlays/shared'];
        const got = await buildPaths(paths.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, owner: fixtureOwner, command: loggingCommand(tmp.dir, command, log), chunkSize: 100, concurrency: 1 });
        expect(got.map(comparable)).toEqual(baseline(command, FIXTURE_ROOT, paths).map(comparable));
        expect(loggedRuns(log)).toHaveLength(1);
    });
    it('a failing path gets its own error and the rest of its chunk still builds', async () => {
        const got = await buildPaths(FIXTURE_PATHS.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, owner: fixtureOwner, command, chunkSize: 100, concurrency: 1 });
        const broken = got.find((r) => r.path === 'overlays/prod/broken');
        expect(broken?.ok).toBe(false);
        const error = broken && !broken.ok ? broken.error : '';
        expect(error).toContain("accumulating resources from 'does-not-exist.yaml'");
        expect(error).not.toContain('suoke-kustomize-agg');
        expect(got.filter((r) => r.ok).map((r) => r.path)).toEqual(FIXTURE_PATHS.filter((p) => p !== 'overlays/prod/broken'));
    });
    it('a path whose kustomization sets buildMetadata is built alone, keeping its origin annotations', async () => {
        const got = await buildPaths([{ path: 'overlays/prod/annotated' }, { path: 'overlays/prod/api' }], {
            root: FIXTURE_ROOT,
            cacheDir: false,
            owner: fixtureOwner,
            command,
        });
        const annotated = got[0];
        expect(annotated.ok && annotated.objects.every((o) => JSON.stringify(o).includes('config.kubernetes.io/origin'))).toBe(true);
        expect(got.map(comparable)).toEqual(baseline(command, FIXTURE_ROOT, ['overlays/prod/annotated', 'overlays/prod/api']).map(comparable));
    });
    it('objects without an owner make their chunk build path by path', async () => {
        const log = nodePath.join(tmp.dir, 'unowned.log');
        const owner = (o) => (o.kind === 'Service' ? undefined : fixtureOwner(o));
        const paths = ['overlays/dev/api', 'overlays/dev/web', 'overlays/shared'];
        const got = await buildPaths(paths.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, owner, command: loggingCommand(tmp.dir, command, log), chunkSize: 100, concurrency: 1 });
        expect(got.map(comparable)).toEqual(baseline(command, FIXTURE_ROOT, paths).map(comparable));
        expect(loggedRuns(log).slice(1)).toEqual(paths);
    });
    it('without an owner every path is built alone', async () => {
        const log = nodePath.join(tmp.dir, 'alone.log');
        const paths = ['overlays/dev/api', 'overlays/shared'];
        const got = await buildPaths(paths.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, command: loggingCommand(tmp.dir, command, log) });
        expect(got.every((r) => r.ok)).toBe(true);
        expect(loggedRuns(log).sort()).toEqual(paths);
    });
    it('returns one result per target in target order, spelled as given', async () => {
        const got = await buildPaths([{ path: 'overlays/shared/' }, { path: 'overlays/dev/api' }, { path: './overlays/shared' }], {
            root: FIXTURE_ROOT,
            cacheDir: false,
            owner: fixtureOwner,
            command,
        });
        expect(got.map((r) => r.path)).toEqual(['overlays/shared/', 'overlays/dev/api', './overlays/shared']);
        expect(got[0].ok && got[2].ok && sortedObjects(got[0].objects)).toEqual(got[2].ok && sortedObjects(got[2].objects));
    });
    it('removes its temporary kustomizations, even after failures, and writes nothing into the repository', async () => {
        const aggTmp = nodePath.join(tmp.dir, 'agg');
        const before = listFiles(FIXTURE_ROOT);
        await buildPaths(FIXTURE_PATHS.map((path) => ({ path })), { root: FIXTURE_ROOT, cacheDir: false, owner: fixtureOwner, command, chunkSize: 3, tmpDir: aggTmp });
        expect(nodeFs.readdirSync(aggTmp)).toEqual([]);
        expect(listFiles(FIXTURE_ROOT)).toEqual(before);
    });
    it('reports a kustomize that cannot be run as an error on every path', async () => {
        const got = await buildPaths([{ path: 'overlays/shared' }, { path: 'overlays/dev/api' }], {
            root: FIXTURE_ROOT,
            cacheDir: false,
            owner: fixtureOwner,
            command: ['/nonexistent/kustomize', 'build'],
        });
        expect(got.map((r) => (r.ok ? 'ok' : r.error))).toEqual([
            'running /nonexistent/kustomize build: spawn /nonexistent/kustomize ENOENT',
            'running /nonexistent/kustomize build: spawn /nonexistent/kustomize ENOENT',
        ]);
    });
});
