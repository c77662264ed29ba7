/** `monitoring` in cluster.yaml: what loads with its defaults (the plan's), and each mistake with its message. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
const POOLS = `nodePools:
  - {name: monitoring, nodes: 2, cpu: "4", memory: 8Gi}
`;
/** A valid `monitoring`, on the pool declared above. */
const MONITORING = `monitoring:
  prometheus:
    replicas: 2
    retention: 15d
    storage: {size: 50Gi, storageClass: fast-ssd}
    nodePool: monitoring
  alertmanager:
    nodePool: monitoring
`;
const load = (monitoring: string) => readConfig(fixtureFs([], { [P]: `${prod}${POOLS}${monitoring}` }), loadOptions);
/** Line of `monitoring:` in the file (1-based). */
const line = `${prod}${POOLS}`.split('\n').length;

describe('monitoring', () => {
  it('loads with its defaults: the plan\'s 400Mi and 50Gi on fast-ssd, one Alertmanager', () => {
    const { config, findings } = load('monitoring: {}\n');
    expect(findings).toEqual([]);
    const m = config!.clusters.find((c) => c.name === 'prod')!.monitoring!;
    expect(m.prometheus).toEqual({
      replicas: 1,
      retention: '15d',
      resources: { requests: { cpu: '200m', memory: '400Mi' }, limits: { cpu: '2', memory: '4Gi' } },
      storage: { size: '50Gi', storageClass: 'fast-ssd' },
    });
    expect(m.alertmanager).toEqual({
      replicas: 1,
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
      storage: { size: '2Gi', storageClass: 'fast-ssd' },
    });
  });

  it('loads a valid block without findings', () => {
    const { config, findings } = load(MONITORING);
    expect(findings).toEqual([]);
    expect(config!.clusters.find((c) => c.name === 'prod')!.monitoring!.prometheus.nodePool).toBe('monitoring');
  });

  it.each<[string, string, unknown[]]>([
    [
      'a retention Prometheus does not read',
      MONITORING.replace('retention: 15d', 'retention: 2 weeks'),
      [{ check: 'config/monitoring-retention', file: P, line: line + 3, path: 'monitoring.prometheus.retention', message: '`monitoring.prometheus.retention` is "2 weeks", not a duration Prometheus reads', hint: 'write a number and a unit, e.g. `15d`, `4w` or `720h`' }],
    ],
    [
      'a volume without a size',
      MONITORING.replace('size: 50Gi', 'size: lots'),
      [{ check: 'config/quantity', file: P, line: line + 4, path: 'monitoring.prometheus.storage.size', message: '`monitoring.prometheus.storage.size` is "lots"; expected a volume size', hint: 'write bytes with a binary suffix, e.g. `50Gi`' }],
    ],
    [
      'a node pool the cluster does not declare',
      MONITORING.replace('  alertmanager:\n    nodePool: monitoring', '  alertmanager:\n    nodePool: observability'),
      [{ check: 'config/monitoring-pool', file: P, line: line + 7, path: 'monitoring.alertmanager.nodePool', message: '`monitoring.alertmanager.nodePool` is `observability`, which is not a node pool of this cluster', hint: 'name one of `monitoring`, or leave `nodePool` out' }],
    ],
  ])('%s', (_name, text, expected) => {
    const { config, findings } = load(text);
    expect(withoutSeverity(findings)).toEqual(expected);
    expect(config).toBeUndefined();
  });

  it('names the missing declaration when the cluster has no pools at all', () => {
    const { findings } = readConfig(fixtureFs([], { [P]: `${prod}monitoring: {prometheus: {nodePool: monitoring}}\n` }), loadOptions);
    expect(withoutSeverity(findings)).toEqual([
      { check: 'config/monitoring-pool', file: P, line: prod.split('\n').length, path: 'monitoring.prometheus.nodePool', message: '`monitoring.prometheus.nodePool` is `monitoring`, which is not a node pool of this cluster', hint: 'declare the pool under `nodePools`, or leave `nodePool` out' },
    ]);
  });
});
