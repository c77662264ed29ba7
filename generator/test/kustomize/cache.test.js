import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { sealWith } from '../../src/core/seal.js';
import { buildPaths, DependencyHasher, detectKustomize, diskReader } from '../../src/kustomize/index.js';
import { comparable, copyFixture, FIXTURE_PATHS, fixtureOwner, loggedRuns, loggingCommand } from './helpers.js';
const tool = await detectKustomize();
/** The per-user secret of these tests, and an attacker's, who can write the cache folder but not read the secret. */
const seal = sealWith(randomBytes(32));
const forger = sealWith(randomBytes(32));
describe.skipIf(!tool)('buildPaths cache', () => {
    let repo;
    let opts;
    let log;
    const targets = FIXTURE_PATHS.map((path) => ({ path }));
    const cachedBy = (rs) => Object.fromEntries(rs.map((r) => [r.path, r.ok ? r.cached : 'error']));
    const edit = (rel, from, to) => {
        const file = nodePath.join(repo.root, rel);
        const text = nodeFs.readFileSync(file, 'utf8');
        expect(text).toContain(from);
        nodeFs.writeFileSync(file, text.replace(from, to));
    };
    beforeEach(() => {
        repo = copyFixture();
        log = nodePath.join(repo.root, '..', 'runs.log');
        opts = {
            root: repo.root,
            cacheDir: nodePath.join(repo.root, '..', 'cache'),
            seal,
            owner: fixtureOwner,
            command: loggingCommand(nodePath.join(repo.root, '..'), tool.command, log),
            version: tool.version,
            chunkSize: 3,
            concurrency: 2,
        };
    });
    afterEach(() => repo.remove());
    it('a second run is served from the cache with the same objects, and only the failing path is rebuilt', async () => {
        const first = await buildPaths(targets, opts);
        expect(Object.values(cachedBy(first)).filter((c) => c === true)).toEqual([]);
        nodeFs.rmSync(log);
        const second = await buildPaths(targets, opts);
        expect(cachedBy(second)).toEqual({ ...cachedBy(first), ...Object.fromEntries(FIXTURE_PATHS.map((p) => [p, true])), 'overlays/prod/broken': 'error' });
        expect(second.map(comparable)).toEqual(first.map(comparable));
        expect(loggedRuns(log)).toEqual(['overlays/prod/broken']);
    });
    it('changing a file a base reads rebuilds exactly the paths that use it', async () => {
        await buildPaths(targets, opts);
        edit('bases/web/config/env.txt', 'MODE=base', 'MODE=base\nEXTRA=1');
        const after = await buildPaths(targets, opts);
        expect(cachedBy(after)).toEqual({
            'overlays/dev/api': true,
            'overlays/dev/dup-namespace': true,
            'overlays/dev/web': false,
            'overlays/prod/annotated': true,
            'overlays/prod/api': true,
            'overlays/prod/broken': 'error',
            'overlays/prod/web': false,
            'overlays/shared': true,
        });
        const prodWeb = after.find((r) => r.path === 'overlays/prod/web');
        const config = prodWeb?.ok ? prodWeb.objects.find((o) => o.kind === 'ConfigMap') : undefined;
        expect(config?.data?.EXTRA).toBe('1');
    });
    it('changing any file a build reads invalidates exactly the paths that read it', async () => {
        const edits = [
            ['components/monitoring/scrape.yaml', '"true"', '"false"', ['overlays/dev/web', 'overlays/prod/web']],
            ['overlays/dev/api/image-pull.yaml', 'Always', 'IfNotPresent', ['overlays/dev/api']],
            ['overlays/dev/api/resources.yaml', 'debug', 'info', ['overlays/dev/api']],
            ['bases/web/config/settings.json', 'true', 'false', ['overlays/dev/web', 'overlays/prod/web']],
            ['bases/api/resources.yaml', 'replicas: 1', 'replicas: 5', ['overlays/dev/api', 'overlays/prod/annotated', 'overlays/prod/api']],
            ['overlays/shared/kustomization.yaml', 'namespaces.yaml', 'namespaces.yaml\nnamePrefix: x-', ['overlays/shared']],
        ];
        await buildPaths(targets, opts);
        for (const [file, from, to, rebuilt] of edits) {
            edit(file, from, to);
            const after = await buildPaths(targets, opts);
            expect({ file, rebuilt: after.filter((r) => r.ok && !r.cached).map((r) => r.path) }).toEqual({ file, rebuilt });
        }
    });
    it('a corrupt or foreign cache entry is ignored and rewritten', async () => {
        const first = await buildPaths(targets, opts);
        const memo = nodePath.join(opts.cacheDir, 'kustomizations-2.json');
        expect(nodeFs.existsSync(memo)).toBe(true);
        nodeFs.writeFileSync(memo, seal.seal('kustomize/kustomizations', '2', '{"0000000000000000000000000000000000000000000000000000000000000000": 1, "x'));
        const entries = nodeFs.readdirSync(opts.cacheDir).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
        expect(entries).toHaveLength(FIXTURE_PATHS.length - 1);
        // Sealed with the right secret and key, so what is refused is the content itself.
        const garbage = ['{"format":2,"path":', '', '{"format":2,"path":"elsewhere","objects":[]}', '{"format":2,"path":"x","objects":[1]}', '{"format":1,"path":"x","objects":[]}'];
        entries.forEach((f, i) => nodeFs.writeFileSync(nodePath.join(opts.cacheDir, f), seal.seal('kustomize/build', f.slice(0, -'.json'.length), garbage[i % garbage.length])));
        const second = await buildPaths(targets, opts);
        expect(second.filter((r) => r.ok && r.cached)).toEqual([]);
        expect(second.map(comparable)).toEqual(first.map(comparable));
        const third = await buildPaths(targets, opts);
        expect(third.filter((r) => r.ok && r.cached)).toHaveLength(FIXTURE_PATHS.length - 1);
    });
    it('another kustomize version or other flags miss the cache', async () => {
        await buildPaths(targets, opts);
        const other = await buildPaths(targets, { ...opts, version: 'kustomize v0.0.0-test' });
        expect(other.filter((r) => r.ok && r.cached)).toEqual([]);
        const flagged = await buildPaths(targets, { ...opts, flags: ['--load-restrictor', 'LoadRestrictionsRootOnly'] });
        expect(flagged.filter((r) => r.ok && r.cached)).toEqual([]);
    });
    // Issue 8 item 7: the cache is authenticated; a forged or tampered entry is a miss and the path is built.
    const entries = () => nodeFs.readdirSync(opts.cacheDir).filter((f) => /^[0-9a-f]{64}\.json$/.test(f)).map((f) => nodePath.join(opts.cacheDir, f));
    it('an entry whose body was changed after sealing (wrong MAC) is a miss and rebuilt', async () => {
        const first = await buildPaths(targets, opts);
        for (const f of entries())
            nodeFs.writeFileSync(f, nodeFs.readFileSync(f, 'utf8').replace(/"objects":\[.*\]\}$/s, '"objects":[]}'));
        const second = await buildPaths(targets, opts);
        expect(second.filter((r) => r.ok && r.cached)).toEqual([]);
        expect(second.map(comparable)).toEqual(first.map(comparable));
    });
    it('an entry sealed without the secret cannot hide a failing build', async () => {
        const first = await buildPaths(targets, opts);
        // The JSON patch now targets a container that does not exist: kustomize fails on this path.
        edit('overlays/dev/api/image-pull.yaml', 'containers/0/', 'containers/7/');
        const key = new DependencyHasher(diskReader(repo.root)).key('overlays/dev/api', tool.version, []);
        expect(key).toMatch(/^[0-9a-f]{64}$/);
        const good = first.find((r) => r.path === 'overlays/dev/api');
        const entry = JSON.stringify({ format: 2, path: 'overlays/dev/api', objects: good.ok ? good.objects : [] });
        const file = nodePath.join(opts.cacheDir, `${key}.json`);
        nodeFs.writeFileSync(file, forger.seal('kustomize/build', key, entry));
        const forged = await buildPaths(targets, opts);
        expect(forged.find((r) => r.path === 'overlays/dev/api')).toMatchObject({ ok: false });
        // The same entry under the real secret would have been believed: the MAC is what refuses it.
        nodeFs.writeFileSync(file, seal.seal('kustomize/build', key, entry));
        const believed = await buildPaths(targets, opts);
        expect(believed.find((r) => r.path === 'overlays/dev/api')).toMatchObject({ ok: true, cached: true });
    });
    it('without a seal nothing is cached', async () => {
        const { seal: _s, ...unsealed } = opts;
        await buildPaths(targets, unsealed);
        expect(nodeFs.existsSync(opts.cacheDir)).toBe(false);
    });
    it('leaves no temporary files in the cache directory', async () => {
        await buildPaths(targets, opts);
        expect(nodeFs.readdirSync(opts.cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
});
