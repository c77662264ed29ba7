/**
 * The alerts on what the services stand on (docs/monitoring.md): data-loss risk of the PostgreSQL the
 * environment renders (P0), and configuration changes Argo CD sees (P3).
 *
 * Metric sources:
 * - CloudNativePG's exporter on every instance (the PodMonitor of render/data/postgres.ts):
 *   `cnpg_pg_stat_archiver_last_archived_time` and `cnpg_pg_stat_archiver_last_failed_time`, epochs
 *   of pg_stat_archiver, -1 when never (cloudnative-pg config/manager/default-monitoring.yaml:164-197
 *   @ v1.30.0), reported by the primary only (its `predicate_query`).
 * - The Barman Cloud plugin's metrics, which the instance exporter collects from it (cloudnative-pg
 *   pkg/management/postgres/metrics/collector.go:742-749 @ v1.30.0):
 *   `barman_cloud_cloudnative_pg_io_last_available_backup_timestamp`, the plugin name with `.` and `-`
 *   as `_` (plugin-barman-cloud internal/cnpgi/instance/metrics.go:37,45-53,149-150 and
 *   internal/cnpgi/metadata/constants.go:26 @ v0.14.0), 0 until the first backup. CloudNativePG's own
 *   `cnpg_collector_last_available_backup_timestamp` is not used: it stays 0 with a plugin's backups
 *   (cloudnative-pg docs/src/monitoring.md:449-458 @ v1.30.0).
 * - Argo CD's `argocd_app_info{project, name, sync_status}` and `argocd_app_sync_total{project, name,
 *   phase}` (argo-cd controller/metrics/metrics.go:65-77 @ v3.5.1).
 */
import type { EnvironmentConfig } from '../config/types.js';
import { postgresPlan } from '../model/postgres.js';
import type { EnvironmentModel } from '../model/types.js';
import { prometheusSeconds } from '../time/duration.js';
import { parseCron } from '../time/cron.js';
import { alertRule, type AlertRule, type RuleGroup } from './alerts-rule.js';
import { projectName } from './conventions.js';

type AlertsConfig = EnvironmentConfig['alerts'];

/** The P0 data-loss alerts, when the environment renders its PostgreSQL with backups. */
export function dataGroup(e: EnvironmentModel, a: AlertsConfig): RuleGroup | undefined {
  const pg = postgresPlan(e);
  const backup = pg?.cluster.backup;
  if (!pg || !backup) return undefined;
  // The Cluster's instances only (pods `<cluster>-<n>`), not the restore drill's throw-away Cluster.
  const instances = `namespace="${pg.namespace}", pod=~"${pg.name}-[0-9]+"`;
  const maxAge = backupGapSeconds(backup.schedule) + prometheusSeconds(a.data.backupMargin)!;
  const hours = Math.round((maxAge / 3600) * 100) / 100;
  return {
    name: 'alerts-data',
    rules: [
      alertRule(
        'PostgresWalArchivingFailing',
        `max by (namespace) (cnpg_pg_stat_archiver_last_failed_time{${instances}} > cnpg_pg_stat_archiver_last_archived_time{${instances}})`,
        'P0',
        {
          summary: `WAL archiving of ${pg.name} is failing`,
          description: `The last attempt to archive a WAL file failed and none succeeded since, for ${a.data.walArchivingFor}: point-in-time recovery stops at the last archived file and the primary's disk fills with WAL.`,
          anchor: 'wal-archiving-failing',
        },
        { for: a.data.walArchivingFor, service: pg.name },
      ),
      alertRule(
        'PostgresBackupTooOld',
        `time() - max by (namespace) (barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{${instances}}) > ${maxAge}`,
        'P0',
        {
          summary: `The last backup of ${pg.name} is older than ${hours}h`,
          description: `No base backup of ${pg.name} completed for ${hours}h: the schedule \`${backup.schedule}\` (UTC) plus ${a.data.backupMargin} of margin. A restore would replay WAL from an older backup, or find none.`,
          anchor: 'backup-too-old',
        },
        { for: '15m', service: pg.name },
      ),
    ],
  };
}

/**
 * P2: the environment's PostgreSQL under pressure. From the instance exporter's default queries
 * (cloudnative-pg config/manager/default-monitoring.yaml @ v1.30.0): `cnpg_pg_replication_lag`, the
 * seconds a replica's replay is behind, 0 on the primary and on a caught-up replica (:110-124);
 * `cnpg_backends_total`, client backends per database, user and state (:10-50); and
 * `cnpg_pg_settings_setting{name="max_connections"}` (:446-459). Lag only with replicas.
 */
