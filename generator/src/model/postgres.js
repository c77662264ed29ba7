/** CloudNativePG's PgBouncer listens on 5432 (cloudnative-pg pkg/management/pgbouncer/config/config.go:79 @ v1.30.0). */
const PGBOUNCER_PORT = 5432;
/** The environment's PostgreSQL, when it renders the Cluster (`dataServices.postgres.cluster`). */
export function postgresPlan(e) {
    const d = e.env.dataServices;
    const pg = d?.services.postgres;
    if (!d || !pg || !d.postgres)
        return undefined;
    const pooler = `${pg.name}-pooler-rw`;
    const databases = e.instances
        .filter((i) => i.service.dependsOn.data.includes('postgres'))
        .map((i) => database(i, pg.name))
        .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
    return { name: pg.name, namespace: d.namespace, cluster: d.postgres, pooler, host: `${pooler}.${d.namespace}.svc`, port: PGBOUNCER_PORT, databases, operatorNamespace: pg.operatorNamespace };
}
function database(i, cluster) {
    const name = i.service.database?.name ?? databaseName(i.service.name);
    const max = i.autoscaling ? i.autoscaling.maxReplicas : i.replicas;
    return {
        service: i.service.name,
        database: name,
        objectName: `${cluster}-${i.service.name}`,
        credentialsKey: `suoke/${i.env.name}/postgres/${i.service.name}`,
        poolSize: i.service.database?.poolSize ?? 5,
        // During a canary the stable ReplicaSet keeps its pods while the canary's scale up to the same
        // count at 100 % (Argo Rollouts scales the canary to the weight's share of spec.replicas).
        maxPods: i.workload === 'Rollout' ? 2 * max : max,
    };
}
/** `health-data` → `health_data`: a PostgreSQL identifier that needs no quoting. */
function databaseName(service) {
    return service.replaceAll('-', '_');
}
/** Server connections the pooler may open: per PgBouncer pod, `default_pool_size` for each database and user pair. */
export function poolerServerConnections(p) {
    return p.cluster.pooler.instances * p.cluster.pooler.defaultPoolSize * p.databases.length;
}
/** PostgreSQL's `superuser_reserved_connections` default (postgresql.org docs, runtime-config-connection). */
export const SUPERUSER_RESERVED = 3;
/** Client connections the services may open at their maxima. */
export function clientConnections(p) {
    return p.databases.reduce((n, d) => n + d.poolSize * d.maxPods, 0);
}
/**
 * Where a service's `DATABASE_URL` comes from: the rendered pooler, database and role (`rendered`), or,
 * where postgres runs outside the repository, the secret store (`suoke/<env>/<service>`, `database-url`).
 * `undefined` for a service that does not depend on postgres.
 */
export function serviceDatabase(i) {
    if (!i.service.dependsOn.data.includes('postgres'))
        return undefined;
    const d = i.env.dataServices;
    const pg = d?.services.postgres;
    if (!d || !pg || !d.postgres)
        return { kind: 'external', key: `suoke/${i.env.name}/${i.service.name}` };
    const db = database(i, pg.name);
    // `<cluster>-rw`: the Service CloudNativePG points at the primary (docs/src/service_management.md @ v1.30.0).
    return { kind: 'rendered', host: `${pg.name}-pooler-rw.${d.namespace}.svc`, rwHost: `${pg.name}-rw.${d.namespace}.svc`, port: PGBOUNCER_PORT, database: db.database, credentialsKey: db.credentialsKey };
}
