/**
 * Issue 10: the inputs of the validate result cache are derived from what the steps read (and their
 * options, the programs they run, the generator build), not a hand-kept list. Changing any input of
 * any kind is a miss; changing nothing is a hit. The clock is no input of the cached part, and the
 * steps that depend on it run on every hit.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diskFs } from '../../src/core/fs.js';
import { answer, Inputs, recordingFs, unchanged } from '../../src/validate/inputs.js';
import { repositoryOptions, runPipeline } from '../../src/validate/pipeline.js';
import { resultKey } from '../../src/validate/result-cache.js';
import { copyPlatform, tempRepo } from '../helpers/cli.js';
const ENTRY = 'node_modules/.cache/suoke-gitops/validate/last-report.json';
const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'result-cache-secret-'));
/** A directory holding a `kustomize` that builds nothing and says which version it is. */
function fakeKustomize(version) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-kustomize-'));
    fs.writeFileSync(path.join(dir, 'kustomize'), `#!/bin/sh\nif [ "$1" = version ]; then echo ${version}; fi\nexit 0\n`, { mode: 0o755 });
    return dir;
}
/**
 * A copy of the repository as a checkout has it after `npm ci`: the root's entries are an input (the
 * drift step looks there for what an interrupted render left), and `node_modules` holds the cache.
 */
