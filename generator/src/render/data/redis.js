import { placement, dataServiceMonitor, disruptionBudget } from './shared.js';
import { storeSecret } from './context.js';
/** Images of the chart the operator publishes with v0.26.0 (charts/redis-replication/values.yaml:5-6, :95-96, :223-224). */
const IMAGES = { redis: 'quay.io/opstree/redis', sentinel: 'quay.io/opstree/redis-sentinel', exporter: 'quay.io/opstree/redis-exporter:v1.44.0' };
/** The opstree images run Redis as uid 1000 (example/v1beta2/redis-replication.yaml:7-9 @ v0.26.0). */
const REDIS_UID = 1000;
/** Pod and container security contexts that pass Pod Security `restricted` (the data namespace's level). */
const POD_SECURITY = { runAsNonRoot: true, runAsUser: REDIS_UID, runAsGroup: REDIS_UID, fsGroup: REDIS_UID, seccompProfile: { type: 'RuntimeDefault' } };
const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };
/** Sentinel pods: small, fixed. */
const SENTINEL_RESOURCES = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '250m', memory: '256Mi' } };
const EXPORTER_RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } };
/**
 * Timings of the Redis container's liveness probe; the operator keeps them and, as we give no handler,
 * adds its own `redis-cli ping` = `PONG` check (internal/k8sutils/statefulset.go:953-985 @ v0.26.0).
 * Its default has no timings, so Kubernetes' 1 s timeout, 10 s period and 3 failures apply: a Redis
 * that loads its AOF/RDB answers PING with `-LOADING` (PING has no `loading` flag: redis/redis
 * src/commands/ping.json:9-13 @ 038d858), and would be killed ~30 s into loading, then reload from the
 * start. There is no startup probe field to bound that phase alone (api/redisreplication/v1beta2/
 * redisreplication_types.go:24-25 @ v0.26.0), so liveness tolerates 5 min of failures; Sentinel
 * fails the master over on its own clock meanwhile. docs/data-layer.md#probes.
 */
export const REDIS_LIVENESS_PROBE = { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 30 };
/**
 * `redis.conf` lines of each persistence mode: snapshots after 1 change in 15 min, 10 in 5 min, 10000
 * in 1 min. With a volume the operator's own configuration turns on both AOF and these snapshots, then
 * `include`s our file last, so ours decides (internal/agent/bootstrap/redis/config.go:135-140, :176-177
 * @ v0.26.0): `save ""` drops the snapshots, `appendonly no` the AOF.
 */
const PERSISTENCE = {
    aof: ['appendonly yes', 'appendfsync everysec', 'save ""'],
    rdb: ['appendonly no', 'save 900 1 300 10 60 10000'],
    'aof+rdb': ['appendonly yes', 'appendfsync everysec', 'save 900 1 300 10 60 10000'],
};
/**
 * Redis of one environment: its password's ExternalSecret, the persistence ConfigMap, a
 * `RedisReplication` of `replicas` pods, with a `RedisSentinel` and PodDisruptionBudgets from two, and
 * the ServiceMonitor of the exporter. `labels` go on every object. Empty without `redis`.
 */
