/** Capacity: requests × replicas against node pools, with the headroom figures. */
import { describe, expect, it } from 'vitest';
import type { NodePoolConfig } from '../../src/config/types.js';
import { measureCapacity } from '../../src/policy/capacity.js';
import type { Obj } from '../../src/policy/engine.js';
import { deployment, edited, hpa } from './helpers.js';

const POOL = 'suoke-life.com/node-pool';

/** A service of `group` with `cpu`/`memory` requests, min..max replicas, its pods on node pool `on` (none: any node). */
function svc(name: string, group: string, cpu: string, memory: string, min: number, max: number, on?: string, tolerations?: unknown[]): Obj[] {
  const d = edited(deployment(), (x) => {
    x.metadata.name = name;
    x.metadata.labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': group };
    x.spec.template.spec.containers[0].resources.requests = { cpu, memory };
    if (on) x.spec.template.spec.nodeSelector = { [POOL]: on };
    if (tolerations) x.spec.template.spec.tolerations = tolerations;
  });
  const h = edited(hpa(), (x) => {
    x.metadata.name = name;
    Object.assign(x.spec, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: min, maxReplicas: max });
  });
  return [d, h];
}

const pool = (name: string, nodes: number, cpu: string, memory: string, groups: string[] = [], services: string[] = [], taints: NodePoolConfig['taints'] = []): NodePoolConfig =>
  ({ name, nodes, cpu, memory, groups, services, labels: { [POOL]: name }, taints }) as NodePoolConfig;

const show = (r: ReturnType<typeof measureCapacity>) => r.findings.map((f) => `${f.severity} ${f.check} ${f.path ?? '-'}: ${f.message}`);

