/** The P0–P3 alert rules rendered from `environments.<env>.alerts` (render/alerts*.ts); promtool proves them in test/monitoring. */
import { describe, expect, it } from 'vitest';
import { alertGroups, alertRules } from '../../src/render/alerts.js';
import type { AlertRule } from '../../src/render/alerts-rule.js';
import { backupGapSeconds, configurationGroup } from '../../src/render/alerts-platform.js';
import type { EnvironmentModel } from '../../src/model/types.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

// The seed: its prod renders every group (meshed, the API gateway, PostgreSQL with backups).
const model = modelOf(REPO_ROOT);
const envNamed = (name: string) => model.environments.find((e) => e.env.name === name)!;
const alerts = (e: EnvironmentModel) => alertGroups(e).flatMap((g) => g.rules.filter((r): r is AlertRule => 'alert' in r));
type Alerts = EnvironmentModel['env']['alerts'];
/** `e` with some thresholds changed. */
function withAlerts(e: EnvironmentModel, change: (a: Alerts) => Alerts): EnvironmentModel {
  return { ...e, env: { ...e.env, alerts: change(structuredClone(e.env.alerts)) } };
}
const exprOf = (e: EnvironmentModel, alert: string) => alerts(e).find((r) => r.alert === alert)!.expr;

describe('alert rules', () => {
  it('render a group per topic: the Istio ones only in a meshed environment, the data one only with a rendered PostgreSQL; the configuration one where Argo CD runs (test/render/argocd-monitoring.test.ts)', () => {
    expect(model.environments.map((e) => [e.env.name, alertGroups(e).map((g) => g.name)])).toEqual([
      ['dev', ['alerts-workloads', 'alerts-data-pressure', 'alerts-cache-queue']],
      ['test', ['alerts-workloads', 'alerts-data-pressure', 'alerts-cache-queue']],
      ['staging', ['alerts-availability', 'alerts-workloads', 'alerts-security', 'alerts-data', 'alerts-data-pressure', 'alerts-cache-queue']],
      ['prod', ['alerts-availability', 'alerts-workloads', 'alerts-security', 'alerts-data', 'alerts-data-pressure', 'alerts-cache-queue', 'alerts-business']],
    ]);
  });

  it('carry the label contract: priority, its severity, and the service of a per-service alert', () => {
    expect(alerts(envNamed('prod')).map((r) => [r.alert, r.labels['priority'], r.labels['severity'], r.labels['service'] ?? '-', r.for ?? '-'])).toEqual([
      ['ErrorBudgetBurn1h', 'P1', 'critical', '-', '-'],
      ['ErrorBudgetBurn6h', 'P1', 'critical', '-', '-'],
      ['ErrorBudgetBurn3d', 'P3', 'info', '-', '-'],
      ['ServiceSlowResponses', 'P1', 'critical', '-', '10m'],
      ...envNamed('prod').instances.map((i) => ['ServiceUnavailable', 'P0', 'critical', i.service.name, '5m']),
      ['ContainerCpuPressure', 'P2', 'warning', '-', '15m'],
      ['ContainerMemoryPressure', 'P2', 'warning', '-', '15m'],
      ['ContainerRestarting', 'P2', 'warning', '-', '-'],
      ['ContainerCrashLooping', 'P2', 'warning', '-', '15m'],
      ['GatewayAuthFailures', 'P1', 'critical', 'api-gateway', '10m'],
      ['PostgresWalArchivingFailing', 'P0', 'critical', 'postgres', '10m'],
      ['PostgresBackupTooOld', 'P0', 'critical', 'postgres', '15m'],
      ['PostgresReplicationLag', 'P2', 'warning', 'postgres', '10m'],
      ['PostgresConnectionsNearLimit', 'P2', 'warning', 'postgres', '10m'],
      ['RedisDown', 'P1', 'critical', 'redis', '5m'],
      ['RedisMemoryNearLimit', 'P2', 'warning', 'redis', '10m'],
      ['RabbitmqResourceAlarm', 'P1', 'critical', 'rabbitmq', '2m'],
      ['RabbitmqMessagesPilingUp', 'P2', 'warning', 'rabbitmq', '10m'],
      ['BusinessTrafficDrop', 'P2', 'warning', '-', '30m'],
      ['BusinessTrafficSurge', 'P2', 'warning', '-', '30m'],
    ]);
  });

  it('are PrometheusRules the cluster\'s Prometheus selects, in the environment\'s namespace', () => {
    const e = envNamed('prod');
    expect(alertRules(e).map((r) => [r.metadata.name, r.metadata.namespace, r.metadata.labels?.['team'], r.metadata.labels?.['release'] ?? '-'])).toEqual(
      alertGroups(e).map((g) => [g.name, e.env.namespace, 'suoke-life', e.cluster.monitoringLabels['release'] ?? '-']),
    );
  });

  it.each<[string, (a: Alerts) => Alerts, string, string]>([
    ['an objective of 99 % (budget 1 %)', (a) => ({ ...a, availability: { ...a.availability, objective: 99 } }), 'ErrorBudgetBurn1h', '> 0.144\nand\n'],
    ['a burn rate of 10 over 2h and 10m', (a) => ({ ...a, availability: { ...a.availability, burnRates: [{ factor: 10, long: '2h', short: '10m', priority: 'P2' }] } }), 'ErrorBudgetBurn2h', 'workload:istio_request_errors:ratio_rate10m{'],
    ['an average response time of 1.5 s', (a) => ({ ...a, latency: { ...a.latency, averageSeconds: 1.5 } }), 'ServiceSlowResponses', ') > 1500,'],
    ['80 % of the CPU limit', (a) => ({ ...a, resources: { ...a.resources, cpuOfLimit: 80, window: '10m' } }), 'ContainerCpuPressure', '[10m]))'],
    ['more than 5 restarts in 2h', (a) => ({ ...a, restarts: { ...a.restarts, max: 5, window: '2h' } }), 'ContainerRestarting', '[2h]) > 5,'],
    ['a backup margin of 2h on a daily schedule', (a) => ({ ...a, data: { ...a.data, backupMargin: '2h' } }), 'PostgresBackupTooOld', ') > 93600'],
    ['a replication lag threshold of 60s', (a) => ({ ...a, data: { ...a.data, replicationLagSeconds: 60 } }), 'PostgresReplicationLag', '}) > 60'],
    ['a RabbitMQ backlog of 500', (a) => ({ ...a, data: { ...a.data, mqMessagesReady: 500 } }), 'RabbitmqMessagesPilingUp', '}) > 500'],
    ['Redis at 95 % of maxmemory', (a) => ({ ...a, data: { ...a.data, redisMemoryRatio: 0.95 } }), 'RedisMemoryNearLimit', ' > 0)) > 0.95'],
    ['connections at 90 % of the limit', (a) => ({ ...a, data: { ...a.data, connectionsRatio: 0.9 } }), 'PostgresConnectionsNearLimit', 'name="max_connections"}) > 0.9'],
    ['a business drop to under 30 % of the day before', (a) => ({ ...a, business: { ...a.business, dropRatio: 0.3, compareWith: '1d' } }), 'BusinessTrafficDrop', '\n< 0.3 * sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{'],
    ['a business surge over 5 times, from 2 requests a second', (a) => ({ ...a, business: { ...a.business, surgeRatio: 5, minRequestsPerSecond: 2 } }), 'BusinessTrafficSurge', '[30m] offset 1w)) >= 2,'],
  ])('render the configured threshold: %s', (_name, change, alert, fragment) => {
    expect(exprOf(withAlerts(envNamed('prod'), change), alert)).toContain(fragment);
  });

  it.each<[string, string[], string | undefined]>([
    ['none listed: no business group', [], undefined],
    ['one that does not run in the environment is skipped', ['api-gateway', 'not-here'], 'destination_workload=~"api-gateway"'],
    ['listed in any order: one regex, sorted', ['xiaoai', 'api-gateway'], 'destination_workload=~"api-gateway|xiaoai"'],
  ])('watch the business services that run in the environment: %s', (_name, services, selector) => {
    const e = withAlerts(envNamed('prod'), (a) => ({ ...a, business: { ...a.business, services } }));
    const group = alertGroups(e).find((g) => g.name === 'alerts-business');
    if (selector === undefined) expect(group).toBeUndefined();
    else for (const r of group!.rules) expect((r as AlertRule).expr).toContain(selector);
  });

  it('watch no business traffic where the mesh does not measure it', () => {
    const dev = withAlerts(envNamed('dev'), (a) => ({ ...a, business: { ...a.business, services: ['api-gateway'] } }));
    expect(alertGroups(dev).map((g) => g.name)).not.toContain('alerts-business');
  });

  it('configuration alerts: P3, labelled with their environment, reading its AppProject with its thresholds', () => {
    const changed = withAlerts(envNamed('staging'), (a) => ({ ...a, configuration: { outOfSyncFor: '2h', syncFailedWindow: '3h' } }));
    const rules = configurationGroup(changed, changed.env.alerts).rules as AlertRule[];
    expect(rules.map((r) => [r.alert, r.labels, r.for ?? '-'])).toEqual([
      ['ArgoApplicationOutOfSync', { priority: 'P3', severity: 'info', environment: 'staging' }, '2h'],
      ['ArgoApplicationSyncFailed', { priority: 'P3', severity: 'info', environment: 'staging' }, '-'],
    ]);
    expect(rules[0]!.expr).toContain('argocd_app_info{project="suoke-staging", sync_status="OutOfSync"}');
    expect(rules[1]!.expr).toContain('argocd_app_sync_total{project="suoke-staging", phase=~"Error|Failed"}[3h]');
  });

  it('ask the gateway about auth failures only where it runs', () => {
    const prod = envNamed('prod');
    const elsewhere = withAlerts(prod, (a) => ({ ...a, security: { ...a.security, gateway: 'not-a-service-here' } }));
    expect(alertGroups(elsewhere).some((g) => g.name === 'alerts-security')).toBe(false);
    expect(exprOf(prod, 'GatewayAuthFailures')).toContain('destination_workload="api-gateway", response_code=~"401|403"}[5m])) > 5,');
  });
});

describe('backupGapSeconds', () => {
  it.each<[string, number]>([
    ['0 0 18 * * *', 86400],
    ['0 30 2 * * 0', 7 * 86400],
    ['0 0 */6 * * *', 6 * 3600],
    ['0 0 1,13 * * *', 12 * 3600],
    ['0 0 3 * * 1-5', 3 * 86400],
    ['not a schedule', 86400],
  ])('%s: %i s between two backups at most', (schedule, seconds) => {
    expect(backupGapSeconds(schedule)).toBe(seconds);
  });
});
