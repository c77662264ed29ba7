/**
 * The probe fields the data layer renders (docs/data-layer.md#probes): the Redis servers carry liveness
 * timings and no handler, so the operator keeps its own `redis-cli ping` check; nothing else of the
 * data layer sets a probe (the operators' defaults are kept on purpose, see the doc's tables).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIS_LIVENESS_PROBE, redisObjects } from '../../../src/render/data/redis.js';
import { rabbitmqObjects } from '../../../src/render/data/rabbitmq.js';
import { FIXTURE_PLATFORM, REPO_ROOT, modelOf } from '../../helpers/platform.js';
const LABELS = { 'app.kubernetes.io/managed-by': 'suoke-gitops' };
const seed = modelOf(REPO_ROOT);
const fixture = modelOf(FIXTURE_PLATFORM);
const envOf = (m, name) => m.environments.find((e) => e.env.name === name);
const find = (objects, kind) => objects.find((o) => o.kind === kind);
/** Every `*Probe` key anywhere in an object, with its path, to catch a probe set where none is meant. */
function probePaths(o, path = '') {
    if (Array.isArray(o))
        return o.flatMap((v, i) => probePaths(v, `${path}[${i}]`));
    if (o === null || typeof o !== 'object')
        return [];
    return Object.entries(o).flatMap(([k, v]) => [...(/Probe$/.test(k) ? [`${path}.${k}`] : []), ...probePaths(v, `${path}.${k}`)]);
}
describe('Redis liveness probe (issue 12: a Redis loading its AOF/RDB must not be killed)', () => {
    it('tolerates 5 minutes of failed pings, with a 5 s timeout', () => {
        expect(REDIS_LIVENESS_PROBE).toEqual({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 30 });
        expect(REDIS_LIVENESS_PROBE.periodSeconds * REDIS_LIVENESS_PROBE.failureThreshold).toBe(300);
    });
    it.each([
        ['prod (RedisReplication)', seed, 'prod', 'RedisReplication'],
        ['staging (one pod)', seed, 'staging', 'RedisReplication'],
        ['the fixture prod (one pod)', fixture, 'prod', 'RedisReplication'],
    ])('%s renders the timings and no handler, leaving the operator its ping check', (_name, m, env, kind) => {
        const server = find(redisObjects(envOf(m, env), LABELS), kind);
        expect(server.spec.livenessProbe).toEqual({ periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 30 });
        expect(Object.keys(server.spec.livenessProbe)).not.toContain('exec');
        expect(probePaths(server)).toEqual(['.spec.livenessProbe']);
    });
    it('the Sentinels keep the operator default (they load no data)', () => {
        expect(probePaths(find(redisObjects(envOf(seed, 'prod'), LABELS), 'RedisSentinel'))).toEqual([]);
    });
});
describe('RabbitMQ keeps the operator probes', () => {
    it('no probe override on the RabbitmqCluster', () => {
        expect(probePaths(find(rabbitmqObjects(envOf(seed, 'prod'), LABELS, seed.services), 'RabbitmqCluster'))).toEqual([]);
    });
});
describe('CloudNativePG keeps the operator probes (the rendered prod files)', () => {
    it.each(['cluster-postgres.yaml', 'pooler-postgres-pooler-rw.yaml'])('%s sets no probe', (file) => {
        const text = readFileSync(join(REPO_ROOT, 'clusters/prod/prod/data', file), 'utf8');
        expect(text).toContain('kind: ');
        expect(text).not.toMatch(/probes:|Probe:/);
    });
});