describe('capacity', () => {
  const agents = pool('agents', 4, '8', '16Gi', ['agent']);

  it('under capacity: only the headroom report', () => {
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [agents], objects: [...svc('xiaoai', 'agent', '1', '2Gi', 2, 10, 'agents'), ...svc('xiaoke', 'agent', '1', '2Gi', 2, 8, 'agents')] });
    expect(show(r)).toEqual([
      'info policy/capacity-headroom nodePools[0]: node pool agents (4 nodes, 32 CPU / 64Gi): 2 workloads; at maximum replicas with surge and canary pods 23 CPU (72%) / 46Gi (72%), headroom 9 CPU / 18Gi; at minimum replicas 4 CPU / 8Gi',
    ]);
    expect(r.report.pools[0]).toMatchObject({ pool: 'agents', capacity: { cpu: 32000, memory: 64 * 1024 ** 3 }, peak: { cpu: 23000 }, steady: { cpu: 4000 }, workloads: ['suoke-prod/xiaoai', 'suoke-prod/xiaoke'] });
  });

  it('over capacity at maximum replicas: a warning naming the shortfall', () => {
    const business = pool('business', 6, '4', '8Gi', ['diagnosis']);
    const objects = ['inquiry', 'listen', 'look', 'palpation', 'calculation', 'five-diagnosis', 'support'].flatMap((n) => svc(n, 'diagnosis', '250m', '512Mi', 3, 15, 'business'));
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [business], objects });
    expect(show(r)).toEqual([
      'warning policy/capacity nodePools[0]: node pool business (6 nodes, 24 CPU / 48Gi) cannot hold its pods at maximum replicas with rolling-update surge and canary pods: they request 33.25 CPU / 66.5Gi, 9.25 CPU and 18.5Gi too much; the autoscalers cannot reach their maximum',
      'info policy/capacity-headroom nodePools[0]: node pool business (6 nodes, 24 CPU / 48Gi): 7 workloads; at maximum replicas with surge and canary pods 33.25 CPU (139%) / 66.5Gi (139%), headroom -9.25 CPU / -18.5Gi; at minimum replicas 5.25 CPU / 10.5Gi',
    ]);
  });

  it('over capacity at minimum replicas, a pod larger than a node, an unplaced service: errors and a warning', () => {
    const small = pool('small', 1, '2', '4Gi', ['agent']);
    const r = measureCapacity({ cluster: 'dev', file: 'clusters/dev/cluster.yaml', pools: [small], objects: [...svc('xiaoai', 'agent', '3', '2Gi', 1, 1, 'small'), ...svc('web', 'frontend', '100m', '128Mi', 1, 2)] });
    expect(show(r)).toEqual([
      'error policy/capacity nodePools[0]: a pod of Deployment suoke-prod/xiaoai requests 3 CPU / 2Gi, more than one node of pool small has (2 CPU / 4Gi)',
      'error policy/capacity nodePools[0]: node pool small (1 node, 2 CPU / 4Gi) cannot hold its pods at minimum replicas: they request 3 CPU / 2Gi, 1 CPU too much',
      'info policy/capacity-headroom nodePools[0]: node pool small (1 node, 2 CPU / 4Gi): 1 workload; at maximum replicas with surge and canary pods 6 CPU (300%) / 4Gi (100%), headroom -4 CPU / 0Gi; at minimum replicas 3 CPU / 2Gi',
      'warning policy/capacity-unplaced nodePools: no node pool hosts suoke-prod/web: their requests are not counted',
    ]);
  });

  // Issue 9, defect 3: the scheduler places pods with their injected sidecar, and a rollout adds pods.
  it('counts the Istio sidecar of a meshed namespace and the rolling-update surge at the peak', () => {
    const meshed = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'suoke-prod', labels: { 'istio-injection': 'enabled' } } };
    const objects = [meshed, ...svc('xiaoai', 'agent', '1', '2Gi', 2, 4, 'agents')];
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [agents], objects });
    // Per pod 1 CPU + Istio's default 100m / 2Gi + 128Mi; 2 pods at minimum, 4 + 1 surge at peak.
    expect(r.report.pools[0]).toMatchObject({ steady: { cpu: 2200, memory: 2 * (2 * 1024 ** 3 + 128 * 1024 ** 2) }, peak: { cpu: 5500 } });
  });

  it('pools without groups: the cluster is one pool; a waiver turns the finding into info', () => {
    const r = measureCapacity({
      cluster: 'dev',
      file: 'clusters/dev/cluster.yaml',
      pools: [pool('a', 1, '1', '2Gi'), pool('b', 1, '1', '2Gi')],
      objects: svc('xiaoai', 'agent', '1', '1Gi', 1, 3),
      waiver: { reason: 'dev may queue pods' },
    });
    expect(show(r)).toEqual([
      'info policy/capacity-headroom -: the cluster (2 nodes, 2 CPU / 4Gi): 1 workload; at maximum replicas with surge and canary pods 4 CPU (200%) / 4Gi (100%), headroom -2 CPU / 0Gi; at minimum replicas 1 CPU / 1Gi',
      'info policy/waived -: policy/capacity waived in clusters/dev/cluster.yaml: dev may queue pods (the cluster (2 nodes, 2 CPU / 4Gi) cannot hold its pods at maximum replicas with rolling-update surge and canary pods: they request 4 CPU / 4Gi, 2 CPU too much; the autoscalers cannot reach their maximum)',
    ]);
  });

  // The scheduler's filters (model/scheduling.ts): node labels, then NoSchedule/NoExecute taints.
  describe('pods that can never be scheduled', () => {
    const taint = (effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute') => [{ key: POOL, value: 'database', effect }];
    const database = (effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute') => pool('database', 3, '8', '32Gi', [], ['payments'], taint(effect));
    it.each<[string, NodePoolConfig, unknown[] | undefined, string[]]>([
      ['no toleration of a NoSchedule taint', database('NoSchedule'), undefined, ['error policy/capacity nodePools[0]: the pods of suoke-prod/payments select node pool database, but its nodes are tainted suoke-life.com/node-pool=database:NoSchedule and the pod does not tolerate it: they stay Pending']],
      ['no toleration of a NoExecute taint', database('NoExecute'), undefined, ['error policy/capacity nodePools[0]: the pods of suoke-prod/payments select node pool database, but its nodes are tainted suoke-life.com/node-pool=database:NoExecute and the pod does not tolerate it: they stay Pending']],
      ['a PreferNoSchedule taint only lowers the score', database('PreferNoSchedule'), undefined, []],
      ['a toleration of another value', database('NoSchedule'), [{ key: POOL, operator: 'Equal', value: 'cache', effect: 'NoSchedule' }], ['error policy/capacity nodePools[0]: the pods of suoke-prod/payments select node pool database, but its nodes are tainted suoke-life.com/node-pool=database:NoSchedule and the pod does not tolerate it: they stay Pending']],
      ['a toleration of another effect', database('NoSchedule'), [{ key: POOL, value: 'database', effect: 'NoExecute' }], ['error policy/capacity nodePools[0]: the pods of suoke-prod/payments select node pool database, but its nodes are tainted suoke-life.com/node-pool=database:NoSchedule and the pod does not tolerate it: they stay Pending']],
      ['the exact toleration (operator defaults to Equal)', database('NoSchedule'), [{ key: POOL, value: 'database', effect: 'NoSchedule' }], []],
      ['Exists on the key, any effect', database('NoExecute'), [{ key: POOL, operator: 'Exists' }], []],
      ['an empty key with Exists tolerates everything', database('NoSchedule'), [{ operator: 'Exists' }], []],
    ])('%s', (_name, db, tolerations, expected) => {
      const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [db], objects: svc('payments', 'core', '1', '1Gi', 2, 2, 'database', tolerations) });
      expect(show(r).filter((f) => !f.startsWith('info'))).toEqual(expected);
    });

    it('a node selector no pool satisfies: an error, the pods are not counted', () => {
      const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [agents], objects: svc('xiaoai', 'agent', '1', '1Gi', 2, 2, 'gpu') });
      expect(show(r)).toEqual([
        'error policy/capacity nodePools: the pods of suoke-prod/xiaoai select the node labels suoke-life.com/node-pool=gpu, which no node pool has: they stay Pending',
      ]);
    });

    it('a data service on a tainted pool without its toleration', () => {
      const cache = pool('cache', 3, '4', '16Gi', [], [], [{ key: POOL, value: 'cache', effect: 'NoSchedule' }]);
      const redis = {
        apiVersion: 'redis.redis.opstreelabs.in/v1beta2',
        kind: 'RedisReplication',
        metadata: { name: 'redis', namespace: 'suoke-prod-data' },
        spec: { clusterSize: 3, kubernetesConfig: { resources: { requests: { cpu: '500m', memory: '1Gi' } } }, nodeSelector: { [POOL]: 'cache' } },
      };
      const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [agents, cache], objects: [...svc('xiaoai', 'agent', '1', '1Gi', 1, 1, 'agents'), redis] });
      expect(show(r).filter((f) => !f.startsWith('info'))).toEqual([
        'error policy/capacity nodePools[1]: the pods of suoke-prod-data/redis (RedisReplication) select node pool cache, but its nodes are tainted suoke-life.com/node-pool=cache:NoSchedule and the pod does not tolerate it: they stay Pending',
      ]);
    });
  });
});

