/** `platform` in cluster.yaml: the storage class and backups of a cluster; what loads and what is refused. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const P = 'clusters/prod/cluster.yaml';
const PLATFORM = `platform:
  region: cn-northwest-1
  storageClass: {provisioner: ebs.csi.aws.com, parameters: {type: gp3}}
  backup:
    provider: aws
    bucket: suoke-prod-backup
    region: cn-north-1
    credentials: {secretStore: {kind: ClusterSecretStore, name: vault}, key: suoke/prod/velero}
    ttl: 720h
`;
const load = (platform) => readConfig(fixtureFs([], { [P]: `${prod}${platform}` }), loadOptions);
const line = prod.split('\n').length - 1;
describe('platform', () => {
    it('loads with its defaults: fast-ssd, Retain, expandable; a daily schedule at 03:00', () => {
        const { config, findings } = load(PLATFORM);
        expect(findings).toEqual([]);
        expect(config.clusters.find((c) => c.name === 'prod').platform).toEqual({
            region: 'cn-northwest-1',
            storageClass: { name: 'fast-ssd', provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' }, reclaimPolicy: 'Retain', allowVolumeExpansion: true },
            backup: {
                provider: 'aws',
                bucket: 'suoke-prod-backup',
                region: 'cn-north-1',
                config: {},
                credentials: { secretStore: { kind: 'ClusterSecretStore', name: 'vault' }, key: 'suoke/prod/velero' },
                schedule: '0 3 * * *',
                ttl: '720h',
            },
        });
    });
    it.each([
        [
            'backups in the cluster\'s own region',
            PLATFORM.replace('    region: cn-north-1', '    region: cn-northwest-1'),
            [{ check: 'config/backup-region', file: P, line: line + 7, path: 'platform.backup.region', message: 'the backups of cluster `prod` go to `cn-northwest-1`, the cluster\'s own region', hint: 'put the bucket in another region (`platform.backup.region`): a regional outage must not take the backups with the cluster' }],
        ],
        [
            'a retention in days',
            PLATFORM.replace('ttl: 720h', 'ttl: 30d'),
            [{ check: 'config/backup-ttl', file: P, line: line + 9, path: 'platform.backup.ttl', message: '`platform.backup.ttl` is "30d", not a duration in hours', hint: 'write it as Velero reads it, e.g. `ttl: 720h` for 30 days' }],
        ],
        [
            'a storage class name that is no DNS-1123 label',
            PLATFORM.replace('storageClass: {', 'storageClass: {name: Fast_SSD, '),
            [{ check: 'config/name', file: P, line: line + 3, path: 'platform.storageClass.name', message: '`platform.storageClass.name` is "Fast_SSD", not a DNS-1123 label', hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `fast-ssd`' }],
        ],
    ])('%s', (_name, text, expected) => {
        const { config, findings } = load(text);
        expect(withoutSeverity(findings)).toEqual(expected);
        expect(config).toBeUndefined();
    });
});
