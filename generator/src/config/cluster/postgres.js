/**
 * `environments.<env>.dataServices.postgres.cluster`: the CloudNativePG Cluster of an environment, its
 * pooler and backups. The checks (what the schema cannot say) and the builder; the declaration is
 * ./postgres-schema.ts, what is rendered render/data/postgres.ts.
 */
import { Cron } from 'croner';
import { parseMemory } from '../../core/quantity.js';
import { parseDuration } from '../../time/duration.js';
import { parseCron } from '../../time/cron.js';
import { checkZone } from '../../time/zone.js';
import { isRaw, q } from '../shared/checks.js';
import { checkResources, resources } from '../shared/resources.js';
/** PostgreSQL's default `max_connections` (postgresql.org docs, runtime-config-connection). */
const DEFAULT_MAX_CONNECTIONS = 100;
/**
 * Checks one `postgres.cluster` (reached at `at()`): sizes are quantities, the image is pinned, the
 * backup schedule is a cron the operator accepts, the backups leave the cluster's region, and
 * `max_connections` is a number.
 */
export function checkPostgresCluster(r, at, v, env, clusterRegion) {
    if (isRaw(v.storage) && v.storage.size !== undefined)
        memory(r, at('storage', 'size'), v.storage.size, '100Gi');
    checkResources(r, at('resources'), v.resources);
    if (isRaw(v.pooler))
        checkResources(r, at('pooler', 'resources'), v.pooler.resources);
    if (typeof v.imageName === 'string' && !/:[\w][\w.-]{0,127}$/.test(v.imageName.replace(/@sha256:[0-9a-f]{64}$/, ':digest'))) {
        r.report('image-tag', at('imageName'), `${q(at('imageName'))} is \`${v.imageName}\`, which has no tag`, 'pin a version, e.g. `ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie`');
    }
    else if (typeof v.imageName === 'string' && v.imageName.endsWith(':latest')) {
        r.report('image-tag', at('imageName'), `${q(at('imageName'))} is \`${v.imageName}\`: \`latest\` moves under the database`, 'pin a version, e.g. `ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie`');
    }
    if (isRaw(v.parameters) && v.parameters.max_connections !== undefined && !/^[1-9][0-9]*$/.test(String(v.parameters.max_connections))) {
        r.report('postgres-parameter', at('parameters', 'max_connections'), `${q(at('parameters', 'max_connections'))} must be a whole number; found \`${String(v.parameters.max_connections)}\``, 'e.g. `max_connections: "200"`');
    }
    if (isRaw(v.restoreDrill) && typeof v.restoreDrill.image === 'string' && (!/:[\w][\w.-]{0,127}$/.test(v.restoreDrill.image) || v.restoreDrill.image.endsWith(':latest'))) {
        r.report('image-tag', at('restoreDrill', 'image'), `${q(at('restoreDrill', 'image'))} is \`${v.restoreDrill.image}\`: pin a version, never \`latest\``, 'e.g. `registry.suoke-life.com/platform/kubectl:1.32.3`');
    }
    if (isRaw(v.restoreDrill)) {
        const d = v.restoreDrill;
        if (typeof d.schedule === 'string') {
            const c = parseCron(d.schedule);
            if ('error' in c)
                r.report('cron', at('restoreDrill', 'schedule'), `${q(at('restoreDrill', 'schedule'))} \`${d.schedule}\`: ${c.error}`, 'e.g. `0 3 * * 0` for Sundays 03:00 in `timeZone`');
        }
        if (typeof d.timeZone === 'string') {
            const z = checkZone(d.timeZone);
            if (!z.ok)
                r.report('time-zone', at('restoreDrill', 'timeZone'), `${q(at('restoreDrill', 'timeZone'))} \`${d.timeZone}\` is not an IANA time zone`, z.suggestion ? `did you mean \`${z.suggestion}\`?` : 'e.g. `Asia/Shanghai`');
        }
    }
    const b = v.backup;
    if (!isRaw(b))
        return;
    if (typeof b.schedule === 'string')
        checkSchedule(r, at('backup', 'schedule'), b.schedule);
    if (b.restoreThroughput !== undefined)
        memory(r, at('backup', 'restoreThroughput'), b.restoreThroughput, '50Mi');
    if (b.walPerDay !== undefined)
        memory(r, at('backup', 'walPerDay'), b.walPerDay, '10Gi');
    if (typeof b.region === 'string' && typeof clusterRegion === 'string' && b.region === clusterRegion) {
        r.report('backup-offsite', at('backup', 'region'), `${q(at('backup', 'region'))} is \`${b.region}\`, the cluster's own region: a regional outage would take the database and its backups together`, `store the backups of \`${env}\` in another region (备份策略: 异地备份), e.g. a bucket in \`cn-shanghai\` for a cluster in \`cn-hangzhou\``);
    }
}
/**
 * CloudNativePG parses `ScheduledBackup.spec.schedule` with robfig/cron v1 `cron.Parse`
 * (internal/webhook/v1/scheduledbackup_webhook.go:138 @ v1.30.0; go.mod: robfig/cron v1.2.0), whose
 * first field is seconds. A five-field crontab would be read shifted by one field, so six are required.
 */
