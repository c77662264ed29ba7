import { storeSecret } from './context.js';
const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
/** The plugin's name in `Cluster.spec.plugins` (plugin-barman-cloud docs/src/usage.md @ v0.14.0). */
export const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
/** Name of the ObjectStore, of its credentials Secret, and of the ScheduledBackup. */
const names = (p) => ({ store: `${p.name}-backup`, storeSecret: `${p.name}-backup-credentials`, schedule: `${p.name}-daily` });
/** Everything rendered for the environment's PostgreSQL, in a fixed order. */
export function postgresObjects(ctx, p) {
    const backup = p.cluster.backup;
    return [
        cluster(ctx, p),
        pooler(ctx, p),
        ...(p.cluster.pooler.instances > 1 ? [poolerBudget(ctx, p)] : []),
        ...p.databases.flatMap((d) => [databaseObject(ctx, p, d), roleSecret(ctx, d)]),
        ...(backup ? [objectStore(ctx, p), objectStoreSecret(ctx, p), scheduledBackup(ctx, p)] : []),
        instancesMonitor(ctx, p),
        poolerMonitor(ctx, p),
    ];
}
function meta(ctx, name, extra = {}) {
    return { name, namespace: ctx.namespace, labels: { ...ctx.labels, 'suoke-life.com/data-service': 'postgres', ...extra } };
}
function cluster(ctx, p) {
    const c = p.cluster;
    const backup = c.backup;
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        // The operator deletes the volumes with the Cluster: removing it from Git, or deleting the
        // Application, must never do that (argo-cd docs/user-guide/sync-options.md, "No Prune Resources"
        // and "No Resource Deletion"); a person deletes a database on purpose.
        metadata: { ...meta(ctx, p.name), annotations: { [SYNC_OPTIONS]: 'Prune=false,Delete=false' } },
        spec: {
            description: `Suoke Life ${ctx.env} database`,
            instances: c.instances,
            imageName: c.imageName,
            primaryUpdateStrategy: c.primaryUpdateStrategy,
            // The application roles are managed below; nobody logs in as postgres over the network.
            enableSuperuserAccess: false,
            postgresql: {
                // archive_timeout bounds the RPO of a quiet database (docs/data-layer.md#backups); CloudNativePG's
                // own default is also 5min (pkg/postgres/configuration.go:562 @ v1.30.0), written here so the
                // arithmetic reads what is rendered.
                parameters: sortedRecord({ ...c.parameters, ...(backup ? { archive_timeout: backup.archiveTimeout } : {}) }),
            },
            storage: { size: c.storage.size, storageClass: c.storage.storageClass },
            resources: c.resources,
            // One instance per node: a node lost takes one replica, never the primary and its standby together.
            affinity: {
                enablePodAntiAffinity: true,
                topologyKey: 'kubernetes.io/hostname',
                podAntiAffinityType: c.instances > 1 ? 'required' : 'preferred',
                ...ctx.scheduling,
            },
            managed: {
                roles: p.databases.map((d) => ({
                    name: d.database,
                    ensure: 'present',
                    login: true,
                    inherit: true,
                    comment: `Owner of the ${d.service} database`,
                    passwordSecret: { name: roleSecretName(d) },
                })),
            },
            ...(backup
                ? { plugins: [{ name: BARMAN_PLUGIN, isWALArchiver: true, parameters: { barmanObjectName: names(p).store } }] }
                : {}),
        },
    };
}
function pooler(ctx, p) {
    const pc = p.cluster.pooler;
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Pooler',
        metadata: meta(ctx, p.pooler),
        spec: {
            cluster: { name: p.name },
            instances: pc.instances,
            type: 'rw',
            pgbouncer: {
                poolMode: pc.poolMode,
                parameters: { default_pool_size: String(pc.defaultPoolSize), max_client_conn: String(pc.maxClientConnections) },
            },
            template: {
                metadata: { labels: { ...ctx.labels } },
                spec: {
                    containers: [{ name: 'pgbouncer', ...(pc.resources ? { resources: pc.resources } : {}) }],
                    ...ctx.scheduling,
                    affinity: {
                        podAntiAffinity: {
                            preferredDuringSchedulingIgnoredDuringExecution: [
                                { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { [POOLER_LABEL]: p.pooler } } } },
                            ],
                        },
                    },
                },
            },
        },
    };
}
/**
 * The operator makes PodDisruptionBudgets for the instances (`enablePDB`, default true) but none for a
 * Pooler; a drain must leave one PgBouncer pod serving.
 */
