/**
 * The simulated world: Argo CD's own cluster, the workload clusters, the repository's sources, and
 * the bookkeeping of the application controller (operations in progress, what blocks what).
 */
import { Cluster } from './cluster.js';
import { healthOverrides } from './health.js';
import { label, rec } from './objects.js';
import { Workloads } from './workloads.js';
/** Where Argo CD runs (`https://kubernetes.default.svc`). */
const IN_CLUSTER = 'https://kubernetes.default.svc';
export class World {
    input;
    argocd;
    clusters = new Map();
    workloads = new Map();
    operations = new Map();
    /** Applications whose auto-sync a window denied at the last reconcile. */
    windowDenied = new Set();
    /** Target object keys of each Application's last comparison. */
    targets = new Map();
    namespace;
    /** The instant being reconciled. */
    now = 0;
    /** Applications the committed tree defines, and the key of the object that creates each (`argoproj.io/ApplicationSet/argocd/suoke-dev`). */
    expected = new Map();
    /** The generated Application each live one was last written from by its ApplicationSet. */
    generatedFrom = new WeakMap();
    built = new Map();
    constructor(input) {
        this.input = input;
        this.namespace = input.argocdNamespace ?? 'argocd';
        this.argocd = new Cluster(IN_CLUSTER, 'in-cluster', input.preconditions.argocd, [this.namespace, 'default', 'kube-system']);
        // Argo CD's install ships argocd-cm (labelled for its settings informer) without our health checks.
        this.argocd.put(`/ConfigMap/${this.namespace}/argocd-cm`, {
            manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm', namespace: this.namespace, labels: { 'app.kubernetes.io/part-of': 'argocd' } }, data: {} },
            generation: 1,
            appliedAt: 0,
            status: {},
        });
        this.clusters.set(IN_CLUSTER, this.argocd);
        this.workloads.set(IN_CLUSTER, new Workloads(this.argocd));
    }
    /** The cluster behind a destination server; a workload cluster is registered on first use (`argocd cluster add`). */
    cluster(server) {
        let c = this.clusters.get(server);
        if (!c) {
            c = new Cluster(server, server, this.input.preconditions.workload, ['default', 'kube-system']);
            this.clusters.set(server, c);
            this.workloads.set(server, new Workloads(c));
        }
        return c;
    }
    source(path) {
        let b = this.built.get(path);
        if (!b)
            this.built.set(path, (b = this.input.source(path)));
        return b;
    }
    /**
     * The health checks of the live `argocd-cm`; Argo CD's settings informer sees the ConfigMap only
     * while it carries `app.kubernetes.io/part-of: argocd` (docs: issue 9 notes §7).
     */
    overrides() {
        const cm = this.argocd.get(`/ConfigMap/${this.namespace}/argocd-cm`)?.manifest;
        if (cm === this.cached?.cm)
            return this.cached.value;
        const value = !cm || label(cm, 'app.kubernetes.io/part-of') !== 'argocd' ? new Map() : healthOverrides(rec(cm['data']));
        this.cached = { cm, value };
        return value;
    }
    cached;
    /** A new revision of the repository (a merged change): later reconciles compare with it. */
    change(input) {
        this.input = input;
        this.built.clear();
    }
}
