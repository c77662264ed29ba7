/**
 * An in-memory Kubernetes cluster: the live objects, who manages each, and the admission that
 * decides whether an object can be created at all (its kind served, its namespace there).
 */
import { groupKind, isBuiltIn, isClusterScoped, kindOf, keyOf, meta, namespaceOf, rec, str } from './objects.js';
export class Cluster {
    server;
    label;
    live = new Map();
    // Indexes, so a reconcile looks up a kind or an Application's objects without scanning the cluster.
    byKind = new Map();
    byOwner = new Map();
    crds = new Set();
    /** Changes whenever an object is created or deleted (not when one is updated). */
    version = 0;
    constructor(server, label, preconditions, namespaces) {
        this.server = server;
        this.label = label;
        for (const p of preconditions)
            for (const c of p.crds)
                this.crds.add(c);
        for (const ns of [...namespaces, ...preconditions.flatMap((p) => p.namespaces ?? [])]) {
            this.put(`/Namespace//${ns}`, { manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, generation: 1, appliedAt: 0, status: { phase: 'Active' } });
        }
    }
    /** Every live object by key. */
    get objects() {
        return this.live;
    }
    get(key) {
        return this.live.get(key);
    }
    /** Creates (or replaces) a live object as a controller or an installer would, bypassing admission. */
    put(key, live) {
        this.delete(key);
        this.version++;
        this.live.set(key, live);
        const gk = groupKind(live.manifest);
        let kind = this.byKind.get(gk);
        if (!kind)
            this.byKind.set(gk, (kind = new Map()));
        kind.set(key, live);
        this.own(key, live.owner);
    }
    /** Keys of the objects an Application (or `appset:<name>`) manages. */
    owned(owner) {
        return this.byOwner.get(owner) ?? new Set();
    }
    own(key, owner) {
        if (owner === undefined)
            return;
        let keys = this.byOwner.get(owner);
        if (!keys)
            this.byOwner.set(owner, (keys = new Set()));
        keys.add(key);
    }
    namespace(name) {
        return name === undefined ? undefined : this.live.get(`/Namespace//${name}`)?.manifest;
    }
    /** Live objects of a kind (`apps/Deployment`), optionally in one namespace. */
    list(gk, ns) {
        const all = [...(this.byKind.get(gk)?.values() ?? [])];
        return ns === undefined ? all : all.filter((l) => namespaceOf(l.manifest) === ns);
    }
    /**
     * Why the API server would refuse to create `obj` (undefined when it would not). `crdsInSync`:
     * kinds whose CRD the same sync creates, which the dry run lets through
     * [gitops-engine pkg/sync/sync_context.go:741-748 @ 4c6e03c].
     */
    refusal(obj, opts) {
        const gk = groupKind(obj);
        if (!isBuiltIn(gk) && !this.crds.has(gk) && !(opts.dryRun && opts.crdsInSync?.has(gk))) {
            return `no matches for kind "${kindOf(obj)}" in version "${String(obj['apiVersion'])}": its CustomResourceDefinition is not installed on cluster ${this.label}`;
        }
        const ns = namespaceOf(obj);
        // A client-side dry run does not look the namespace up: a missing namespace fails the apply itself.
        if (!opts.dryRun && !isClusterScoped(gk) && ns !== undefined && !this.namespace(ns))
            return `namespaces "${ns}" not found`;
        return undefined;
    }
    /** Creates or updates `obj`; `serverSide` merges labels, annotations and data as server-side apply keeps other managers' fields. */
    apply(obj, owner, now, serverSide = false) {
        const refused = this.refusal(obj, { dryRun: false });
        if (refused)
            return refused;
        const key = keyOf(obj);
        const live = this.live.get(key);
        // Manifests are never mutated in the simulation (every change builds a new object), so the
        // applied object itself is stored: no copy, and its serialization is computed once.
        let manifest = obj;
        if (live && serverSide)
            manifest = mergeServerSide(live.manifest, manifest);
        if (live) {
            const changed = live.manifest !== manifest && JSON.stringify(withoutStatus(live.manifest)) !== JSON.stringify(withoutStatus(manifest));
            live.manifest = manifest;
            if (owner !== undefined && live.owner !== owner) {
                if (live.owner !== undefined)
                    this.byOwner.get(live.owner)?.delete(key);
                live.owner = owner;
                this.own(key, owner);
            }
            if (changed) {
                live.generation++;
                live.appliedAt = now;
            }
        }
        else {
            this.put(key, { manifest, ...(owner !== undefined ? { owner } : {}), generation: 1, appliedAt: now, status: {} });
        }
        if (groupKind(obj) === 'apiextensions.k8s.io/CustomResourceDefinition') {
            const spec = rec(obj['spec']);
            this.crds.add(`${str(spec['group']) ?? ''}/${str(rec(spec['names'])['kind']) ?? ''}`);
        }
        return undefined;
    }
    delete(key) {
        const live = this.live.get(key);
        if (!live)
            return;
        this.version++;
        this.live.delete(key);
        this.byKind.get(groupKind(live.manifest))?.delete(key);
        if (live.owner !== undefined)
            this.byOwner.get(live.owner)?.delete(key);
    }
}
function withoutStatus(o) {
    const { status: _status, ...rest } = o;
    return rest;
}
function mergeServerSide(live, applied) {
    const m = meta(live);
    const a = meta(applied);
    return {
        ...applied,
        metadata: { ...a, labels: { ...rec(m['labels']), ...rec(a['labels']) }, annotations: { ...rec(m['annotations']), ...rec(a['annotations']) } },
        ...(applied['data'] !== undefined || live['data'] !== undefined ? { data: { ...rec(live['data']), ...rec(applied['data']) } } : {}),
    };
}