export function redisObjects(e, labels) {
    const d = e.env.dataServices;
    const r = d?.services.redis;
    if (!d || !r)
        return [];
    const namespace = d.namespace;
    const meta = (name) => ({ name, namespace, labels: { ...labels } });
    const secret = `${r.name}-auth`;
    const config = `${r.name}-config`;
    // Pods are labelled `app: <name>` (model/data-services.ts); the Sentinels `app: <name>-sentinel`,
    // the StatefulSet of a RedisSentinel being `<name>-sentinel` (internal/k8sutils/redis-sentinel.go:61-62 @ v0.26.0).
    const podLabels = { app: r.name };
    const sentinelLabels = { app: `${r.name}-sentinel` };
    const ha = r.replicas > 1;
    const place = placement(e.cluster, r.nodePool, r.replicas, podLabels);
    const resources = { requests: { cpu: String(r.resources.requests.cpu), memory: String(r.resources.requests.memory) }, limits: { cpu: String(r.resources.limits.cpu), memory: String(r.resources.limits.memory) } };
    const pods = {
        kubernetesConfig: {
            image: `${IMAGES.redis}:${r.version}`,
            imagePullPolicy: 'IfNotPresent',
            resources,
            // With a secret the operator passes the password to Redis and to the exporter
            // (internal/k8sutils/redis-replication.go:177-180, statefulset.go:868 @ v0.26.0).
            redisSecret: { name: secret, key: 'password' },
        },
        // The exporter's own Service `<name>-metrics` (component `metrics`) exposes port 9121 only
        // (internal/k8sutils/redis-replication.go:67-72, services.go:180-185 @ v0.26.0).
        redisExporter: { enabled: true, image: IMAGES.exporter, resources: EXPORTER_RESOURCES, securityContext: CONTAINER_SECURITY },
        ...(place.scheduling ? { nodeSelector: place.scheduling.nodeSelector, tolerations: place.scheduling.tolerations } : {}),
        affinity: place.affinity,
        podSecurityContext: POD_SECURITY,
        securityContext: CONTAINER_SECURITY,
    };
    const data = {
        ...pods,
        // The ConfigMap is mounted at /etc/redis/external.conf.d and read as redis-additional.conf
        // (internal/k8sutils/statefulset.go:427-436, :892-893; internal/agent/bootstrap/redis/config.go:42 @ v0.26.0).
        redisConfig: { additionalRedisConfig: config },
        livenessProbe: { ...REDIS_LIVENESS_PROBE },
        storage: {
            // Deleting the custom resource must not delete the data.
            keepAfterDelete: true,
            volumeClaimTemplate: {
                spec: { storageClassName: r.storage.storageClass, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: r.storage.size } } },
            },
        },
    };
    const server = { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisReplication', metadata: meta(r.name), spec: { clusterSize: r.replicas, ...data } };
    // The Redis password from the environment's store, key `suoke/<env>/redis`, property `password`.
    const password = storeSecret({ secretStore: { kind: e.env.secretStore.kind, name: e.env.secretStore.name } }, meta(secret), [['password', `suoke/${e.env.name}/redis`, 'password']]);
    const out = [password, persistenceConfig(meta(config), r.persistence), server];
    if (ha) {
        const sentinelPlace = placement(e.cluster, r.nodePool, r.sentinels, sentinelLabels);
        const sentinel = {
            apiVersion: 'redis.redis.opstreelabs.in/v1beta2',
            kind: 'RedisSentinel',
            metadata: meta(r.name),
            spec: {
                clusterSize: r.sentinels,
                kubernetesConfig: { image: `${IMAGES.sentinel}:${r.version}`, imagePullPolicy: 'IfNotPresent', resources: SENTINEL_RESOURCES },
                redisSentinelConfig: {
                    redisReplicationName: r.name,
                    quorum: String(Math.floor(r.sentinels / 2) + 1),
                    redisReplicationPassword: { secretKeyRef: { name: secret, key: 'password' } },
                },
                ...(sentinelPlace.scheduling ? { nodeSelector: sentinelPlace.scheduling.nodeSelector, tolerations: sentinelPlace.scheduling.tolerations } : {}),
                affinity: sentinelPlace.affinity,
                podSecurityContext: POD_SECURITY,
                securityContext: CONTAINER_SECURITY,
            },
        };
        out.push(sentinel, disruptionBudget(r.name, namespace, labels, podLabels), disruptionBudget(`${r.name}-sentinel`, namespace, labels, sentinelLabels));
    }
    out.push(dataServiceMonitor(e.cluster, meta(r.name), { ...podLabels, 'app.kubernetes.io/component': 'metrics' }, 'redis-exporter'));
    return out;
}
function persistenceConfig(metadata, mode) {
    return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { 'redis-additional.conf': `${PERSISTENCE[mode].join('\n')}\n` } };
}
