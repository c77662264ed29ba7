/**
 * The synthetic series of the promtool suite (alerts-promtool.test.ts): for each rendered alert, a
 * case where it fires and one where it stays quiet, with the noise it must ignore. Thresholds are read
 * from the environment's configuration, so the cases follow it.
 */
import type { EnvironmentConfig } from '../../src/config/types.js';
import type { AlertRule, RuleGroup } from '../../src/render/alerts-rule.js';
import { backupGapSeconds } from '../../src/render/alerts-platform.js';
import { prometheusSeconds } from '../../src/time/duration.js';

/** A synthetic series in promtool's notation: one value per minute. */
interface Series {
  series: string;
  values: string;
}
const s = (name: string, labels: Record<string, string>, values: string): Series => ({
  series: `${name}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(', ')}}`,
  values,
});

/** One case: the series, when to look, and the labels each expected alert has beyond its rule's. */
export interface Case {
  input: Series[];
  at: string;
  /** Per expected alert: the labels the expression yields (the rule's own are added from the rendered rule). */
  fires: Record<string, string>[];
}

export interface Env {
  name: string;
  ns: string;
  services: string[];
  groups: RuleGroup[];
  config: EnvironmentConfig;
}

/** Cases of one alert: `fire` and `quiet`. */
type Cases = (env: Env, rule: AlertRule) => { fire: Case; quiet: Case };

const minutes = (d: string) => Math.round(prometheusSeconds(d)! / 60);
/** A counter growing by `perMinute` for `n` minutes. */
const grow = (perMinute: number, n = 200) => `0+${perMinute}x${n}`;

/** Requests served by `workload`: `good` and `bad` per minute, `bad` as `code` (and gRPC status). */
function traffic(env: Env, workload: string, good: number, bad: number, code = '503', grpc = ''): Series[] {
  const base = { reporter: 'destination', destination_workload_namespace: env.ns, destination_workload: workload };
  return [
    s('istio_requests_total', { ...base, response_code: '200', grpc_response_status: '' }, grow(good)),
    s('istio_requests_total', { ...base, response_code: code, grpc_response_status: grpc }, grow(bad)),
    // Noise: the callers' view of the same requests, and another namespace's failures.
    s('istio_requests_total', { ...base, reporter: 'source', response_code: code, grpc_response_status: grpc }, grow(good)),
    s('istio_requests_total', { ...base, destination_workload_namespace: 'elsewhere', response_code: code, grpc_response_status: grpc }, grow(good)),
  ];
}
const workloadLabels = (env: Env, w: string) => ({ destination_workload_namespace: env.ns, destination_workload: w, service: w });

/** Error-budget burn: just above and just below `factor` × budget, over both windows. */
const burn: Cases = (env, rule) => {
  const a = env.config.alerts.availability;
  const b = a.burnRates.find((x) => rule.alert === `ErrorBudgetBurn${x.long}`)!;
  const threshold = b.factor * ((100 - a.objective) / 100);
  const total = 100000;
  // Every series starts at 0 together, so the ratio is exact over any window, the 3-day one too.
  const at = '70m';
  const w = env.services[0]!;
  // The 6-hour alert is shown failing on gRPC errors (HTTP 200 with a non-zero status).
  const [code, grpc] = b.long === '6h' ? ['200', '14'] : ['503', ''];
  const run = (ratio: number) => traffic(env, w, total - Math.round(total * ratio), Math.round(total * ratio), code, grpc);
  return {
    fire: { input: run(threshold * 1.2), at, fires: [workloadLabels(env, w)] },
    quiet: { input: run(threshold * 0.8), at, fires: [] },
  };
};

const slow: Cases = (env) => {
  const w = env.services[0]!;
  const base = { reporter: 'destination', destination_workload_namespace: env.ns, destination_workload: w };
  const ms = env.config.alerts.latency.averageSeconds * 1000;
  const run = (avg: number) => [s('istio_request_duration_milliseconds_sum', base, grow(100 * avg)), s('istio_request_duration_milliseconds_count', base, grow(100))];
  return { fire: { input: run(ms * 1.25), at: '40m', fires: [workloadLabels(env, w)] }, quiet: { input: run(ms * 0.75), at: '40m', fires: [] } };
};

