import type { AddonConfig, ArgoConfig, ClusterConfig } from '../config/types.js';
import { cmp } from '../core/finding.js';
import { SYNC_RETRY } from './argocd-apps.js';
import { addonWave, BOOTSTRAP_WAVES } from './argocd-waves.js';
import { clusterPlatformPath } from './cluster-platform.js';
import type { Application, AppProject } from './kinds.js';

/** AppProject of the add-on Applications: upstream sources, the add-on namespaces, cluster-scoped kinds. */
export const ADDONS_PROJECT = 'suoke-addons';

/** Label naming the add-on an Application installs; `validate` and the simulation read it. */
export const ADDON_LABEL = 'suoke-life.com/addon';

const WAVE = 'argocd.argoproj.io/sync-wave';

type GroupKind = NonNullable<NonNullable<AppProject['spec']>['clusterResourceWhitelist']>[number];
type Source = NonNullable<Application['spec']>['source'];

/**
 * The cluster-scoped kinds operators install: their CRDs, the webhook configurations that validate
 * their resources, the ClusterRoles they run under, and the Namespace (`CreateNamespace=true`, and the
 * RabbitMQ installation's own Namespace object).
 */
const CLUSTER_KINDS: GroupKind[] = [
  { group: '', kind: 'Namespace' },
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
];

/** One add-on installed on one cluster: where its Application is written and the Application. */
export interface AddonApplication {
  /** Relative to `argocd/`: `addons/<cluster>/<addon>.yaml`. */
  file: string;
  addon: AddonConfig;
  cluster: ClusterConfig;
  application: Application;
}

/** The add-ons that have an `install:`, each with the clusters that run it (every cluster by default), by name. */
function installedAddons(addons: readonly AddonConfig[], clusters: readonly ClusterConfig[]): { addon: AddonConfig; clusters: ClusterConfig[] }[] {
  return addons
    .filter((a) => a.install !== undefined)
    .map((addon) => ({ addon, clusters: clusters.filter((c) => addon.install?.clusters?.includes(c.name) ?? true) }));
}

/**
 * One Application per add-on per cluster, named `addon-<cluster>-<addon>`, at the bootstrap wave of
 * its `install.wave`. It syncs the upstream chart or kustomization at the pinned release into the
 * add-on's namespace of that cluster.
 */
export function addonApplications(a: ArgoConfig, addons: readonly AddonConfig[], clusters: readonly ClusterConfig[], labels: Record<string, string>): AddonApplication[] {
  const out: AddonApplication[] = [];
  for (const { addon, clusters: on } of installedAddons(addons, clusters)) {
    const install = addon.install!;
    for (const cluster of on) {
      const application: Application = {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        // No resources finalizer: deleting the Application (an add-on dropped from the file) must not
        // delete its CRDs, and with them every custom resource of every environment.
        metadata: {
          name: `addon-${cluster.name}-${addon.name}`,
          namespace: a.namespace,
          labels: { ...labels, [ADDON_LABEL]: addon.name, 'suoke-life.com/cluster': cluster.name },
          annotations: { [WAVE]: addonWave(install.wave) },
        },
        spec: {
          project: ADDONS_PROJECT,
          source: source(addon),
          destination: { server: cluster.server, namespace: install.namespace },
          syncPolicy: {
            // prune false: a CRD a release stops shipping is removed by a person, never by a sync
            // (its removal deletes every object of its kind).
            automated: { prune: false, selfHeal: true },
            // CRDs exceed the 262144-byte annotation client-side apply keeps the last applied state in
            // (argo-cd docs/user-guide/sync-options.md:279-290 @ v3.5.1); the namespace is the add-on's
            // own, created with it (sync-options.md:447-450 @ v3.5.1).
            syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
            retry: SYNC_RETRY,
          },
        },
      };
      out.push({ file: `addons/${cluster.name}/${addon.name}.yaml`, addon, cluster, application });
    }
  }
  return out.sort((x, y) => cmp(x.file, y.file));
}

/** The Application source of an add-on: its chart at the chart version, or its repository at the pinned tag. */
function source(addon: AddonConfig): Source {
  const install = addon.install!;
  if (install.chart) {
    const { repoURL, name, version } = install.chart;
    const helm = Object.keys(install.values).length > 0 ? { releaseName: addon.name, valuesObject: install.values } : { releaseName: addon.name };
    return { repoURL, chart: name, targetRevision: version, helm } as Source;
  }
  const git = install.git!;
  const kustomize = {
    ...(git.images ? { images: [...git.images] } : {}),
    ...(git.patches ? { patches: git.patches.map((p) => ({ target: { ...p.target }, patch: p.patch })) } : {}),
  };
  return { repoURL: git.repoURL, targetRevision: addon.version, path: git.path, ...(Object.keys(kustomize).length > 0 ? { kustomize } : {}) } as Source;
}

/**
 * The add-ons' AppProject, of the add-on Applications and the clusters' platform Applications
 * (`apps`): exactly the chart and Git repositories they use, their destination namespaces on each
 * cluster, and the cluster-scoped kinds operators install (and the storage class).
 * Any namespaced kind is allowed there: the upstream charts decide them, and the destinations keep
 * them to the add-on namespaces.
 */
export function addonsProject(a: ArgoConfig, apps: readonly Application[], labels: Record<string, string>): AppProject {
  const repos = [...new Set(apps.map((x) => x.spec!.source!.repoURL))].sort(cmp);
  const destinations = new Map<string, { server: string; namespace: string }>();
  for (const x of apps) {
    const { server, namespace } = x.spec!.destination as { server: string; namespace: string };
    destinations.set(`${server} ${namespace}`, { server, namespace });
  }
  // The cluster platform Applications (render/cluster-platform.ts) apply the storage class; the alerting
  // ones (render/alerting.ts) only namespaced objects.
  const platform = apps.some((x) => x.metadata.labels?.[ADDON_LABEL] === undefined && x.spec?.source?.path === clusterPlatformPath(x.metadata.labels?.['suoke-life.com/cluster'] ?? ''));
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: ADDONS_PROJECT, namespace: a.namespace, labels, annotations: { [WAVE]: String(BOOTSTRAP_WAVES.projects) } },
    spec: {
      description: 'Add-ons of the Suoke Life platform (platform/addons.yaml): operators and their CRDs, from their upstream releases; each cluster\'s storage class, backups and alert routing',
      sourceRepos: repos,
      destinations: [...destinations.values()].sort((x, y) => cmp(x.server, y.server) || cmp(x.namespace, y.namespace)),
      clusterResourceWhitelist: platform ? [...CLUSTER_KINDS, { group: 'cert-manager.io', kind: 'ClusterIssuer' }, { group: 'storage.k8s.io', kind: 'StorageClass' }] : CLUSTER_KINDS,
      namespaceResourceWhitelist: [{ group: '*', kind: '*' }],
    },
  };
}
