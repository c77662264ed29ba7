import { describe, expect, it } from 'vitest';
import { buildSchemaIndex } from '../../scripts/build-schema-index.js';
import { LEAF, OPEN, QUANTITY } from '../../src/validate/schema/index-format.js';
/** Follows field names (`*` = array item or map value) from a kind's root to a type. */
function at(index, kind, path) {
    let ref = index.kinds[kind].t;
    for (const p of path) {
        const t = index.types[ref];
        if (typeof t !== 'object')
            throw new Error(`${kind}: ${p} is below a ${String(t)}`);
        if ('a' in t)
            ref = t.a;
        else if ('m' in t)
            ref = t.m;
        else
            ref = t.f[p] ?? -1;
        if (ref < 0)
            throw new Error(`${kind}: no field ${p}`);
    }
    return index.types[ref];
}
describe('buildSchemaIndex', () => {
    const index = buildSchemaIndex();
    it('indexes built-in and CRD kinds with their validators', () => {
        expect(index.kinds['apps/v1/Deployment']?.v).toEqual({ p: 'kubernetes-models', s: '_schemas/IoK8sApiAppsV1Deployment.js' });
        expect(index.kinds['argoproj.io/v1alpha1/Rollout']?.v).toEqual({ p: '@kubernetes-models/argo-rollouts', m: 'argoproj.io/v1alpha1/Rollout.js', c: 'Rollout' });
        for (const k of ['v1/Service', 'external-secrets.io/v1beta1/ExternalSecret', 'monitoring.coreos.com/v1/ServiceMonitor', 'networking.istio.io/v1beta1/VirtualService']) {
            expect(index.kinds[k], k).toBeDefined();
        }
    });
    it('records known fields and required ones', () => {
        const spec = at(index, 'apps/v1/Deployment', ['spec']);
        expect(Object.keys(spec.f)).toContain('replicas');
        expect(spec.r).toEqual(['selector', 'template']);
    });
    it('marks label maps, annotation maps, quantities and free-form areas', () => {
        expect(at(index, 'apps/v1/Deployment', ['metadata', 'labels'])).toEqual({ m: LEAF, l: 1 });
        expect(at(index, 'apps/v1/Deployment', ['metadata', 'annotations'])).toEqual({ m: LEAF, k: 1 });
        expect(at(index, 'apps/v1/Deployment', ['spec', 'selector', 'matchLabels'])).toEqual({ m: LEAF, l: 1 });
        expect(at(index, 'apps/v1/Deployment', ['spec', 'template', 'spec', 'containers', '*', 'resources', 'limits'])).toEqual({ m: QUANTITY });
        expect(at(index, 'v1/ConfigMap', ['data'])).toEqual({ m: LEAF });
        expect(index.types[OPEN]).toBe('open');
        expect(at(index, 'argoproj.io/v1alpha1/Application', ['spec', 'source', 'helm', 'valuesObject'])).toBe('open');
        // Prometheus rule labels are Prometheus labels, not Kubernetes labels: no grammar flag.
        expect(at(index, 'monitoring.coreos.com/v1/PrometheusRule', ['spec', 'groups', '*', 'rules', '*', 'labels'])).toEqual({ m: LEAF });
    });
    it('is reproducible', () => {
        expect(JSON.stringify(buildSchemaIndex())).toBe(JSON.stringify(index));
    });
});