describe('capacity of the logging stack (ECK, render/logging.ts)', () => {
  const eck = (apiVersion: string, kind: string, name: string, spec: Record<string, unknown>): Obj => ({ apiVersion, kind, metadata: { name, namespace: 'logging' }, spec }) as Obj;
  const pod = (cpu: string, memory: string, extra: Record<string, unknown> = {}) => ({ spec: { containers: [{ name: 'c', resources: { requests: { cpu, memory } } }], ...extra } });
  const monitoring = pool('monitoring', 2, '4', '8Gi');
  const business = pool('business', 3, '4', '8Gi', ['core']);
  const cache = pool('cache', 1, '4', '16Gi', [], [], [{ key: POOL, value: 'cache', effect: 'NoSchedule' }]);
  const on = { nodeSelector: { [POOL]: 'monitoring' } };

  it('counts every Elasticsearch node and Kibana pod in its pool, and Filebeat once on every node it tolerates', () => {
    const objects = [
      eck('elasticsearch.k8s.elastic.co/v1', 'Elasticsearch', 'logging', { nodeSets: [{ name: 'default', count: 2, podTemplate: pod('1', '4Gi', on) }] }),
      eck('kibana.k8s.elastic.co/v1', 'Kibana', 'logging', { count: 1, podTemplate: pod('200m', '1Gi', on) }),
      eck('beat.k8s.elastic.co/v1beta1', 'Beat', 'filebeat', { daemonSet: { podTemplate: pod('100m', '256Mi', { tolerations: [{ operator: 'Exists' }] }) } }),
    ];
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [business, cache, monitoring], objects });
    const byPool = Object.fromEntries(r.report.pools.map((u) => [u.pool, { cpu: u.steady.cpu, workloads: u.workloads }]));
    expect(byPool).toEqual({
      business: { cpu: 300, workloads: ['logging/filebeat (Beat)'] },
      cache: { cpu: 100, workloads: ['logging/filebeat (Beat)'] },
      monitoring: { cpu: 2 * 1000 + 200 + 2 * 100, workloads: ['logging/filebeat (Beat)', 'logging/logging (Elasticsearch)', 'logging/logging (Kibana)'] },
    });
  });

  it('a Filebeat that does not tolerate a taint is not counted on that pool', () => {
    const beat = eck('beat.k8s.elastic.co/v1beta1', 'Beat', 'filebeat', { daemonSet: { podTemplate: pod('100m', '256Mi') } });
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [business, cache], objects: [beat] });
    expect(r.report.pools.map((u) => [u.pool, u.steady.cpu])).toEqual([['business', 300], ['cache', 0]]);
  });
});
