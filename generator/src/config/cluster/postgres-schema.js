import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Quantity, Struct } from '../shared/declare.js';
import { Resources } from '../shared/resources-schema.js';
const Storage = (size) => Struct({
    size: Quantity('Volume size per instance, a Kubernetes quantity.', size),
    storageClass: Type.String({ default: 'fast-ssd', description: 'StorageClass of the volumes. Default `fast-ssd` (the plan\'s).' }),
}, { examples: [{ size, storageClass: 'fast-ssd' }] });
const Pooler = Struct({
    instances: Type.Integer({ minimum: 1, default: 2, description: 'PgBouncer pods. Default 2 (one may restart while the other serves).' }),
    poolMode: Enum(['session', 'transaction'], {
        default: 'transaction',
        description: 'PgBouncer `pool_mode`. Default `transaction`: a server connection is held only for a transaction, so many client connections share few server ones.',
    }),
    defaultPoolSize: Type.Integer({
        minimum: 1,
        default: 10,
        description: 'PgBouncer `default_pool_size`: server connections per database and user, per PgBouncer pod. Default 10.',
    }),
    maxClientConnections: Type.Integer({
        minimum: 1,
        default: 1000,
        description: 'PgBouncer `max_client_conn`: client connections one PgBouncer pod accepts. Default 1000.',
    }),
    resources: Type.Optional(Resources),
}, { examples: [{ instances: 2, poolMode: 'transaction', defaultPoolSize: 10 }] });
const Backup = Struct({
    destinationPath: Type.String({ description: 'Object-store URL the base backups and WAL go to, in another region than the cluster.', examples: ['s3://suoke-pg-backup-prod/'] }),
    endpointURL: Type.Optional(Type.String({ description: 'S3-compatible endpoint, e.g. `https://oss-cn-shanghai.aliyuncs.com`.' })),
    region: Type.String({ description: 'Region of the object store; must differ from the cluster\'s `platform.region` (off-site).', examples: ['cn-shanghai'] }),
    credentials: Type.String({
        description: 'Secret-store key holding `access-key-id` and `secret-access-key` for the object store, read by an ExternalSecret. `{env}` stands for the environment.',
        examples: ['suoke/{env}/postgres-backup'],
    }),
    retention: Type.String({ pattern: '^[1-9][0-9]*[dwm]$', default: '30d', description: 'How long base backups and WAL are kept (barman `XXd|w|m`). Default `30d`.' }),
    schedule: Type.String({
        default: '0 0 18 * * *',
        description: 'Base-backup schedule: six-field cron with seconds, in UTC (the operator\'s). Default `0 0 18 * * *` (02:00 Asia/Shanghai).',
    }),
    archiveTimeout: Type.String({
        pattern: '^[1-9][0-9]*(s|min)$',
        default: '5min',
        description: 'PostgreSQL `archive_timeout`: the longest a WAL segment waits before it is archived, so the RPO of a quiet database. Default `5min`.',
    }),
    restoreThroughput: Type.Optional(Quantity('Measured or assumed restore throughput per second from the object store (download + write), for the RTO arithmetic. Default 50Mi.', '50Mi')),
    walPerDay: Type.Optional(Quantity('WAL volume a day at peak, replayed on top of the last base backup in the worst case; for the RTO arithmetic. Default 10Gi.', '10Gi')),
    recoveryOverhead: Type.String({
        pattern: '^([1-9][0-9]*h)?([1-9][0-9]*m)?$',
        default: '30m',
        description: 'Time beyond the data transfer a recovery takes by the runbook (decide, provision, verify, switch the services): Go duration in hours and minutes. Default `30m`.',
    }),
}, {
    description: 'Continuous WAL archiving and daily base backups through the Barman Cloud plugin (docs/data-layer.md#backups).',
    examples: [{ destinationPath: 's3://suoke-pg-backup-prod/', region: 'cn-shanghai', credentials: 'suoke/{env}/postgres-backup' }],
});
const RestoreDrill = Struct({
    from: Type.String({ description: 'Environment whose backups are restored (its `postgres.cluster.backup`).', examples: ['prod'] }),
    schedule: Type.String({ default: '0 3 * * 0', description: 'CronJob schedule (five fields) in `timeZone`. Default `0 3 * * 0`, Sundays 03:00.' }),
    timeZone: Type.String({ default: 'Asia/Shanghai', description: 'IANA time zone of `schedule`. Default `Asia/Shanghai`.' }),
    credentials: Type.String({
        description: 'Secret-store key of read-only credentials (`access-key-id`, `secret-access-key`) for the source\'s object store; `{env}` is this environment.',
        examples: ['suoke/{env}/postgres-prod-backup-readonly'],
    }),
    image: Type.String({
        description: 'Image with `kubectl` and `sh` the drill Job runs, pinned by tag.',
        examples: ['registry.suoke-life.com/platform/kubectl:1.32.3'],
    }),
    staleAfter: Type.String({
        pattern: '^[1-9][0-9]*h$',
        default: '192h',
        description: 'The alert fires when no drill succeeded for this long: whole hours. Default `192h` (8 days: a weekly drill missed once).',
    }),
}, {
    description: 'A scheduled restore of another environment\'s backups into a throw-away Cluster here, checked and deleted, with alerts when it fails or goes stale (docs/data-layer.md#restore-drill).',
    examples: [{ from: 'prod', credentials: 'suoke/{env}/postgres-prod-backup-readonly', image: 'registry.suoke-life.com/platform/kubectl:1.32.3' }],
});
export const PostgresCluster = Struct({
    instances: Type.Integer({ minimum: 1, default: 1, description: 'PostgreSQL instances (one primary, the rest replicas). Default 1.' }),
    imageName: Type.String({
        // The operator's own default at the pinned version (cloudnative-pg pkg/versions/versions.go:29 @ v1.30.0),
        // written into the Cluster so that an operator upgrade never changes the PostgreSQL major version unseen.
        default: 'ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie',
        description: 'PostgreSQL image, pinned by tag (never `latest`). Default `ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie`, CloudNativePG v1.30.0\'s.',
    }),
    primaryUpdateStrategy: Enum(['unsupervised', 'supervised'], { default: 'unsupervised', description: 'Who switches the primary over during an update. Default `unsupervised`.' }),
    storage: Storage('100Gi'),
    resources: Resources,
    parameters: MapOf(Type.String(), {
        default: {},
        description: 'PostgreSQL settings (`max_connections`, `shared_buffers`, …), as strings. `max_connections` defaults to 100 (PostgreSQL\'s).',
        examples: [{ max_connections: '200', shared_buffers: '256MB', effective_cache_size: '1GB' }],
    }),
    reservedConnections: Type.Integer({
        minimum: 0,
        default: 10,
        description: 'Server connections kept out of the pooler budget for what connects directly: migrations, the operator, monitoring, on-call `psql`. Default 10 (besides PostgreSQL\'s own `superuser_reserved_connections`).',
    }),
    pooler: Pooler,
    backup: Type.Optional(Backup),
    restoreDrill: Type.Optional(RestoreDrill),
}, {
    description: 'The CloudNativePG Cluster of the environment, its pooler and backups (docs/data-layer.md).',
    examples: [{ instances: 3, storage: { size: '100Gi' }, resources: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '4', memory: '8Gi' } }, pooler: {} }],
});
