/**
 * Health of the data layer's Redis and RabbitMQ objects (issue 12): the RabbitMQ checks Argo CD
 * v3.5.1 ships (re-expressed in simulate/health.ts), the RedisReplication check of our argocd-cm run
 * in the simulation's Lua VM (simulate/lua.ts), and the status the simulated operators write.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH_CUSTOMIZATIONS } from '../../src/render/argocd-health.js';
import { healthOverrides, resourceHealth } from '../../src/simulate/health.js';
import { runHealthLua } from '../../src/simulate/lua.js';
const none = new Map();
const ours = healthOverrides(HEALTH_CUSTOMIZATIONS);
const cond = (type, status, reason = '', message) => ({ type, status, reason, ...(message !== undefined ? { message } : {}) });
const obj = (apiVersion, kind, status) => ({ apiVersion, kind, metadata: { name: 'x', namespace: 'data' }, spec: {}, status });
const rabbit = (...conditions) => obj('rabbitmq.com/v1beta1', 'RabbitmqCluster', conditions.length ? { conditions } : {});
describe('RabbitmqCluster: the check Argo CD v3.5.1 ships (resource_customizations/rabbitmq.com/RabbitmqCluster)', () => {
    it.each([
        ['no status yet', rabbit(), 'Progressing', 'Waiting for RabbitMQ Operator'],
        ['a failed reconcile is Degraded, whatever the other conditions', rabbit(cond('AllReplicasReady', 'True'), cond('ClusterAvailable', 'True'), cond('ReconcileSuccess', 'False', 'InvalidConfiguration', 'bad additionalConfig')), 'Degraded', 'bad additionalConfig'],
        ['a condition Unknown (StatefulSet not found yet)', rabbit(cond('AllReplicasReady', 'Unknown', 'MissingStatefulSet'), cond('ClusterAvailable', 'False')), 'Progressing', 'Waiting for RabbitMQ cluster readiness (conditions unknown)'],
        ['no endpoint yet', rabbit(cond('AllReplicasReady', 'False'), cond('ClusterAvailable', 'False', 'NoEndpointsAvailable')), 'Progressing', 'Waiting for RabbitMQ cluster formation'],
        ['available, 2 of 3 pods ready', rabbit(cond('AllReplicasReady', 'False', 'NotAllPodsReady', '2/3 Pods ready'), cond('ClusterAvailable', 'True')), 'Progressing', 'Waiting for RabbitMQ instances ready'],
        ['available and every pod ready; ReconcileSuccess still Initialising', rabbit(cond('AllReplicasReady', 'True'), cond('ClusterAvailable', 'True'), cond('ReconcileSuccess', 'Unknown', 'Initialising')), 'Healthy', 'RabbitMQ cluster ready'],
        ['one of the two conditions missing', rabbit(cond('AllReplicasReady', 'True')), 'Progressing', 'Waiting for RabbitMQ Operator'],
    ])('%s: %s', (_name, o, status, message) => {
        expect(resourceHealth(o, none)).toEqual({ status, message });
    });
});
describe('messaging-topology kinds: the check Argo CD v3.5.1 ships for each (resource_customizations/rabbitmq.com/<Kind>)', () => {
    const topology = (kind, ...conditions) => obj('rabbitmq.com/v1beta1', kind, conditions.length ? { conditions } : {});
    it.each([
        ['Queue declared', topology('Queue', cond('Ready', 'True', 'SuccessfulCreateOrUpdate')), 'Healthy', 'RabbitMQ queue ready'],
        ['Queue not declared: the broker does not answer', topology('Queue', cond('Ready', 'False', 'FailedCreateOrUpdate', 'connection refused')), 'Degraded', 'RabbitMQ queue failed to be created or updated'],
        ['Queue with no status yet', topology('Queue'), 'Unknown', 'RabbitMQ queue status is unknown'],
        ['Exchange declared', topology('Exchange', cond('Ready', 'True', 'SuccessfulCreateOrUpdate')), 'Healthy', 'RabbitMQ exchange ready'],
        ['Binding not declared', topology('Binding', cond('Ready', 'False', 'FailedCreateOrUpdate')), 'Degraded', 'RabbitMQ binding failed to be created or updated'],
        ['Policy declared', topology('Policy', cond('Ready', 'True', 'SuccessfulCreateOrUpdate')), 'Healthy', 'RabbitMQ policy ready'],
        ['Vhost with another reason is Unknown', topology('Vhost', cond('Ready', 'True', 'Other')), 'Unknown', 'RabbitMQ vhost status is unknown'],
    ])('%s: %s', (_name, o, status, message) => {
        expect(resourceHealth(o, none)).toEqual({ status, message });
    });
});
describe('RedisReplication: our argocd-cm check, run in the Lua VM of the simulation', () => {
    const script = HEALTH_CUSTOMIZATIONS['resource.customizations.health.redis.redis.opstreelabs.in_RedisReplication'];
    const replication = (status) => obj('redis.redis.opstreelabs.in/v1beta2', 'RedisReplication', status);
    // No Degraded row: the operator writes no failure (redisreplication_types.go:84-89 @ v0.26.0).
    it.each([
        ['no status yet', { apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisReplication', metadata: { name: 'redis' } }, 'Progressing', 'waiting for the Redis operator to elect a master'],
        ['pods starting, no master', replication({}), 'Progressing', 'waiting for the Redis operator to elect a master'],
        ['master lost (empty)', replication({ masterNode: '' }), 'Progressing', 'waiting for the Redis operator to elect a master'],
        ['a master elected', replication({ masterNode: 'redis-0', connectionInfo: { host: 'redis-master.data.svc', port: 6379 } }), 'Healthy', 'master: redis-0'],
    ])('%s: %s', (_name, o, status, message) => {
        expect(runHealthLua(script, o)).toEqual({ status, message });
        // The same through the argocd-cm keys, as the simulated controller reads them.
        expect(resourceHealth(o, ours)).toEqual({ status, message });
    });
    it.each([
        ['RedisSentinel', 'its status is an empty struct (redissentinel_types.go:54)'],
        ['Redis', 'its status is an empty struct (redis_types.go:60)'],
    ])('%s has no health check: %s', (kind) => {
        expect(resourceHealth(obj('redis.redis.opstreelabs.in/v1beta2', kind, {}), ours)).toBeUndefined();
    });
});
