/**
 * Each cluster's platform folder (render/cluster-platform.ts): the fast-ssd storage class and Velero's
 * backups, synced by platform-<cluster> after the add-ons and before the environment roots.
 */
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';
import { render } from '../../src/render/index.js';

const result = render(modelOf(REPO_ROOT));
const files = new Map(result.files.map((f) => [f.path, f.content]));
const objectOf = (path: string) => yaml.load(files.get(path) ?? '') as Record<string, any>;
const wave = (path: string) => Number(objectOf(path).metadata.annotations['argocd.argoproj.io/sync-wave']);

describe('clusters/<cluster>/platform/', () => {
  it('holds the ClusterIssuer, the storage class, the backup credentials and location, and two daily Schedules, built by its Application', () => {
    expect([...files.keys()].filter((p) => p.startsWith('clusters/prod/platform/'))).toEqual([
      'clusters/prod/platform/backup-credentials.yaml',
      'clusters/prod/platform/backup-location.yaml',
      'clusters/prod/platform/cluster-issuer.yaml',
      'clusters/prod/platform/kustomization.yaml',
      'clusters/prod/platform/schedule-cluster-state.yaml',
      'clusters/prod/platform/schedule-volumes.yaml',
      'clusters/prod/platform/storage-class.yaml',
    ]);
    const target = result.targets.find((t) => t.path === 'clusters/prod/platform')!;
    expect(target.application).toBe('platform-prod');
    expect(target.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['ClusterIssuer/letsencrypt', 'StorageClass/fast-ssd', 'ExternalSecret/velero-credentials', 'BackupStorageLocation/default', 'Schedule/cluster-state', 'Schedule/volumes']);
  });

  it('fast-ssd binds where the pod runs and keeps its volumes', () => {
    expect(objectOf('clusters/prod/platform/storage-class.yaml')).toMatchObject({ provisioner: 'diskplugin.csi.alibabacloud.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true });
  });

  it('backs up to a bucket in another region, with credentials from the secret store', () => {
    const bsl = objectOf('clusters/prod/platform/backup-location.yaml').spec;
    expect(bsl).toEqual({ provider: 'aws', objectStorage: { bucket: 'suoke-prod-velero', prefix: 'prod' }, config: { s3Url: 'https://oss-cn-shanghai.aliyuncs.com', region: 'cn-shanghai' }, credential: { name: 'velero-credentials', key: 'cloud' }, default: true });
    expect(bsl.config.region).not.toBe(modelOf(REPO_ROOT).clusters.find((c) => c.name === 'prod')!.platform!.region);
    const es = objectOf('clusters/prod/platform/backup-credentials.yaml').spec;
    expect(es.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'suoke-vault-prod' });
    expect(es.target.name).toBe('velero-credentials');
  });

  it('keeps prod backups 30 days, daily: the cluster state, and the volumes through the node agent', () => {
    const state = objectOf('clusters/prod/platform/schedule-cluster-state.yaml').spec;
    const volumes = objectOf('clusters/prod/platform/schedule-volumes.yaml').spec;
    expect(state).toEqual({ schedule: '0 3 * * *', template: { includedNamespaces: ['*'], storageLocation: 'default', ttl: '720h', includeClusterResources: true, snapshotVolumes: false } });
    expect(volumes.template).toMatchObject({ ttl: '720h', defaultVolumesToFsBackup: true, snapshotVolumes: false });
    expect(objectOf('clusters/dev/platform/schedule-volumes.yaml').spec.template.ttl).toBe('168h');
  });

  it('platform-<cluster> syncs after the add-ons and before the environment roots, in suoke-addons', () => {
    const app = objectOf('argocd/platform/prod.yaml');
    expect(app.spec.source.path).toBe('clusters/prod/platform');
    expect(app.spec.project).toBe('suoke-addons');
    expect(wave('argocd/platform/prod.yaml')).toBeGreaterThan(wave('argocd/addons/prod/velero.yaml'));
    expect(wave('argocd/platform/prod.yaml')).toBeGreaterThan(wave('argocd/addons/prod/rabbitmq-messaging-topology-operator.yaml'));
    expect(wave('argocd/platform/prod.yaml')).toBeLessThan(wave('argocd/environments/prod.yaml'));
    const project = objectOf('argocd/projects/suoke-addons.yaml').spec;
    expect(project.sourceRepos).toContain(modelOf(REPO_ROOT).argocd.repoURL);
    expect(project.clusterResourceWhitelist).toContainEqual({ group: 'storage.k8s.io', kind: 'StorageClass' });
  });
});
