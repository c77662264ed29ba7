/**
 * What one workload costs a namespace, as the API server counts it: per pod the requests and limits
 * of its containers, the Istio sidecar injection adds and the init containers (ResourceQuota admits
 * the mutated pod, docs/policies.md#quota), and the number of pods at the minimum, at the maximum
 * and the extra pods a rollout adds on top (Deployment surge, canary pods). Pure; used by the quota
 * and the capacity checks.
 */
import { INJECT_POD_KEY, INJECTION_LABEL, SIDECAR_ANNOTATIONS } from '../core/istio.js';
import { parseCpu, parseMemory } from '../core/quantity.js';
import { autoscalerOf, containers, list, minimumReplicas, namespaceOf, nameOf, objectsOfKind, podTemplate, rec, str } from './rules/pod.js';
import { isPlainObject } from '../core/objects.js';
/**
 * Istio's `global.proxy.resources`, injected when a pod sets none of the four annotations
 * (istio-discovery values.yaml:357-364 @ 1.22.8). Mirrors `ISTIO_SIDECAR_DEFAULT` of the configuration,
 * which policies do not import (they judge any manifest).
 */
const ISTIO_DEFAULT = { requests: { cpu: 100, memory: 128 * 1024 ** 2 }, limits: { cpu: 2000, memory: 1024 ** 3 } };
export const zero = () => ({ cpu: 0, memory: 0 });
export const add = (a, b, n = 1) => ({ cpu: a.cpu + b.cpu * n, memory: a.memory + b.memory * n });
const max = (a, b) => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) });
/**
 * The sidecar Istio injects into this workload's pods: none unless its namespace is labelled
 * `istio-injection: enabled` (and the pod does not opt out); sized by the pod's annotations when any is
 * set (only those), else Istio's defaults (injection-template.yaml:1-26 @ 1.22.8).
 */
function sidecarOf(obj, objects) {
    const ns = objectsOfKind(objects, '', 'Namespace').find((n) => nameOf(n) === namespaceOf(obj));
    if (rec(rec(ns?.metadata).labels)[INJECTION_LABEL] !== 'enabled')
        return undefined;
    const meta = rec(rec(rec(obj.spec).template).metadata);
    const annotations = rec(meta.annotations);
    if (rec(meta.labels)[INJECT_POD_KEY] === 'false' || annotations[INJECT_POD_KEY] === 'false')
        return undefined;
    const a = (k) => str(annotations[k]);
    if (!Object.values(SIDECAR_ANNOTATIONS).some((k) => a(k) !== undefined))
        return ISTIO_DEFAULT;
    const cpu = (k) => (a(k) === undefined ? undefined : parseCpu(a(k)));
    const memory = (k) => (a(k) === undefined ? undefined : parseMemory(a(k)));
    return {
        requests: defined({ cpu: cpu(SIDECAR_ANNOTATIONS.cpu), memory: memory(SIDECAR_ANNOTATIONS.memory) }),
        limits: defined({ cpu: cpu(SIDECAR_ANNOTATIONS.cpuLimit), memory: memory(SIDECAR_ANNOTATIONS.memoryLimit) }),
    };
}
/**
 * One pod as ResourceQuota charges it: the sum over regular containers (the injected istio-proxy
 * included) and native-sidecar init containers, or the largest init container with the native
 * sidecars before it if that is more (component-helpers resource/helpers.go:144-224 @ v0.33.13); the
 * injected istio-init / istio-validation init container has the sidecar's size. A container's unset
 * values take the namespace's LimitRange defaults, as LimitRanger (re-run after injection) sets them.
 */