function poolerBudget(ctx, p) {
    return {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta(ctx, p.pooler),
        spec: { minAvailable: 1, selector: { matchLabels: { [POOLER_LABEL]: p.pooler } } },
    };
}
/** Label CloudNativePG puts on a Pooler's pods (pkg/specs/pgbouncer/deployments.go:57 @ v1.30.0). */
const POOLER_LABEL = 'cnpg.io/poolerName';
function databaseObject(ctx, p, d) {
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Database',
        metadata: meta(ctx, d.objectName, { 'suoke-life.com/service': d.service }),
        spec: {
            name: d.database,
            owner: d.database,
            cluster: { name: p.name },
            ensure: 'present',
            // Deleting the object (a service removed) must not drop the data: the database stays until a person drops it.
            databaseReclaimPolicy: 'retain',
        },
    };
}
function roleSecretName(d) {
    return `${d.objectName}-role`;
}
/**
 * The role's password, from the secret store, as the `kubernetes.io/basic-auth` Secret a managed
 * role's `passwordSecret` must be; labelled `cnpg.io/reload` so that a rotated password is applied.
 * The service's own ExternalSecret reads the same key to compose its `DATABASE_URL`.
 */
function roleSecret(ctx, d) {
    return storeSecret(ctx, meta(ctx, roleSecretName(d), { 'suoke-life.com/service': d.service }), [
        ['username', d.credentialsKey, 'username'],
        ['password', d.credentialsKey, 'password'],
    ], { type: 'kubernetes.io/basic-auth', metadata: { labels: { 'cnpg.io/reload': 'true' } } });
}
function objectStore(ctx, p) {
    const b = p.cluster.backup;
    const n = names(p);
    return {
        apiVersion: 'barmancloud.cnpg.io/v1',
        kind: 'ObjectStore',
        metadata: meta(ctx, n.store),
        spec: {
            retentionPolicy: b.retention,
            configuration: {
                destinationPath: b.destinationPath,
                ...(b.endpointURL !== undefined ? { endpointURL: b.endpointURL } : {}),
                s3Credentials: {
                    accessKeyId: { name: n.storeSecret, key: 'ACCESS_KEY_ID' },
                    secretAccessKey: { name: n.storeSecret, key: 'ACCESS_SECRET_KEY' },
                },
                wal: { compression: 'gzip', maxParallel: 2 },
                data: { compression: 'gzip', jobs: 2 },
            },
        },
    };
}
function objectStoreSecret(ctx, p) {
    const b = p.cluster.backup;
    return objectStoreCredentials(ctx, meta(ctx, names(p).storeSecret), b.credentials);
}
/** The object store's keys, as the ObjectStore's `s3Credentials` read them, from store key `key`. */
export function objectStoreCredentials(ctx, metadata, key) {
    return storeSecret(ctx, metadata, [
        ['ACCESS_KEY_ID', key, 'access-key-id'],
        ['ACCESS_SECRET_KEY', key, 'secret-access-key'],
    ]);
}
function scheduledBackup(ctx, p) {
    const b = p.cluster.backup;
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'ScheduledBackup',
        metadata: meta(ctx, names(p).schedule),
        spec: {
            schedule: b.schedule,
            // A first base backup as soon as the Cluster exists: WAL alone cannot be restored without one.
            immediate: true,
            backupOwnerReference: 'self',
            cluster: { name: p.name },
            method: 'plugin',
            pluginConfiguration: { name: BARMAN_PLUGIN },
        },
    };
}
/**
 * Prometheus scrapes the instances' exporter (port `metrics`, 9187) and PgBouncer's (port `metrics`,
 * 9127); the operator's own PodMonitor switch (`monitoring.enablePodMonitor`) is deprecated in v1.30.0
 * (api/v1/cluster_types.go:2435), so they are rendered here, labelled for the cluster's Prometheus.
 */
function instancesMonitor(ctx, p) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { ...meta(ctx, p.name), labels: { ...meta(ctx, p.name).labels, ...ctx.monitorLabels } },
        spec: {
            selector: { matchLabels: { 'cnpg.io/cluster': p.name, 'cnpg.io/podRole': 'instance' } },
            podMetricsEndpoints: [{ port: 'metrics' }],
        },
    };
}
function poolerMonitor(ctx, p) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: { ...meta(ctx, p.pooler), labels: { ...meta(ctx, p.pooler).labels, ...ctx.monitorLabels } },
        spec: {
            selector: { matchLabels: { [POOLER_LABEL]: p.pooler } },
            podMetricsEndpoints: [{ port: 'metrics' }],
        },
    };
}
function sortedRecord(r) {
    return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