const auth: Cases = (env) => {
  const sec = env.config.alerts.security;
  const base = { reporter: 'destination', destination_workload_namespace: env.ns, destination_workload: sec.gateway };
  const perMinute = sec.authFailuresPerSecond * 60;
  // Noise: the same failures at another service, which is not the gateway.
  const run = (factor: number) => [
    s('istio_requests_total', { ...base, response_code: '401' }, grow(perMinute * factor * 0.5)),
    s('istio_requests_total', { ...base, response_code: '403' }, grow(perMinute * factor * 0.5)),
    s('istio_requests_total', { ...base, destination_workload: 'not-the-gateway', response_code: '401' }, grow(perMinute * 4)),
  ];
  return { fire: { input: run(1.5), at: '40m', fires: [workloadLabels(env, sec.gateway)] }, quiet: { input: run(0.5), at: '40m', fires: [] } };
};

/**
 * Business traffic (BusinessTrafficDrop, BusinessTrafficSurge): a week of steady requests, then a
 * change for two hours; `at` is 90 minutes into the change (past the window and `for`). Each series is
 * `[workload, per second a week ago, per second now]`; `undefined` now is a workload with no samples at
 * all (its pods and their counters gone).
 */
function business(env: Env, series: [string, number, number | undefined][], extra: Record<string, string> = {}): Series[] {
  const week = minutes(env.config.alerts.business.compareWith);
  return series.map(([w, before, now]) => {
    const base = { reporter: 'destination', destination_workload_namespace: env.ns, destination_workload: w, response_code: '200', ...extra };
    const after = now === undefined ? '_x120' : `${before * 60 * week}+${now * 60}x120`;
    return s('istio_requests_total', base, `0+${before * 60}x${week} ${after}`);
  });
}
const businessAt = (env: Env) => `${minutes(env.config.alerts.business.compareWith) + 90}m`;

const trafficDrop: Cases = (env) => {
  const b = env.config.alerts.business;
  const [first, second, third] = b.services;
  const usual = b.minRequestsPerSecond * 10;
  const input = (drop: number) => [
    ...business(env, [
      [first!, usual, usual * drop],
      [second!, usual, drop < b.dropRatio ? undefined : usual],
      // Under the earlier minimum: never compared, even when it stops.
      [third!, b.minRequestsPerSecond / 2, 0],
      // Noise: a service not listed, and the listed one as its callers see it.
      ['not-listed', usual, 0],
    ]),
    ...business(env, [[first!, usual, 0]], { reporter: 'source' }),
  ];
  return {
    // The first down to a tenth of its usual rate, the second gone altogether (no series at all): both fire.
    fire: { input: input(b.dropRatio / 5), at: businessAt(env), fires: [workloadLabels(env, first!), workloadLabels(env, second!)] },
    quiet: { input: input(b.dropRatio * 1.2), at: businessAt(env), fires: [] },
  };
};

const trafficSurge: Cases = (env) => {
  const b = env.config.alerts.business;
  const [first] = b.services;
  const usual = b.minRequestsPerSecond * 10;
  const input = (factor: number) => [
    ...business(env, [
      [first!, usual, usual * factor],
      ['not-listed', usual, usual * b.surgeRatio * 5],
      // Under the earlier minimum: a jump from almost nothing is no anomaly.
      [b.services[1]!, b.minRequestsPerSecond / 2, b.minRequestsPerSecond * b.surgeRatio * 5],
    ]),
  ];
  return {
    fire: { input: input(b.surgeRatio * 1.5), at: businessAt(env), fires: [workloadLabels(env, first!)] },
    quiet: { input: input(b.surgeRatio * 0.8), at: businessAt(env), fires: [] },
  };
};

/** Every service has a ready container except those in `down` (0) and `gone` (no pod at all). */
function ready(env: Env, down: string[], gone: string[]): Series[] {
  return env.services.filter((x) => !gone.includes(x)).map((x) => s('kube_pod_container_status_ready', { namespace: env.ns, pod: `${x}-5d9c7-abcde`, container: x }, down.includes(x) ? '1x5 0x60' : '1x65'));
}
const unavailable: Cases = (env, rule) => {
  const [first, second] = [rule.labels['service']!, env.services.find((x) => x !== rule.labels['service'])!];
  return {
    // One service with its only pod not ready, another with no pod at all: both are down.
    fire: { input: ready(env, [first], [second]), at: '30m', fires: [{ namespace: env.ns }] },
    quiet: { input: ready(env, [], []), at: '30m', fires: [] },
  };
};