export function podUsage(obj, objects) {
    const pod = podTemplate(obj);
    const defaults = limitRangeDefaults(objects, namespaceOf(obj));
    const fill = (s) => ({ ...s, requests: { ...defaults.requests, ...s.requests }, limits: { ...defaults.limits, ...s.limits } });
    const own = (c) => {
        const r = rec(c.resources);
        const of = (g) => {
            const x = rec(g);
            return defined({ cpu: quantity(x.cpu, parseCpu), memory: quantity(x.memory, parseMemory) });
        };
        return { requests: of(r.requests), limits: of(r.limits) };
    };
    const regular = [];
    const init = [];
    for (const c of pod ? containers(pod) : []) {
        const s = { name: c.name, ...own(c.c), ...(c.init && c.c.restartPolicy === 'Always' ? { restartable: true } : {}) };
        (c.init ? init : regular).push(fill(s));
    }
    const sidecar = pod ? sidecarOf(obj, objects) : undefined;
    if (sidecar) {
        regular.push(fill({ name: 'istio-proxy', ...sidecar }));
        init.unshift(fill({ name: 'istio-validation', ...sidecar }));
    }
    const unset = [...regular, ...init].flatMap((s) => ['requests', 'limits'].flatMap((g) => ['cpu', 'memory'].filter((k) => s[g][k] === undefined).map((k) => `${g}.${k}`)));
    const side = sidecar ? fill({ name: 'istio-proxy', ...sidecar }) : undefined;
    return {
        requests: aggregate(regular, init, 'requests'),
        limits: aggregate(regular, init, 'limits'),
        sidecar: { requests: amount(side?.requests), limits: amount(side?.limits) },
        unset: [...new Set(unset)].sort(),
    };
}
function aggregate(regular, init, g) {
    let sum = regular.reduce((a, s) => add(a, amount(s[g])), zero());
    let sidecars = zero();
    let largestInit = zero();
    for (const s of init) {
        if (s.restartable) {
            sum = add(sum, amount(s[g]));
            sidecars = add(sidecars, amount(s[g]));
        }
        else
            largestInit = max(largestInit, add(sidecars, amount(s[g])));
    }
    return max(sum, largestInit);
}
/** The pods of a workload; `undefined` for objects that are not scaled workloads. */
export function replicaRange(obj, objects) {
    const min = minimumReplicas(obj, objects);
    if (min === undefined)
        return undefined;
    const hpa = autoscalerOf(obj, objects);
    const top = hpa ? rec(hpa.spec).maxReplicas : rec(obj.spec).replicas;
    const most = typeof top === 'number' ? Math.max(top, min) : Math.max(1, min);
    return { min, max: most, surge: surgeOf(obj, most), canary: canaryOf(obj, most) };
}
/**
 * A Deployment's rolling update runs up to `maxSurge` extra pods, a percentage rounded up (Kubernetes
 * `ResolveFenceposts` in pkg/controller/deployment/util/deployment_util.go: `GetScaledValueFromIntOrPercent(maxSurge, desired, true)`);
 * default 25 %, none with `Recreate`.
 */
function surgeOf(obj, replicas) {
    if (obj.kind !== 'Deployment')
        return 0;
    const strategy = rec(rec(obj.spec).strategy);
    if (strategy.type === 'Recreate')
        return 0;
    return scaled(rec(strategy.rollingUpdate).maxSurge ?? '25%', replicas);
}
/**
 * Extra pods of a Rollout at its maximum. Canary with traffic routing: the canary ReplicaSet runs
 * ceil(weight × replicas / 100) pods while the stable one stays at full size unless `dynamicStableScale`
 * (argo-rollouts utils/replicaset/canary.go:341-357, :387-388 @ v1.8.4); once the last step is passed
 * the weight is the maximum, 100 (:484-491), so the canary is full size beside the full stable set
 * until the stable scales down. With `dynamicStableScale` the two add up to at most one pod over. A
 * canary without traffic routing surges by `maxSurge` (default 25 %), a blue-green preview is full size.
 */
function canaryOf(obj, replicas) {
    if (obj.kind !== 'Rollout')
        return 0;
    const strategy = rec(rec(obj.spec).strategy);
    if (isPlainObject(strategy.blueGreen)) {
        const preview = rec(strategy.blueGreen).previewReplicaCount;
        return typeof preview === 'number' ? preview : replicas;
    }
    const canary = rec(strategy.canary);
    if (!isPlainObject(canary.trafficRouting))
        return scaled(canary.maxSurge ?? '25%', replicas);
    const ceil = (w) => Math.ceil((w * replicas) / 100);
    if (canary.dynamicStableScale !== true)
        return ceil(100);
    const weights = [0, 100, ...list(canary.steps).map((s) => rec(s).setWeight).filter((w) => typeof w === 'number')];
    return Math.max(...weights.map((w) => ceil(w) + ceil(100 - w))) - replicas;
}
function scaled(v, replicas) {
    if (typeof v === 'number')
        return v;
    const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
    return m ? Math.ceil((Number(m[1]) * replicas) / 100) : 0;
}
function limitRangeDefaults(objects, ns) {
    const item = objectsOfKind(objects, ns, 'LimitRange')
        .flatMap((l) => list(rec(l.spec).limits))
        .map(rec)
        .find((l) => l.type === 'Container');
    const of = (g) => defined({ cpu: quantity(rec(g).cpu, parseCpu), memory: quantity(rec(g).memory, parseMemory) });
    return { requests: of(item?.defaultRequest), limits: of(item?.default) };
}
function quantity(v, parse) {
    return typeof v === 'string' || typeof v === 'number' ? parse(v) : undefined;
}
function defined(a) {
    return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
}
function amount(a) {
    return { cpu: a?.cpu ?? 0, memory: a?.memory ?? 0 };
}
