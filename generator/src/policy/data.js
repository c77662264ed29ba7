import { formatMemory } from '../core/quantity.js';
import { formatDuration } from '../time/duration.js';
import { clientConnections, poolerServerConnections, postgresPlan, SUPERUSER_RESERVED } from '../model/postgres.js';
/** The plan's recovery objectives (备份策略: RTO目标 < 4小时, RPO目标 < 1小时). */
const OBJECTIVES = { rpoMs: 3_600_000, rtoMs: 4 * 3_600_000 };
/** RPO and RTO of an environment's backups, from what is configured (docs/data-layer.md#backups). */
export function recoveryFigures(p) {
    const b = p.cluster.backup;
    if (!b)
        return undefined;
    const transferBytes = p.cluster.storage.bytes + b.walPerDay;
    const transferMs = b.restoreThroughput > 0 ? Math.ceil((transferBytes / b.restoreThroughput) * 1000) : Infinity;
    return { rpoMs: archiveTimeoutMs(b.archiveTimeout), rtoMs: transferMs + b.recoveryOverhead, transferBytes, throughput: b.restoreThroughput, overheadMs: b.recoveryOverhead };
}
/** `5min` → 300000, `30s` → 30000: PostgreSQL's units as the schema admits them. */
function archiveTimeoutMs(t) {
    const m = /^(\d+)(s|min)$/.exec(t);
    return m ? Number(m[1]) * (m[2] === 'min' ? 60_000 : 1000) : Infinity;
}
/** Every data-layer finding of the model's environments. */
export function checkDataLayer(environments) {
    return environments.flatMap((e) => {
        const p = postgresPlan(e);
        return p ? [...connections(e, p), ...backups(e, p)] : [];
    });
}
function at(e, p) {
    const d = `environments.${e.env.name}.dataServices.postgres.cluster`;
    return { file: e.cluster.file, ...(p.cluster.line !== undefined ? { line: p.cluster.line } : {}), object: `postgresql.cnpg.io/v1/Cluster ${p.namespace}/${p.name}`, path: d };
}
/**
 * PgBouncer opens at most `default_pool_size` server connections per database and user, per pod; the
 * server must have them besides its reserved ones. The services open at most `poolSize` each per pod,
 * at their autoscaling maxima; the PgBouncer pods must accept them.
 */
function connections(e, p) {
    const c = p.cluster;
    const server = poolerServerConnections(p);
    const room = c.maxConnections - SUPERUSER_RESERVED - c.reservedConnections;
    const clients = clientConnections(p);
    const accepts = c.pooler.instances * c.pooler.maxClientConnections;
    const out = [];
    if (server > room) {
        out.push({
            check: 'policy/data-connections',
            severity: 'error',
            ...at(e, p),
            message: `the pooler may open ${server} server connections (${c.pooler.instances} PgBouncer pods × default_pool_size ${c.pooler.defaultPoolSize} × ${p.databases.length} databases), but max_connections ${c.maxConnections} leaves ${room} (${SUPERUSER_RESERVED} superuser_reserved_connections, ${c.reservedConnections} reservedConnections): under load PostgreSQL refuses connections with "too many clients"`,
            hint: `lower \`pooler.defaultPoolSize\` to at most ${Math.max(1, Math.floor(room / Math.max(1, c.pooler.instances * p.databases.length)))}, or raise \`parameters.max_connections\` (docs/data-layer.md#connections)`,
        });
    }
    if (clients > accepts) {
        const top = [...p.databases].sort((a, b) => b.poolSize * b.maxPods - a.poolSize * a.maxPods).slice(0, 3);
        out.push({
            check: 'policy/data-connections',
            severity: 'error',
            ...at(e, p),
            message: `at their autoscaling maxima the services may open ${clients} client connections, but ${c.pooler.instances} PgBouncer pods accept ${accepts} (max_client_conn ${c.pooler.maxClientConnections}); the most: ${top.map((d) => `${d.service} ${d.maxPods} pods × ${d.poolSize}`).join(', ')}`,
            hint: 'raise `pooler.instances` or `pooler.maxClientConnections`, or lower `database.poolSize` of the services (docs/data-layer.md#connections)',
        });
    }
    out.push({
        check: 'policy/data-connections-headroom',
        severity: 'info',
        ...at(e, p),
        message: `${e.env.name}: server connections ${server} of ${room} available (max_connections ${c.maxConnections}); client connections at maxima ${clients} of ${accepts} the pooler accepts`,
    });
    return out;
}
function backups(e, p) {
    const f = recoveryFigures(p);
    const production = e.env.tier === 'production';
    if (!f) {
        return production
            ? [
                {
                    check: 'policy/data-backup',
                    severity: 'error',
                    ...at(e, p),
                    message: `the ${e.env.name} database has no backups: a lost volume or a bad migration loses its data for good (备份策略: daily full + continuous incremental, off-site)`,
                    hint: 'add `backup:` with an object store in another region (docs/data-layer.md#backups)',
                },
            ]
            : [];
    }
    const figures = `RPO ≤ ${formatDuration(f.rpoMs)} (archive_timeout ${p.cluster.backup.archiveTimeout}); RTO ≈ ${formatDuration(f.rtoMs)} (${formatMemory(f.transferBytes)} at ${formatMemory(f.throughput)}/s, plus ${formatDuration(f.overheadMs)})`;
    const out = [];
    if (production && (f.rpoMs >= OBJECTIVES.rpoMs || f.rtoMs >= OBJECTIVES.rtoMs)) {
        out.push({
            check: 'policy/data-recovery',
            severity: 'error',
            ...at(e, p),
            message: `${e.env.name} misses the plan's recovery objectives (RPO < 1h, RTO < 4h): ${figures}`,
            hint: 'lower `backup.archiveTimeout` for the RPO; for the RTO a faster restore path, a smaller volume or less WAL a day (more frequent base backups) (docs/data-layer.md#backups)',
        });
    }
    out.push({ check: 'policy/data-recovery-figures', severity: 'info', ...at(e, p), message: `${e.env.name}: ${figures}` });
    return out;
}