/** A container of the first service and its sidecar, which is not a service and must not count. */
function container(env: Env, metric: string, values: (c: string) => string, extra: Record<string, string> = {}): Series[] {
  const w = env.services[0]!;
  return [w, 'istio-proxy'].map((c) => s(metric, { namespace: env.ns, pod: `${w}-5d9c7-abcde`, container: c, ...extra }, values(c)));
}
const podLabels = (env: Env) => ({ namespace: env.ns, pod: `${env.services[0]}-5d9c7-abcde`, container: env.services[0]!, service: env.services[0]! });

const pressure = (resource: 'cpu' | 'memory'): Cases => (env) => {
  const r = env.config.alerts.resources;
  const share = (resource === 'cpu' ? r.cpuOfLimit : r.memoryOfLimit) / 100;
  const limit = resource === 'cpu' ? 2 : 1073741824;
  const run = (used: number) => [
    ...container(env, 'kube_pod_container_resource_limits', () => `${limit}x60`, { resource }),
    ...(resource === 'cpu'
      ? container(env, 'container_cpu_usage_seconds_total', (c) => grow(60 * limit * (c === 'istio-proxy' ? 1 : used)))
      : container(env, 'container_memory_working_set_bytes', (c) => `${Math.round(limit * (c === 'istio-proxy' ? 1 : used))}x60`)),
  ];
  return { fire: { input: run(share + 0.05), at: '40m', fires: [podLabels(env)] }, quiet: { input: run(share - 0.1), at: '40m', fires: [] } };
};

const restarting: Cases = (env) => {
  const max = env.config.alerts.restarts.max;
  const run = (n: number) => container(env, 'kube_pod_container_status_restarts_total', (c) => (c === 'istio-proxy' ? grow(1, 90) : `0x10 ${n}x80`));
  // `increase` extrapolates a little past the first sample: `max - 1` stays clear of the threshold.
  return { fire: { input: run(max + 2), at: '30m', fires: [podLabels(env)] }, quiet: { input: run(max - 1), at: '30m', fires: [] } };
};

const crashLooping: Cases = (env) => {
  const run = (v: string) => container(env, 'kube_pod_container_status_waiting_reason', (c) => (c === 'istio-proxy' ? '1x60' : v), { reason: 'CrashLoopBackOff' });
  return { fire: { input: run('1x60'), at: '40m', fires: [podLabels(env)] }, quiet: { input: run('1x5 0x55'), at: '40m', fires: [] } };
};

function dataOf(env: Env) {
  const d = env.config.dataServices!;
  return { ns: d.namespace, pod: `${d.services.postgres!.name}-1`, schedule: d.postgres?.backup?.schedule ?? '' };
}
const walFailing: Cases = (env) => {
  const d = dataOf(env);
  const run = (failedLater: boolean) => [
    s('cnpg_pg_stat_archiver_last_archived_time', { namespace: d.ns, pod: d.pod }, '1000x60'),
    s('cnpg_pg_stat_archiver_last_failed_time', { namespace: d.ns, pod: d.pod }, failedLater ? '2000x60' : '500x60'),
    // Noise: the restore drill's throw-away Cluster failing.
    s('cnpg_pg_stat_archiver_last_archived_time', { namespace: d.ns, pod: 'postgres-restore-drill-1' }, '1000x60'),
    s('cnpg_pg_stat_archiver_last_failed_time', { namespace: d.ns, pod: 'postgres-restore-drill-1' }, '2000x60'),
  ];
  return { fire: { input: run(true), at: '30m', fires: [{ namespace: d.ns }] }, quiet: { input: run(false), at: '30m', fires: [] } };
};

const backupOld: Cases = (env) => {
  const d = dataOf(env);
  const maxAge = backupGapSeconds(d.schedule) + prometheusSeconds(env.config.alerts.data.backupMargin)!;
  // promtool's clock starts at 0: at `at`, a backup taken `age` seconds before (a negative epoch;
  // evaluating days of rules minute by minute instead would take minutes).
  const at = 3600;
  const run = (age: number) => [s('barman_cloud_cloudnative_pg_io_last_available_backup_timestamp', { namespace: d.ns, pod: d.pod }, `${at - age}x70`)];
  return { fire: { input: run(maxAge + 3600), at: `${at}s`, fires: [{ namespace: d.ns }] }, quiet: { input: run(maxAge - 3600), at: `${at}s`, fires: [] } };
};

