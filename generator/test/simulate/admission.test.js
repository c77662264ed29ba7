/**
 * Whether things can run: a custom resource needs its CRD, an object its namespace, a resource the
 * project's whitelist and destinations; a pod the ResourceQuota (sidecar and init containers
 * counted) and Pod Security `restricted`. Played on small platforms, each message exact.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/simulate/cluster.js';
import { injectSidecar, podCharge } from '../../src/simulate/pods.js';
import { podSecurityViolations } from '../../src/simulate/podsecurity.js';
import { application, configMap, namespace, outcome, play, project } from './tiny.js';
const FAILED = 'sync failed and auto-sync does not retry revision r1: ';
const widget = (ns) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: ns } });
const widgetCrd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced' },
};
describe('admission of an Application\'s objects', () => {
    it.each([
        [
            'a custom resource whose CRD nothing installs',
            [application('a', 'a')],
            [namespace('apps'), widget('apps')],
            { sync: 'OutOfSync', health: 'Missing', blocker: `${FAILED}one or more objects failed to apply (dry run): Widget apps/w: no matches for kind "Widget" in version "example.com/v1": its CustomResourceDefinition is not installed on cluster https://workload.example:6443` },
        ],
        ['a custom resource whose CRD the same sync creates', [application('a', 'a')], [namespace('apps'), widgetCrd, widget('apps')], { sync: 'Synced', health: 'Healthy' }],
        [
            'an object in a namespace nothing creates',
            [application('a', 'a')],
            [configMap('c', 'nowhere')],
            { sync: 'OutOfSync', health: 'Missing', blocker: `${FAILED}one or more objects failed to apply: ConfigMap nowhere/c: namespaces "nowhere" not found` },
        ],
        ['the namespace created in the same sync (Namespace sorts first)', [application('a', 'a')], [configMap('c', 'apps'), namespace('apps')], { sync: 'Synced', health: 'Healthy' }],
        [
            'a cluster-scoped kind the project does not whitelist',
            [project('q', { clusterResourceWhitelist: [] }), application('a', 'a', { project: 'q' })],
            [namespace('apps')],
            { sync: 'OutOfSync', health: 'Missing', blocker: `${FAILED}one or more objects failed to apply (dry run): Namespace apps: resource :Namespace is not permitted in project q` },
        ],
        [
            'a namespace outside the project\'s destinations',
            [project('q', { destinations: [{ server: '*', namespace: 'apps' }] }), application('a', 'a', { project: 'q' })],
            [namespace('apps'), configMap('c', 'other')],
            { sync: 'OutOfSync', health: 'Missing', blocker: `${FAILED}one or more objects failed to apply (dry run): ConfigMap other/c: namespace other is not permitted in project 'q'` },
        ],
        [
            'a namespaced kind the project blacklists',
            [project('q', { namespaceResourceBlacklist: [{ group: '', kind: 'ConfigMap' }] }), application('a', 'a', { project: 'q' })],
            [namespace('apps'), configMap('c', 'apps')],
            { sync: 'OutOfSync', health: 'Missing', blocker: `${FAILED}one or more objects failed to apply (dry run): ConfigMap apps/c: resource :ConfigMap is not permitted in project q` },
        ],
    ])('%s', (_name, bootstrap, objects, expected) => {
        expect(outcome(play(bootstrap, { a: objects }), 'a')).toEqual(expected);
    });
    it('a cluster registers its own CRDs when applied', () => {
        const c = new Cluster('s', 's', [], ['default']);
        expect(c.refusal(widget('default'), { dryRun: false })).toContain('no matches for kind "Widget"');
        c.apply(widgetCrd, undefined, 0);
        expect(c.refusal(widget('default'), { dryRun: false })).toBeUndefined();
    });
});
const container = (name, requests, limits, sc = {}) => ({ name, resources: { requests, limits }, securityContext: sc });
const R = { cpu: '500m', memory: '512Mi' };
const L = { cpu: '1', memory: '1Gi' };
describe('what ResourceQuota charges for a pod', () => {
    it.each([
        ['one container, no injection', { spec: { containers: [container('app', R, L)] } }, undefined, { 'requests.cpu': 500, 'requests.memory': 512 * 2 ** 20, 'limits.cpu': 1000, 'limits.memory': 2 ** 30 }],
        [
            'Istio sidecar with its defaults (100m/128Mi, 2/1Gi)',
            { spec: { containers: [container('app', R, L)] } },
            namespace('apps', { 'istio-injection': 'enabled' }),
            { 'requests.cpu': 600, 'requests.memory': 640 * 2 ** 20, 'limits.cpu': 3000, 'limits.memory': 2 * 2 ** 30 },
        ],
        [
            'Istio sidecar sized by the pod annotations',
            { metadata: { annotations: { 'sidecar.istio.io/proxyCPU': '50m', 'sidecar.istio.io/proxyMemory': '64Mi', 'sidecar.istio.io/proxyCPULimit': '500m', 'sidecar.istio.io/proxyMemoryLimit': '256Mi' } }, spec: { containers: [container('app', R, L)] } },
            namespace('apps', { 'istio-injection': 'enabled' }),
            { 'requests.cpu': 550, 'requests.memory': 576 * 2 ** 20, 'limits.cpu': 1500, 'limits.memory': 1280 * 2 ** 20 },
        ],
        [
            'an opted-out pod gets no sidecar',
            { metadata: { annotations: { 'sidecar.istio.io/inject': 'false' } }, spec: { containers: [container('app', R, L)] } },
            namespace('apps', { 'istio-injection': 'enabled' }),
            { 'requests.cpu': 500, 'requests.memory': 512 * 2 ** 20, 'limits.cpu': 1000, 'limits.memory': 2 ** 30 },
        ],
        [
            'an init container larger than the containers sets the charge',
            { spec: { initContainers: [container('migrate', { cpu: '2', memory: '64Mi' }, { cpu: '4', memory: '64Mi' })], containers: [container('app', R, L)] } },
            undefined,
            { 'requests.cpu': 2000, 'requests.memory': 512 * 2 ** 20, 'limits.cpu': 4000, 'limits.memory': 2 ** 30 },
        ],
    ])('%s', (_name, pod, ns, usage) => {
        expect(podCharge(injectSidecar(pod, ns)).usage).toEqual(usage);
    });
    it('a container without requests or limits is named', () => {
        expect(podCharge({ spec: { containers: [{ name: 'app' }] } }).unset).toEqual(['app: requests.cpu', 'app: requests.memory', 'app: limits.cpu', 'app: limits.memory']);
    });
});
/** A Deployment of `replicas` pods of one container in namespace `apps`. */
const deployment = (replicas, requests, limits, sc = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'apps' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container('app', requests, limits, sc)] } } },
});
const quota = (hard) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'apps' }, spec: { hard } });
const RESTRICTED_SC = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } };
const meshed = namespace('apps', { 'istio-injection': 'enabled' });
describe('pods created through admission', () => {
    it.each([
        ['fits the quota', [namespace('apps'), quota({ 'requests.cpu': '2', 'limits.cpu': '4' }), deployment(2, R, L)], { sync: 'Synced', health: 'Healthy' }, []],
        [
            'the second pod exceeds the quota once the sidecar is counted',
            [meshed, quota({ 'requests.cpu': '2', 'limits.cpu': '4' }), deployment(2, R, L)],
            { sync: 'Synced', health: 'Degraded', blocker: 'Synced, Degraded: Deployment web: Deployment "web" exceeded its progress deadline' },
            ['pod web-… rejected by ResourceQuota apps/compute: limits.cpu 6 > 4 (used 3, this pod 3, Istio sidecar included)'],
        ],
        [
            'a quota on memory and a container without a memory limit',
            [namespace('apps'), quota({ 'limits.memory': '4Gi' }), deployment(1, R, { cpu: '1' })],
            { sync: 'Synced', health: 'Degraded', blocker: 'Synced, Degraded: Deployment web: Deployment "web" exceeded its progress deadline' },
            ['pod web-… forbidden by ResourceQuota apps/compute: must specify app: limits.memory'],
        ],
        [
            'Pod Security restricted and a container that does not drop capabilities',
            [namespace('apps', { 'pod-security.kubernetes.io/enforce': 'restricted' }), deployment(1, R, L, { ...RESTRICTED_SC, capabilities: {} })],
            { sync: 'Synced', health: 'Degraded', blocker: 'Synced, Degraded: Deployment web: Deployment "web" exceeded its progress deadline' },
            ['pod web-… forbidden by Pod Security "restricted:latest" in apps: unrestricted capabilities (container "app")'],
        ],
        ['Pod Security restricted and a compliant pod', [namespace('apps', { 'pod-security.kubernetes.io/enforce': 'restricted' }), deployment(1, R, L, RESTRICTED_SC)], { sync: 'Synced', health: 'Healthy' }, []],
    ])('%s', (_name, objects, expected, rejections) => {
        const r = play([application('a', 'a')], { a: objects });
        expect(outcome(r, 'a')).toEqual(expected);
        expect(r.rejections.map((j) => j.message)).toEqual(rejections);
    });
});
describe('Pod Security restricted', () => {
    const ns = namespace('apps', { 'pod-security.kubernetes.io/enforce': 'restricted' });
    const pod = (sc, spec = {}) => ({ spec: { containers: [{ name: 'app', securityContext: sc }], ...spec } });
    it.each([
        ['compliant', pod(RESTRICTED_SC), []],
        ['privilege escalation not forbidden', pod({ ...RESTRICTED_SC, allowPrivilegeEscalation: undefined }), ['allowPrivilegeEscalation != false (container "app")']],
        ['runAsNonRoot from the pod', pod({ ...RESTRICTED_SC, runAsNonRoot: undefined }, { securityContext: { runAsNonRoot: true } }), []],
        ['no runAsNonRoot anywhere', pod({ ...RESTRICTED_SC, runAsNonRoot: undefined }), ['runAsNonRoot != true (container "app")']],
        ['no seccomp profile', pod({ ...RESTRICTED_SC, seccompProfile: undefined }), ['seccompProfile (container "app")']],
        ['host network', pod(RESTRICTED_SC, { hostNetwork: true }), ['host namespaces']],
        ['a hostPath volume', pod(RESTRICTED_SC, { volumes: [{ name: 'h', hostPath: { path: '/' } }] }), ['restricted volume types ("h")']],
    ])('%s', (_name, p, violations) => {
        expect(podSecurityViolations(p, ns)).toEqual(violations);
    });
    it('a namespace without the enforce label admits anything', () => {
        expect(podSecurityViolations(pod({ privileged: true }), namespace('apps'))).toEqual([]);
    });
});
