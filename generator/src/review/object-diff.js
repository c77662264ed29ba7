const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const group = (apiVersion) => (typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
/** Identity of an object within a path: its API group (not version: a version bump is a change), kind, namespace and name. */
function identity(o) {
    const m = isObj(o.metadata) ? o.metadata : {};
    return `${group(o.apiVersion)}|${String(o.kind)}|${String(m.namespace ?? '')}|${String(m.name ?? '')}`;
}
function label(o) {
    const m = isObj(o.metadata) ? o.metadata : {};
    const ns = typeof m.namespace === 'string' ? `${m.namespace}/` : '';
    return `${String(o.kind)} ${ns}${String(m.name ?? '')}`;
}
/** Every object change between `base` and `head`, sorted by environment, path and object. */
export function diffTargets(base, head) {
    const before = new Map(base.map((t) => [t.path, t]));
    const after = new Map(head.map((t) => [t.path, t]));
    const out = [];
    for (const path of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(path);
        const a = after.get(path);
        const target = (a ?? b);
        const old = new Map((b?.objects ?? []).map((o) => [identity(o), o]));
        const now = new Map((a?.objects ?? []).map((o) => [identity(o), o]));
        const at = { env: envOf(target), path, application: target.application };
        for (const [id, o] of now) {
            const was = old.get(id);
            if (!was) {
                out.push({ ...at, change: 'added', object: label(o), apiVersion: String(o.apiVersion), fields: [] });
                continue;
            }
            const fields = fieldChanges(was, o, '');
            if (fields.length > 0)
                out.push({ ...at, change: 'changed', object: label(o), apiVersion: String(o.apiVersion), fields });
        }
        for (const [id, o] of old)
            if (!now.has(id))
                out.push({ ...at, change: 'removed', object: label(o), apiVersion: String(o.apiVersion), fields: [] });
    }
    // Environments first, then the paths of no environment (a cluster's own, the Argo CD layer), by path.
    const key = (c) => `${c.env === '' ? `\uffff${c.path.startsWith('clusters/') ? 0 : 1}` : c.env}\0${c.path}\0${c.object}`;
    return out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}
/** The target's environment; an environment's Argo CD folder (`argocd/environments/<env>`) counts as its own. */
function envOf(t) {
    return t.env !== '' ? t.env : (/^argocd\/environments\/([^/]+)$/.exec(t.path)?.[1] ?? '');
}
/** The changed leaves under `a` → `b`, `at` their common path. */
function fieldChanges(a, b, at) {
    if (same(a, b))
        return [];
    if (isObj(a) && isObj(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
        return keys.flatMap((k) => fieldChanges(a[k], b[k], keyPath(at, k)));
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const named = byName(a) && byName(b);
        if (named) {
            const old = new Map(a.map((x) => [String(x.name), x]));
            const now = new Map(b.map((x) => [String(x.name), x]));
            return [...new Set([...old.keys(), ...now.keys()])].flatMap((n) => fieldChanges(old.get(n), now.get(n), `${at}[name=${n}]`));
        }
        if (a.length === b.length)
            return a.flatMap((x, i) => fieldChanges(x, b[i], `${at}[${i}]`));
        // Lengths differ: the items added and removed, by value (an AppProject's destinations, a list of hosts).
        const removed = minus(a, b);
        const added = minus(b, a);
        return [...removed.map((x) => change(`${at}[-]`, x, undefined)), ...added.map((x) => change(`${at}[+]`, undefined, x))];
    }
    return [change(at, a, b)];
}
/** `at.key`, or `at["app.kubernetes.io/name"]` for a key that is not a plain word (labels, annotations, file names). */
function keyPath(at, key) {
    if (!/^[A-Za-z_][\w-]*$/.test(key))
        return `${at}[${JSON.stringify(key)}]`;
    return at === '' ? key : `${at}.${key}`;
}
/** The items of `a` left once each item of `b` has taken out one equal item (a multiset difference, by JSON value). */
function minus(a, b) {
    const left = new Map();
    for (const x of b)
        left.set(JSON.stringify(x), (left.get(JSON.stringify(x)) ?? 0) + 1);
    return a.filter((x) => {
        const n = left.get(JSON.stringify(x)) ?? 0;
        if (n > 0)
            left.set(JSON.stringify(x), n - 1);
        return n === 0;
    });
}
/** A list whose every item is an object with a distinct string `name`. */
function byName(list) {
    const names = list.map((x) => (isObj(x) && typeof x.name === 'string' ? x.name : undefined));
    return list.length > 0 && names.every((n) => n !== undefined) && new Set(names).size === names.length;
}
function change(path, before, after) {
    const topic = topicOf(path);
    return { path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}), ...(topic ? { topic } : {}) };
}
/** The topic of a field path, from its last key (and for resources and windows, where it lies). */
function topicOf(path) {
    const last = path.replace(/\[[^\]]*\]$/, '').split('.').pop() ?? '';
    // `stableVersion`, `canaryVersion`: the image versions an environment's ApplicationSet passes its services.
    if (['image', 'newTag', 'newName', 'digest', 'stableVersion', 'canaryVersion'].includes(last))
        return 'image';
    if (last === 'setWeight' || last === 'weight')
        return 'weight';
    if (last === 'replicas' || last === 'minReplicas' || last === 'maxReplicas')
        return 'replicas';
    if (/(^|\.)resources(\.|$)/.test(path))
        return 'resources';
    if (/(^|\.)syncWindows(\[|\.|$)/.test(path))
        return 'windows';
    return undefined;
}
/** Equal values; objects equal in JSON with their keys in the same order (otherwise compared key by key). */
function same(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    return JSON.stringify(a) === JSON.stringify(b);
}
