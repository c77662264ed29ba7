/**
 * The pods operators run for the data layer's custom resources, as the capacity check counts them
 * (policy/capacity.ts): how many, what one requests, and the node labels it selects. The fields are
 * the pinned CRDs'; the counts are the operators' (cited where each resource is rendered,
 * render/data/*.ts).
 */
import { parseCpu, parseMemory } from '../core/quantity.js';
import { groupKind, list, nameOf, namespaceOf, rec, stringMap } from './rules/pod.js';
const amount = (resources) => {
    const r = rec(rec(resources).requests);
    return { cpu: parseCpu(r.cpu ?? 0) ?? 0, memory: parseMemory(r.memory ?? 0) ?? 0 };
};
const plus = (a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });
const tolerations = (v) => list(v).map((t) => rec(t));
/** Node labels a required node affinity of `In` single values demands (RabbitmqCluster has no nodeSelector). */
function affinityLabels(affinity) {
    const terms = list(rec(rec(rec(rec(affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution)).nodeSelectorTerms);
    if (terms.length !== 1)
        return {};
    const out = {};
    for (const e of list(rec(terms[0]).matchExpressions)) {
        const x = rec(e);
        const values = list(x.values);
        if (x.operator === 'In' && values.length === 1 && typeof x.key === 'string' && typeof values[0] === 'string')
            out[x.key] = values[0];
    }
    return out;
}
/** A required pod anti-affinity on the node name (the Kubernetes form). */
function requiredPerNode(affinity) {
    return list(rec(rec(affinity).podAntiAffinity).requiredDuringSchedulingIgnoredDuringExecution).some((t) => rec(t).topologyKey === 'kubernetes.io/hostname');
}
const KINDS = {
    // CloudNativePG's own anti-affinity switch (api/v1/cluster_types.go, AffinityConfiguration @ v1.30.0).
    'postgresql.cnpg.io/Cluster': (s) => {
        const a = rec(s.affinity);
        const perNode = a.enablePodAntiAffinity !== false && a.podAntiAffinityType === 'required' && (a.topologyKey ?? 'kubernetes.io/hostname') === 'kubernetes.io/hostname';
        return { count: Number(s.instances ?? 1), requests: amount(s.resources), nodeSelector: stringMap(a.nodeSelector), tolerations: tolerations(a.tolerations), onePerNode: perNode };
    },
    'postgresql.cnpg.io/Pooler': (s) => {
        const pod = rec(rec(s.template).spec);
        const requests = list(pod.containers).reduce((a, c) => plus(a, amount(rec(c).resources)), { cpu: 0, memory: 0 });
        return { count: Number(s.instances ?? 1), requests, nodeSelector: stringMap(pod.nodeSelector), tolerations: tolerations(pod.tolerations), onePerNode: requiredPerNode(pod.affinity) };
    },
    'redis.redis.opstreelabs.in/Redis': (s) => redisPods(s, 1),
    'redis.redis.opstreelabs.in/RedisReplication': (s) => redisPods(s, Number(s.clusterSize ?? 1)),
    'redis.redis.opstreelabs.in/RedisSentinel': (s) => ({
        count: Number(s.clusterSize ?? 1),
        requests: amount(rec(s.kubernetesConfig).resources),
        nodeSelector: stringMap(s.nodeSelector),
        tolerations: tolerations(s.tolerations),
        onePerNode: requiredPerNode(s.affinity),
    }),
    'rabbitmq.com/RabbitmqCluster': (s) => ({
        count: Number(s.replicas ?? 1),
        requests: amount(s.resources),
        nodeSelector: affinityLabels(s.affinity),
        tolerations: tolerations(s.tolerations),
        onePerNode: requiredPerNode(s.affinity),
    }),
};
function redisPods(s, count) {
    const exporter = rec(s.redisExporter);
    const requests = plus(amount(rec(s.kubernetesConfig).resources), exporter.enabled === true ? amount(exporter.resources) : { cpu: 0, memory: 0 });
    return { count, requests, nodeSelector: stringMap(s.nodeSelector), tolerations: tolerations(s.tolerations), onePerNode: requiredPerNode(s.affinity) };
}
/** The operator-run pods of the rendered data layer. */
export function dataPods(objects) {
    return objects.flatMap((o) => {
        const make = KINDS[groupKind(o)];
        return make ? [{ id: `${namespaceOf(o)}/${nameOf(o)} (${String(o.kind)})`, ...make(rec(o.spec)) }] : [];
    });
}
