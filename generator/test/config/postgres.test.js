/**
 * `dataServices.postgres.cluster` and a service's `database` (docs/data-layer.md): bad settings give
 * exactly these findings, with file, line, path, message and hint, and nothing is loaded.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const P = 'clusters/prod/cluster.yaml';
const B = 'apps/beta/service.yaml';
const PC = 'environments.prod.dataServices.postgres.cluster';
const A = 'apps/alpha/service.yaml';
const SIZES = 'resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}, storage: {size: 10Gi}, pooler: {}';
const BACKUP = 'destinationPath: "s3://b/", region: cn-shanghai, credentials: "suoke/{env}/pg"';
/** The prod fixture rendering its PostgreSQL with `extra` settings, and beta without its own DATABASE_URL. */
const pg = (extra) => [
    [P, 'postgres: {name: postgres}', `postgres: {name: postgres, cluster: {${SIZES}${extra}}}`],
    [B, 'secrets:\n  - env: DATABASE_URL\n    key: "suoke/{env}/beta"\n    property: url\n', ''],
];
const cases = [
    { name: 'a valid cluster with backups loads', edits: pg(`, backup: {${BACKUP}}`), expect: [] },
    {
        name: 'a service declaring DATABASE_URL where the environment renders PostgreSQL',
        edits: [[P, 'postgres: {name: postgres}', `postgres: {name: postgres, cluster: {${SIZES}}}`]],
        expect: [
            {
                check: 'config/database-url', file: B, line: 24, path: 'secrets[0]',
                message: '`DATABASE_URL` is composed by the generator in prod, where the environment renders its PostgreSQL: from the role, pooler and database that are rendered',
                hint: 'remove this entry; where postgres runs outside the repository the URL is read from `suoke/<env>/<service>` property `database-url` (docs/data-layer.md#how-a-service-reaches-its-database)',
            },
        ],
    },
    {
        name: 'a five-field backup schedule',
        edits: pg(`, backup: {${BACKUP}, schedule: "0 2 * * *"}`),
        expect: [
            {
                check: 'config/cron', file: P, line: 19, path: `${PC}.backup.schedule`,
                message: `\`${PC}.backup.schedule\` \`0 2 * * *\` has 5 fields; CloudNativePG's cron has six, the first being seconds`,
                hint: 'e.g. `0 0 18 * * *` for 18:00 UTC (02:00 Asia/Shanghai) every day',
            },
        ],
    },
    {
        name: 'backups in the cluster region',
        edits: [...pg(`, backup: {${BACKUP}}`), [P, 'monitoringNamespace: monitoring\n', 'monitoringNamespace: monitoring\nplatform: {region: cn-shanghai, storageClass: {provisioner: diskplugin.csi.alibabacloud.com}, backup: {provider: aws, bucket: v, region: cn-hangzhou, credentials: {secretStore: {kind: ClusterSecretStore, name: vault-prod}, key: k}, ttl: 720h}}\n']],
        expect: [
            {
                check: 'config/backup-offsite', file: P, line: 20, path: `${PC}.backup.region`,
                message: `\`${PC}.backup.region\` is \`cn-shanghai\`, the cluster's own region: a regional outage would take the database and its backups together`,
                hint: 'store the backups of `prod` in another region (备份策略: 异地备份), e.g. a bucket in `cn-shanghai` for a cluster in `cn-hangzhou`',
            },
        ],
    },
    {
        name: 'an image without a pinned tag',
        edits: pg(', imageName: "ghcr.io/cloudnative-pg/postgresql:latest"'),
        expect: [
            {
                check: 'config/image-tag', file: P, line: 19, path: `${PC}.imageName`,
                message: `\`${PC}.imageName\` is \`ghcr.io/cloudnative-pg/postgresql:latest\`: \`latest\` moves under the database`,
                hint: 'pin a version, e.g. `ghcr.io/cloudnative-pg/postgresql:18.4-system-trixie`',
            },
        ],
    },
    {
        name: 'max_connections that is not a number',
        edits: pg(', parameters: {max_connections: lots}'),
        expect: [
            {
                check: 'config/postgres-parameter', file: P, line: 19, path: `${PC}.parameters.max_connections`,
                message: `\`${PC}.parameters.max_connections\` must be a whole number; found \`lots\``,
                hint: 'e.g. `max_connections: "200"`',
            },
        ],
    },
    {
        name: 'a retention barman does not read',
        edits: pg(`, backup: {${BACKUP}, retention: 30days}`),
        expect: [
            { check: 'config/pattern', file: P, line: 19, path: `${PC}.backup.retention`, message: `\`${PC}.backup.retention\` is \`30days\`, not of the form ^[1-9][0-9]*[dwm]$`, hint: 'e.g. `retention: 30d`' },
        ],
    },
    {
        name: '`database` without the postgres dependency',
        edits: [[A, 'replicas: 2\n', 'replicas: 2\ndatabase: {poolSize: 5}\n']],
        expect: [
            { check: 'config/database', file: A, line: 9, path: 'database', message: '`database` is set, but `dependsOn.data` does not list `postgres`', hint: 'add `postgres` to `dependsOn.data`, or remove `database`' },
        ],
    },
];
describe('PostgreSQL configuration', () => {
    test.each(cases)('$name', (c) => {
        const r = readConfig(fixtureFs(c.edits), loadOptions);
        expect(withoutSeverity(r.findings)).toEqual(c.expect);
        if (c.expect.length > 0)
            expect(r.config).toBeUndefined();
    });
});
