/**
 * The data-layer operators of the simulation (simulate/operators.ts): the status each writes, and
 * when, for the objects the data Application applies; read back through Argo CD's health checks.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH_CUSTOMIZATIONS } from '../../src/render/argocd-health.js';
import { Cluster } from '../../src/simulate/cluster.js';
import { healthOverrides, resourceHealth } from '../../src/simulate/health.js';
import { nextOperatorEvent, operatorStatus, POD_READY_MS } from '../../src/simulate/operators.js';
const overrides = healthOverrides(HEALTH_CUSTOMIZATIONS);
const APPLIED = 1_000_000;
/** A cluster holding `objects`, all applied at APPLIED, in namespace `data`. */
function clusterOf(...objects) {
    const c = new Cluster('s', 's', [], ['data']);
    for (const o of objects) {
        const m = o['metadata'];
        c.put(`${String(o['apiVersion']).split('/')[0]}/${String(o['kind'])}/data/${String(m['name'])}`, { manifest: o, generation: 1, appliedAt: APPLIED, status: {} });
    }
    return c;
}
const cr = (apiVersion, kind, name, spec) => ({ apiVersion, kind, metadata: { name, namespace: 'data' }, spec });
const rabbitmq = (replicas) => cr('rabbitmq.com/v1beta1', 'RabbitmqCluster', 'rabbitmq', { replicas });
const queue = cr('rabbitmq.com/v1beta1', 'Queue', 'orders', { name: 'orders', rabbitmqClusterReference: { name: 'rabbitmq' } });
const replication = (spec) => cr('redis.redis.opstreelabs.in/v1beta2', 'RedisReplication', 'redis', spec);
/** The health Argo CD reports for `obj` in `cluster`, `minutes` after it was applied. */
function healthAt(cluster, obj, minutes) {
    const live = cluster.list(`${String(obj['apiVersion']).split('/')[0]}/${String(obj['kind'])}`, 'data')[0];
    const status = operatorStatus(cluster, live, APPLIED + minutes * POD_READY_MS);
    return resourceHealth({ ...obj, status }, overrides)?.status ?? 'none';
}
describe('when each operator reports its object ready', () => {
    it.each([
        // Parallel pod management: every replica starts at once.
        ['RabbitmqCluster, 3 replicas', rabbitmq(3), ['Progressing', 'Healthy', 'Healthy', 'Healthy']],
        // OrderedReady (the StatefulSet default the operator keeps): one pod after the other.
        ['RedisReplication, clusterSize 3', replication({ clusterSize: 3 }), ['Progressing', 'Progressing', 'Progressing', 'Healthy']],
        ['RedisReplication, clusterSize 3, podManagementPolicy Parallel', replication({ clusterSize: 3, podManagementPolicy: 'Parallel' }), ['Progressing', 'Healthy', 'Healthy', 'Healthy']],
        ['CloudNativePG Cluster, 2 instances', cr('postgresql.cnpg.io/v1', 'Cluster', 'postgres', { instances: 2 }), ['Progressing', 'Progressing', 'Healthy', 'Healthy']],
    ])('%s: health at 0, 1, 2, 3 minutes', (_name, obj, expected) => {
        const c = clusterOf(obj);
        expect([0, 1, 2, 3].map((m) => healthAt(c, obj, m))).toEqual(expected);
    });
    it('a Queue is Degraded (FailedCreateOrUpdate) until its RabbitmqCluster is ready, then Healthy', () => {
        const c = clusterOf(rabbitmq(3), queue);
        expect([0, 1].map((m) => healthAt(c, queue, m))).toEqual(['Degraded', 'Healthy']);
    });
    it('a Queue whose RabbitmqCluster does not exist keeps its status (requeued): Unknown', () => {
        expect(healthAt(clusterOf(queue), queue, 5)).toBe('Unknown');
    });
    it('the next event is the earliest ready instant still to come', () => {
        const c = clusterOf(rabbitmq(3), replication({ clusterSize: 3 }));
        expect(nextOperatorEvent(c, APPLIED)).toBe(APPLIED + POD_READY_MS);
        expect(nextOperatorEvent(c, APPLIED + POD_READY_MS)).toBe(APPLIED + 3 * POD_READY_MS);
        expect(nextOperatorEvent(c, APPLIED + 3 * POD_READY_MS)).toBeUndefined();
    });
});
