/**
 * Checks of `monitoring` in `clusters/<cluster>/cluster.yaml` (declaration: ./monitoring-schema.ts):
 * the retention is a duration Prometheus reads (the CRD's pattern would refuse anything else at
 * apply time, after the merge), the volumes have a size, and a named node pool exists.
 */
import type { Finding } from '../../core/finding.js';
import { parseMemory } from '../../core/quantity.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { Reporter, isRaw, q } from '../shared/checks.js';

/**
 * Prometheus' duration (prometheus/common model.ParseDuration), as the Prometheus CRD's `retention`
 * pattern states it (platform/crds/prometheus-operator/v0.93.0/monitoring.coreos.com_prometheuses.yaml).
 */
const RETENTION = /^(?:0|(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;

/** Checks one cluster file's `monitoring`. */
export function checkMonitoring(f: ParsedFile, out: Finding[]): void {
  const m = f.data.monitoring;
  if (!isRaw(m)) return;
  const r = new Reporter(f.source, out);
  const pools = Array.isArray(f.data.nodePools) ? f.data.nodePools.flatMap((p) => (isRaw(p) && typeof p.name === 'string' ? [p.name] : [])) : [];
  for (const part of ['prometheus', 'alertmanager'] as const) {
    const x = m[part];
    if (!isRaw(x)) continue;
    const at = (...p: string[]) => ['monitoring', part, ...p];
    if (part === 'prometheus' && typeof x.retention === 'string' && (x.retention === '' || !RETENTION.test(x.retention))) {
      r.report('monitoring-retention', at('retention'), `${q(at('retention'))} is ${JSON.stringify(x.retention)}, not a duration Prometheus reads`, 'write a number and a unit, e.g. `15d`, `4w` or `720h`');
    }
    checkStorage(r, at('storage', 'size'), x.storage);
    if (typeof x.nodePool === 'string' && !pools.includes(x.nodePool)) {
      r.report(
        'monitoring-pool',
        at('nodePool'),
        `${q(at('nodePool'))} is \`${x.nodePool}\`, which is not a node pool of this cluster`,
        pools.length > 0 ? `name one of ${pools.map((p) => `\`${p}\``).join(', ')}, or leave \`nodePool\` out` : 'declare the pool under `nodePools`, or leave `nodePool` out',
      );
    }
  }
}

function checkStorage(r: Reporter, path: string[], storage: unknown): void {
  const s = storage as Raw | undefined;
  if (!isRaw(s) || typeof s.size !== 'string') return;
  if (!(Number(parseMemory(s.size)) > 0)) {
    r.report('quantity', path, `${q(path)} is ${JSON.stringify(s.size)}; expected a volume size`, 'write bytes with a binary suffix, e.g. `50Gi`');
  }
}
