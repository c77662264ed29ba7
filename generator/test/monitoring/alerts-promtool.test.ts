/**
 * The rendered P0–P3 alerts of the seed's prod and dev, proved with the real Prometheus engine:
 * `promtool check rules` on the RENDERED groups, then `promtool test rules` with synthetic series,
 * for every alert a case where it fires (with its `priority`, `severity` and `service`) and one where
 * it stays quiet, the noise it must ignore included. An alert rendered without cases here fails.
 *
 * Needs `promtool` (Debian's `prometheus` package). Without it the suite fails in CI with one line
 * saying what to install, and is skipped elsewhere.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AlertRule, RuleGroup } from '../../src/render/alerts-rule.js';
import { backupGapSeconds } from '../../src/render/alerts-platform.js';
import { prometheusSeconds } from '../../src/time/duration.js';
import { modelOf, REPO_ROOT, renderOf } from '../helpers/platform.js';

const PROMTOOL = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const MISSING = "promtool not found: install Debian's `prometheus` package (apt-get install prometheus)";
const TITLE = 'the rendered P0–P3 alerts under `promtool`';

const model = modelOf(REPO_ROOT);
const rendered = renderOf(REPO_ROOT);

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
interface Case {
  input: Series[];
  at: string;
  /** Per expected alert: the labels the expression yields (the rule's own are added from the rendered rule). */
  fires: Record<string, string>[];
}

interface Env {
  name: string;
  ns: string;
  services: string[];
  groups: RuleGroup[];
}

/** Cases of one alert: `fire` and `quiet`. */
type Cases = (env: Env, rule: AlertRule) => { fire: Case; quiet: Case };

const minutes = (d: string) => Math.round(prometheusSeconds(d)! / 60);
/** A counter growing by `perMinute` for `n` minutes. */
const grow = (perMinute: number, n = 200) => `0+${perMinute}x${n}`;

function envOf(name: string): Env {
  const e = model.environments.find((x) => x.env.name === name)!;
  const objects = rendered.targets.find((t) => t.path === e.sharedPath)!.objects;
  const groups = objects.filter((o) => o.kind === 'PrometheusRule').flatMap((o) => (o.spec as { groups: RuleGroup[] }).groups);
  return { name, ns: e.env.namespace, services: e.instances.map((i) => i.service.name), groups };
}

const alertsOf = (env: Env) => env.groups.flatMap((g) => g.rules.filter((r): r is AlertRule => 'alert' in r));
const configOf = (env: Env) => model.environments.find((x) => x.env.name === env.name)!.env;

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
  const a = configOf(env).alerts.availability;
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
  const ms = configOf(env).alerts.latency.averageSeconds * 1000;
  const run = (avg: number) => [s('istio_request_duration_milliseconds_sum', base, grow(100 * avg)), s('istio_request_duration_milliseconds_count', base, grow(100))];
  return { fire: { input: run(ms * 1.25), at: '40m', fires: [workloadLabels(env, w)] }, quiet: { input: run(ms * 0.75), at: '40m', fires: [] } };
};

const auth: Cases = (env) => {
  const sec = configOf(env).alerts.security;
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
  const r = configOf(env).alerts.resources;
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
  const max = configOf(env).alerts.restarts.max;
  const run = (n: number) => container(env, 'kube_pod_container_status_restarts_total', (c) => (c === 'istio-proxy' ? grow(1, 90) : `0x10 ${n}x80`));
  // `increase` extrapolates a little past the first sample: `max - 1` stays clear of the threshold.
  return { fire: { input: run(max + 2), at: '30m', fires: [podLabels(env)] }, quiet: { input: run(max - 1), at: '30m', fires: [] } };
};

const crashLooping: Cases = (env) => {
  const run = (v: string) => container(env, 'kube_pod_container_status_waiting_reason', (c) => (c === 'istio-proxy' ? '1x60' : v), { reason: 'CrashLoopBackOff' });
  return { fire: { input: run('1x60'), at: '40m', fires: [podLabels(env)] }, quiet: { input: run('1x5 0x55'), at: '40m', fires: [] } };
};

function dataOf(env: Env) {
  const d = configOf(env).dataServices!;
  return { ns: d.namespace, pod: `${d.services.postgres!.name}-1`, schedule: d.postgres!.backup!.schedule };
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
  const maxAge = backupGapSeconds(d.schedule) + prometheusSeconds(configOf(env).alerts.data.backupMargin)!;
  // promtool's clock starts at 0: at `at`, a backup taken `age` seconds before (a negative epoch;
  // evaluating days of rules minute by minute instead would take minutes).
  const at = 3600;
  const run = (age: number) => [s('barman_cloud_cloudnative_pg_io_last_available_backup_timestamp', { namespace: d.ns, pod: d.pod }, `${at - age}x70`)];
  return { fire: { input: run(maxAge + 3600), at: `${at}s`, fires: [{ namespace: d.ns }] }, quiet: { input: run(maxAge - 3600), at: `${at}s`, fires: [] } };
};

