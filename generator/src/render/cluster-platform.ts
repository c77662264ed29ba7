/**
 * Each cluster's platform objects, from `platform` of its cluster.yaml (docs/addons.md, "Storage class
 * and backups"): the storage class the data services' volumes use, and Velero's backups (where they go,
 * the credentials to get there, and the daily Schedules). Rendered to `clusters/<cluster>/platform/`,
 * synced by the Application `platform-<cluster>` after the add-ons (Velero's CRDs) and before the
 * environments (their volumes).
 */
import type { ArgoConfig, ClusterConfig } from '../config/types.js';
import { SYNC_RETRY } from './argocd-apps.js';
import { BOOTSTRAP_WAVES } from './argocd-waves.js';
import type { Application, ClusterIssuer, K8sObject } from './kinds.js';

/** Velero's namespace: the add-on's (platform/addons.yaml `install.namespace` of velero). */
const VELERO_NAMESPACE = 'velero';
/** The Secret the ExternalSecret writes and the BackupStorageLocation reads, and its key. */
const CREDENTIALS = { name: 'velero-credentials', key: 'cloud' } as const;
const LOCATION = 'default';

/** The platform objects of one cluster, by file name inside its folder. */
export function clusterPlatformObjects(cluster: ClusterConfig, labels: Record<string, string>): { file: string; object: K8sObject }[] {
  const issuer = cluster.edge ? [{ file: 'cluster-issuer.yaml', object: clusterIssuer(cluster.edge.issuer, labels) }] : [];
  const p = cluster.platform;
  if (!p) return issuer;
  const b = p.backup;
  const meta = (name: string) => ({ name, namespace: VELERO_NAMESPACE, labels });
  const storageClass: K8sObject = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: p.storageClass.name, labels },
    provisioner: p.storageClass.provisioner,
    ...(Object.keys(p.storageClass.parameters).length > 0 ? { parameters: p.storageClass.parameters } : {}),
    reclaimPolicy: p.storageClass.reclaimPolicy,
    // Bound where the pod is scheduled: a zonal SSD must be in the zone of the node that mounts it.
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: p.storageClass.allowVolumeExpansion,
  };
  const credentials: K8sObject = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: meta(CREDENTIALS.name),
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: b.credentials.secretStore.kind, name: b.credentials.secretStore.name },
      target: { name: CREDENTIALS.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [{ secretKey: CREDENTIALS.key, remoteRef: { key: b.credentials.key, ...(b.credentials.property ? { property: b.credentials.property } : {}) } }],
    },
  };
  const location: K8sObject = {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: meta(LOCATION),
    spec: {
      provider: b.provider,
      objectStorage: { bucket: b.bucket, ...(b.prefix ? { prefix: b.prefix } : {}) },
      config: { ...b.config, region: b.region },
      credential: { name: CREDENTIALS.name, key: CREDENTIALS.key },
      default: true,
    },
  };
  // Two daily backups: the cluster's objects (no volume data), and the volumes' data, read by the node
  // agent (file-system backup: the chart runs it, `deployNodeAgent`), so no VolumeSnapshotLocation.
  const schedule = (name: string, template: Record<string, unknown>): K8sObject => ({
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: meta(name),
    spec: { schedule: b.schedule, template: { includedNamespaces: ['*'], storageLocation: LOCATION, ttl: b.ttl, ...template } },
  });
  return [
    ...issuer,
    { file: 'storage-class.yaml', object: storageClass },
    { file: 'backup-credentials.yaml', object: credentials },
    { file: 'backup-location.yaml', object: location },
    { file: 'schedule-cluster-state.yaml', object: schedule('cluster-state', { includeClusterResources: true, snapshotVolumes: false }) },
    { file: 'schedule-volumes.yaml', object: schedule('volumes', { includeClusterResources: false, snapshotVolumes: false, defaultVolumesToFsBackup: true }) },
  ];
}

/**
 * The cluster's ACME ClusterIssuer (docs/networking.md, "The edge"). HTTP-01 through the Istio ingress
 * gateway: the solver's Ingress of class `istio` (cert-manager pkg/issuer/acme/http/ingress.go:160-195
 * @ v1.21.1) is served by Istio, which takes an Ingress whose class names no IngressClass object in its
 * default mode (istio pilot/pkg/config/kube/ingress/virtualservices.go:253-281 @ 1.30.3) and binds it to
 * the pods labelled `istio: ingressgateway` unless `meshConfig.ingressSelector` says otherwise
 * (pilot/pkg/config/kube/ingress/gateways.go:101-116). The Ingress, solver pod and Service are created
 * in the Certificate's namespace, the ingress namespace (render/edge.ts).
 */
export function clusterIssuer(i: NonNullable<ClusterConfig['edge']>['issuer'], labels: Record<string, string>): ClusterIssuer {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: i.name, labels },
    spec: {
      acme: {
        server: i.server,
        email: i.email,
        privateKeySecretRef: { name: i.accountKeySecret },
        solvers: [{ http01: { ingress: { ingressClassName: i.ingressClassName } } }],
      },
    },
  };
}

/** Folder of a cluster's platform objects. */
export function clusterPlatformPath(cluster: string): string {
  return `clusters/${cluster}/platform`;
}

/** The Application `platform-<cluster>` syncing that folder, at the bootstrap's platform wave. */
export function clusterPlatformApplication(a: ArgoConfig, cluster: ClusterConfig, project: string, labels: Record<string, string>): Application {
  // Cluster-scoped (the StorageClass) and namespaced (Velero's) objects, each with its own namespace.
  return clusterFolderApplication(a, cluster, project, labels, { name: `platform-${cluster.name}`, path: clusterPlatformPath(cluster.name), namespace: VELERO_NAMESPACE });
}

/**
 * An Application syncing one folder of a cluster's own objects (its platform, its alerting) at the
 * bootstrap's platform wave: after the add-ons, before the environments.
 */
export function clusterFolderApplication(
  a: ArgoConfig,
  cluster: ClusterConfig,
  project: string,
  labels: Record<string, string>,
  folder: { name: string; path: string; namespace: string },
): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: folder.name,
      namespace: a.namespace,
      labels: { ...labels, 'suoke-life.com/cluster': cluster.name },
      annotations: { 'argocd.argoproj.io/sync-wave': String(BOOTSTRAP_WAVES.platform) },
    },
    spec: {
      project,
      source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: folder.path },
      destination: { server: cluster.server, namespace: folder.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, retry: SYNC_RETRY },
    },
  };
}
