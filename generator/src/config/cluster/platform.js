import { Reporter, isRaw, q } from '../shared/checks.js';
import { checkName } from '../shared/names.js';
/** A Go duration of hours and minutes, as Velero's `ttl` reads it: `720h`, `168h`, `36h30m`. */
const TTL = /^(?:\d+h)?(?:\d+m)?$/;
/** Checks one cluster file's `platform`. */
export function checkClusterPlatform(f, out) {
    const p = f.data.platform;
    if (!isRaw(p))
        return;
    const r = new Reporter(f.source, out);
    if (isRaw(p.storageClass))
        checkName(r, ['platform', 'storageClass', 'name'], p.storageClass.name, 'fast-ssd');
    if (!isRaw(p.backup))
        return;
    const b = p.backup;
    if (typeof b.region === 'string' && b.region === p.region) {
        r.report('backup-region', ['platform', 'backup', 'region'], `the backups of cluster \`${String(f.data.name)}\` go to \`${b.region}\`, the cluster's own region`, 'put the bucket in another region (`platform.backup.region`): a regional outage must not take the backups with the cluster');
    }
    if (typeof b.ttl === 'string' && (b.ttl === '' || !TTL.test(b.ttl))) {
        r.report('backup-ttl', ['platform', 'backup', 'ttl'], `${q(['platform', 'backup', 'ttl'])} is ${JSON.stringify(b.ttl)}, not a duration in hours`, 'write it as Velero reads it, e.g. `ttl: 720h` for 30 days');
    }
}