const pgName = (env: Env) => env.config.dataServices!.services.postgres!.name;
const replicationLag: Cases = (env) => {
  const d = dataOf(env);
  const limit = env.config.alerts.data.replicationLagSeconds;
  const replica = `${pgName(env)}-2`;
  const run = (lag: number) => [
    s('cnpg_pg_replication_lag', { namespace: d.ns, pod: d.pod }, '0x60'),
    s('cnpg_pg_replication_lag', { namespace: d.ns, pod: replica }, `${lag}x60`),
    // Noise: the restore drill's throw-away Cluster, far behind.
    s('cnpg_pg_replication_lag', { namespace: d.ns, pod: 'postgres-restore-drill-1' }, `${limit * 10}x60`),
  ];
  const at = `${minutes(env.config.alerts.data.pressureFor) + 5}m`;
  return { fire: { input: run(limit + 5), at, fires: [{ namespace: d.ns, pod: replica }] }, quiet: { input: run(limit / 2), at, fires: [] } };
};

const connectionsNearLimit: Cases = (env) => {
  const d = dataOf(env);
  const max = 200;
  const limit = max * env.config.alerts.data.connectionsRatio;
  const backends = (state: string, n: number, pod = d.pod) => s('cnpg_backends_total', { namespace: d.ns, pod, datname: 'app', usename: 'app', application_name: '', state }, `${n}x60`);
  const run = (n: number) => [
    backends('active', Math.ceil(n / 2)),
    backends('idle', Math.floor(n / 2)),
    s('cnpg_pg_settings_setting', { namespace: d.ns, pod: d.pod, name: 'max_connections' }, `${max}x60`),
    // Noise: another setting, and the restore drill's instance full.
    s('cnpg_pg_settings_setting', { namespace: d.ns, pod: d.pod, name: 'max_wal_senders' }, '10x60'),
    backends('active', max, 'postgres-restore-drill-1'),
    s('cnpg_pg_settings_setting', { namespace: d.ns, pod: 'postgres-restore-drill-1', name: 'max_connections' }, `${max}x60`),
  ];
  const at = `${minutes(env.config.alerts.data.pressureFor) + 5}m`;
  return { fire: { input: run(Math.ceil(limit) + 10), at, fires: [{ namespace: d.ns, pod: d.pod }] }, quiet: { input: run(Math.floor(limit) - 10), at, fires: [] } };
};

const cacheQueue = (env: Env) => {
  const d = env.config.dataServices!;
  return { ns: d.namespace, redis: d.services.redis!.name, mq: d.services.mq!.name };
};

const redisDown: Cases = (env) => {
  const c = cacheQueue(env);
  const run = (up: number) => [
    s('redis_up', { namespace: c.ns, pod: `${c.redis}-0` }, '1x60'),
    s('redis_up', { namespace: c.ns, pod: `${c.redis}-1` }, `${up}x60`),
    // Noise: another namespace's Redis down.
    s('redis_up', { namespace: 'elsewhere', pod: `${c.redis}-1` }, '0x60'),
  ];
  return { fire: { input: run(0), at: '10m', fires: [{ namespace: c.ns, pod: `${c.redis}-1` }] }, quiet: { input: run(1), at: '10m', fires: [] } };
};

const redisMemory: Cases = (env) => {
  const c = cacheQueue(env);
  const max = 1_000_000_000;
  const ratio = env.config.alerts.data.redisMemoryRatio;
  const pod = `${c.redis}-0`;
  const run = (used: number) => [
    s('redis_memory_used_bytes', { namespace: c.ns, pod }, `${used}x60`),
    s('redis_memory_max_bytes', { namespace: c.ns, pod }, `${max}x60`),
    // Noise: a pod without maxmemory (0: no limit, never a ratio).
    s('redis_memory_used_bytes', { namespace: c.ns, pod: `${c.redis}-1` }, `${max}x60`),
    s('redis_memory_max_bytes', { namespace: c.ns, pod: `${c.redis}-1` }, '0x60'),
  ];
  const at = `${minutes(env.config.alerts.data.pressureFor) + 5}m`;
  return { fire: { input: run(Math.round(max * Math.min(1, ratio + 0.05))), at, fires: [{ namespace: c.ns, pod }] }, quiet: { input: run(Math.round(max * (ratio - 0.1))), at, fires: [] } };
};

