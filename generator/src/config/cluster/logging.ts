/**
 * Checks of `logging` in `clusters/<cluster>/cluster.yaml` (declaration: ./logging-schema.ts): every
 * environment of the cluster has a retention and no retention names another, the volume has a size,
 * and a named node pool exists.
 */
import type { Finding } from '../../core/finding.js';
import { parseMemory } from '../../core/quantity.js';
import type { ParsedFile } from '../shared/checks.js';
import { Reporter, isRaw, q } from '../shared/checks.js';

/** Checks one cluster file's `logging`. */
export function checkLogging(f: ParsedFile, out: Finding[]): void {
  const l = f.data.logging;
  if (!isRaw(l)) return;
  const r = new Reporter(f.source, out);
  const envs = isRaw(f.data.environments) ? Object.keys(f.data.environments).sort() : [];
  const retention = l.retentionDays;
  if (isRaw(retention)) {
    // An environment without a retention would keep its logs in no data stream of ours (the shipper
    // sends each environment to its own); one naming no environment is a typo that keeps nothing.
    for (const env of envs.filter((e) => !(e in retention))) {
      r.report('logging-retention', ['logging', 'retentionDays'], `${q(['logging', 'retentionDays'])} has no entry for environment \`${env}\`, which this cluster hosts`, `add \`${env}: <days>\`, e.g. \`${env}: ${env === 'prod' ? 30 : 7}\``);
    }
    for (const key of Object.keys(retention).filter((k) => !envs.includes(k))) {
      r.report('logging-retention', ['logging', 'retentionDays', key], `${q(['logging', 'retentionDays', key])} names no environment of this cluster`, `use one of ${envs.map((e) => `\`${e}\``).join(', ')}`, 'key');
    }
  }
  const es = l.elasticsearch;
  if (isRaw(es) && isRaw(es.storage) && typeof es.storage.size === 'string' && !(Number(parseMemory(es.storage.size)) > 0)) {
    const path = ['logging', 'elasticsearch', 'storage', 'size'];
    r.report('quantity', path, `${q(path)} is ${JSON.stringify(es.storage.size)}; expected a volume size`, 'write bytes with a binary suffix, e.g. `100Gi`');
  }
  const pools = Array.isArray(f.data.nodePools) ? f.data.nodePools.flatMap((p) => (isRaw(p) && typeof p.name === 'string' ? [p.name] : [])) : [];
  for (const part of ['elasticsearch', 'kibana'] as const) {
    const x = l[part];
    if (!isRaw(x) || typeof x.nodePool !== 'string' || pools.includes(x.nodePool)) continue;
    const path = ['logging', part, 'nodePool'];
    r.report(
      'logging-pool',
      path,
      `${q(path)} is \`${x.nodePool}\`, which is not a node pool of this cluster`,
      pools.length > 0 ? `name one of ${pools.map((p) => `\`${p}\``).join(', ')}, or leave \`nodePool\` out` : 'declare the pool under `nodePools`, or leave `nodePool` out',
    );
  }
}
