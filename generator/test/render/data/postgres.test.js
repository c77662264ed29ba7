/**
 * The PostgreSQL of the data layer (issue 12, docs/data-layer.md): what the seed renders per
 * environment, how a service reaches it, how Argo CD delivers it, and that every object passes the
 * strict validator against the pinned CloudNativePG and Barman Cloud CRDs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../helpers/cli.js';
import { REPO_ROOT, renderOf } from '../../helpers/platform.js';
const seed = renderOf(REPO_ROOT);
const target = (p) => seed.targets.find((t) => t.path === p);
const byKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const spec = (o) => o?.spec ?? {};
const POSTGRES_SERVICES = ['communication', 'health-data', 'knowledge', 'laoke', 'soer', 'unified-support', 'user-management', 'utility', 'xiaoai', 'xiaoke'];
/** The PostgreSQL objects of a data directory (the Redis and RabbitMQ ones: redis-rabbitmq.test.ts). */
const postgresOf = (p) => target(p).objects.filter((o) => o.metadata.labels?.['suoke-life.com/data-service'] === 'postgres');
describe('prod PostgreSQL, as the plan says', () => {
    const objects = postgresOf('clusters/prod/prod/data');
    const cluster = byKind(objects, 'Cluster')[0];
    it('renders exactly these objects, all in the data namespace', () => {
        expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
            'Cluster/postgres',
            'Pooler/postgres-pooler-rw',
            'PodDisruptionBudget/postgres-pooler-rw',
            ...POSTGRES_SERVICES.flatMap((s) => [`Database/postgres-${s}`, `ExternalSecret/postgres-${s}-role`]),
            'ObjectStore/postgres-backup',
            'ExternalSecret/postgres-backup-credentials',
            'ScheduledBackup/postgres-daily',
            'PodMonitor/postgres',
            'PodMonitor/postgres-pooler-rw',
        ]);
        expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set(['suoke-prod-data']));
    });
    it('the Cluster: 3 instances, unsupervised, the plan parameters, 100Gi fast-ssd, one instance per node, WAL archived by the plugin', () => {
        expect(spec(cluster)).toMatchObject({
            instances: 3,
            primaryUpdateStrategy: 'unsupervised',
            enableSuperuserAccess: false,
            postgresql: { parameters: { archive_timeout: '5min', effective_cache_size: '1GB', max_connections: '200', shared_buffers: '256MB' } },
            storage: { size: '100Gi', storageClass: 'fast-ssd' },
            affinity: { enablePodAntiAffinity: true, podAntiAffinityType: 'required', topologyKey: 'kubernetes.io/hostname' },
            plugins: [{ name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true, parameters: { barmanObjectName: 'postgres-backup' } }],
        });
        expect(cluster.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' });
    });
    it('one database and owner role per service that depends on postgres, passwords from the secret store', () => {
        const roles = spec(cluster).managed.roles;
        expect(roles.map((r) => `${r.name}:${r.passwordSecret.name}`)).toEqual(POSTGRES_SERVICES.map((s) => `${s.replaceAll('-', '_')}:postgres-${s}-role`));
        expect(spec(objects.find((o) => o.metadata.name === 'postgres-health-data'))).toEqual({
            name: 'health_data',
            owner: 'health_data',
            cluster: { name: 'postgres' },
            ensure: 'present',
            databaseReclaimPolicy: 'retain',
        });
        expect(spec(objects.find((o) => o.metadata.name === 'postgres-health-data-role'))).toMatchObject({
            secretStoreRef: { kind: 'ClusterSecretStore', name: 'suoke-vault-prod' },
            target: { name: 'postgres-health-data-role', template: { type: 'kubernetes.io/basic-auth', metadata: { labels: { 'cnpg.io/reload': 'true' } } } },
            data: [
                { secretKey: 'username', remoteRef: { key: 'suoke/prod/postgres/health-data', property: 'username' } },
                { secretKey: 'password', remoteRef: { key: 'suoke/prod/postgres/health-data', property: 'password' } },
            ],
        });
    });
    it('backups: off-site object store kept 30 days, a daily base backup at 02:00 Asia/Shanghai through the plugin', () => {
        expect(spec(byKind(objects, 'ObjectStore')[0])).toMatchObject({
            retentionPolicy: '30d',
            configuration: { destinationPath: 's3://suoke-pg-backup-prod/', endpointURL: 'https://oss-cn-shanghai.aliyuncs.com' },
        });
        expect(spec(byKind(objects, 'ScheduledBackup')[0])).toEqual({
            schedule: '0 0 18 * * *',
            immediate: true,
            backupOwnerReference: 'self',
            cluster: { name: 'postgres' },
            method: 'plugin',
            pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' },
        });
    });
    it('the pooler: PgBouncer in transaction mode with the configured pool sizes', () => {
        expect(spec(byKind(objects, 'Pooler')[0])).toMatchObject({
            cluster: { name: 'postgres' },
            instances: 2,
            type: 'rw',
            pgbouncer: { poolMode: 'transaction', parameters: { default_pool_size: '8', max_client_conn: '1000' } },
        });
    });
});
describe('the other environments', () => {
    it.each([
        ['clusters/staging/staging/data', 2, true],
        ['clusters/dev/dev/data', 1, false],
        ['clusters/dev/test/data', 1, false],
    ])('%s: %i instances, backups %s', (p, instances, backups) => {
        const objects = postgresOf(p).filter((o) => !o.metadata.name.startsWith('postgres-restore-drill'));
        expect(spec(byKind(objects, 'Cluster')[0]).instances).toBe(instances);
        expect(byKind(objects, 'ScheduledBackup').length > 0).toBe(backups);
        // One PgBouncer pod needs no PodDisruptionBudget.
        expect(byKind(objects, 'PodDisruptionBudget').length).toBe(instances > 1 ? 1 : 0);
    });
});
describe('how a service reaches its database', () => {
    const xiaoai = target('clusters/prod/prod/xiaoai').objects;
    it('DATABASE_URL is composed from the rendered role, pooler, namespace, port and database', () => {
        const es = spec(byKind(xiaoai, 'ExternalSecret')[0]);
        expect(es.target.template).toEqual({
            engineVersion: 'v2',
            mergePolicy: 'Merge',
            data: { DATABASE_URL: 'postgresql://{{ .database_username | urlquery }}:{{ .database_password | urlquery }}@postgres-pooler-rw.suoke-prod-data.svc:5432/xiaoai' },
        });
        expect(es.data.filter((d) => d.secretKey.startsWith('database_'))).toEqual([
            { secretKey: 'database_username', remoteRef: { key: 'suoke/prod/postgres/xiaoai', property: 'username' } },
            { secretKey: 'database_password', remoteRef: { key: 'suoke/prod/postgres/xiaoai', property: 'password' } },
        ]);
    });
    it('the container reads DATABASE_URL from the service Secret', () => {
        const workload = xiaoai.find((o) => o.kind === 'Deployment' || o.kind === 'Rollout');
        const env = spec(workload).template.spec.containers[0].env;
        expect(env.find((e) => e.name === 'DATABASE_URL')).toEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'xiaoai-secrets', key: 'DATABASE_URL' } } });
    });
    it('a service without postgres gets no database entries', () => {
        const es = byKind(target('clusters/prod/prod/api-gateway').objects, 'ExternalSecret')[0];
        expect(JSON.stringify(es ?? {})).not.toContain('database_');
    });
});
describe('delivery by Argo CD', () => {
    it('prod-data syncs the data directory into the data namespace at wave -1, before the services (wave 0)', () => {
        const app = parse(seed.files.find((f) => f.path === 'argocd/environments/prod/data.yaml').content);
        expect(app.metadata.name).toBe('prod-data');
        expect(app.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
        expect(app.spec.source).toMatchObject({ path: 'clusters/prod/prod/data' });
        expect(app.spec.destination).toEqual({ server: 'https://api.prod.k8s.suoke-life.internal:6443', namespace: 'suoke-prod-data' });
        const services = parse(seed.files.find((f) => f.path === 'argocd/environments/prod/services.yaml').content);
        expect(services.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
    });
    it("the project lets prod's Applications apply the CloudNativePG kinds", () => {
        const project = parse(seed.files.find((f) => f.path === 'argocd/projects/suoke-prod.yaml').content);
        const kinds = project.spec.namespaceResourceWhitelist.map((k) => `${k.group}/${k.kind}`);
        expect(kinds).toEqual(expect.arrayContaining(['postgresql.cnpg.io/Cluster', 'postgresql.cnpg.io/Pooler', 'postgresql.cnpg.io/Database', 'postgresql.cnpg.io/ScheduledBackup', 'barmancloud.cnpg.io/ObjectStore']));
    });
});
describe('strict schemas from the pinned CRDs', () => {
    it('every data object of the seed is valid', async () => {
        const r = await runCli(['validate', '--schema-only', '--skip', 'Kustomization', path.join(REPO_ROOT, 'clusters/prod/prod/data'), path.join(REPO_ROOT, 'clusters/staging/staging/data')]);
        expect(r.stdout).toMatch(/Invalid: 0, Errors: 0, Skipped: 2/);
        expect(r.code).toBe(0);
    });
    it('an unknown field in the Cluster is rejected', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-'));
        const text = fs.readFileSync(path.join(REPO_ROOT, 'clusters/prod/prod/data/cluster-postgres.yaml'), 'utf8');
        fs.writeFileSync(path.join(dir, 'cluster.yaml'), text.replace('  instances: 3\n', '  instances: 3\n  instancez: 3\n'));
        const r = await runCli(['validate', '--schema-only', dir]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('instancez');
    });
});
describe('schema migrations: a PreSync hook before the new version', () => {
    const objects = target('clusters/prod/prod/health-data').objects;
    const named = (kind) => objects.find((o) => o.kind === kind && o.metadata.name === 'health-data-migrate');
    it('its credentials are a PreSync hook one wave before the Job, pointing at the read-write Service, not the pooler', () => {
        const es = named('ExternalSecret');
        expect(es.metadata.annotations).toEqual({
            'argocd.argoproj.io/hook': 'PreSync',
            'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
            'argocd.argoproj.io/sync-wave': '-1',
        });
        expect(spec(es).target.template).toEqual({
            engineVersion: 'v2',
            data: { DATABASE_URL: 'postgresql://{{ .username | urlquery }}:{{ .password | urlquery }}@postgres-rw.suoke-prod-data.svc:5432/health_data' },
        });
    });
    it("the Job runs the configured command with the image of the version deployed, without a sidecar or the service's selector label", () => {
        const job = named('Job');
        expect(job.metadata.annotations).toEqual({
            'argocd.argoproj.io/hook': 'PreSync',
            'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
            'argocd.argoproj.io/sync-wave': '0',
        });
        const template = spec(job).template;
        const workload = objects.find((o) => o.kind === 'Deployment');
        const image = spec(workload).template.spec.containers[0].image;
        expect(template.spec.containers[0]).toMatchObject({ image, command: ['/app/migrate', 'up'] });
        expect(template.metadata.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
        expect(template.metadata.labels['app.kubernetes.io/name']).toBeUndefined();
        expect(template.metadata.labels['suoke-life.com/migration']).toBe('health-data');
    });
    it('its pod may reach the PostgreSQL pods, and the data namespace admits it', () => {
        expect(spec(named('NetworkPolicy'))).toEqual({
            podSelector: { matchLabels: { 'suoke-life.com/migration': 'health-data' } },
            policyTypes: ['Egress'],
            egress: [
                {
                    to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-prod-data' } }, podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } }],
                    ports: [{ protocol: 'TCP', port: 5432 }],
                },
            ],
        });
        const access = target('clusters/prod/prod/shared').objects.find((o) => o.metadata.name === 'postgres-access');
        const from = spec(access).ingress[0].from.map((p) => p.podSelector.matchLabels);
        expect(from).toEqual(expect.arrayContaining([{ 'suoke-life.com/migration': 'health-data' }, { 'suoke-life.com/migration': 'user-management' }]));
    });
    it('a service without migrations runs none', () => {
        expect(target('clusters/prod/prod/xiaoai').objects.filter((o) => o.kind === 'Job')).toEqual([]);
    });
});
describe('the staging restore drill', () => {
    const objects = target('clusters/staging/staging/data').objects;
    const drill = (kind) => objects.find((o) => o.kind === kind && o.metadata.name.startsWith('postgres-restore-drill'));
    const configMap = drill('ConfigMap');
    const cluster = parse(configMap.data['cluster.yaml']);
    it("restores prod's backups through a read-only object store of prod's bucket", () => {
        const store = objects.find((o) => o.kind === 'ObjectStore' && o.metadata.name === 'postgres-prod-backup');
        expect(spec(store)).toEqual({
            configuration: {
                destinationPath: 's3://suoke-pg-backup-prod/',
                endpointURL: 'https://oss-cn-shanghai.aliyuncs.com',
                s3Credentials: { accessKeyId: { name: 'postgres-prod-backup', key: 'ACCESS_KEY_ID' }, secretAccessKey: { name: 'postgres-prod-backup', key: 'ACCESS_SECRET_KEY' } },
                wal: { compression: 'gzip' },
                data: { compression: 'gzip' },
            },
        });
        expect(spec(cluster)).toMatchObject({
            instances: 1,
            storage: { size: '100Gi', storageClass: 'fast-ssd' },
            bootstrap: { recovery: { source: 'origin' } },
            externalClusters: [{ name: 'origin', plugin: { name: 'barman-cloud.cloudnative-pg.io', parameters: { barmanObjectName: 'postgres-prod-backup', serverName: 'postgres' } } }],
        });
    });
    it('the recovery Cluster the Job applies passes the pinned CRD', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drill-'));
        fs.writeFileSync(path.join(dir, 'cluster.yaml'), configMap.data['cluster.yaml']);
        const r = await runCli(['validate', '--schema-only', dir]);
        expect(r.stdout).toMatch(/Valid: 1, Invalid: 0, Errors: 0/);
        expect(r.code).toBe(0);
    });
    it('weekly, one at a time, failing past the plan RTO of 4 hours; the script checks every prod database', () => {
        expect(spec(drill('CronJob'))).toMatchObject({
            schedule: '0 3 * * 0',
            timeZone: 'Asia/Shanghai',
            concurrencyPolicy: 'Forbid',
            jobTemplate: { spec: { backoffLimit: 0, activeDeadlineSeconds: 14400 } },
        });
        const script = configMap.data['drill.sh'];
        expect(script).toContain('set -eu');
        expect(script).toContain('kubectl -n "$ns" wait cluster/"$name" --for=condition=Ready --timeout=4h');
        expect(script).toContain(`for db in ${POSTGRES_SERVICES.map((s) => s.replaceAll('-', '_')).join(' ')}; do`);
    });
    it('alerts P0 when the last drill failed, none succeeded for 8 days, or none ever did', () => {
        const rule = objects.find((o) => o.kind === 'PrometheusRule');
        const rules = spec(rule).groups[0].rules;
        expect(rules.map((r) => `${r.alert} for ${r.for} ${r.labels.priority}`)).toEqual([
            'PostgresRestoreDrillFailed for 15m P0',
            'PostgresRestoreDrillStale for 15m P0',
            'PostgresRestoreDrillNeverSucceeded for 192h P0',
        ]);
    });
    it('prod has no drill of its own', () => {
        expect(target('clusters/prod/prod/data').objects.some((o) => o.metadata.name.startsWith('postgres-restore-drill'))).toBe(false);
    });
});