function checkSchedule(r, path, s) {
    const fields = s.trim().split(/\s+/);
    let error;
    if (fields.length !== 6)
        error = `has ${fields.length} fields; CloudNativePG's cron has six, the first being seconds`;
    else {
        try {
            new Cron(s, { paused: true });
        }
        catch (e) {
            error = `is not a valid cron expression (${e.message})`;
        }
    }
    if (error)
        r.report('cron', path, `${q(path)} \`${s}\` ${error}`, 'e.g. `0 0 18 * * *` for 18:00 UTC (02:00 Asia/Shanghai) every day');
}
function memory(r, path, v, example) {
    const b = parseMemory(v);
    if (b === undefined || b <= 0)
        r.report('quantity', path, `${q(path)} is \`${String(v)}\`, not a positive byte quantity`, `e.g. \`${example}\``);
}
/** The checked `cluster`, defaults filled in; `{env}` in the credentials key replaced. */
export function buildPostgresCluster(v, env, line) {
    const parameters = Object.fromEntries(Object.entries(v.parameters).map(([k, x]) => [k, String(x)]));
    const b = v.backup;
    return {
        instances: v.instances,
        imageName: v.imageName,
        primaryUpdateStrategy: v.primaryUpdateStrategy,
        storage: { size: String(v.storage.size), storageClass: v.storage.storageClass, bytes: parseMemory(v.storage.size) ?? 0 },
        resources: resources(v.resources),
        parameters,
        maxConnections: Number(parameters.max_connections ?? DEFAULT_MAX_CONNECTIONS),
        reservedConnections: v.reservedConnections,
        pooler: {
            instances: v.pooler.instances,
            poolMode: v.pooler.poolMode,
            defaultPoolSize: v.pooler.defaultPoolSize,
            maxClientConnections: v.pooler.maxClientConnections,
            ...(v.pooler.resources ? { resources: resources(v.pooler.resources) } : {}),
        },
        ...(b
            ? {
                backup: {
                    destinationPath: b.destinationPath,
                    ...(b.endpointURL !== undefined ? { endpointURL: b.endpointURL } : {}),
                    region: b.region,
                    credentials: b.credentials.replaceAll('{env}', env),
                    retention: b.retention,
                    schedule: b.schedule,
                    archiveTimeout: b.archiveTimeout,
                    restoreThroughput: parseMemory(b.restoreThroughput ?? '50Mi') ?? 0,
                    walPerDay: parseMemory(b.walPerDay ?? '10Gi') ?? 0,
                    recoveryOverhead: durationMs(b.recoveryOverhead),
                },
            }
            : {}),
        ...(v.restoreDrill
            ? {
                restoreDrill: {
                    from: v.restoreDrill.from,
                    schedule: v.restoreDrill.schedule,
                    timeZone: v.restoreDrill.timeZone,
                    credentials: v.restoreDrill.credentials.replaceAll('{env}', env),
                    image: v.restoreDrill.image,
                    staleAfterHours: Number(v.restoreDrill.staleAfter.slice(0, -1)),
                },
            }
            : {}),
        ...(line !== undefined ? { line } : {}),
    };
}
function durationMs(text) {
    const d = parseDuration(text);
    return typeof d === 'number' ? d : 0;
}
