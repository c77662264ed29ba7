import { isDns1123Label, isLabelKey, isLabelValue } from '../../core/names.js';
import { parseCpu, parseMemory } from '../../core/quantity.js';
import { Reporter, isRaw, q } from '../shared/checks.js';
/** Checks `nodePools` of one cluster file; `services` are the known service names (for `services`). */
export function checkNodePools(f, services, out) {
    const pools = f.data.nodePools;
    if (!Array.isArray(pools))
        return;
    const r = new Reporter(f.source, out);
    const names = new Set();
    const groupOwner = new Map();
    const serviceOwner = new Map();
    pools.forEach((p, i) => {
        if (!isRaw(p))
            return;
        const at = (...x) => ['nodePools', i, ...x];
        if (typeof p.name === 'string') {
            if (!isDns1123Label(p.name))
                r.report('name', at('name'), `\`nodePools[${i}].name\` is ${JSON.stringify(p.name)}, not a DNS-1123 label`, 'e.g. `business`');
            else if (names.has(p.name))
                r.report('duplicate', at('name'), `node pool \`${p.name}\` is declared twice`, 'give every pool its own name');
            names.add(p.name);
        }
        if ((typeof p.cpu === 'string' || typeof p.cpu === 'number') && !(Number(parseCpu(p.cpu)) > 0)) {
            r.report('quantity', at('cpu'), `\`nodePools[${i}].cpu\` is ${JSON.stringify(p.cpu)}; expected the CPU of one node, e.g. \`"4"\` or \`3500m\``, 'write cores or millicores');
        }
        if ((typeof p.memory === 'string' || typeof p.memory === 'number') && !(Number(parseMemory(p.memory)) >= 1024 ** 3)) {
            r.report('quantity', at('memory'), `\`nodePools[${i}].memory\` is ${JSON.stringify(p.memory)}; expected the memory of one node (at least 1Gi), e.g. \`8Gi\``, 'write bytes with a binary suffix');
        }
        checkNodeLabels(r, at, p.labels, p.taints);
        for (const [field, owner] of [['groups', groupOwner], ['services', serviceOwner]]) {
            const items = p[field];
            if (!Array.isArray(items))
                continue;
            items.forEach((g, j) => {
                if (typeof g !== 'string')
                    return;
                if (field === 'services' && !services.includes(g)) {
                    r.report('unknown-service', at(field, j), `\`nodePools[${i}].services\` names \`${g}\`, which is not a service`, 'name a folder under apps/');
                }
                const prev = owner.get(g);
                if (prev !== undefined)
                    r.report('duplicate', at(field, j), `\`${g}\` is already placed in node pool \`${prev}\``, `a ${field === 'groups' ? 'group' : 'service'} runs in one pool`);
                else
                    owner.set(g, String(p.name));
            });
        }
    });
    checkDistinctLabels(r, pools);
}
/**
 * A pod placed on a pool selects the pool's labels; a node carrying all of them runs it whichever pool
 * it belongs to. So no pool's labels may all be carried by another pool's nodes, or pods meant for
 * one would land on the other and the capacity of neither would be what the check counts.
 */
function checkDistinctLabels(r, pools) {
    const effective = pools.map((p) => {
        if (!isRaw(p) || typeof p.name !== 'string')
            return undefined;
        if (p.labels === undefined)
            return { name: p.name, written: false, labels: { [POOL_LABEL]: p.name } };
        return isRaw(p.labels) ? { name: p.name, written: true, labels: p.labels } : undefined;
    });
    effective.forEach((a, i) => {
        if (!a)
            return;
        const other = effective.find((b, j) => b && j !== i && a.name !== b.name && Object.entries(a.labels).every(([k, v]) => b.labels[k] === v) && (j > i || Object.keys(b.labels).length !== Object.keys(a.labels).length));
        if (!other)
            return;
        r.report('labels', ['nodePools', i, ...(a.written ? ['labels'] : [])], `the nodes of pool \`${other.name}\` carry every label of pool \`${a.name}\` (${Object.entries(a.labels).map(([k, v]) => `${k}=${String(v)}`).join(', ')}): pods placed on \`${a.name}\` could run on \`${other.name}\``, `give each pool a label the others lack (the default is \`${POOL_LABEL}: <name>\`)`);
    });
}
/** Label keys and values of `labels` and `taints` must have the Kubernetes label syntax (the schema checks the effect). */
function checkNodeLabels(r, at, labels, taints) {
    const key = (path, k, anchor) => {
        if (!isLabelKey(k))
            r.report('label', path, `${q(path)}: ${JSON.stringify(k)} is not a valid label key`, 'an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, e.g. `suoke-life.com/node-pool`', anchor);
    };
    const value = (path, v) => {
        if (typeof v === 'string' && !isLabelValue(v))
            r.report('label', path, `${q(path)}: ${JSON.stringify(v)} is not a valid label value`, 'at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit, e.g. `database`');
    };
    if (isRaw(labels)) {
        for (const [k, v] of Object.entries(labels)) {
            key(at('labels', k), k, 'key');
            value(at('labels', k), v);
        }
    }
    if (!Array.isArray(taints))
        return;
    taints.forEach((t, j) => {
        if (!isRaw(t))
            return;
        if (typeof t.key === 'string')
            key(at('taints', j, 'key'), t.key, 'value');
        value(at('taints', j, 'value'), t.value);
    });
}
/** Label every node of a pool carries when `labels` is not given: `{suoke-life.com/node-pool: <name>}`. */
const POOL_LABEL = 'suoke-life.com/node-pool';
/** The checked `nodePools`; `lineOf(i)`: the line of `nodePools[i]` in its file, for findings. */
export function buildNodePools(pools, lineOf) {
    return pools.map((p, i) => ({ line: lineOf(i), ...p, cpu: String(p.cpu), memory: String(p.memory), labels: p.labels ?? { [POOL_LABEL]: p.name } }));
}
