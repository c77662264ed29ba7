import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectId } from '../../src/core/objects.js';
import { buildPaths } from '../../src/kustomize/build.js';
import { detectKustomize } from '../../src/kustomize/detect.js';
import { applyPatch, jsonDiff } from '../../src/render/json-patch.js';
import { compareBuilt } from '../../src/validate/built.js';
import { FIXTURE_PLATFORM, renderOf } from '../helpers/platform.js';
const kustomize = await detectKustomize();
describe.skipIf(!kustomize)('kustomize builds every Argo CD path into exactly the intended objects', () => {
    it('holds for the fixture platform, path by path (no aggregation, no cache)', async () => {
        const result = renderOf(FIXTURE_PLATFORM);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-intent-'));
        try {
            for (const f of result.files) {
                fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
                fs.writeFileSync(path.join(dir, f.path), f.content);
            }
            const built = await buildPaths(result.targets, { root: dir, cacheDir: false });
            const findings = built.flatMap((b, n) => (b.ok ? compareBuilt(result.targets[n], b.objects).map((f) => f.message) : [b.error]));
            expect(findings).toEqual([]);
            expect(built.every((b) => b.ok)).toBe(true);
        }
        finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
describe('compareBuilt names what kustomize got wrong', () => {
    const target = {
        path: 'clusters/x/x/a',
        application: 'x-a',
        env: 'x',
        objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' }, data: { A: '1' } }],
    };
    it.each([
        ['a value differs', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' }, data: { A: '2' } }],
            [{ check: 'kustomize/differs', path: 'data.A', message: 'kustomize builds "2" where the generator intended "1"' }]],
        ['an object is missing', [],
            [{ check: 'kustomize/missing-object', path: undefined, message: 'kustomize build does not produce this object, but the generator intended it' }]],
        ['an extra object appears', [target.objects[0], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'x' } }],
            [{ check: 'kustomize/unexpected-object', path: undefined, message: 'kustomize build produces an object the generator did not intend' }]],
        ['key order does not matter', [{ kind: 'ConfigMap', data: { A: '1' }, metadata: { namespace: 'x', name: 'a' }, apiVersion: 'v1' }], []],
    ])('%s', (_name, built, expected) => {
        const got = compareBuilt(target, built).map((f) => ({ check: f.check, path: f.path, message: f.message }));
        expect(got).toEqual(expected);
    });
    it('identifies objects as apiVersion/kind namespace/name', () => {
        expect(objectId(target.objects[0])).toBe('v1/ConfigMap x/a');
        expect(objectId({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } })).toBe('v1/Namespace n');
    });
});
describe('jsonDiff', () => {
    it.each([
        ['scalar change', { a: 1 }, { a: 2 }, [{ op: 'replace', path: '/a', value: 2 }]],
        ['added and removed keys', { a: 1, b: 2 }, { a: 1, c: 3 }, [{ op: 'remove', path: '/b' }, { op: 'add', path: '/c', value: 3 }]],
        ['keys with slashes and tildes are escaped', { m: { 'a/b~c': 1 } }, { m: { 'a/b~c': 2 } }, [{ op: 'replace', path: '/m/a~1b~0c', value: 2 }]],
        ['arrays of equal length, element by element', { l: [1, 2] }, { l: [1, 3] }, [{ op: 'replace', path: '/l/1', value: 3 }]],
        ['arrays of different length are replaced whole', { l: [1] }, { l: [1, 2] }, [{ op: 'replace', path: '/l', value: [1, 2] }]],
        ['no change, no operations', { a: { b: [1] } }, { a: { b: [1] } }, []],
    ])('%s', (_name, from, to, ops) => {
        expect(jsonDiff(from, to)).toEqual(ops);
        expect(applyPatch(from, jsonDiff(from, to))).toEqual(to);
    });
});
