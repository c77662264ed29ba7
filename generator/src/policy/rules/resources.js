import { parseCpu, parseMemory, parseQuantity } from '../../core/quantity.js';
import { containers, isWorkload, label, podTemplate, rec } from './pod.js';
import { isPlainObject } from '../../core/objects.js';
const what = {
    'requests.cpu': 'CPU request',
    'requests.memory': 'memory request',
    'limits.cpu': 'CPU limit',
    'limits.memory': 'memory limit',
};
export const resources = {
    id: 'resources',
    description: 'Every container sets CPU and memory requests (for scheduling) and limits (so one pod cannot starve a node).',
    severity: { development: 'warning', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const r = rec(c.c.resources);
            return Object.keys(what)
                .filter((k) => {
                const [group, name] = k.split('.');
                const v = rec(r[group])[name];
                return v === undefined || v === null || v === '';
            })
                .map((k) => ctx.report([...c.at, 'resources', ...k.split('.')], `${label(c)} sets no ${what[k]}`, `set resources.${k}`));
        });
    },
};
/**
 * Quantities the API server would refuse although they are grammatical: a request above its limit,
 * CPU finer than 1m, fractional bytes. Grammar and units are the schema validator's (`schema/format`,
 * `schema/quantity-unit`), so values it reports are skipped here.
 */
export const quantity = {
    id: 'quantity',
    description: 'Resource quantities are usable: CPU in whole millicores, memory in whole bytes, requests not above limits.',
    severity: { development: 'error', production: 'error' },
    applies: isWorkload,
    check(obj, ctx) {
        return containers(podTemplate(obj)).flatMap((c) => {
            const r = rec(c.c.resources);
            const out = [];
            const parsed = {};
            for (const group of ['requests', 'limits']) {
                const g = r[group];
                if (!isPlainObject(g))
                    continue;
                for (const name of ['cpu', 'memory']) {
                    const v = g[name];
                    if (typeof v !== 'string' && typeof v !== 'number')
                        continue;
                    // Not a quantity at all, or a unit mistake: the schema validator reports those.
                    if (parseQuantity(v) === undefined || (name === 'cpu' && /[KMGTPE]i$/.test(String(v))) || (name === 'memory' && /m$/.test(String(v))))
                        continue;
                    const n = name === 'cpu' ? parseCpu(v) : parseMemory(v);
                    parsed[`${group}.${name}`] = n;
                    if (n === undefined) {
                        out.push(ctx.report([...c.at, 'resources', group, name], name === 'cpu' ? `${label(c)} ${group}.cpu "${v}" is not a CPU amount in cores or whole millicores` : `${label(c)} ${group}.memory "${v}" is not a whole number of bytes`, name === 'cpu' ? 'write CPU as cores or millicores, e.g. `250m`' : 'write memory with a binary suffix, e.g. `512Mi`'));
                    }
                }
            }
            for (const name of ['cpu', 'memory']) {
                const req = parsed[`requests.${name}`];
                const lim = parsed[`limits.${name}`];
                if (req !== undefined && lim !== undefined && req > lim) {
                    out.push(ctx.report([...c.at, 'resources', 'requests', name], `${label(c)} requests more ${name === 'cpu' ? 'CPU' : 'memory'} (${String(rec(r.requests)[name])}) than its limit (${String(rec(r.limits)[name])}); the API server refuses it`, `lower resources.requests.${name} or raise resources.limits.${name}`));
                }
            }
            return out;
        });
    },
};
