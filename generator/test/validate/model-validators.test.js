import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompiledValidator } from '../../src/validate/schema/compiled.js';
import { defaultIndexPath } from '../../src/validate/schema/schema-table.js';
// The build (vitest's global setup runs it) precompiles the validators of kinds whose package compiles
// its schema at run time. The precompiled ones must give exactly the package's own errors.
const indexPath = defaultIndexPath();
const index = JSON.parse(fs.readFileSync(indexPath, 'utf8'));
const precompiled = Object.entries(index.kinds).filter(([, e]) => 'm' in e.v && e.v.g !== undefined);
/** Objects of a kind: plausible, wrong at the top, and one wrong-typed value per spec field. */
function samples(key, root) {
    const slash = key.lastIndexOf('/');
    const base = { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1), metadata: { name: 'x', namespace: 'suoke-dev' } };
    const out = [{ ...base }, { ...base, spec: {} }, { ...base, spec: 5 }, { ...base, metadata: { name: 5, labels: { a: 1 } } }, { ...base, metadata: null }];
    const rootType = index.types[root];
    const specRef = typeof rootType === 'object' && 'f' in rootType ? rootType.f['spec'] : undefined;
    const spec = specRef === undefined ? undefined : index.types[specRef];
    if (spec && typeof spec === 'object' && 'f' in spec) {
        for (const field of Object.keys(spec.f)) {
            for (const wrong of [7, 'x', [1], { y: 1 }, null])
                out.push({ ...base, spec: { [field]: wrong } });
        }
    }
    return out;
}
const comparable = (errors) => errors?.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message, schemaPath: e.schemaPath })) ?? null;
describe('precompiled model validators', () => {
    it('cover every kind whose package compiles at run time (Rollouts, Istio, Gateway API)', () => {
        // The kinds a pinned CRD serves are judged by it (build-crd-schemas.ts); the package's model is left
        // only for the others, e.g. the Gateway API's v1alpha2 kinds that v1.6.1 no longer ships.
        for (const key of ['argoproj.io/v1alpha1/Rollout', 'argoproj.io/v1alpha1/AnalysisTemplate', 'networking.istio.io/v1beta1/VirtualService', 'networking.istio.io/v1beta1/DestinationRule']) {
            expect(index.kinds[key]?.v, key).toHaveProperty('crd');
        }
        expect(precompiled.map(([k]) => k)).toEqual(expect.arrayContaining(['gateway.networking.k8s.io/v1alpha2/TCPRoute', 'install.istio.io/v1alpha1/IstioOperator']));
        expect(Object.values(index.kinds).filter((e) => 'm' in e.v && !('g' in e.v))).toEqual([]);
        for (const [, e] of precompiled)
            expect(fs.existsSync(path.join(path.dirname(indexPath), e.v.g))).toBe(true);
    });
    it.each(precompiled.map(([k, e]) => [k, e]))('%s: same errors as the package compiling at run time', (key, entry) => {
        const { g: _g, ...runtimeRef } = entry.v;
        const fast = loadCompiledValidator(entry.v, path.dirname(indexPath));
        const slow = loadCompiledValidator(runtimeRef, '');
        let invalid = 0;
        for (const obj of samples(key, entry.t)) {
            const expected = comparable(slow(structuredClone(obj)));
            expect(comparable(fast(structuredClone(obj))), JSON.stringify(obj)).toEqual(expected);
            if (expected !== null)
                invalid++;
        }
        expect(invalid).toBeGreaterThan(0);
    });
});
