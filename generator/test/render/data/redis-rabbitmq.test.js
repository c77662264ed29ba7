/**
 * The data layer's Redis and RabbitMQ objects (render/data/redis.ts, rabbitmq.ts): every object of the
 * fixture and the seed environments passes the strict validator against the pinned CRDs; the HA and
 * standalone shapes; pool scheduling; the dead-letter wiring of the declared queues.
 */
import { describe, expect, it } from 'vitest';
import { perfTestObjects } from '../../../src/render/data/perf-tests.js';
import { rabbitmqObjects } from '../../../src/render/data/rabbitmq.js';
import { redisObjects } from '../../../src/render/data/redis.js';
import { poolScheduling } from '../../../src/model/scheduling.js';
import { createSchemaValidator } from '../../../src/validate/schema/index.js';
import { FIXTURE_PLATFORM, REPO_ROOT, modelOf } from '../../helpers/platform.js';
const LABELS = { 'app.kubernetes.io/managed-by': 'suoke-gitops' };
const validator = createSchemaValidator();
/** `check path: message` of the strict validator's findings, the skipped CEL rules (info) left out. */
const errors = (o) => validator.validate(o, { file: 'data.yaml', line: 1 }).findings.filter((f) => f.check !== 'schema/cel-skipped').map((f) => `${f.check} ${f.path ?? ''}: ${f.message}`);
const fixture = modelOf(FIXTURE_PLATFORM);
const seed = modelOf(REPO_ROOT);
const envOf = (m, name) => m.environments.find((e) => e.env.name === name);
const allObjects = (m) => m.environments.flatMap((e) => [...redisObjects(e, LABELS), ...rabbitmqObjects(e, LABELS, m.services)]);
const kinds = (objects) => objects.map((o) => `${o.kind}/${o.metadata.name}`);
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
describe('every rendered object passes the pinned CRDs and Kubernetes schemas, strictly', () => {
    it.each([
        ['the fixture platform', fixture],
        ['the repository seed', seed],
    ])('%s', (_name, m) => {
        const objects = allObjects(m);
        expect(objects.length).toBeGreaterThan(10);
        expect(objects.flatMap((o) => errors(o).map((e) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}: ${e}`))).toEqual([]);
    });
    it('an unknown field is rejected (the validator is strict about our kinds)', () => {
        const r = structuredClone(find(redisObjects(envOf(seed, 'prod'), LABELS), 'RedisReplication', 'redis'));
        r.spec.kubernetesConfig.imagePullPolicyy = 'Always';
        expect(errors(r)).toEqual(['schema/unknown-field spec.kubernetesConfig.imagePullPolicyy: unknown field "imagePullPolicyy", did you mean "imagePullPolicy"?']);
        const q = structuredClone(find(rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services), 'RabbitmqCluster', 'rabbitmq'));
        q.spec.replica = 3;
        expect(errors(q)).toEqual(['schema/unknown-field spec.replica: unknown field "replica", did you mean "replicas"?']);
        const policy = structuredClone(find(rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services), 'Policy', 'laoke-knowledge-updates'));
        policy.spec.applyto = 'queues';
        expect(errors(policy)).toEqual(['schema/unknown-field spec.applyto: unknown field "applyto", did you mean "applyTo"?']);
        const sentinel = structuredClone(find(redisObjects(envOf(seed, 'prod'), LABELS), 'RedisSentinel', 'redis'));
        sentinel.spec.redisSentinelConfig.quorum = 2;
        expect(errors(sentinel)).toEqual(['schema/type spec.redisSentinelConfig.quorum: expected string, got number 2']);
    });
});
describe('Redis', () => {
    it('one replica: a RedisReplication of one pod (it reports a master, a standalone Redis reports nothing), no Sentinel, no PodDisruptionBudget', () => {
        const objects = redisObjects(envOf(fixture, 'prod'), LABELS);
        expect(kinds(objects)).toEqual(['ExternalSecret/redis-auth', 'ConfigMap/redis-config', 'RedisReplication/redis', 'ServiceMonitor/redis']);
        const redis = find(objects, 'RedisReplication', 'redis');
        expect(redis.spec.clusterSize).toBe(1);
        expect(redis.metadata.namespace).toBe('fixture-prod-data');
        // Without a pool the node count is unknown: the anti-affinity is only preferred, nothing is selected.
        expect(redis.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector).toEqual({ matchLabels: { app: 'redis' } });
        expect(redis.spec.nodeSelector).toBeUndefined();
        expect(find(objects, 'ConfigMap', 'redis-config').data).toEqual({ 'redis-additional.conf': 'appendonly yes\nappendfsync everysec\nsave 900 1 300 10 60 10000\n' });
    });
    it.each(['dev', 'test', 'staging', 'prod'])('seed %s: Redis is a RedisReplication, the kind whose health Argo CD reads (never the status-less standalone Redis)', (env) => {
        const objects = redisObjects(envOf(seed, env), LABELS);
        expect(objects.filter((o) => o.kind === 'Redis')).toEqual([]);
        expect(find(objects, 'RedisReplication', 'redis').spec.clusterSize).toBe(env === 'prod' ? 3 : 1);
    });
    it('HA (prod seed): a RedisReplication of 3 on the cache pool, 3 Sentinels, budgets, the password from the store', () => {
        const e = envOf(seed, 'prod');
        const objects = redisObjects(e, LABELS);
        expect(kinds(objects)).toEqual([
            'ExternalSecret/redis-auth',
            'ConfigMap/redis-config',
            'RedisReplication/redis',
            'RedisSentinel/redis',
            'PodDisruptionBudget/redis',
            'PodDisruptionBudget/redis-sentinel',
            'ServiceMonitor/redis',
        ]);
        expect(objects.every((o) => o.metadata.namespace === 'suoke-prod-data')).toBe(true);
        const rr = find(objects, 'RedisReplication', 'redis');
        expect(rr.spec.clusterSize).toBe(3);
        expect(rr.spec.kubernetesConfig.image).toBe('quay.io/opstree/redis:v7.0.15');
        expect(rr.spec.kubernetesConfig.redisSecret).toEqual({ name: 'redis-auth', key: 'password' });
        expect(rr.spec.nodeSelector).toEqual({ 'suoke-life.com/node-pool': 'cache' });
        expect(rr.spec.tolerations).toEqual([{ key: 'suoke-life.com/node-pool', operator: 'Equal', value: 'cache', effect: 'NoSchedule' }]);
        // 3 replicas on 3 cache nodes: one per node, required.
        expect(rr.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{ labelSelector: { matchLabels: { app: 'redis' } }, topologyKey: 'kubernetes.io/hostname' }]);
        expect(rr.spec.storage.volumeClaimTemplate.spec).toEqual({ storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } });
        expect(rr.spec.podSecurityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
        expect(rr.spec.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true });
        expect(rr.spec.redisExporter.securityContext).toEqual(rr.spec.securityContext);
        const sentinel = find(objects, 'RedisSentinel', 'redis');
        expect(sentinel.spec.clusterSize).toBe(3);
        expect(sentinel.spec.redisSentinelConfig).toEqual({ redisReplicationName: 'redis', quorum: '2', redisReplicationPassword: { secretKeyRef: { name: 'redis-auth', key: 'password' } } });
        expect(find(objects, 'PodDisruptionBudget', 'redis-sentinel').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: 'redis-sentinel' } } });
        expect(find(objects, 'ExternalSecret', 'redis-auth').spec).toEqual({
            refreshInterval: '1h',
            secretStoreRef: { kind: 'ClusterSecretStore', name: 'suoke-vault-prod' },
            target: { name: 'redis-auth', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
            data: [{ secretKey: 'password', remoteRef: { key: 'suoke/prod/redis', property: 'password' } }],
        });
        const sm = find(objects, 'ServiceMonitor', 'redis');
        expect(sm.metadata.labels).toEqual({ ...LABELS, release: 'kube-prometheus-stack', team: 'suoke-life' });
        expect(sm.spec.selector).toEqual({ matchLabels: { app: 'redis', 'app.kubernetes.io/component': 'metrics' } });
        expect(sm.spec.endpoints[0].port).toBe('redis-exporter');
    });
    it('more replicas than pool nodes: the anti-affinity is only preferred', () => {
        const e = envOf(seed, 'prod');
        const redis = { ...e.env.dataServices.services.redis, replicas: 5 };
        const more = { ...e, env: { ...e.env, dataServices: { ...e.env.dataServices, services: { ...e.env.dataServices.services, redis } } } };
        const rr = find(redisObjects(more, LABELS), 'RedisReplication', 'redis');
        expect(rr.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
        expect(rr.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight).toBe(100);
    });
    it('an environment without redis renders none', () => {
        const e = envOf(fixture, 'prod');
        expect(redisObjects({ ...e, env: { ...e.env, dataServices: undefined } }, LABELS)).toEqual([]);
    });
});
describe('poolScheduling', () => {
    it('selects the pool labels and tolerates each taint; a pool without taints needs no toleration', () => {
        const c = seed.clusters.find((x) => x.name === 'prod');
        expect(poolScheduling(c, 'database')).toEqual({
            nodeSelector: { 'suoke-life.com/node-pool': 'database' },
            tolerations: [{ key: 'suoke-life.com/node-pool', operator: 'Equal', value: 'database', effect: 'NoSchedule' }],
        });
        expect(poolScheduling(c, 'business')).toEqual({ nodeSelector: { 'suoke-life.com/node-pool': 'business' }, tolerations: [] });
        expect(() => poolScheduling(c, 'nowhere')).toThrow('node pool `nowhere` is not declared in clusters/prod/cluster.yaml');
    });
});
describe('RabbitMQ', () => {
    it('one node (fixture): the cluster and its ServiceMonitor, no PodDisruptionBudget, no topology without `messaging`', () => {
        const objects = rabbitmqObjects(envOf(fixture, 'prod'), LABELS, fixture.services);
        expect(kinds(objects)).toEqual(['RabbitmqCluster/rabbitmq', 'ServiceMonitor/rabbitmq']);
        const c = find(objects, 'RabbitmqCluster', 'rabbitmq');
        expect(c.spec).toEqual({
            replicas: 1,
            image: 'rabbitmq:4.2.6-management',
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
            persistence: { storageClassName: 'fast-ssd', storage: '20Gi' },
            affinity: {
                podAntiAffinity: {
                    preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'rabbitmq' } }, topologyKey: 'kubernetes.io/hostname' } }],
                },
            },
        });
        expect(find(objects, 'ServiceMonitor', 'rabbitmq').spec.endpoints[0].port).toBe('prometheus');
    });
    it('three nodes (prod seed): on the cache pool by node affinity, tolerating its taint, one per node, with a budget', () => {
        const objects = rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services);
        const c = find(objects, 'RabbitmqCluster', 'rabbitmq');
        expect(c.spec.replicas).toBe(3);
        expect(c.spec.affinity.nodeAffinity).toEqual({
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'suoke-life.com/node-pool', operator: 'In', values: ['cache'] }] }] },
        });
        expect(c.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{ labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'rabbitmq' } }, topologyKey: 'kubernetes.io/hostname' }]);
        expect(c.spec.tolerations).toEqual([{ key: 'suoke-life.com/node-pool', operator: 'Equal', value: 'cache', effect: 'NoSchedule' }]);
        expect(find(objects, 'PodDisruptionBudget', 'rabbitmq').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'rabbitmq' } } });
    });
    it('dead-letter wiring of a queue: its DLQ bound to the service DLX with the queue name as key, one policy with every key', () => {
        const objects = rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services);
        const blockchain = objects.filter((o) => /^(blockchain|health-events)/.test(o.metadata.name) && o.kind !== 'RabbitmqCluster');
        expect(kinds(blockchain)).toEqual([
            'Exchange/health-events',
            'Exchange/blockchain-dlx',
            'Queue/blockchain-health-records',
            'Binding/blockchain-health-records-1',
            'Queue/blockchain-health-records-dlq',
            'Binding/blockchain-health-records-dlq',
            'Policy/blockchain-health-records',
        ]);
        const ref = { rabbitmqClusterReference: { name: 'rabbitmq' } };
        expect(find(objects, 'Exchange', 'blockchain-dlx').spec).toEqual({ name: 'blockchain.dlx', vhost: '/', type: 'direct', durable: true, autoDelete: false, ...ref });
        expect(find(objects, 'Queue', 'blockchain-health-records').spec).toEqual({ name: 'blockchain.health-records', vhost: '/', type: 'quorum', durable: true, autoDelete: false, ...ref });
        expect(find(objects, 'Binding', 'blockchain-health-records-1').spec).toEqual({
            vhost: '/', source: 'suokelife.events', destination: 'blockchain.health-records', destinationType: 'queue', routingKey: 'health.record.*', ...ref,
        });
        expect(find(objects, 'Binding', 'blockchain-health-records-dlq').spec).toEqual({
            vhost: '/', source: 'blockchain.dlx', destination: 'blockchain.health-records.dlq', destinationType: 'queue', routingKey: 'blockchain.health-records', ...ref,
        });
        expect(find(objects, 'Policy', 'blockchain-health-records').spec).toEqual({
            name: 'blockchain.health-records',
            vhost: '/',
            pattern: '^blockchain\\.health-records$',
            applyTo: 'queues',
            priority: 0,
            definition: { 'dead-letter-exchange': 'blockchain.dlx', 'dead-letter-routing-key': 'blockchain.health-records', 'delivery-limit': 5 },
            ...ref,
        });
        expect(find(objects, 'Policy', 'communication-notifications').spec.definition).toEqual({
            'dead-letter-exchange': 'communication.dlx', 'dead-letter-routing-key': 'communication.notifications', 'message-ttl': 86400000,
        });
        expect(find(objects, 'Policy', 'laoke-knowledge-updates').spec.definition).toEqual({
            'dead-letter-exchange': 'laoke.dlx', 'dead-letter-routing-key': 'laoke.knowledge-updates', 'max-length': 10000, 'delivery-limit': 3,
        });
    });
    it('a queue without dead-lettering and without limits gets no DLQ, no DLX and no policy', () => {
        const e = envOf(seed, 'prod');
        const laoke = seed.services.find((s) => s.name === 'laoke');
        const q = { name: 'laoke.plain', bindings: [], type: 'classic', deadLetter: false };
        const objects = rabbitmqObjects(e, LABELS, [{ ...laoke, messaging: { exchanges: [], queues: [q] } }]);
        expect(kinds(objects).filter((k) => !k.endsWith('/rabbitmq'))).toEqual(['Queue/laoke-plain']);
    });
    // Issue 12: applied with their cluster, the topology operator marks them FailedCreateOrUpdate, which
    // Argo CD v3.5.1 reads as Degraded; in wave 1 they are applied once the RabbitmqCluster is Healthy.
    it('the topology objects are in the data Application\'s sync wave 1, after their RabbitmqCluster (wave 0)', () => {
        const objects = rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services);
        const wave = (o) => o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0';
        const byWave = (w) => [...new Set(objects.filter((o) => wave(o) === w).map((o) => o.kind))].sort();
        expect([byWave('0'), byWave('1')]).toEqual([['PodDisruptionBudget', 'RabbitmqCluster', 'ServiceMonitor'], ['Binding', 'Exchange', 'Policy', 'Queue']]);
    });
    it('a service that does not run in the environment brings no topology', () => {
        const e = envOf(seed, 'prod');
        const objects = rabbitmqObjects({ ...e, instances: e.instances.filter((i) => i.service.name !== 'laoke') }, LABELS, seed.services);
        expect(kinds(objects).filter((k) => k.includes('laoke'))).toEqual([]);
    });
});
describe('performance tests (staging seed)', () => {
    const objects = perfTestObjects(envOf(seed, 'staging'), LABELS);
    it('a suspended CronJob per tested data service, passing the strict validator', () => {
        expect(kinds(objects)).toEqual(['CronJob/perf-test-redis', 'CronJob/perf-test-mq', 'NetworkPolicy/perf-test-redis', 'NetworkPolicy/perf-test-mq']);
        expect(objects.flatMap((o) => errors(o))).toEqual([]);
        for (const o of objects.filter((x) => x.kind === 'CronJob')) {
            expect(o.metadata.namespace).toBe('suoke-staging-data');
            expect(o.spec.suspend).toBe(true);
            expect(o.spec.jobTemplate.spec.backoffLimit).toBe(0);
            const pod = o.spec.jobTemplate.spec.template.spec;
            expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
            expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, readOnlyRootFilesystem: true });
            expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
            expect(pod.containers[0].resources.limits).toBeDefined();
        }
    });
    it('thresholds and targets from the configuration', () => {
        const env = (name) => Object.fromEntries(find(objects, 'CronJob', name).spec.jobTemplate.spec.template.spec.containers[0].env.map((v) => [v.name, v.value ?? v.valueFrom]));
        expect(env('perf-test-redis')).toEqual({
            REDIS_HOST: 'redis-master',
            REDIS_PORT: '6379',
            REDIS_PASSWORD: { secretKeyRef: { name: 'redis-auth', key: 'password' } },
            REQUESTS: '100000',
            CLIENTS: '50',
            MIN_OPS_PER_SECOND: '20000',
            MAX_P99_MS: '5',
        });
        expect(env('perf-test-mq')).toMatchObject({ RABBITMQ_URI: { secretKeyRef: { name: 'rabbitmq-default-user', key: 'connection_string' } }, MIN_MESSAGES_PER_SECOND: '5000', MAX_LATENCY_MS: '50', SECONDS_TO_RUN: '60' });
    });
    it('none where the environment has no perfTests', () => {
        expect(perfTestObjects(envOf(seed, 'prod'), LABELS)).toEqual([]);
    });
});
