import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { DependencyHasher, diskReader } from '../../src/kustomize/index.js';
import { chunk } from '../../src/kustomize/build.js';
import { cleanError } from '../../src/kustomize/exec.js';
import { FIXTURE_ROOT, tempDir } from './helpers.js';
/** A reader over in-memory files; directories are implied by file paths. */
function memoryReader(files) {
    return {
        read: (rel) => (files[rel] === undefined ? undefined : Buffer.from(files[rel])),
        kind: (rel) => (files[rel] !== undefined ? 'file' : Object.keys(files).some((f) => f.startsWith(`${rel}/`)) ? 'dir' : undefined),
    };
}
describe('DependencyHasher', () => {
    it('lists every file an overlay build reads, through bases, components, patches and generators', () => {
        const h = new DependencyHasher(diskReader(FIXTURE_ROOT));
        expect([...(h.files('overlays/dev/web') ?? [])].sort()).toEqual([
            'bases/web/config/app.properties',
            'bases/web/config/env.txt',
            'bases/web/config/settings.json',
            'bases/web/deployment.yaml',
            'bases/web/kustomization.yaml',
            'bases/web/service.yaml',
            'components/monitoring/kustomization.yaml',
            'components/monitoring/scrape.yaml',
            'overlays/dev/web/kustomization.yaml',
            'overlays/dev/web/replicas.yaml',
        ]);
        expect([...(h.files('./overlays/dev/api/') ?? [])].sort()).toEqual([
            'bases/api/kustomization.yaml',
            'bases/api/resources.yaml',
            'overlays/dev/api/image-pull.yaml',
            'overlays/dev/api/kustomization.yaml',
            'overlays/dev/api/resources.yaml',
        ]);
    });
    it.each([
        ['a remote base', 'resources:\n- https://github.com/example/repo//base?ref=v1\n'],
        ['a go-getter base', 'resources:\n- github.com/example/repo/base\n'],
        ['a missing resource', 'resources:\n- nowhere.yaml\n'],
        ['a missing patch file', 'patches:\n- path: nowhere.yaml\n'],
        ['a Helm chart', 'helmCharts:\n- name: redis\n'],
        ['unparsable YAML', 'resources: [\n'],
        ['a resources field that is not a list', 'resources: deployment.yaml\n'],
    ])('does not cache a path with %s', (_name, kustomization) => {
        const h = new DependencyHasher(memoryReader({ 'app/kustomization.yaml': kustomization, 'app/deployment.yaml': 'kind: X\n' }));
        expect(h.files('app')).toBeUndefined();
        expect(h.key('app', 'v', [])).toBeUndefined();
    });
    it('does not cache a path without a kustomization or with a reference cycle', () => {
        const h = new DependencyHasher(memoryReader({ 'a/kustomization.yaml': 'resources: [../b]\n', 'b/Kustomization': 'resources: [../a]\n', 'c/x.yaml': '' }));
        expect(h.files('a')).toBeUndefined();
        expect(h.files('c')).toBeUndefined();
    });
    it('accepts inline strategic-merge patches and generator literals without files', () => {
        const h = new DependencyHasher(memoryReader({
            'app/kustomization.yml': 'patchesStrategicMerge:\n- |-\n  kind: Deployment\n  metadata: {name: x}\nconfigMapGenerator:\n- name: c\n  literals: [a=b]\n  env: e.env\n',
            'app/e.env': 'A=1\n',
        }));
        expect([...(h.files('app') ?? [])].sort()).toEqual(['app/e.env', 'app/kustomization.yml']);
    });
    it('keys change with content, version, flags and path, and not otherwise', () => {
        const files = { 'base/kustomization.yaml': 'resources: [d.yaml]\n', 'base/d.yaml': 'a: 1\n', 'o/kustomization.yaml': 'resources: [../base]\n' };
        const key = (f, dir = 'o', version = 'v1', flags = []) => new DependencyHasher(memoryReader(f)).key(dir, version, flags);
        const k = key(files);
        expect(k).toMatch(/^[0-9a-f]{64}$/);
        expect(key({ ...files })).toBe(k);
        expect(key({ ...files, 'base/d.yaml': 'a: 2\n' })).not.toBe(k);
        expect(key({ ...files, 'base/unused.yaml': 'a: 2\n' })).toBe(k);
        expect(key(files, 'o', 'v2')).not.toBe(k);
        expect(key(files, 'o', 'v1', ['--enable-helm'])).not.toBe(k);
        expect(key(files, 'base')).not.toBe(k);
    });
    it('takes parsed kustomizations from the memo by content hash, and records new ones', () => {
        const text = 'resources: [a.yaml]\n';
        const hash = createHash('sha256').update(text).digest('hex');
        const files = { 'app/kustomization.yaml': text, 'app/a.yaml': '', 'app/b.yaml': '' };
        const fresh = new DependencyHasher(memoryReader(files));
        expect([...(fresh.files('app') ?? [])].sort()).toEqual(['app/a.yaml', 'app/kustomization.yaml']);
        expect(fresh.memoChanged).toBe(true);
        expect(fresh.parsed.get(hash)).toEqual({ resources: ['a.yaml'] });
        const memo = new Map([[hash, { resources: ['b.yaml'] }]]);
        const remembered = new DependencyHasher(memoryReader(files), memo);
        expect([...(remembered.files('app') ?? [])].sort()).toEqual(['app/b.yaml', 'app/kustomization.yaml']);
        expect(remembered.memoChanged).toBe(false);
    });
    it('the disk reader sees files, directories, symbolic links and nothing else', () => {
        const t = tempDir('kustomize-reader');
        try {
            nodeFs.mkdirSync(nodePath.join(t.dir, 'repo/base'), { recursive: true });
            nodeFs.writeFileSync(nodePath.join(t.dir, 'repo/base/d.yaml'), 'a: 1\n');
            nodeFs.symlinkSync('d.yaml', nodePath.join(t.dir, 'repo/base/link.yaml'));
            nodeFs.symlinkSync('base', nodePath.join(t.dir, 'repo/base-link'));
            nodeFs.symlinkSync('gone.yaml', nodePath.join(t.dir, 'repo/base/dangling.yaml'));
            nodeFs.writeFileSync(nodePath.join(t.dir, 'outside.yaml'), '');
            const r = diskReader(nodePath.join(t.dir, 'repo'));
            const kinds = ['base', 'base/d.yaml', 'base/link.yaml', 'base-link', 'base/dangling.yaml', 'base/none', 'none/x', '../outside.yaml', '.'];
            expect(kinds.map((k) => r.kind(k))).toEqual(['dir', 'file', 'file', 'dir', undefined, undefined, undefined, 'file', 'dir']);
            expect(r.read('base/link.yaml')?.toString()).toBe('a: 1\n');
            expect(r.read('base/none')).toBeUndefined();
        }
        finally {
            t.remove();
        }
    });
    it('marks kustomizations using build-root-only fields', () => {
        const h = new DependencyHasher(diskReader(FIXTURE_ROOT));
        expect(h.topLevelOnly('overlays/prod/annotated')).toBe(true);
        expect(h.topLevelOnly('overlays/prod/api')).toBe(false);
        expect(h.topLevelOnly('overlays/nowhere')).toBe(true);
    });
});
describe('chunk', () => {
    const paths = (n) => Array.from({ length: n }, (_, i) => `p${i}`);
    it.each([
        { n: 0, size: 20, concurrency: 2, sizes: [] },
        { n: 1, size: 20, concurrency: 2, sizes: [1] },
        { n: 10, size: 20, concurrency: 2, sizes: [5, 5] },
        { n: 81, size: 20, concurrency: 2, sizes: [13, 14, 13, 14, 13, 14] },
        { n: 81, size: 50, concurrency: 2, sizes: [40, 41] },
        { n: 100, size: 50, concurrency: 3, sizes: [33, 33, 34] },
        { n: 3, size: 1, concurrency: 8, sizes: [1, 1, 1] },
    ])('$n paths, size $size, concurrency $concurrency → $sizes', ({ n, size, concurrency, sizes }) => {
        const chunks = chunk(paths(n), size, concurrency);
        expect(chunks.map((c) => c.length)).toEqual(sizes);
        expect(chunks.flat()).toEqual(paths(n));
    });
});
describe('cleanError', () => {
    it.each([
        [
            'unwraps the klog line kubectl prints',
            'E1125 21:50:46.672188    6159 run.go:72] "command failed" err="accumulating resources: \'x.yaml\' \\"quoted\\""\n',
            'accumulating resources: \'x.yaml\' "quoted"',
        ],
        ['keeps standalone kustomize messages', 'Error: accumulating resources: boom\n', 'Error: accumulating resources: boom'],
        ['keeps warnings before the error', '# Warning: commonLabels is deprecated\nError: boom\n', '# Warning: commonLabels is deprecated\nError: boom'],
    ])('%s', (_name, stderr, want) => {
        expect(cleanError(stderr)).toBe(want);
    });
});
