/**
 * Issue 12, "the simulation converges with data Healthy before the services' waves": an environment
 * root holds its data Application at wave -1 and its services at wave 0, as render/argocd-environments.ts
 * does; the data Application is Healthy only once Redis and RabbitMQ are up (simulate/operators.ts),
 * so the services' wave starts after them, not as soon as the data objects exist.
 */
import { describe, expect, it } from 'vitest';
import { healthConfigMap } from '../../src/render/argocd-health.js';
import { application, configMap, namespace, outcome, play } from './tiny.js';
const AT = '2026-12-05T12:00:00+08:00';
const MINUTE = 60_000;
const WAVE = 'argocd.argoproj.io/sync-wave';
const crd = (group, kind) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${kind.toLowerCase()}s.${group}` },
    spec: { group, names: { kind } },
});
const meta = (name, annotations = {}) => ({ name, namespace: 'data', annotations });
const rabbitmq = { apiVersion: 'rabbitmq.com/v1beta1', kind: 'RabbitmqCluster', metadata: meta('rabbitmq'), spec: { replicas: 3 } };
/** In wave 1, after its cluster, as render/data/rabbitmq-topology.ts puts it. */
const queue = (wave) => ({
    apiVersion: 'rabbitmq.com/v1beta1',
    kind: 'Queue',
    metadata: meta('orders', wave !== undefined ? { [WAVE]: wave } : {}),
    spec: { name: 'orders', rabbitmqClusterReference: { name: 'rabbitmq' } },
});
const redis = { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisReplication', metadata: meta('redis'), spec: { clusterSize: 3 } };
/** Dev, test and staging: one pod, no Sentinel (render/data/redis.ts). */
const singleRedis = { ...redis, spec: { clusterSize: 1 } };
/** The operator's standalone kind, which writes no status (api/redis/v1beta2/redis_types.go:60 @ v0.26.0). */
const standaloneRedis = { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'Redis', metadata: meta('redis'), spec: {} };
const sentinel = { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisSentinel', metadata: meta('redis'), spec: { clusterSize: 3 } };
const CRDS = [crd('rabbitmq.com', 'RabbitmqCluster'), crd('rabbitmq.com', 'Queue'), crd('redis.redis.opstreelabs.in', 'RedisReplication'), crd('redis.redis.opstreelabs.in', 'RedisSentinel'), crd('redis.redis.opstreelabs.in', 'Redis')];
/** Retried as every rendered Application is (render/argocd-apps.ts SYNC_RETRY). */
const RETRY = { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } };
const child = (name, wave) => application(name, name, { namespace: name === 'env-data' ? 'data' : 'apps', annotations: { [WAVE]: String(wave) }, syncPolicy: { automated: { prune: true }, retry: RETRY } });
const root = application('env', 'env', { namespace: 'argocd', server: 'https://kubernetes.default.svc', syncPolicy: { automated: { prune: true }, retry: RETRY } });
const REDIS_CHECK = 'resource.customizations.health.redis.redis.opstreelabs.in_RedisReplication';
/** The argocd-cm patch, optionally without our RedisReplication check (as before issue 12). */
function argocdCm(redisCheck) {
    const cm = healthConfigMap('argocd');
    return redisCheck ? cm : { ...cm, data: Object.fromEntries(Object.entries(cm.data ?? {}).filter(([k]) => k !== REDIS_CHECK)) };
}
/** Plays the environment: `data` are the data Application's objects. */
function run(data, redisCheck = true) {
    const r = play([root, argocdCm(redisCheck)], {
        env: [child('env-data', -1), child('env-services', 0)],
        'env-data': [namespace('data'), ...CRDS, ...data],
        'env-services': [namespace('apps'), configMap('xiaoai', 'apps')],
    }, AT, 3_600_000);
    const since = (app) => (r.apps.find((a) => a.name === app).since - r.start) / MINUTE;
    return { r, data: since('env-data'), services: since('env-services') };
}
describe('the data Application gates the services on Redis and RabbitMQ (issue 12)', () => {
    it('Redis (3 pods, one after the other) and RabbitMQ (3 pods at once): data Healthy at 3 minutes, the services after it', () => {
        const { r, data, services } = run([rabbitmq, queue('1'), redis, sentinel]);
        expect(outcome(r, 'env-data')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect(outcome(r, 'env-services')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect(outcome(r, 'env')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect([data, services]).toEqual([3, 3]);
    });
    it('RabbitMQ alone: data Healthy once its pods are up (1 minute), the queue declared in the next wave', () => {
        const { data, services } = run([rabbitmq, queue('1')]);
        expect([data, services]).toEqual([1, 1]);
    });
    it('one Redis pod (dev, test, staging): the RedisReplication of one is Healthy once its pod is master (1 minute), the services after it', () => {
        const { r, data, services } = run([singleRedis]);
        expect(outcome(r, 'env-data')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect([data, services]).toEqual([1, 1]);
    });
    it('the standalone Redis kind (rendered outside prod before) has no health: the services would start at once, before Redis answers', () => {
        const { data, services } = run([standaloneRedis]);
        expect([data, services]).toEqual([0, 0]);
    });
    it('without our RedisReplication check in argocd-cm (before issue 12) Redis gates nothing: the services start after RabbitMQ only', () => {
        const { data, services } = run([rabbitmq, queue('1'), redis, sentinel], false);
        expect([data, services]).toEqual([1, 1]);
    });
    it('a queue in the same wave as its cluster is Degraded until the brokers run: the root\'s sync fails and is retried', () => {
        const { r, data, services } = run([rabbitmq, queue()]);
        // The root's wave -1 fails on the Degraded data Application; its retries run at 5s, 15s, 35s and 75s,
        // and the first after the brokers are up (60s) syncs the services, 15 seconds late. It converges only
        // because the brokers start within the five retries.
        expect(outcome(r, 'env')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect([data, services]).toEqual([1, 1.25]);
    });
});
