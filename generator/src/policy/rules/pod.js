import { isPlainObject } from '../../core/objects.js';
export const rec = (v) => (isPlainObject(v) ? v : {});
export const list = (v) => (Array.isArray(v) ? v : []);
export const str = (v) => (typeof v === 'string' ? v : undefined);
/** Kinds with a pod template at `spec.template` (Argo Rollouts' `Rollout` included). */
const TEMPLATED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Rollout', 'ReplicationController']);
/** The pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Rollout or Pod. */
export function podTemplate(obj) {
    const kind = obj.kind;
    const spec = rec(obj.spec);
    if (kind === 'Pod')
        return isPlainObject(obj.spec) ? { spec: obj.spec, at: ['spec'], labels: rec(rec(obj.metadata).labels) } : undefined;
    let template;
    let at;
    if (kind === 'CronJob') {
        template = rec(rec(rec(spec.jobTemplate).spec).template);
        at = ['spec', 'jobTemplate', 'spec', 'template'];
    }
    else if (typeof kind === 'string' && TEMPLATED.has(kind)) {
        template = spec.template;
        at = ['spec', 'template'];
    }
    else
        return undefined;
    if (!isPlainObject(template) || !isPlainObject(template.spec))
        return undefined;
    return { spec: template.spec, at: [...at, 'spec'], labels: rec(rec(template.metadata).labels) };
}
export function isWorkload(obj) {
    return podTemplate(obj) !== undefined;
}
/** Long-running workloads (not Jobs, CronJobs or bare Pods): they need probes and replicas. */
export function isService(obj) {
    return ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout', 'ReplicaSet', 'ReplicationController'].includes(String(obj.kind));
}
/** Containers and init containers of a pod spec. */
export function containers(pod, withInit = true) {
    const out = [];
    const add = (field, init) => list(pod.spec[field]).forEach((c, i) => {
        if (isPlainObject(c))
            out.push({ c, at: [...pod.at, field, i], name: str(c.name) ?? `#${i}`, init });
    });
    add('containers', false);
    if (withInit)
        add('initContainers', true);
    return out;
}
/** `container "x"` or `init container "x"`. */
export function label(c) {
    return `${c.init ? 'init container' : 'container'} "${c.name}"`;
}
export function namespaceOf(o) {
    return str(rec(o.metadata).namespace) ?? '';
}
export function nameOf(o) {
    return str(rec(o.metadata).name) ?? '';
}
/** The string-valued entries of a map (labels, a node selector); anything else is left out. */
export function stringMap(v) {
    return Object.fromEntries(Object.entries(rec(v)).filter((e) => typeof e[1] === 'string'));
}
/** The value at `path` (keys and list indexes) under `v`; undefined past anything that is not an object. */
export function valueAt(v, path) {
    return path.reduce((x, k) => (Array.isArray(x) ? x[Number(k)] : rec(x)[String(k)]), v);
}
/** `<group>/<Kind>` of an object, the core group empty: `postgresql.cnpg.io/Cluster`, `/PersistentVolumeClaim`. */
export function groupKind(o) {
    const api = String(o.apiVersion);
    return `${api.includes('/') ? api.split('/')[0] : ''}/${String(o.kind)}`;
}
/** Whether a LabelSelector (`matchLabels`, `matchExpressions`) selects these labels. An empty selector selects everything. */
export function selects(selector, labels) {
    const s = rec(selector);
    for (const [k, v] of Object.entries(rec(s.matchLabels)))
        if (labels[k] !== v)
            return false;
    for (const e of list(s.matchExpressions)) {
        const x = rec(e);
        const key = str(x.key);
        if (key === undefined)
            continue;
        const value = labels[key];
        const values = list(x.values);
        const op = x.operator;
        if (op === 'In' && !values.includes(value))
            return false;
        if (op === 'NotIn' && value !== undefined && values.includes(value))
            return false;
        if (op === 'Exists' && value === undefined)
            return false;
        if (op === 'DoesNotExist' && value !== undefined)
            return false;
    }
    return true;
}
/** Whether a plain map selector (a Service's `spec.selector`) selects these labels. */
export function selectsMap(selector, labels) {
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
/** `app=x,tier=y` for messages. */
export function showSelector(selector) {
    const s = rec(selector);
    const m = isPlainObject(s.matchLabels) || isPlainObject(s.matchExpressions) || Array.isArray(s.matchExpressions) ? rec(s.matchLabels) : s;
    const parts = Object.entries(m).map(([k, v]) => `${k}=${String(v)}`);
    for (const e of list(s.matchExpressions)) {
        const x = rec(e);
        parts.push(`${String(x.key)} ${String(x.operator)}${list(x.values).length ? ` (${list(x.values).join(', ')})` : ''}`);
    }
    return parts.join(',');
}
/** Appends `value` to the list under `key`. */
function fileUnder(map, key, value) {
    const found = map.get(key);
    if (found)
        found.push(value);
    else
        map.set(key, [value]);
}
const groupings = new WeakMap();
/**
 * `objects` grouped under the keys `keysOf` gives each (none, one or several), lists in list order.
 * Built once per object list and grouping `name`, so checks that look up the objects behind every
 * Service, PDB, HPA or policy stay linear in the size of an environment.
 */
function grouped(objects, name, keysOf) {
    let byName = groupings.get(objects);
    if (!byName)
        groupings.set(objects, (byName = new Map()));
    let groups = byName.get(name);
    if (!groups) {
        groups = new Map();
        for (const o of objects)
            for (const [key, value] of keysOf(o))
                fileUnder(groups, key, value);
        byName.set(name, groups);
    }
    return groups;
}
/** The `key=value` pairs a selector requires (`matchLabels`, or a plain label map); none when it requires none by value. */
function requiredPairs(selector) {
    const s = rec(selector);
    return Object.entries(isPlainObject(s.matchLabels) ? s.matchLabels : isPlainObject(s.matchExpressions) || Array.isArray(s.matchExpressions) ? {} : s);
}
/** Every pair must match, so the smallest group of any one pair (`<prefix>key=value`) holds all matches. */
function narrowest(groups, prefix, pairs) {
    let best;
    for (const [k, v] of pairs) {
        const group = groups.get(`${prefix}${k}=${String(v)}`) ?? [];
        if (!best || group.length < best.length)
            best = group;
    }
    return best ?? [];
}
/** Workloads by namespace (`ns`) and by pod label (`ns|key=value`). */
function workloads(objects) {
    return grouped(objects, 'workloads', function* (o) {
        const pod = podTemplate(o);
        if (!pod)
            return;
        const ns = namespaceOf(o);
        const w = { obj: o, pod };
        yield [ns, w];
        for (const [k, v] of Object.entries(pod.labels))
            yield [`${ns}|${k}=${String(v)}`, w];
    });
}
/** Workloads among `objects` in namespace `ns`. */
function workloadsIn(objects, ns) {
    return workloads(objects).get(ns) ?? [];
}
/**
 * The workloads in `ns` that could match `selector` (a LabelSelector or a plain map), narrowed by its
 * least common `matchLabels` (or map) pair; callers still apply the full selector.
 */
export function workloadCandidates(objects, ns, selector) {
    const pairs = requiredPairs(selector);
    return pairs.length === 0 ? workloadsIn(objects, ns) : narrowest(workloads(objects), `${ns}|`, pairs);
}
/**
 * Objects of `kind` in `ns` whose own labels may match `selector`: a superset of those it selects,
 * in list order (callers still apply the selector).
 */
export function labelledCandidates(objects, ns, kind, selector) {
    const pairs = requiredPairs(selector);
    if (pairs.length === 0)
        return objectsOfKind(objects, ns, kind);
    const byLabel = grouped(objects, `labels of ${kind}`, function* (o) {
        if (o.kind !== kind)
            return;
        for (const [k, v] of Object.entries(rec(rec(o.metadata).labels)))
            yield [`${namespaceOf(o)}|${k}=${String(v)}`, o];
    });
    return narrowest(byLabel, `${ns}|`, pairs);
}
const selectorIndexes = new WeakMap();
/**
 * Objects of `kind` in `ns` whose selector (`selectorOf`, named by `field` for the index) may select
 * pods labelled `labels`: a superset of those that do, in list order (callers still apply the
 * selector). Each object is filed under the least common pair its selector requires.
 */
export function selectorCandidates(objects, ns, kind, field, selectorOf, labels) {
    let byKind = selectorIndexes.get(objects);
    if (!byKind)
        selectorIndexes.set(objects, (byKind = new Map()));
    const key = `${ns}|${kind}|${field}`;
    let ix = byKind.get(key);
    if (!ix) {
        const all = objectsOfKind(objects, ns, kind);
        ix = { byPair: new Map(), rest: [], order: new Map(all.map((o, i) => [o, i])) };
        const count = new Map();
        const pairsOf = all.map((o) => requiredPairs(selectorOf(o)).map(([k, v]) => `${k}=${String(v)}`));
        for (const pairs of pairsOf)
            for (const p of pairs)
                count.set(p, (count.get(p) ?? 0) + 1);
        all.forEach((o, i) => {
            const pairs = pairsOf[i];
            if (pairs.length === 0)
                ix.rest.push(o);
            else
                fileUnder(ix.byPair, pairs.reduce((a, b) => (count.get(b) < count.get(a) ? b : a)), o);
        });
        byKind.set(key, ix);
    }
    const order = ix.order;
    const out = [...ix.rest];
    for (const [k, v] of Object.entries(labels))
        out.push(...(ix.byPair.get(`${k}=${String(v)}`) ?? []));
    return out.length > 1 ? out.sort((a, b) => order.get(a) - order.get(b)) : out;
}
/** Objects of `kind` named `name` in `ns`, in list order. */
export function objectsNamed(objects, ns, kind, name) {
    const byName = grouped(objects, 'names', (o) => [[`${namespaceOf(o)}|${String(o.kind)}|${nameOf(o)}`, o]]);
    return byName.get(`${ns}|${kind}|${name}`) ?? [];
}
/** The first HorizontalPodAutoscaler among `objects` that scales `obj`. */
export function autoscalerOf(obj, objects) {
    const byTarget = grouped(objects, 'autoscaler targets', function* (o) {
        if (o.kind !== 'HorizontalPodAutoscaler')
            return;
        const ref = rec(rec(o.spec).scaleTargetRef);
        yield [`${namespaceOf(o)}|${String(ref.kind)}|${String(ref.name)}`, o];
    });
    return byTarget.get(`${namespaceOf(obj)}|${String(obj.kind)}|${nameOf(obj)}`)?.find((h) => targets(h, obj));
}
/** Objects of `kind` in namespace `ns` among `objects`. */
export function objectsOfKind(objects, ns, kind) {
    const byKind = grouped(objects, 'kinds', (o) => [[`${namespaceOf(o)}|${String(o.kind)}`, o]]);
    return byKind.get(`${ns}|${kind}`) ?? [];
}
/**
 * The smallest number of pods the workload runs: the HPA's `minReplicas` when an HPA among
 * `objects` scales it, else `spec.replicas` (default 1). `undefined` for kinds without replicas.
 */
export function minimumReplicas(obj, objects) {
    if (!['Deployment', 'StatefulSet', 'Rollout', 'ReplicaSet', 'ReplicationController'].includes(String(obj.kind)))
        return undefined;
    const hpa = autoscalerOf(obj, objects);
    if (hpa) {
        const min = rec(hpa.spec).minReplicas;
        return typeof min === 'number' ? min : 1;
    }
    const r = rec(obj.spec).replicas;
    return typeof r === 'number' ? r : 1;
}
/** Whether an HPA's `scaleTargetRef` names this object. */
function targets(hpa, obj) {
    const ref = rec(rec(hpa.spec).scaleTargetRef);
    return ref.kind === obj.kind && ref.name === nameOf(obj) && (ref.apiVersion === undefined || ref.apiVersion === obj.apiVersion);
}
