import { dataPods } from '../data-pods.js';
import { groupKind, list, namespaceOf, rec, selects, valueAt } from './pod.js';
import { operatorPodLabels } from './operator-pods.js';
/** Per `group/kind`, the containers of its pods and their `resources` fields. */
const SIZED = {
    // cloudnative-pg: `spec.resources` sizes the postgres container of every instance.
    'postgresql.cnpg.io/Cluster': () => [{ container: 'postgres', at: ['spec', 'resources'] }],
    // cloudnative-pg: the Pooler's pod template, merged into the pgbouncer Deployment's.
    'postgresql.cnpg.io/Pooler': (s) => {
        const containers = list(rec(rec(s.template).spec).containers);
        return containers.length === 0
            ? [{ container: 'pgbouncer', at: ['spec', 'template', 'spec', 'containers'] }]
            : containers.map((c, i) => ({ container: String(rec(c).name ?? i), at: ['spec', 'template', 'spec', 'containers', i, 'resources'] }));
    },
    'redis.redis.opstreelabs.in/Redis': (s) => redis(s),
    'redis.redis.opstreelabs.in/RedisReplication': (s) => redis(s),
    'redis.redis.opstreelabs.in/RedisSentinel': () => [{ container: 'sentinel', at: ['spec', 'kubernetesConfig', 'resources'] }],
    'rabbitmq.com/RabbitmqCluster': () => [{ container: 'rabbitmq', at: ['spec', 'resources'] }],
};
function redis(s) {
    return [
        { container: 'redis', at: ['spec', 'kubernetesConfig', 'resources'] },
        ...(rec(s.redisExporter).enabled === true ? [{ container: 'redis-exporter', at: ['spec', 'redisExporter', 'resources'] }] : []),
    ];
}
const FIELDS = [
    ['requests', 'cpu', 'CPU request'],
    ['requests', 'memory', 'memory request'],
    ['limits', 'cpu', 'CPU limit'],
    ['limits', 'memory', 'memory limit'],
];
export const dataResources = {
    id: 'data-resources',
    description: 'Every container an operator runs for a data custom resource (PostgreSQL, its pooler, Redis, Sentinel, RabbitMQ) sets CPU and memory requests and limits.',
    severity: { development: 'warning', production: 'error' },
    applies: (o) => groupKind(o) in SIZED,
    check(obj, ctx) {
        return SIZED[groupKind(obj)](rec(obj.spec)).flatMap(({ container, at: path }) => {
            const r = rec(valueAt(obj, path));
            const missing = FIELDS.filter(([g, n]) => {
                const v = rec(r[g])[n];
                return v === undefined || v === null || v === '';
            });
            if (missing.length === 0)
                return [];
            const names = missing.map((m) => m[2]);
            const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
            return [
                ctx.report(path, `the ${container} container of ${String(obj.kind)} "${String(rec(obj.metadata).name)}" sets no ${listed}: the operator runs its pods unsized (a quota refuses them, or one starves its node)`, `set ${missing.map(([g, n]) => `${g}.${n}`).join(', ')} in the resources of this data service in the cluster file (dataServices), and re-render`),
            ];
        });
    },
};
/** Kinds whose pods hold state (a volume, a quorum): two on one node are lost together. */
const STATEFUL = new Set(['postgresql.cnpg.io/Cluster', 'redis.redis.opstreelabs.in/RedisReplication', 'redis.redis.opstreelabs.in/RedisSentinel', 'rabbitmq.com/RabbitmqCluster']);
/** The data custom resources whose pods the spread and disruption checks look at. */
const REPLICATED = (o) => STATEFUL.has(groupKind(o)) || groupKind(o) === 'postgresql.cnpg.io/Pooler';
/** The pods of a data custom resource when it runs two or more (one pod has nothing to spread or keep). */
function replicatedPods(obj) {
    const pods = dataPods([obj])[0];
    return pods && pods.count >= 2 ? pods : undefined;
}
/** A preferred pod anti-affinity on the node name, in the Kubernetes form (the Pooler's pod template). */
function preferredPerNode(affinity) {
    return list(rec(rec(affinity).podAntiAffinity).preferredDuringSchedulingIgnoredDuringExecution).some((t) => rec(rec(t).podAffinityTerm).topologyKey === 'kubernetes.io/hostname');
}
export const dataSpread = {
    id: 'data-spread',
    description: 'A data custom resource running two pods or more spreads them across nodes: a required anti-affinity on kubernetes.io/hostname for the stateful ones (PostgreSQL, Redis, Sentinel, RabbitMQ), at least a preferred one for the pooler.',
    severity: { development: 'warning', production: 'error' },
    applies: REPLICATED,
    check(obj, ctx) {
        const pods = replicatedPods(obj);
        if (!pods || pods.onePerNode)
            return [];
        const what = `${String(obj.kind)} "${String(rec(obj.metadata).name)}"`;
        if (STATEFUL.has(groupKind(obj))) {
            return [
                ctx.report(['spec'], `${what} runs ${pods.count} pods without a required anti-affinity on kubernetes.io/hostname: two may share a node, and losing that node loses both (a replica and its primary, or a quorum)`, 'place one pod per node (CloudNativePG: affinity.podAntiAffinityType: required; the others: a required podAntiAffinity on kubernetes.io/hostname), on a pool with as many nodes'),
            ];
        }
        return preferredPerNode(rec(rec(rec(obj.spec).template).spec).affinity)
            ? []
            : [ctx.report(['spec', 'template', 'spec', 'affinity'], `${what} runs ${pods.count} pods with no anti-affinity on kubernetes.io/hostname: they may all share a node`, 'add a preferred podAntiAffinity on kubernetes.io/hostname to the pod template')];
    },
};
export const dataDisruption = {
    id: 'data-disruption',
    description: 'A data custom resource running two pods or more has a PodDisruptionBudget over its pods (rendered, or CloudNativePG\'s own with enablePDB), so a node drain cannot evict them all at once.',
    severity: { development: 'warning', production: 'error' },
    applies: REPLICATED,
    check(obj, ctx) {
        const pods = replicatedPods(obj);
        if (!pods)
            return [];
        // CloudNativePG makes the Cluster's budgets itself unless told not to: `enablePDB`, default true
        // (platform/crds/cloudnative-pg/v1.30.0/postgresql.cnpg.io_clusters.yaml:2150-2158).
        if (groupKind(obj) === 'postgresql.cnpg.io/Cluster') {
            return rec(obj.spec).enablePDB === false
                ? [ctx.report(['spec', 'enablePDB'], `Cluster "${String(rec(obj.metadata).name)}" runs ${pods.count} instances with enablePDB: false: a node drain may evict the primary and its replicas at once`, 'remove enablePDB: false, so CloudNativePG keeps its PodDisruptionBudgets')]
                : [];
        }
        const ns = namespaceOf(obj);
        const labels = operatorPodLabels([obj], ns);
        const covered = ctx.neighbours.some((b) => b.kind === 'PodDisruptionBudget' && namespaceOf(b) === ns && labels.some((l) => selects(rec(b.spec).selector, l)));
        return covered
            ? []
            : [ctx.report(['metadata', 'name'], `no PodDisruptionBudget in ${ns} selects the ${pods.count} pods of ${String(obj.kind)} "${String(rec(obj.metadata).name)}": a node drain may evict them all at once`, 'render a PodDisruptionBudget with maxUnavailable: 1 over its pods (render/data does for the pooler, Redis, Sentinel and RabbitMQ)')];
    },
};
