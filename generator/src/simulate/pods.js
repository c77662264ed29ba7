/**
 * A workload's pod as the API server admits it: the mutations that run first (Istio's sidecar
 * injection, LimitRange defaults), then what ResourceQuota charges for it.
 *
 * Admission order: every mutating plugin, webhooks included, runs before any validating one, and
 * ResourceQuota is validating [kubernetes/apiserver pkg/endpoints/handlers/create.go:181-208 @
 * v0.31.14; pkg/admission/plugin/resourcequota/admission.go:76]: quota is charged for the injected pod.
 */
import { parseCpu, parseMemory } from '../core/quantity.js';
import { annotation, label, list, rec, str } from './objects.js';
export const ZERO = { 'requests.cpu': 0, 'requests.memory': 0, 'limits.cpu': 0, 'limits.memory': 0 };
/**
 * Istio's sidecar resources when no pod annotation sets them: `global.proxy.resources`
 * [istio manifests/charts/istio-control/istio-discovery/values.yaml:357-364 @ 1.22.8].
 */
const ISTIO_DEFAULT_RESOURCES = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } };
/**
 * The resources Istio's injection template gives `istio-init` and `istio-proxy`: if any of the four
 * annotations is set, only the annotations are used (an unset one is left out); otherwise the
 * defaults [istio .../files/injection-template.yaml:1-26 @ 1.22.8].
 */
function sidecarResources(pod) {
    const a = (k) => annotation(pod, `sidecar.istio.io/${k}`);
    const [cpu, memory, cpuLimit, memoryLimit] = [a('proxyCPU'), a('proxyMemory'), a('proxyCPULimit'), a('proxyMemoryLimit')];
    if (cpu === undefined && memory === undefined && cpuLimit === undefined && memoryLimit === undefined)
        return structuredClone(ISTIO_DEFAULT_RESOURCES);
    const pick = (c, m) => ({ ...(c !== undefined ? { cpu: c } : {}), ...(m !== undefined ? { memory: m } : {}) });
    return { requests: pick(cpu, memory), limits: pick(cpuLimit, memoryLimit) };
}
/**
 * The pod after Istio's webhook: in a namespace labelled `istio-injection: enabled` (unless the pod
 * opts out with `sidecar.istio.io/inject: "false"`), an `istio-init` init container and an
 * `istio-proxy` container with {@link sidecarResources}; native sidecars are off in 1.22
 * [istio pilot/pkg/features/experimental.go:203 @ 1.22.8].
 */
export function injectSidecar(pod, namespace) {
    if (!namespace || label(namespace, 'istio-injection') !== 'enabled' || annotation(pod, 'sidecar.istio.io/inject') === 'false')
        return pod;
    const spec = rec(pod['spec']);
    const resources = sidecarResources(pod);
    // With the Istio CNI node agent (a declared precondition) the injected containers run as user
    // 1337 without capabilities, which Pod Security `restricted` admits (docs/gray-releases.md).
    const securityContext = { runAsNonRoot: true, runAsUser: 1337, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    return {
        ...pod,
        spec: {
            ...spec,
            initContainers: [...list(spec['initContainers']), { name: 'istio-validation', resources, securityContext }],
            containers: [...list(spec['containers']), { name: 'istio-proxy', resources, securityContext }],
        },
    };
}
/** LimitRanger's defaults for containers that declare no requests or limits (a mutating plugin). */
export function applyLimitRanges(pod, limitRanges) {
    const defaults = limitRanges.flatMap((lr) => list(rec(lr['spec'])['limits']).map(rec)).filter((l) => l['type'] === 'Container');
    if (defaults.length === 0)
        return pod;
    const pick = (field, k) => defaults.map((d) => rec(d[field])[k]).find((v) => v !== undefined);
    const fill = (c) => {
        const container = rec(c);
        const res = rec(container['resources']);
        const requests = { ...rec(res['requests']) };
        const limits = { ...rec(res['limits']) };
        for (const k of ['cpu', 'memory']) {
            // The API server's defaulting copies an explicit limit into a missing request; LimitRanger
            // then fills what is still unset from `defaultRequest` and `default`.
            if (requests[k] === undefined && limits[k] !== undefined)
                requests[k] = limits[k];
            if (requests[k] === undefined && pick('defaultRequest', k) !== undefined)
                requests[k] = pick('defaultRequest', k);
            if (limits[k] === undefined && pick('default', k) !== undefined)
                limits[k] = pick('default', k);
        }
        return { ...container, resources: { ...res, requests, limits } };
    };
    const spec = rec(pod['spec']);
    return { ...pod, spec: { ...spec, containers: list(spec['containers']).map(fill), initContainers: list(spec['initContainers']).map(fill) } };
}
function containerUsage(c) {
    const res = rec(rec(c)['resources']);
    const req = rec(res['requests']);
    const lim = rec(res['limits']);
    const missing = [];
    const read = (m, k, field) => {
        const v = m[k];
        if (typeof v !== 'string' && typeof v !== 'number') {
            missing.push(field);
            return 0;
        }
        return (k === 'cpu' ? parseCpu(v) : parseMemory(v)) ?? 0;
    };
    return {
        usage: { 'requests.cpu': read(req, 'cpu', 'requests.cpu'), 'requests.memory': read(req, 'memory', 'requests.memory'), 'limits.cpu': read(lim, 'cpu', 'limits.cpu'), 'limits.memory': read(lim, 'memory', 'limits.memory') },
        missing,
    };
}
export function add(a, b) {
    return { 'requests.cpu': a['requests.cpu'] + b['requests.cpu'], 'requests.memory': a['requests.memory'] + b['requests.memory'], 'limits.cpu': a['limits.cpu'] + b['limits.cpu'], 'limits.memory': a['limits.memory'] + b['limits.memory'] };
}
function max(a, b) {
    return { 'requests.cpu': Math.max(a['requests.cpu'], b['requests.cpu']), 'requests.memory': Math.max(a['requests.memory'], b['requests.memory']), 'limits.cpu': Math.max(a['limits.cpu'], b['limits.cpu']), 'limits.memory': Math.max(a['limits.memory'], b['limits.memory']) };
}
/**
 * What quota charges for a pod: the sum over its containers, or the largest init container if that
 * is more (regular init containers run one at a time) [kubernetes/component-helpers
 * resource/helpers.go:144-224, 282-380 @ v0.33.13]; and which containers leave a tracked resource
 * unset ("must specify", kubernetes pkg/quota/v1/evaluator/core/pods.go Constraints).
 */
export function podCharge(pod) {
    const spec = rec(pod['spec']);
    let sum = ZERO;
    const unset = [];
    for (const c of list(spec['containers'])) {
        const u = containerUsage(c);
        sum = add(sum, u.usage);
        for (const m of u.missing)
            unset.push(`${str(rec(c)['name']) ?? '?'}: ${m}`);
    }
    let init = ZERO;
    for (const c of list(spec['initContainers'])) {
        const u = containerUsage(c);
        init = max(init, u.usage);
        for (const m of u.missing)
            unset.push(`${str(rec(c)['name']) ?? '?'}: ${m}`);
    }
    return { usage: max(sum, init), unset };
}