const project = (env: Env) => `suoke-${env.name}`;
const outOfSync: Cases = (env) => {
  const app = { namespace: 'argocd', name: `${env.name}-shared`, project: project(env) };
  const run = (status: string) => [
    s('argocd_app_info', { ...app, sync_status: status, health_status: 'Healthy' }, '1x60'),
    // Noise: another environment's Application, out of sync all along.
    s('argocd_app_info', { ...app, name: 'other-shared', project: 'suoke-other', sync_status: 'OutOfSync', health_status: 'Healthy' }, '1x60'),
  ];
  return { fire: { input: run('OutOfSync'), at: `${minutes(configOf(env).alerts.configuration.outOfSyncFor) + 5}m`, fires: [app] }, quiet: { input: run('Synced'), at: '50m', fires: [] } };
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
const CASES: Record<string, Cases> = {
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
  ArgoApplicationOutOfSync: outOfSync,
  ArgoApplicationSyncFailed: syncFailed,
};

/**
 * promtool's unit test of `c` for `rule`: its rule labels on each expected alert, its annotations
 * as rendered. Rules sharing the name (ServiceUnavailable, one per service) are all expected to fire
 * when a case expects the name to fire for the services it names.
 */
function testOf(env: Env, rule: AlertRule, c: Case) {
  const same = alertsOf(env).filter((r) => r.alert === rule.alert);
  const expected =
    c.fires.length === 0
      ? []
      : rule.alert === 'ServiceUnavailable'
        ? same.filter((r) => c.input.every((x) => !x.series.includes(`container="${r.labels['service']}"`)) || r === rule).map((r) => ({ rule: r, labels: c.fires[0]! }))
        : c.fires.map((labels) => ({ rule, labels }));
  return {
    interval: '1m',
    input_series: c.input,
    alert_rule_test: [
      {
        eval_time: c.at,
        alertname: rule.alert,
        exp_alerts: expected.map((x) => ({ exp_labels: { ...x.labels, ...x.rule.labels }, exp_annotations: x.rule.annotations })),
      },
    ],
  };
}

function promtool(files: Record<string, string>, args: string[]): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alerts-promtool-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const r = spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ENVS = ['prod', 'dev'].map(envOf);
const rulesFile = (env: Env) => stringify({ groups: env.groups }, { lineWidth: 0 });
/** One row per alert name and case; per-service rules of one name share their rows (the first service's). */
const rows = ENVS.flatMap((env) =>
  [...new Map(alertsOf(env).map((r) => [r.alert, r])).values()].flatMap((rule) => (['fire', 'quiet'] as const).map((kind) => [`${env.name}: ${rule.alert} ${kind === 'fire' ? 'fires' : 'stays quiet'}`, env, rule, kind] as const)),
);

if (!PROMTOOL && process.env['CI']) {
  describe(TITLE, () => {
    it(MISSING, () => {
      throw new Error(MISSING);
    });
  });
}

describe.skipIf(!PROMTOOL)(PROMTOOL ? TITLE : `${TITLE}: SKIPPED, ${MISSING}`, () => {
  it.each(ENVS.map((e) => [e.name, e] as const))('%s: `promtool check rules` accepts the rendered groups', (_name, env) => {
    const run = promtool({ 'rules.yaml': rulesFile(env) }, ['check', 'rules', 'rules.yaml']);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it.each(rows)('%s', (_name, env, rule, kind) => {
    const cases = CASES[rule.alert];
    expect(cases, `no promtool cases for ${rule.alert}`).toBeDefined();
    const c = cases!(env, rule)[kind];
    const tests = { rule_files: ['rules.yaml'], evaluation_interval: '1m', tests: [testOf(env, rule, c)] };
    const run = promtool({ 'rules.yaml': rulesFile(env), 'tests.yaml': stringify(tests, { lineWidth: 0 }) }, ['test', 'rules', 'tests.yaml']);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});

describe('the alerts proved above', () => {
  it('cover both environments: prod with every group, dev without the mesh or a rendered PostgreSQL', () => {
    expect(ENVS.map((e) => [e.name, e.groups.map((g) => g.name)])).toEqual([
      ['prod', ['alerts-availability', 'alerts-workloads', 'alerts-security', 'alerts-data', 'alerts-configuration']],
      ['dev', ['alerts-workloads', 'alerts-configuration']],
    ]);
  });

  it('each carry a priority and its severity, a per-service one its service', () => {
    const severity = { P0: 'critical', P1: 'critical', P2: 'warning', P3: 'info' } as Record<string, string>;
    for (const env of ENVS) {
      for (const r of alertsOf(env)) {
        expect(severity[r.labels['priority']!], `${r.alert} priority`).toBe(r.labels['severity']);
        if (r.alert === 'ServiceUnavailable') expect(env.services).toContain(r.labels['service']);
      }
    }
  });
});