const mqAlarm: Cases = (env) => {
  const c = cacheQueue(env);
  const pod = `${c.mq}-server-0`;
  const run = (disk: number) => [
    s('rabbitmq_alarms_memory_used_watermark', { namespace: c.ns, pod }, '0x60'),
    s('rabbitmq_alarms_free_disk_space_watermark', { namespace: c.ns, pod }, `${disk}x60`),
  ];
  return { fire: { input: run(1), at: '10m', fires: [{ namespace: c.ns, pod }] }, quiet: { input: run(0), at: '10m', fires: [] } };
};

const mqBacklog: Cases = (env) => {
  const c = cacheQueue(env);
  const limit = env.config.alerts.data.mqMessagesReady;
  // Two nodes, each reporting the sum over its queues: the backlog is their sum.
  const run = (total: number) => [
    s('rabbitmq_queue_messages_ready', { namespace: c.ns, pod: `${c.mq}-server-0` }, `${Math.ceil(total / 2)}x60`),
    s('rabbitmq_queue_messages_ready', { namespace: c.ns, pod: `${c.mq}-server-1` }, `${Math.floor(total / 2)}x60`),
    // Noise: another namespace's backlog.
    s('rabbitmq_queue_messages_ready', { namespace: 'elsewhere', pod: `${c.mq}-server-0` }, `${limit * 10}x60`),
  ];
  const at = `${minutes(env.config.alerts.data.pressureFor) + 5}m`;
  return { fire: { input: run(limit + 100), at, fires: [{ namespace: c.ns }] }, quiet: { input: run(limit - 100), at, fires: [] } };
};

const project = (env: Env) => `suoke-${env.name}`;
const outOfSync: Cases = (env) => {
  const app = { namespace: 'argocd', name: `${env.name}-shared`, project: project(env) };
  const run = (status: string) => [
    s('argocd_app_info', { ...app, sync_status: status, health_status: 'Healthy' }, '1x60'),
    // Noise: another environment's Application, out of sync all along.
    s('argocd_app_info', { ...app, name: 'other-shared', project: 'suoke-other', sync_status: 'OutOfSync', health_status: 'Healthy' }, '1x60'),
  ];
  return { fire: { input: run('OutOfSync'), at: `${minutes(env.config.alerts.configuration.outOfSyncFor) + 5}m`, fires: [app] }, quiet: { input: run('Synced'), at: '50m', fires: [] } };
};

const syncFailed: Cases = (env) => {
  const app = { namespace: 'argocd', name: `${env.name}-shared`, project: project(env) };
  const run = (phase: string) => [
    s('argocd_app_sync_total', { ...app, dest_server: 'https://kubernetes.default.svc', phase, dry_run: 'false' }, '0x10 1x20'),
    s('argocd_app_sync_total', { ...app, project: 'suoke-other', name: 'other-shared', dest_server: 'x', phase: 'Failed', dry_run: 'false' }, '0x10 1x20'),
  ];
  return { fire: { input: run('Failed'), at: '20m', fires: [app] }, quiet: { input: run('Succeeded'), at: '20m', fires: [] } };
};

/** The cases of each alert; a rendered alert missing here fails the suite. */
export const CASES: Record<string, Cases> = {
  ErrorBudgetBurn1h: burn,
  ErrorBudgetBurn6h: burn,
  ErrorBudgetBurn3d: burn,
  ServiceSlowResponses: slow,
  GatewayAuthFailures: auth,
  ServiceUnavailable: unavailable,
  ContainerCpuPressure: pressure('cpu'),
  ContainerMemoryPressure: pressure('memory'),
  ContainerRestarting: restarting,
  ContainerCrashLooping: crashLooping,
  PostgresWalArchivingFailing: walFailing,
  PostgresBackupTooOld: backupOld,
  PostgresReplicationLag: replicationLag,
  PostgresConnectionsNearLimit: connectionsNearLimit,
  RedisDown: redisDown,
  RedisMemoryNearLimit: redisMemory,
  RabbitmqResourceAlarm: mqAlarm,
  RabbitmqMessagesPilingUp: mqBacklog,
  BusinessTrafficDrop: trafficDrop,
  BusinessTrafficSurge: trafficSurge,
  ArgoApplicationOutOfSync: outOfSync,
  ArgoApplicationSyncFailed: syncFailed,
};
