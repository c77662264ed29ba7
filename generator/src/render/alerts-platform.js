import { postgresPlan } from '../model/postgres.js';
import { prometheusSeconds } from '../time/duration.js';
import { parseCron } from '../time/cron.js';
import { alertRule } from './alerts-rule.js';
import { projectName } from './conventions.js';
/** The P0 data-loss alerts, when the environment renders its PostgreSQL with backups. */
export function dataGroup(e, a) {
    const pg = postgresPlan(e);
    const backup = pg?.cluster.backup;
    if (!pg || !backup)
        return undefined;
    // The Cluster's instances only (pods `<cluster>-<n>`), not the restore drill's throw-away Cluster.
    const instances = `namespace="${pg.namespace}", pod=~"${pg.name}-[0-9]+"`;
    const maxAge = backupGapSeconds(backup.schedule) + prometheusSeconds(a.data.backupMargin);
    const hours = Math.round((maxAge / 3600) * 100) / 100;
    return {
        name: 'alerts-data',
        rules: [
            alertRule('PostgresWalArchivingFailing', `max by (namespace) (cnpg_pg_stat_archiver_last_failed_time{${instances}} > cnpg_pg_stat_archiver_last_archived_time{${instances}})`, 'P0', {
                summary: `WAL archiving of ${pg.name} is failing`,
                description: `The last attempt to archive a WAL file failed and none succeeded since, for ${a.data.walArchivingFor}: point-in-time recovery stops at the last archived file and the primary's disk fills with WAL.`,
                anchor: 'wal-archiving-failing',
            }, { for: a.data.walArchivingFor, service: pg.name }),
            alertRule('PostgresBackupTooOld', `time() - max by (namespace) (barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${instances}}) > ${maxAge}`, 'P0', {
                summary: `The last backup of ${pg.name} is older than ${hours}h`,
                description: `No base backup of ${pg.name} completed for ${hours}h: the schedule \`${backup.schedule}\` (UTC) plus ${a.data.backupMargin} of margin. A restore would replay WAL from an older backup, or find none.`,
                anchor: 'backup-too-old',
            }, { for: '15m', service: pg.name }),
        ],
    };
}
/** P3: an Application of the environment out of sync for long, or a sync that failed. */
export function configurationGroup(e, a) {
    const project = projectName(e.env.name);
    const c = a.configuration;
    return {
        name: 'alerts-configuration',
        rules: [
            alertRule('ArgoApplicationOutOfSync', `max by (namespace, name, project) (argocd_app_info{project="${project}", sync_status="OutOfSync"}) == 1`, 'P3', {
                summary: 'An Argo CD Application of the environment is out of sync',
                description: `The cluster has differed from Git for ${c.outOfSyncFor}: a change waiting for its window, a manual change in the cluster, or a sync that cannot finish.`,
                anchor: 'configuration-changes',
            }, { for: c.outOfSyncFor }),
            alertRule('ArgoApplicationSyncFailed', `sum by (namespace, name, project) (increase(argocd_app_sync_total{project="${project}", phase=~"Error|Failed"}[${c.syncFailedWindow}])) > 0`, 'P3', {
                summary: 'A sync of an Argo CD Application of the environment failed',
                description: `A sync failed within the last ${c.syncFailedWindow}: read the Application's last operation in Argo CD.`,
                anchor: 'configuration-changes',
            }),
        ],
    };
}
/** Fixed instant the gaps are measured from, so the render is the same on every day. */
const FROM_MS = Date.UTC(2027, 0, 1);
/**
 * The longest time between two backups of `schedule`, CloudNativePG's six fields (seconds first,
 * UTC; checked in config/cluster/postgres.ts): measured over a year of its firings, without the
 * seconds field (a backup a few seconds late is not the point). One day when unreadable.
 */
export function backupGapSeconds(schedule) {
    const cron = parseCron(schedule.trim().split(/\s+/).slice(1).join(' '));
    if ('error' in cron)
        return 86400;
    let gap = 0;
    let at = cron.next(FROM_MS);
    for (let n = 0; at !== undefined && at < FROM_MS + 366 * 86400_000 && n < 10_000; n++) {
        const next = cron.next(at);
        if (next === undefined)
            break;
        gap = Math.max(gap, next - at);
        at = next;
    }
    return gap > 0 ? gap / 1000 : 86400;
}