export function dataPressureGroup(e: EnvironmentModel, a: AlertsConfig): RuleGroup | undefined {
  const pg = postgresPlan(e);
  if (!pg) return undefined;
  const instances = `namespace="${pg.namespace}", pod=~"${pg.name}-[0-9]+"`;
  const d = a.data;
  const percent = Math.round(d.connectionsRatio * 100);
  const lag = alertRule(
    'PostgresReplicationLag',
    `max by (namespace, pod) (cnpg_pg_replication_lag{${instances}}) > ${d.replicationLagSeconds}`,
    'P2',
    {
      summary: `A replica of ${pg.name} is more than ${d.replicationLagSeconds}s behind`,
      description: `A replica has replayed the primary's WAL more than ${d.replicationLagSeconds}s late for ${d.pressureFor}: a failover to it would lose or delay that much, and reads from it are stale.`,
      anchor: 'replication-lag',
    },
    { for: d.pressureFor, service: pg.name },
  );
  const connections = alertRule(
    'PostgresConnectionsNearLimit',
    `sum by (namespace, pod) (cnpg_backends_total{${instances}}) / on (namespace, pod) max by (namespace, pod) (cnpg_pg_settings_setting{${instances}, name="max_connections"}) > ${d.connectionsRatio}`,
    'P2',
    {
      summary: `An instance of ${pg.name} uses over ${percent}% of its connections`,
      description: `Client connections have stayed above ${percent}% of \`max_connections\` for ${d.pressureFor}: new connections are refused once it is reached. Look for services connecting around the pooler, or raise the pooler's pool sizes.`,
      anchor: 'connections-near-the-limit',
    },
    { for: d.pressureFor, service: pg.name },
  );
  return { name: 'alerts-data-pressure', rules: pg.cluster.instances > 1 ? [lag, connections] : [connections] };
}

/**
 * P3: an Application of the environment out of sync for long, or a sync that failed. Evaluated by the
 * Prometheus of the cluster Argo CD runs in (render/argocd-monitoring.ts), where every environment's
 * group sits side by side: each reads its own AppProject's Applications only, with its own thresholds,
 * and its alerts keep the metric's `project` (the environment's AppProject).
 */
export function configurationGroup(e: EnvironmentModel, a: AlertsConfig): RuleGroup {
  const env = e.env.name;
  const project = projectName(env);
  const c = a.configuration;
  // `environment` tells the groups apart in the one Prometheus and Alertmanager that hold them all
  // (promtool refuses two rules of one name and labels), and names the environment in the ticket.
  const labelled = (r: AlertRule): AlertRule => ({ ...r, labels: { ...r.labels, environment: env } });
  return {
    name: `alerts-configuration-${env}`,
    rules: [
      alertRule('ArgoApplicationOutOfSync', `max by (namespace, name, project) (argocd_app_info{project="${project}", sync_status="OutOfSync"}) == 1`, 'P3', {
        summary: `An Argo CD Application of ${env} is out of sync`,
        description: `The cluster has differed from Git for ${c.outOfSyncFor}: a change waiting for its window, a manual change in the cluster, or a sync that cannot finish.`,
        anchor: 'configuration-changes',
      }, { for: c.outOfSyncFor }),
      alertRule('ArgoApplicationSyncFailed', `sum by (namespace, name, project) (increase(argocd_app_sync_total{project="${project}", phase=~"Error|Failed"}[${c.syncFailedWindow}])) > 0`, 'P3', {
        summary: `A sync of an Argo CD Application of ${env} failed`,
        description: `A sync failed within the last ${c.syncFailedWindow}: read the Application's last operation in Argo CD.`,
        anchor: 'configuration-changes',
      }),
    ].map(labelled),
  };
}

/** Fixed instant the gaps are measured from, so the render is the same on every day. */
const FROM_MS = Date.UTC(2027, 0, 1);

/**
 * The longest time between two backups of `schedule`, CloudNativePG's six fields (seconds first,
 * UTC; checked in config/cluster/postgres.ts): measured over a year of its firings, without the
 * seconds field (a backup a few seconds late is not the point). One day when unreadable.
 */
export function backupGapSeconds(schedule: string): number {
  // A year of firings is ~75 ms of cron arithmetic; every environment and every render side asks again.
  let gap = GAPS.get(schedule);
  if (gap === undefined) GAPS.set(schedule, (gap = longestGap(schedule)));
  return gap;
}

/** Memo of {@link backupGapSeconds}: a pure function of the schedule. */
const GAPS = new Map<string, number>();

function longestGap(schedule: string): number {
  const cron = parseCron(schedule.trim().split(/\s+/).slice(1).join(' '));
  if ('error' in cron) return 86400;
  let gap = 0;
  let at = cron.next(FROM_MS);
  for (let n = 0; at !== undefined && at < FROM_MS + 366 * 86400_000 && n < 10_000; n++) {
    const next = cron.next(at);
    if (next === undefined) break;
    gap = Math.max(gap, next - at);
    at = next;
  }
  return gap > 0 ? gap / 1000 : 86400;
}
