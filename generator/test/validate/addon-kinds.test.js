/**
 * "A rendered kind has no schema": every custom resource the platform applies needs a pinned CRD
 * serving its group, version and kind (validate/addon-kinds.ts). Table-driven, exact messages.
 */
import { describe, expect, test } from 'vitest';
import { checkKinds, servedKinds } from '../../src/validate/addon-kinds.js';
const served = servedKinds([
    { addon: 'istio', facts: [{ group: 'networking.istio.io', kind: 'VirtualService', served: ['v1', 'v1beta1'], release: [] }] },
    { addon: 'argo-cd', facts: [{ group: 'argoproj.io', kind: 'Application', served: ['v1alpha1'], release: [] }] },
]);
const obj = (apiVersion, kind, name = 'web', namespace) => ({
    file: 'clusters/prod/prod/web/kustomization.yaml',
    object: { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } },
});
const cases = [
    { name: 'core and built-in groups need no CRD', objects: [obj('v1', 'Service'), obj('apps/v1', 'Deployment'), obj('networking.k8s.io/v1', 'NetworkPolicy'), obj('policy/v1', 'PodDisruptionBudget')], expect: [] },
    { name: 'a kind a pinned CRD serves at that version', objects: [obj('networking.istio.io/v1', 'VirtualService'), obj('argoproj.io/v1alpha1', 'Application', 'root', 'argocd')], expect: [] },
    { name: 'a kind no pinned CRD defines', objects: [obj('cert-manager.io/v1', 'Certificate', 'tls', 'suoke-prod')],
        expect: [{ message: 'a rendered kind has no schema: Certificate/suoke-prod/tls is `cert-manager.io/v1` Certificate, which no pinned add-on\'s CRD defines', hint: 'pin the add-on that defines it in platform/addons.yaml, with its CRDs in platform/crds/<name>/<version>/ (docs/addons.md)' }],
    },
    { name: 'a kind the pinned CRD defines but does not serve at that version', objects: [obj('networking.istio.io/v1alpha3', 'VirtualService')],
        expect: [{ message: 'a rendered kind has no schema: VirtualService/web is `networking.istio.io/v1alpha3`, which the pinned `istio` CRD of VirtualService does not serve (served: v1, v1beta1)', hint: 'write it as `networking.istio.io/v1`, or pin a release of `istio` that serves v1alpha3 (docs/addons.md)' }],
    },
    { name: 'a group ending in k8s.io is not built in for that (Gateway API is a CRD)', objects: [obj('gateway.networking.k8s.io/v1', 'HTTPRoute')],
        expect: [{ message: 'a rendered kind has no schema: HTTPRoute/web is `gateway.networking.k8s.io/v1` HTTPRoute, which no pinned add-on\'s CRD defines', hint: 'pin the add-on that defines it in platform/addons.yaml, with its CRDs in platform/crds/<name>/<version>/ (docs/addons.md)' }],
    },
    { name: 'one object met twice in one file is one finding; documents without apiVersion are no objects', objects: [obj('example.com/v1', 'Widget'), obj('example.com/v1', 'Widget'), { file: 'argocd/argocd.yaml', object: { repoURL: 'x' } }],
        expect: [{ message: 'a rendered kind has no schema: Widget/web is `example.com/v1` Widget, which no pinned add-on\'s CRD defines', hint: 'pin the add-on that defines it in platform/addons.yaml, with its CRDs in platform/crds/<name>/<version>/ (docs/addons.md)' }],
    },
];
describe('custom kinds against the pinned CRDs', () => {
    test.each(cases)('$name', (c) => {
        const found = checkKinds(c.objects, served);
        expect(found.map((f) => [f.check, f.severity, f.file])).toEqual(c.expect.map(() => ['addons/kind-without-crd', 'error', 'clusters/prod/prod/web/kustomization.yaml']));
        expect(found.map(({ message, hint }) => ({ message, hint }))).toEqual(c.expect);
    });
});
