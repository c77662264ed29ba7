import { parseCpu, parseMemory } from '../core/quantity.js';
import { cores, gib } from './capacity.js';
import { add, podUsage, replicaRange, zero } from './pod-usage.js';
import { nameOf, namespaceOf, rec } from './rules/pod.js';
import { isPlainObject } from '../core/objects.js';
const usage = () => ({ requests: zero(), limits: zero(), pods: 0, sidecars: { requests: zero(), limits: zero() } });
/** Sums the environment's workloads per namespace. */
function quotaUsage(objects) {
    const out = new Map();
    for (const w of objects) {
        const range = replicaRange(w, objects);
        if (!range)
            continue;
        const ns = namespaceOf(w);
        const r = out.get(ns) ?? { namespace: ns, minimum: usage(), worst: { ...usage(), surge: 0, canary: 0 }, unset: [] };
        const pod = podUsage(w, objects);
        if (pod.unset.length > 0)
            r.unset.push({ workload: `${String(w.kind)} ${nameOf(w)}`, keys: pod.unset });
        const charge = (u, n) => {
            u.requests = add(u.requests, pod.requests, n);
            u.limits = add(u.limits, pod.limits, n);
            u.sidecars.requests = add(u.sidecars.requests, pod.sidecar.requests, n);
            u.sidecars.limits = add(u.sidecars.limits, pod.sidecar.limits, n);
            u.pods += n;
        };
        charge(r.minimum, range.min);
        charge(r.worst, range.max + range.surge + range.canary);
        r.worst.surge += range.surge;
        r.worst.canary += range.canary;
        out.set(ns, r);
    }
    return out;
}
/** Holds every ResourceQuota of the environment against the pods of its namespace. */
export function measureQuota(input) {
    const reports = quotaUsage(input.objects);
    const findings = [];
    const at = { file: input.file, ...(input.line !== undefined ? { line: input.line } : {}), path: `environments.${input.env}.quota` };
    const config = `environments.${input.env}.quota in ${input.file}`;
    for (const q of quotas(input.objects)) {
        const ns = namespaceOf(q);
        const r = reports.get(ns);
        if (!r)
            continue;
        const hard = hardOf(q);
        const name = `ResourceQuota ${ns}/${nameOf(q)}`;
        const allows = describe(hard);
        // Quota refuses a pod in which any container leaves a tracked resource unset ("must specify").
        for (const u of r.unset) {
            const missing = u.keys.filter((k) => k in hard);
            if (missing.length === 0)
                continue;
            findings.push({
                check: 'policy/quota', severity: 'error', ...at,
                message: `${name} refuses every pod of ${u.workload}: a container (or its Istio sidecar) sets no ${missing.join(', ')} and no LimitRange default fills it in`,
                hint: 'set requests and limits on every container, and all four sidecar.istio.io/proxy* annotations (environments.<env>.sidecar)',
            });
        }
        const min = over(hard, r.minimum);
        if (min.length > 0) {
            findings.push({
                check: 'policy/quota', severity: 'error', ...at,
                message: `${name} cannot hold the pods at minimum replicas: ${figures(r.minimum)}; it allows ${allows}, so pods are refused (${min.join(', ')} over)`,
                hint: `raise ${config} to at least ${needed(hard, r.minimum)}, or lower the requests, limits or minReplicas of its services`,
            });
        }
        const worst = over(hard, r.worst);
        if (worst.length > 0) {
            findings.push({
                check: 'policy/quota', severity: 'error', ...at,
                message: `${name} cannot hold what it admits at the worst case, every workload at its maximum replicas with ${r.worst.surge} rolling-update surge and ${r.worst.canary} canary pods: ` +
                    `${figures(r.worst)}; it allows ${allows}, so autoscaling, rollouts and canaries stop silently (${worst.join(', ')} over)`,
                hint: `raise ${config} to at least ${needed(hard, r.worst)}, or lower maxReplicas (autoscaling) or the requests and limits of its services in apps/<service>/service.yaml`,
            });
        }
        findings.push({
            check: 'policy/quota-headroom', severity: 'info', ...at,
            message: `${name} allows ${allows}; at minimum replicas ${figures(r.minimum)}; at the worst case (maximum replicas, ${r.worst.surge} surge and ${r.worst.canary} canary pods) ${figures(r.worst)}`,
        });
    }
    return { reports: [...reports.values()], findings };
}
/** Namespaced ResourceQuotas without scopes (a scoped quota counts only some pods: not modelled). */
function quotas(objects) {
    return objects.filter((o) => o.kind === 'ResourceQuota' && namespaceOf(o) !== '' && !isPlainObject(rec(o.spec).scopeSelector) && rec(o.spec).scopes === undefined);
}
function hardOf(q) {
    const h = rec(rec(q.spec).hard);
    const v = (k, parse) => {
        const x = h[k];
        return typeof x === 'string' || typeof x === 'number' ? parse(x) : undefined;
    };
    const count = (x) => (/^\d+$/.test(String(x)) ? Number(x) : undefined);
    const out = {
        // `cpu` and `memory` are the older names of `requests.cpu` and `requests.memory`.
        'requests.cpu': v('requests.cpu', parseCpu) ?? v('cpu', parseCpu),
        'requests.memory': v('requests.memory', parseMemory) ?? v('memory', parseMemory),
        'limits.cpu': v('limits.cpu', parseCpu),
        'limits.memory': v('limits.memory', parseMemory),
        pods: v('pods', count),
    };
    return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined));
}
function used(u) {
    return { 'requests.cpu': u.requests.cpu, 'requests.memory': u.requests.memory, 'limits.cpu': u.limits.cpu, 'limits.memory': u.limits.memory, pods: u.pods };
}
const show = (k, n) => (k.endsWith('.cpu') ? `${cores(n)} CPU` : k.endsWith('.memory') ? gib(n) : `${n} pods`);
/** `requests.cpu by 3.2 CPU`, … for every hard limit exceeded. */
function over(hard, u) {
    const have = used(u);
    return Object.keys(hard).filter((k) => have[k] > hard[k]).map((k) => `${k} by ${show(k, have[k] - hard[k])}`);
}
function describe(hard) {
    const part = (a, b) => [a, b].filter((k) => hard[k] !== undefined).map((k) => show(k, hard[k])).join(' / ');
    return [`requests ${part('requests.cpu', 'requests.memory')}`, `limits ${part('limits.cpu', 'limits.memory')}`, hard.pods !== undefined ? `${hard.pods} pods` : ''].filter((s) => !/^\w+ $/.test(s) && s !== '').join(', ');
}
function figures(u) {
    return (`${u.pods} pods request ${cores(u.requests.cpu)} CPU / ${gib(u.requests.memory)} and limit ${cores(u.limits.cpu)} CPU / ${gib(u.limits.memory)}` +
        (u.sidecars.requests.cpu + u.sidecars.requests.memory > 0
            ? ` (Istio sidecars ${cores(u.sidecars.requests.cpu)} CPU / ${gib(u.sidecars.requests.memory)} of the requests, ${cores(u.sidecars.limits.cpu)} CPU / ${gib(u.sidecars.limits.memory)} of the limits)`
            : ''));
}
/**
 * The quota that would hold `u`, in the configuration's terms (CPU rounded up to whole cores, memory to
 * whole GiB), for the resources the quota tracks.
 */
function needed(hard, u) {
    const have = used(u);
    const at = (k) => Math.max(have[k], hard[k] ?? 0);
    const pair = (group) => hard[`${group}.cpu`] === undefined && hard[`${group}.memory`] === undefined
        ? []
        : [`${group} {cpu: "${Math.ceil(at(`${group}.cpu`) / 1000)}", memory: ${Math.ceil(at(`${group}.memory`) / 1024 ** 3)}Gi}`];
    return [...pair('requests'), ...pair('limits'), ...(hard.pods !== undefined ? [`pods: ${at('pods')}`] : [])].join(', ');
}
