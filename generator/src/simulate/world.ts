/**
 * The simulated world: Argo CD's own cluster, the workload clusters, the repository's sources, and
 * the bookkeeping of the application controller (operations in progress, what blocks what).
 */
import { Cluster, type Live, type Precondition } from './cluster.js';
import { healthOverrides, type HealthOverrides } from './health.js';
import { label, rec, type Obj } from './objects.js';
import type { Task } from './sync.js';
import { Workloads } from './workloads.js';

/** Where Argo CD runs (`https://kubernetes.default.svc`). */
const IN_CLUSTER = 'https://kubernetes.default.svc';

/** What the simulation plays. */
export interface SimInput {
  /** Objects `kubectl apply -f argocd/bootstrap.yaml` creates. */
  bootstrap: readonly Obj[];
  /** The objects a repository path builds into (kustomize), or why it does not build. */
  source: (path: string) => readonly Obj[] | { error: string };
  /** The Git revision, e.g. a commit; an Application does not auto-sync a revision it already failed on. */
  revision: string;
  /** Argo CD's namespace. Default `argocd`. */
  argocdNamespace?: string;
  /**
   * Servers of the clusters Argo CD itself runs in, as registered for workloads: Argo CD's namespace
   * exists there from the start (Applications labelled `suoke-life.com/argocd-host` sync into it). Default none.
   */
  argocdHosts?: readonly string[];
  /** What is installed outside the repository, per cluster (`argocd` for Argo CD's own, `workload` for the others). */
  preconditions: { argocd: readonly Precondition[]; workload: readonly Precondition[] };
  /**
   * The kinds (`group/Kind`) each add-on's pinned CRDs define (platform/crds/<addon>/<version>/), by
   * add-on name: served on a cluster once that add-on's Application there is Synced and Healthy
   * (simulate/addons.ts). Default none.
   */
  addonKinds?: ReadonlyMap<string, readonly string[]>;
}

/** The controller's memory of one operation. */
export interface OperationContext {
  tasks: Task[];
  started: boolean;
  retryAt?: number;
  waitingOn?: Task[];
  blockedByWindow?: boolean;
}

export class World {
  readonly argocd: Cluster;
  readonly clusters = new Map<string, Cluster>();
  readonly workloads = new Map<string, Workloads>();
  readonly operations = new Map<string, OperationContext>();
  /** Applications whose auto-sync a window denied at the last reconcile. */
  readonly windowDenied = new Set<string>();
  /** Target object keys of each Application's last comparison. */
  readonly targets = new Map<string, Set<string>>();
  readonly namespace: string;
  /** The instant being reconciled. */
  now = 0;
  /** Applications the committed tree defines, and the key of the object that creates each (`argoproj.io/ApplicationSet/argocd/suoke-dev`). */
  readonly expected = new Map<string, { project: string; via: string }>();
  /** The generated Application each live one was last written from by its ApplicationSet. */
  readonly generatedFrom = new WeakMap<Live, Obj>();
  private readonly built = new Map<string, readonly Obj[] | { error: string }>();

  constructor(readonly input: SimInput) {
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
  cluster(server: string): Cluster {
    let c = this.clusters.get(server);
    if (!c) {
      const host = this.input.argocdHosts?.includes(server) ? [this.namespace] : [];
      c = new Cluster(server, server, this.input.preconditions.workload, ['default', 'kube-system', ...host]);
      this.clusters.set(server, c);
      this.workloads.set(server, new Workloads(c));
    }
    return c;
  }

  source(path: string): readonly Obj[] | { error: string } {
    let b = this.built.get(path);
    if (!b) this.built.set(path, (b = this.input.source(path)));
    return b;
  }

  /**
   * The health checks of the live `argocd-cm`; Argo CD's settings informer sees the ConfigMap only
   * while it carries `app.kubernetes.io/part-of: argocd` (docs: issue 9 notes §7).
   */
  overrides(): HealthOverrides {
    const cm = this.argocd.get(`/ConfigMap/${this.namespace}/argocd-cm`)?.manifest;
    if (cm === this.cached?.cm) return this.cached!.value;
    const value = !cm || label(cm, 'app.kubernetes.io/part-of') !== 'argocd' ? new Map<string, string>() : healthOverrides(rec(cm['data']));
    this.cached = { cm, value };
    return value;
  }

  private cached: { cm: Obj | undefined; value: HealthOverrides } | undefined;

  /** A new revision of the repository (a merged change): later reconciles compare with it. */
  change(input: SimInput): void {
    (this as { input: SimInput }).input = input;
    this.built.clear();
  }
}