function checkout() {
    // With platform/: the add-on step reads the pins and every CRD file there.
    const repo = copyPlatform(tempRepo('repo', { shareKustomizeCache: false }));
    fs.mkdirSync(repo.abs('node_modules'), { recursive: true });
    return repo;
}
function options(o = {}) {
    return { paths: [], schemaOnly: false, kustomize: false, ignoreMissingSchemas: false, cache: true, cacheSecretFile: path.join(secretDir, 'secret'), simulate: false, windows: false, ...o };
}
function world(repo, w = {}) {
    return { root: repo.root, fs: diskFs(repo.root), now: () => new Date('2027-03-02T14:30:00Z'), path: process.env['PATH'] ?? '', buildId: 'build-1', baseTree: () => undefined, ...w };
}
const cached = async (w, o) => (await runPipeline(w, o)).cached;
function appended(file) {
    let before = '';
    return {
        name: file,
        apply: (repo) => {
            before = repo.read(file);
            repo.write(file, `${before}# changed\n`);
        },
        undo: (repo) => repo.write(file, before),
    };
}
function added(file) {
    return { name: `${file} added`, apply: (repo) => repo.write(file, 'kind: Kustomization\n'), undo: (repo) => repo.remove(file) };
}
describe('the result cache: every input kind invalidates (no kustomize)', () => {
    let repo;
    let primed;
    beforeAll(async () => {
        repo = checkout();
        expect(await cached(world(repo), options())).toBe(false);
        primed = repo.read(ENTRY);
    });
    const restore = () => repo.write(ENTRY, primed);
    it('nothing changed: a hit', async () => {
        restore();
        expect(await cached(world(repo), options())).toBe(true);
    });
    it.each([
        appended('apps/xiaoai/service.yaml'),
        appended('clusters/prod/cluster.yaml'),
        appended('argocd/argocd.yaml'),
        appended('apps/xiaoai/base/deployment.yaml'),
        appended('clusters/prod/prod/xiaoai/kustomization.yaml'),
        appended('argocd/bootstrap.yaml'),
        appended('.generated-files'),
        added('clusters/prod/prod/xiaoai/Kustomization'),
        appended('platform/addons.yaml'),
        appended('platform/crds/README.md'),
        appended('platform/crds/velero/v1.18.1/velero.io_backups.yaml'),
        added('platform/crds/velero/v1.18.1/velero.io_extra.yaml'),
        added('platform/crds/velero/v1.19.0/velero.io_backups.yaml'),
        added('platform/monitoring.yaml'),
    ])('$name: a miss, then a hit once undone and cached again', async (change) => {
        restore();
        change.apply(repo);
        try {
            expect(await cached(world(repo), options())).toBe(false);
        }
        finally {
            change.undo(repo);
        }
        expect(await cached(world(repo), options())).toBe(false);
        expect(await cached(world(repo), options())).toBe(true);
    });
    it('another generator build: a miss', async () => {
        restore();
        expect(await cached(world(repo, { buildId: 'build-2' }), options())).toBe(false);
    });
    it('an option of the repository steps: a miss', async () => {
        restore();
        expect(await cached(world(repo), options({ ignoreMissingSchemas: true }))).toBe(false);
    });
    it('every option the repository steps are given is part of the key', () => {
        const base = repositoryOptions(options());
        const keys = Object.keys(base);
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys) {
            const flipped = { ...base, [k]: !base[k] };
            expect(resultKey('b', flipped), k).not.toBe(resultKey('b', base));
        }
    });
    it('the clock: the cached part holds, the windows step runs again at each instant', async () => {
        restore();
        const at = (iso) => world(repo, { now: () => new Date(iso) });
        const early = await runPipeline(at('2027-01-05T14:30:00Z'), options({ windows: true }));
        const late = await runPipeline(at('2027-10-12T14:30:00Z'), options({ windows: true }));
        expect(late.cached).toBe(true);
        const windows = (r) => r.report.findings.filter((f) => f.check.startsWith('windows/')).map((f) => f.check);
        expect(windows(early)).toEqual([]);
        expect(windows(late)).toContain('windows/freeze-ended');
    });
});
describe('the result cache: what kustomize reads, and kustomize itself', () => {
    it('a file only a kustomize build reads, and the kustomize binary, invalidate', async () => {
        const repo = checkout();
        const bin = fakeKustomize('v9.9.9-fake');
        const w = world(repo, { path: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` });
        const o = options({ kustomize: true });
        // A resource no other step reads (not YAML: the drift step only opens YAML files it does not know).
        const dir = 'clusters/prod/prod/xiaoai';
        repo.write(`${dir}/kustomization.yaml`, repo.read(`${dir}/kustomization.yaml`).replace('resources:\n', 'resources:\n- extra.json\n'));
        repo.write(`${dir}/extra.json`, '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "extra"}}\n');
        expect(await cached(w, o)).toBe(false);
        expect(await cached(w, o)).toBe(true);
        repo.write(`${dir}/extra.json`, '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "other"}}\n');
        expect(await cached(w, o)).toBe(false);
        expect(await cached(w, o)).toBe(true);
        fs.writeFileSync(path.join(bin, 'kustomize'), '#!/bin/sh\nif [ "$1" = version ]; then echo v9.9.10-fake; fi\nexit 0\n');
        expect(await cached(w, o)).toBe(false);
    });
    // Folders below the roots are answered from the walk that reads the snapshot, not from its files:
    // a folder holding no file is still one.
    it('an empty folder where the kustomize dependency scan looked for a file: a miss', async () => {
        const repo = checkout();
        const w = world(repo, { path: `${fakeKustomize('v9.9.9-fake')}${path.delimiter}${process.env['PATH'] ?? ''}` });
        const o = options({ kustomize: true });
        expect(await cached(w, o)).toBe(false);
        expect(await cached(w, o)).toBe(true);
        fs.mkdirSync(repo.abs('clusters/prod/prod/xiaoai/kustomization.yml'));
        expect(await cached(w, o)).toBe(false);
        expect(await cached(w, o)).toBe(true);
    });
});
describe('observations', () => {
    it('a program installed on the search path changes the answer', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-bin-'));
        const sources = { fs: diskFs(dir), path: dir };
        const before = answer(sources, 'executable', 'kustomize');
        expect(before).toBe('none');
        fs.writeFileSync(path.join(dir, 'kustomize'), '#!/bin/sh\n', { mode: 0o755 });
        expect(answer(sources, 'executable', 'kustomize')).not.toBe(before);
    });
    /** A folder with `a.yaml`, and the questions asked of it. */
    function observed() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'observed-'));
        fs.writeFileSync(path.join(dir, 'a.yaml'), 'a: 1\n');
        const inputs = new Inputs();
        const fsys = recordingFs(diskFs(dir), inputs);
        fsys.readText('a.yaml');
        fsys.readText('a.yaml');
        fsys.list('');
        fsys.isDir('sub');
        fsys.size('missing.yaml');
        return { dir, inputs, sources: { fs: diskFs(dir), path: '' } };
    }
    it('every question asked of the file system is noted once, and holds while nothing changes', () => {
        const { inputs, sources } = observed();
        expect(inputs.list().map(([q, s]) => `${q} ${s}`)).toEqual(['read a.yaml', 'list ', 'isDir sub', 'size missing.yaml']);
        expect(unchanged(sources, inputs.list())).toBe(true);
    });
    it.each([
        ['a file read changes', (dir) => fs.writeFileSync(path.join(dir, 'a.yaml'), 'a: 2\n')],
        ['a folder asked about appears', (dir) => fs.mkdirSync(path.join(dir, 'sub'))],
        ['a file whose size was asked appears', (dir) => fs.writeFileSync(path.join(dir, 'missing.yaml'), '')],
        ['a folder listed gains an entry', (dir) => fs.writeFileSync(path.join(dir, 'b.txt'), '')],
    ])('%s: no longer holds', (_name, edit) => {
        const { dir, inputs, sources } = observed();
        edit(dir);
        expect(unchanged(sources, inputs.list())).toBe(false);
    });
});
