/**
 * The quota arithmetic (issue 9, defect 3: pods exceed the ResourceQuota): each term the API server
 * charges a namespace — the Istio sidecar, init containers, HPA maxima, rolling-update surge and
 * canary pods — on its own, then the findings with their exact messages.
 */
import { describe, expect, it } from 'vitest';
import { podUsage, replicaRange } from '../../src/policy/pod-usage.js';
import { measureQuota } from '../../src/policy/quota.js';
import { deployment, edited, hpa, rollout } from './helpers.js';
const NS = 'suoke-prod';
const namespace = (injected) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: injected ? { 'istio-injection': 'enabled' } : {} } });
const quota = (hard) => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: NS }, spec: { hard } });
const limitRange = (def, defaultRequest) => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'defaults', namespace: NS },
    spec: { limits: [{ type: 'Container', default: def, defaultRequest }] },
});
/** The pod template's annotations. */
const annotated = (o, annotations) => edited(o, (x) => (x.spec.template.metadata.annotations = annotations));
const SIDECAR = {
    'sidecar.istio.io/proxyCPU': '100m',
    'sidecar.istio.io/proxyCPULimit': '500m',
    'sidecar.istio.io/proxyMemory': '128Mi',
    'sidecar.istio.io/proxyMemoryLimit': '256Mi',
};
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;
describe('one pod as quota charges it (requests; limits)', () => {
    const cases = [
        { name: 'outside the mesh: the app container only', objects: [namespace(false), annotated(deployment(), SIDECAR)], requests: [1000, 2 * Gi], limits: [2000, 4 * Gi] },
        { name: 'sidecar: sized by the four annotations', objects: [namespace(true), annotated(deployment(), SIDECAR)], requests: [1100, 2 * Gi + 128 * Mi], limits: [2500, 4 * Gi + 256 * Mi] },
        { name: "sidecar: no annotation, Istio's defaults 100m/128Mi, 2000m/1024Mi", objects: [namespace(true), deployment()], requests: [1100, 2 * Gi + 128 * Mi], limits: [4000, 5 * Gi] },
        {
            name: 'sidecar: one annotation, only that one (limits left unset: quota refuses the pod)',
            objects: [namespace(true), annotated(deployment(), { 'sidecar.istio.io/proxyCPU': '200m' })],
            requests: [1200, 2 * Gi],
            limits: [2000, 4 * Gi],
            unset: ['limits.cpu', 'limits.memory', 'requests.memory'],
        },
        {
            name: 'sidecar: one annotation, the LimitRange defaults fill in the rest',
            objects: [namespace(true), limitRange({ cpu: '1', memory: '1Gi' }, { cpu: '50m', memory: '64Mi' }), annotated(deployment(), { 'sidecar.istio.io/proxyCPU': '200m' })],
            requests: [1200, 2 * Gi + 64 * Mi],
            limits: [3000, 5 * Gi],
        },
        {
            name: 'sidecar: the pod opts out (sidecar.istio.io/inject: "false")',
            objects: [namespace(true), annotated(deployment(), { ...SIDECAR, 'sidecar.istio.io/inject': 'false' })],
            requests: [1000, 2 * Gi],
            limits: [2000, 4 * Gi],
        },
        {
            name: 'init container larger than the containers: the max, not the sum',
            objects: [namespace(false), edited(deployment(), (x) => (x.spec.template.spec.initContainers = [{ name: 'migrate', resources: { requests: { cpu: '3', memory: '1Gi' }, limits: { cpu: '3', memory: '1Gi' } } }]))],
            requests: [3000, 2 * Gi],
            limits: [3000, 4 * Gi],
        },
        {
            name: 'init container smaller than containers + sidecar: absorbed (istio-validation too)',
            objects: [namespace(true), annotated(edited(deployment(), (x) => (x.spec.template.spec.initContainers = [{ name: 'migrate', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }])), SIDECAR)],
            requests: [1100, 2 * Gi + 128 * Mi],
            limits: [2500, 4 * Gi + 256 * Mi],
        },
        {
            name: 'native sidecar init container (restartPolicy: Always): added to the sum',
            objects: [namespace(false), edited(deployment(), (x) => (x.spec.template.spec.initContainers = [{ name: 'log-shipper', restartPolicy: 'Always', resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '200m', memory: '256Mi' } } }]))],
            requests: [1200, 2 * Gi + 256 * Mi],
            limits: [2200, 4 * Gi + 256 * Mi],
        },
    ];
    it.each(cases)('$name', (c) => {
        const w = c.objects.find((o) => o.kind === 'Deployment');
        const u = podUsage(w, c.objects);
        expect([u.requests.cpu, u.requests.memory, u.limits.cpu, u.limits.memory]).toEqual([...c.requests, ...c.limits]);
        expect(u.unset).toEqual(c.unset ?? []);
    });
});
describe('pods of a workload: minimum, HPA maximum, surge, canary', () => {
    const withHpa = (w, min, max) => [w, edited(hpa(), (h) => Object.assign(h.spec, { scaleTargetRef: { apiVersion: w.apiVersion, kind: w.kind, name: 'xiaoai' }, minReplicas: min, maxReplicas: max }))];
    const strategy = (s) => edited(deployment(), (x) => (x.spec.strategy = s));
    const canary = (extra) => edited(rollout(), (x) => Object.assign(x.spec.strategy.canary, extra));
    const cases = [
        { name: 'no HPA: replicas, default maxSurge 25 % rounded up', objects: [deployment()], expected: { min: 2, max: 2, surge: 1, canary: 0 } },
        { name: 'HPA maximum: the surge is taken at the maximum (25 % of 10 → 3)', objects: withHpa(deployment(), 2, 10), expected: { min: 2, max: 10, surge: 3, canary: 0 } },
        { name: 'maxSurge as a number', objects: withHpa(strategy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: 0 } }), 2, 10), expected: { min: 2, max: 10, surge: 2, canary: 0 } },
        { name: 'maxSurge 50 % of 5 → 3', objects: withHpa(strategy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%' } }), 2, 5), expected: { min: 2, max: 5, surge: 3, canary: 0 } },
        { name: 'Recreate: no surge', objects: withHpa(strategy({ type: 'Recreate' }), 2, 10), expected: { min: 2, max: 10, surge: 0, canary: 0 } },
        { name: 'canary with Istio routing: a full canary ReplicaSet beside the full stable one at 100 %', objects: withHpa(rollout(), 2, 8), expected: { min: 2, max: 8, surge: 0, canary: 8 } },
        { name: 'canary with dynamicStableScale: at most one pod over (weight 5 of 8: 1 + 8)', objects: withHpa(canary({ dynamicStableScale: true }), 2, 8), expected: { min: 2, max: 8, surge: 0, canary: 1 } },
        { name: 'canary with dynamicStableScale, weights dividing evenly: none over', objects: withHpa(canary({ dynamicStableScale: true, steps: [{ setWeight: 50 }] }), 2, 4), expected: { min: 2, max: 4, surge: 0, canary: 0 } },
        { name: 'canary without traffic routing: maxSurge (default 25 %)', objects: withHpa(canary({ trafficRouting: undefined }), 2, 8), expected: { min: 2, max: 8, surge: 0, canary: 2 } },
    ];
    it.each(cases)('$name', (c) => {
        const w = c.objects.find((o) => o.kind !== 'HorizontalPodAutoscaler');
        expect(replicaRange(w, c.objects)).toEqual(c.expected);
    });
});
describe('measureQuota', () => {
    const file = 'clusters/prod/cluster.yaml';
    const show = (objects) => measureQuota({ env: 'prod', file, line: 15, objects }).findings.map((f) => `${f.severity} ${f.check} ${f.line} ${f.path}: ${f.message} | ${f.hint ?? ''}`);
    const service = (name, min, max, annotations = SIDECAR) => {
        const d = annotated(edited(deployment(), (x) => (x.metadata.name = name)), annotations);
        return [d, edited(hpa(), (h) => Object.assign(h.spec, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: min, maxReplicas: max }))];
    };
    it('issue 9 defect 3: app containers fit at the minimum, the sidecars push the pods over', () => {
        // 4 pods × 1 CPU = 4 CPU of app containers against 4 CPU; the sidecars add 0.4 CPU.
        const objects = [namespace(true), quota({ 'requests.cpu': '4', 'requests.memory': '16Gi', 'limits.cpu': '40', 'limits.memory': '80Gi', pods: '50' }), ...service('a', 2, 2), ...service('b', 2, 2)];
        expect(show(objects)).toEqual([
            'error policy/quota 15 environments.prod.quota: ResourceQuota suoke-prod/compute cannot hold the pods at minimum replicas: 4 pods request 4.4 CPU / 8.5Gi and limit 10 CPU / 17Gi (Istio sidecars 0.4 CPU / 0.5Gi of the requests, 2 CPU / 1Gi of the limits); it allows requests 4 CPU / 16Gi, limits 40 CPU / 80Gi, 50 pods, so pods are refused (requests.cpu by 0.4 CPU over) | raise environments.prod.quota in clusters/prod/cluster.yaml to at least requests {cpu: "5", memory: 16Gi}, limits {cpu: "40", memory: 80Gi}, pods: 50, or lower the requests, limits or minReplicas of its services',
            'error policy/quota 15 environments.prod.quota: ResourceQuota suoke-prod/compute cannot hold what it admits at the worst case, every workload at its maximum replicas with 2 rolling-update surge and 0 canary pods: 6 pods request 6.6 CPU / 12.75Gi and limit 15 CPU / 25.5Gi (Istio sidecars 0.6 CPU / 0.75Gi of the requests, 3 CPU / 1.5Gi of the limits); it allows requests 4 CPU / 16Gi, limits 40 CPU / 80Gi, 50 pods, so autoscaling, rollouts and canaries stop silently (requests.cpu by 2.6 CPU over) | raise environments.prod.quota in clusters/prod/cluster.yaml to at least requests {cpu: "7", memory: 16Gi}, limits {cpu: "40", memory: 80Gi}, pods: 50, or lower maxReplicas (autoscaling) or the requests and limits of its services in apps/<service>/service.yaml',
            'info policy/quota-headroom 15 environments.prod.quota: ResourceQuota suoke-prod/compute allows requests 4 CPU / 16Gi, limits 40 CPU / 80Gi, 50 pods; at minimum replicas 4 pods request 4.4 CPU / 8.5Gi and limit 10 CPU / 17Gi (Istio sidecars 0.4 CPU / 0.5Gi of the requests, 2 CPU / 1Gi of the limits); at the worst case (maximum replicas, 2 surge and 0 canary pods) 6 pods request 6.6 CPU / 12.75Gi and limit 15 CPU / 25.5Gi (Istio sidecars 0.6 CPU / 0.75Gi of the requests, 3 CPU / 1.5Gi of the limits) | ',
        ]);
    });
    it('the minimum fits, the HPA maxima with surge and a full canary do not: autoscaling capped silently is an error', () => {
        const canary = [
            annotated(rollout(), SIDECAR),
            edited(hpa(), (h) => Object.assign(h.spec, { scaleTargetRef: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'xiaoai' }, minReplicas: 2, maxReplicas: 4 })),
        ];
        const objects = [namespace(true), quota({ 'requests.cpu': '20', 'requests.memory': '40Gi', pods: '12' }), ...canary, ...service('b', 2, 4)];
        expect(show(objects).filter((f) => f.startsWith('error'))).toEqual([
            'error policy/quota 15 environments.prod.quota: ResourceQuota suoke-prod/compute cannot hold what it admits at the worst case, every workload at its maximum replicas with 1 rolling-update surge and 4 canary pods: 13 pods request 14.3 CPU / 27.63Gi and limit 32.5 CPU / 55.25Gi (Istio sidecars 1.3 CPU / 1.63Gi of the requests, 6.5 CPU / 3.25Gi of the limits); it allows requests 20 CPU / 40Gi, 12 pods, so autoscaling, rollouts and canaries stop silently (pods by 1 pods over) | raise environments.prod.quota in clusters/prod/cluster.yaml to at least requests {cpu: "20", memory: 40Gi}, pods: 13, or lower maxReplicas (autoscaling) or the requests and limits of its services in apps/<service>/service.yaml',
        ]);
    });
    it('a sidecar without limits under a quota on limits: every pod refused ("must specify")', () => {
        const objects = [namespace(true), quota({ 'requests.cpu': '40', 'requests.memory': '80Gi', 'limits.cpu': '80', 'limits.memory': '160Gi' }), ...service('a', 1, 1, { 'sidecar.istio.io/proxyCPU': '100m', 'sidecar.istio.io/proxyMemory': '128Mi' })];
        expect(show(objects).filter((f) => f.startsWith('error'))).toEqual([
            'error policy/quota 15 environments.prod.quota: ResourceQuota suoke-prod/compute refuses every pod of Deployment a: a container (or its Istio sidecar) sets no limits.cpu, limits.memory and no LimitRange default fills it in | set requests and limits on every container, and all four sidecar.istio.io/proxy* annotations (environments.<env>.sidecar)',
        ]);
    });
    it('a quota that holds the worst case: only the headroom report', () => {
        const objects = [namespace(true), quota({ 'requests.cpu': '8', 'requests.memory': '16Gi', 'limits.cpu': '16', 'limits.memory': '32Gi', pods: '10' }), ...service('a', 2, 3)];
        expect(show(objects).map((f) => f.split(':')[0])).toEqual(['info policy/quota-headroom 15 environments.prod.quota']);
    });
});
