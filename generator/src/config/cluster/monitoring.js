import { parseMemory } from '../../core/quantity.js';
import { Reporter, isRaw, q } from '../shared/checks.js';
/**
 * Prometheus' duration (prometheus/common model.ParseDuration), as the Prometheus CRD's `retention`
 * pattern states it (platform/crds/prometheus-operator/v0.93.0/monitoring.coreos.com_prometheuses.yaml).
 */
const RETENTION = /^(?:0|(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;
/** Checks one cluster file's `monitoring`. */
export function checkMonitoring(f, out) {
    const m = f.data.monitoring;
    if (!isRaw(m))
        return;
    const r = new Reporter(f.source, out);
    const pools = Array.isArray(f.data.nodePools) ? f.data.nodePools.flatMap((p) => (isRaw(p) && typeof p.name === 'string' ? [p.name] : [])) : [];
    for (const part of ['prometheus', 'alertmanager']) {
        const x = m[part];
        if (!isRaw(x))
            continue;
        const at = (...p) => ['monitoring', part, ...p];
        if (part === 'prometheus' && typeof x.retention === 'string' && (x.retention === '' || !RETENTION.test(x.retention))) {
            r.report('monitoring-retention', at('retention'), `${q(at('retention'))} is ${JSON.stringify(x.retention)}, not a duration Prometheus reads`, 'write a number and a unit, e.g. `15d`, `4w` or `720h`');
        }
        checkStorage(r, at('storage', 'size'), x.storage);
        if (typeof x.nodePool === 'string' && !pools.includes(x.nodePool)) {
            r.report('monitoring-pool', at('nodePool'), `${q(at('nodePool'))} is \`${x.nodePool}\`, which is not a node pool of this cluster`, pools.length > 0 ? `name one of ${pools.map((p) => `\`${p}\``).join(', ')}, or leave \`nodePool\` out` : 'declare the pool under `nodePools`, or leave `nodePool` out');
        }
    }
}
function checkStorage(r, path, storage) {
    const s = storage;
    if (!isRaw(s) || typeof s.size !== 'string')
        return;
    if (!(Number(parseMemory(s.size)) > 0)) {
        r.report('quantity', path, `${q(path)} is ${JSON.stringify(s.size)}; expected a volume size`, 'write bytes with a binary suffix, e.g. `50Gi`');
    }
}
