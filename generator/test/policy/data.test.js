/**
 * The data layer's policies (docs/data-layer.md): the connection budget, backups of production
 * databases, and the RPO/RTO arithmetic. Table-driven over the seed with one setting changed.
 */
import { describe, expect, test } from 'vitest';
import { checkDataLayer, recoveryFigures } from '../../src/policy/data.js';
import { postgresPlan } from '../../src/model/postgres.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';
const model = modelOf(REPO_ROOT);
const env = (name) => model.environments.find((e) => e.env.name === name);
/** The environment with its PostgreSQL settings changed. */
function withPostgres(name, change) {
    const e = env(name);
    const d = e.env.dataServices;
    return { ...e, env: { ...e.env, dataServices: { ...d, postgres: change(structuredClone(d.postgres)) } } };
}
const errors = (e) => checkDataLayer([e]).filter((f) => f.severity !== 'info').map((f) => `${f.check}: ${f.message} | ${f.hint}`);
describe('the seed', () => {
    test('holds every data policy, with these figures', () => {
        const found = checkDataLayer(model.environments);
        expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
        expect(found.map((f) => f.message)).toEqual([
            'dev: server connections 50 of 87 available (max_connections 100); client connections at maxima 100 of 200 the pooler accepts',
            'test: server connections 50 of 87 available (max_connections 100); client connections at maxima 100 of 200 the pooler accepts',
            'staging: server connections 160 of 187 available (max_connections 200); client connections at maxima 180 of 1000 the pooler accepts',
            'staging: RPO ≤ 5m (archive_timeout 5min); RTO ≈ 40m14s (30Gi at 50Mi/s, plus 30m)',
            'prod: server connections 160 of 187 available (max_connections 200); client connections at maxima 215 of 2000 the pooler accepts',
            'prod: RPO ≤ 5m (archive_timeout 5min); RTO ≈ 1h7m33s (110Gi at 50Mi/s, plus 30m)',
        ]);
    });
    test('the RTO arithmetic: (volume + a day of WAL) / throughput + overhead', () => {
        const f = recoveryFigures(postgresPlan(env('prod')));
        expect(f.transferBytes).toBe(110 * 2 ** 30);
        expect(f.throughput).toBe(50 * 2 ** 20);
        // 112,640 MiB / 50 MiB/s = 2,252.8 s, plus 30 min.
        expect(f.rtoMs).toBe(2_252_800 + 1_800_000);
        expect(f.rpoMs).toBe(300_000);
    });
});
const cases = [
    {
        name: 'server connections: the pooler may open more than max_connections leaves',
        env: 'prod',
        change: (c) => ({ ...c, pooler: { ...c.pooler, defaultPoolSize: 10 } }),
        expect: [
            'policy/data-connections: the pooler may open 200 server connections (2 PgBouncer pods × default_pool_size 10 × 10 databases), but max_connections 200 leaves 187 (3 superuser_reserved_connections, 10 reservedConnections): under load PostgreSQL refuses connections with "too many clients" | lower `pooler.defaultPoolSize` to at most 9, or raise `parameters.max_connections` (docs/data-layer.md#connections)',
        ],
    },
    {
        name: 'client connections: the services at their maxima open more than the pooler accepts',
        env: 'prod',
        change: (c) => ({ ...c, pooler: { ...c.pooler, maxClientConnections: 100 } }),
        expect: [
            'policy/data-connections: at their autoscaling maxima the services may open 215 client connections, but 2 PgBouncer pods accept 200 (max_client_conn 100); the most: xiaoke 10 pods × 5, xiaoai 8 pods × 5, laoke 4 pods × 5 | raise `pooler.instances` or `pooler.maxClientConnections`, or lower `database.poolSize` of the services (docs/data-layer.md#connections)',
        ],
    },
    {
        name: 'a production database without backups',
        env: 'prod',
        change: ({ backup: _b, ...c }) => c,
        expect: [
            'policy/data-backup: the prod database has no backups: a lost volume or a bad migration loses its data for good (备份策略: daily full + continuous incremental, off-site) | add `backup:` with an object store in another region (docs/data-layer.md#backups)',
        ],
    },
    {
        name: 'a production-tier staging database without backups',
        env: 'staging',
        change: ({ backup: _b, ...c }) => c,
        expect: [
            'policy/data-backup: the staging database has no backups: a lost volume or a bad migration loses its data for good (备份策略: daily full + continuous incremental, off-site) | add `backup:` with an object store in another region (docs/data-layer.md#backups)',
        ],
    },
    { name: 'no backups in a development-tier environment is no finding', env: 'dev', change: ({ backup: _b, ...c }) => c, expect: [] },
    {
        name: 'RPO: an archive timeout of an hour',
        env: 'prod',
        change: (c) => ({ ...c, backup: { ...c.backup, archiveTimeout: '60min' } }),
        expect: [
            "policy/data-recovery: prod misses the plan's recovery objectives (RPO < 1h, RTO < 4h): RPO ≤ 1h (archive_timeout 60min); RTO ≈ 1h7m33s (110Gi at 50Mi/s, plus 30m) | lower `backup.archiveTimeout` for the RPO; for the RTO a faster restore path, a smaller volume or less WAL a day (more frequent base backups) (docs/data-layer.md#backups)",
        ],
    },
    {
        name: 'RTO: restoring at 8 MiB/s takes longer than 4 hours',
        env: 'prod',
        change: (c) => ({ ...c, backup: { ...c.backup, restoreThroughput: 8 * 2 ** 20 } }),
        expect: [
            "policy/data-recovery: prod misses the plan's recovery objectives (RPO < 1h, RTO < 4h): RPO ≤ 5m (archive_timeout 5min); RTO ≈ 4h24m40s (110Gi at 8Mi/s, plus 30m) | lower `backup.archiveTimeout` for the RPO; for the RTO a faster restore path, a smaller volume or less WAL a day (more frequent base backups) (docs/data-layer.md#backups)",
        ],
    },
];
describe('bad settings and the findings they give', () => {
    test.each(cases)('$name', (c) => {
        expect(errors(withPostgres(c.env, c.change))).toEqual(c.expect);
    });
});
