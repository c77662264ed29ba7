/** Capacity: requests × replicas against node pools, with the headroom figures. */
import { describe, expect, it } from 'vitest';
import type { NodePoolConfig } from '../../src/config/checks-pools.js';
import { measureCapacity } from '../../src/policy/capacity.js';
import type { Obj } from '../../src/policy/engine.js';
import { deployment, edited, hpa } from './helpers.js';

/** A service of `group` with `cpu`/`memory` requests, min..max replicas. */
function svc(name: string, group: string, cpu: string, memory: string, min: number, max: number): Obj[] {
  const d = edited(deployment(), (x) => {
    x.metadata.name = name;
    x.metadata.labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': group };
    x.spec.template.spec.containers[0].resources.requests = { cpu, memory };
  });
  const h = edited(hpa(), (x) => {
    x.metadata.name = name;
    Object.assign(x.spec, { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: min, maxReplicas: max });
  });
  return [d, h];
}

const pool = (name: string, nodes: number, cpu: string, memory: string, groups: string[] = [], services: string[] = []): NodePoolConfig =>
  ({ name, nodes, cpu, memory, groups, services }) as NodePoolConfig;

const show = (r: ReturnType<typeof measureCapacity>) => r.findings.map((f) => `${f.severity} ${f.check} ${f.path ?? '-'}: ${f.message}`);

describe('capacity', () => {
  const agents = pool('agents', 4, '8', '16Gi', ['agent']);

  it('under capacity: only the headroom report', () => {
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [agents], objects: [...svc('xiaoai', 'agent', '1', '2Gi', 2, 10), ...svc('xiaoke', 'agent', '1', '2Gi', 2, 8)] });
    expect(show(r)).toEqual([
      'info policy/capacity-headroom nodePools[0]: node pool agents (4 nodes, 32 CPU / 64Gi): 2 workloads; at maximum replicas 18 CPU (56%) / 36Gi (56%), headroom 14 CPU / 28Gi; at minimum replicas 4 CPU / 8Gi',
    ]);
    expect(r.report.pools[0]).toMatchObject({ pool: 'agents', capacity: { cpu: 32000, memory: 64 * 1024 ** 3 }, peak: { cpu: 18000 }, steady: { cpu: 4000 }, workloads: ['suoke-prod/xiaoai', 'suoke-prod/xiaoke'] });
  });

  it('over capacity at maximum replicas: a warning naming the shortfall', () => {
    const business = pool('business', 6, '4', '8Gi', ['diagnosis']);
    const objects = ['inquiry', 'listen', 'look', 'palpation', 'calculation', 'five-diagnosis', 'support'].flatMap((n) => svc(n, 'diagnosis', '250m', '512Mi', 3, 15));
    const r = measureCapacity({ cluster: 'prod', file: 'clusters/prod/cluster.yaml', pools: [business], objects });
    expect(show(r)).toEqual([
      'warning policy/capacity nodePools[0]: node pool business (6 nodes, 24 CPU / 48Gi) cannot hold its pods at maximum replicas: they request 26.25 CPU / 52.5Gi, 2.25 CPU and 4.5Gi too much; the autoscalers cannot reach their maximum',
      'info policy/capacity-headroom nodePools[0]: node pool business (6 nodes, 24 CPU / 48Gi): 7 workloads; at maximum replicas 26.25 CPU (109%) / 52.5Gi (109%), headroom -2.25 CPU / -4.5Gi; at minimum replicas 5.25 CPU / 10.5Gi',
    ]);
  });

  it('over capacity at minimum replicas, a pod larger than a node, an unplaced service: errors and a warning', () => {
    const small = pool('small', 1, '2', '4Gi', ['agent']);
    const r = measureCapacity({ cluster: 'dev', file: 'clusters/dev/cluster.yaml', pools: [small], objects: [...svc('xiaoai', 'agent', '3', '2Gi', 1, 1), ...svc('web', 'frontend', '100m', '128Mi', 1, 2)] });
    expect(show(r)).toEqual([
      'error policy/capacity nodePools[0]: a pod of Deployment suoke-prod/xiaoai requests 3 CPU / 2Gi, more than one node of pool small has (2 CPU / 4Gi)',
      'error policy/capacity nodePools[0]: node pool small (1 node, 2 CPU / 4Gi) cannot hold its pods at minimum replicas: they request 3 CPU / 2Gi, 1 CPU too much',
      'info policy/capacity-headroom nodePools[0]: node pool small (1 node, 2 CPU / 4Gi): 1 workload; at maximum replicas 3 CPU (150%) / 2Gi (50%), headroom -1 CPU / 2Gi; at minimum replicas 3 CPU / 2Gi',
      'warning policy/capacity-unplaced nodePools: no node pool hosts suoke-prod/web: their requests are not counted',
    ]);
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
      'info policy/capacity-headroom -: the cluster (2 nodes, 2 CPU / 4Gi): 1 workload; at maximum replicas 3 CPU (150%) / 3Gi (75%), headroom -1 CPU / 1Gi; at minimum replicas 1 CPU / 1Gi',
      'info policy/waived -: policy/capacity waived in clusters/dev/cluster.yaml: dev may queue pods (the cluster (2 nodes, 2 CPU / 4Gi) cannot hold its pods at maximum replicas: they request 3 CPU / 3Gi, 1 CPU too much; the autoscalers cannot reach their maximum)',
    ]);
  });
});
