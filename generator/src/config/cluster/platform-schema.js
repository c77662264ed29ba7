/**
 * Declaration of `platform` in `clusters/<cluster>/cluster.yaml`: what the cluster's platform
 * Application renders (docs/addons.md, "Storage class and backups"): its storage class and its
 * Velero backups. Checks: ./platform.ts. Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Struct } from '../shared/declare.js';
const StorageClass = Struct({
    name: Type.String({ default: 'fast-ssd', description: 'Name the data services ask for. Default `fast-ssd` (the deployment plan).', examples: ['fast-ssd'] }),
    provisioner: Type.String({ description: 'The CSI driver of the cluster\'s SSD volumes.', examples: ['ebs.csi.aws.com'] }),
    parameters: MapOf(Type.String(), { default: {}, description: 'Parameters of that driver (disk type, IOPS, …), as strings.', examples: [{ type: 'gp3' }] }),
    reclaimPolicy: Enum(['Retain', 'Delete'], { default: 'Retain', description: 'What happens to a volume when its claim is deleted. Default `Retain`: a database volume outlives a mistaken delete.' }),
    allowVolumeExpansion: Type.Boolean({ default: true, description: 'Whether claims may grow. Default true.' }),
}, { description: 'The storage class of the data services\' volumes.', examples: [{ provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' } }] });
const Backup = Struct({
    provider: Type.String({ description: 'Velero object-store provider (its plugin).', examples: ['aws'] }),
    bucket: Type.String({ description: 'Bucket the backups go to, in another region than the cluster.', examples: ['suoke-prod-backup'] }),
    region: Type.String({ description: 'Region of the bucket: not the cluster\'s `platform.region`.', examples: ['cn-north-1'] }),
    prefix: Type.Optional(Type.String({ description: 'Folder in the bucket. Default: none.', examples: ['prod'] })),
    config: MapOf(Type.String(), { default: {}, description: 'Further provider settings of the BackupStorageLocation (`region` is added).', examples: [{ s3ForcePathStyle: 'true' }] }),
    credentials: Struct({
        secretStore: Struct({ kind: Enum(['ClusterSecretStore', 'SecretStore']), name: Type.String() }, { examples: [{ kind: 'ClusterSecretStore', name: 'suoke-vault-prod' }] }),
        key: Type.String({ description: 'Key of the provider credentials file in the store.', examples: ['suoke/prod/velero'] }),
        property: Type.Optional(Type.String({ description: 'Property of that key holding the file.', examples: ['cloud'] })),
    }, { description: 'Where the ExternalSecret reads the object store credentials from.' }),
    schedule: Type.String({ default: '0 3 * * *', description: 'Cron of the daily backups (cluster time zone). Default `0 3 * * *`.', examples: ['0 3 * * *'] }),
    ttl: Type.String({ description: 'How long a backup is kept, as Velero reads it (`720h` = 30 days).', examples: ['720h'] }),
}, {
    description: 'Velero backups: the BackupStorageLocation, its credentials, and two daily Schedules (cluster state, volumes).',
    examples: [{ provider: 'aws', bucket: 'suoke-prod-backup', region: 'cn-north-1', credentials: { secretStore: { kind: 'ClusterSecretStore', name: 'suoke-vault-prod' }, key: 'suoke/prod/velero' }, ttl: '720h' }],
});
export const ClusterPlatform = Struct({
    region: Type.String({ description: 'Region the cluster runs in.', examples: ['cn-east-2'] }),
    storageClass: StorageClass,
    backup: Backup,
}, {
    description: 'What the cluster\'s platform Application renders (docs/addons.md): the storage class and Velero backups.',
    examples: [{ region: 'cn-east-2', storageClass: { provisioner: 'ebs.csi.aws.com' }, backup: { provider: 'aws', bucket: 'suoke-prod-backup', region: 'cn-north-1', credentials: { secretStore: { kind: 'ClusterSecretStore', name: 'suoke-vault-prod' }, key: 'suoke/prod/velero' }, ttl: '720h' } }],
});
