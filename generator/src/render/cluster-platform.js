import { SYNC_RETRY } from './argocd-apps.js';
import { BOOTSTRAP_WAVES } from './argocd-waves.js';
/** Velero's namespace: the add-on's (platform/addons.yaml `install.namespace` of velero). */
const VELERO_NAMESPACE = 'velero';
/** The Secret the ExternalSecret writes and the BackupStorageLocation reads, and its key. */
const CREDENTIALS = { name: 'velero-credentials', key: 'cloud' };
const LOCATION = 'default';
/** The platform objects of one cluster, by file name inside its folder. */
export function clusterPlatformObjects(cluster, labels) {
    const p = cluster.platform;
    if (!p)
        return [];
    const b = p.backup;
    const meta = (name) => ({ name, namespace: VELERO_NAMESPACE, labels });
    const storageClass = {
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
    const credentials = {
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
    const location = {
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
    const schedule = (name, template) => ({
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: meta(name),
        spec: { schedule: b.schedule, template: { includedNamespaces: ['*'], storageLocation: LOCATION, ttl: b.ttl, ...template } },
    });
    return [
        { file: 'storage-class.yaml', object: storageClass },
        { file: 'backup-credentials.yaml', object: credentials },
        { file: 'backup-location.yaml', object: location },
        { file: 'schedule-cluster-state.yaml', object: schedule('cluster-state', { includeClusterResources: true, snapshotVolumes: false }) },
        { file: 'schedule-volumes.yaml', object: schedule('volumes', { includeClusterResources: false, snapshotVolumes: false, defaultVolumesToFsBackup: true }) },
    ];
}
/** Folder of a cluster's platform objects. */
export function clusterPlatformPath(cluster) {
    return `clusters/${cluster}/platform`;
}
/** The Application `platform-<cluster>` syncing that folder, at the bootstrap's platform wave. */
export function clusterPlatformApplication(a, cluster, project, labels) {
    // Cluster-scoped (the StorageClass) and namespaced (Velero's) objects, each with its own namespace.
    return clusterFolderApplication(a, cluster, project, labels, { name: `platform-${cluster.name}`, path: clusterPlatformPath(cluster.name), namespace: VELERO_NAMESPACE });
}
/**
 * An Application syncing one folder of a cluster's own objects (its platform, its alerting) at the
 * bootstrap's platform wave: after the add-ons, before the environments.
 */
export function clusterFolderApplication(a, cluster, project, labels, folder) {
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
