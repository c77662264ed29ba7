/** `logging` in cluster.yaml: what loads with its defaults, and each mistake with its message. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
const POOLS = `nodePools:
  - {name: monitoring, nodes: 2, cpu: "4", memory: 8Gi}
`;
/** A valid `logging`, on the pool declared above. */
const LOGGING = `logging:
  elasticsearch:
    nodes: 2
    storage: {size: 100Gi, storageClass: fast-ssd}
    nodePool: monitoring
  kibana:
    nodePool: monitoring
  retentionDays:
    prod: 30
`;
const load = (logging: string) => readConfig(fixtureFs([], { [P]: `${prod}${POOLS}${logging}` }), loadOptions);
/** Line of `logging:` in the file (1-based). */
const line = `${prod}${POOLS}`.split('\n').length;

describe('logging', () => {
  it('loads with its defaults: one small Elasticsearch node, one Kibana, Filebeat, the ECK recipes\' stack version', () => {
    const { config, findings } = load('logging: {retentionDays: {prod: 30}}\n');
    expect(findings).toEqual([]);
    expect(config!.clusters.find((c) => c.name === 'prod')!.logging).toEqual({
      namespace: 'logging',
      version: '9.4.3',
      elasticsearch: {
        nodes: 1,
        resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
        storage: { size: '20Gi', storageClass: 'fast-ssd' },
      },
      kibana: { replicas: 1, resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
      shipper: { resources: { requests: { cpu: '100m', memory: '200Mi' }, limits: { cpu: '500m', memory: '300Mi' } } },
      retentionDays: { prod: 30 },
    });
  });

  it('loads a valid block without findings', () => {
    const { config, findings } = load(LOGGING);
    expect(findings).toEqual([]);
    expect(config!.clusters.find((c) => c.name === 'prod')!.logging!.elasticsearch.nodePool).toBe('monitoring');
  });

  it.each<[string, string, unknown[]]>([
    [
      'an environment without a retention',
      LOGGING.replace('  retentionDays:\n    prod: 30\n', '  retentionDays: {}\n'),
      [{ check: 'config/logging-retention', file: P, line: line + 7, path: 'logging.retentionDays', message: '`logging.retentionDays` has no entry for environment `prod`, which this cluster hosts', hint: 'add `prod: <days>`, e.g. `prod: 30`' }],
    ],
    [
      'a retention for an environment the cluster does not host',
      LOGGING.replace('    prod: 30\n', '    prod: 30\n    staging: 14\n'),
      [{ check: 'config/logging-retention', file: P, line: line + 9, path: 'logging.retentionDays.staging', message: '`logging.retentionDays.staging` names no environment of this cluster', hint: 'use one of `prod`' }],
    ],
    [
      'a volume without a size',
      LOGGING.replace('size: 100Gi', 'size: lots'),
      [{ check: 'config/quantity', file: P, line: line + 3, path: 'logging.elasticsearch.storage.size', message: '`logging.elasticsearch.storage.size` is "lots"; expected a volume size', hint: 'write bytes with a binary suffix, e.g. `100Gi`' }],
    ],
    [
      'a node pool the cluster does not declare',
      LOGGING.replace('  kibana:\n    nodePool: monitoring', '  kibana:\n    nodePool: observability'),
      [{ check: 'config/logging-pool', file: P, line: line + 6, path: 'logging.kibana.nodePool', message: '`logging.kibana.nodePool` is `observability`, which is not a node pool of this cluster', hint: 'name one of `monitoring`, or leave `nodePool` out' }],
    ],
  ])('%s', (_name, text, expected) => {
    const { config, findings } = load(text);
    expect(withoutSeverity(findings)).toEqual(expected);
    expect(config).toBeUndefined();
  });

  it('refuses a retention of zero days and a version that is not one', () => {
    const { findings } = load(LOGGING.replace('prod: 30', 'prod: 0').replace('logging:\n', 'logging:\n  version: latest\n'));
    expect(withoutSeverity(findings).map((f) => [f.check, f.path])).toEqual([
      ['config/pattern', 'logging.version'],
      ['config/range', 'logging.retentionDays.prod'],
    ]);
  });

  it('names the missing declaration when the cluster has no pools at all', () => {
    const { findings } = readConfig(fixtureFs([], { [P]: `${prod}logging: {elasticsearch: {nodePool: monitoring}, retentionDays: {prod: 30}}\n` }), loadOptions);
    expect(withoutSeverity(findings)).toEqual([
      { check: 'config/logging-pool', file: P, line: prod.split('\n').length, path: 'logging.elasticsearch.nodePool', message: '`logging.elasticsearch.nodePool` is `monitoring`, which is not a node pool of this cluster', hint: 'declare the pool under `nodePools`, or leave `nodePool` out' },
    ]);
  });
});
