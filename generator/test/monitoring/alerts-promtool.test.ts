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
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AlertRule, RuleGroup } from '../../src/render/alerts-rule.js';
import { CASES, type Case, type Env } from './alert-cases.js';
import { modelOf, REPO_ROOT, renderOf } from '../helpers/platform.js';
import { promtool } from '../helpers/promtool.js';

const PROMTOOL = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const MISSING = "promtool not found: install Debian's `prometheus` package (apt-get install prometheus)";
const TITLE = 'the rendered P0–P3 alerts under `promtool`';

const model = modelOf(REPO_ROOT);
const rendered = renderOf(REPO_ROOT);

/** An environment under test: the groups tested, and every group of the rules file promtool loads with them. */
type Tested = Env & { title: string; file: RuleGroup[] };

const rulesIn = (objects: readonly { kind: string; spec?: unknown }[]) => objects.filter((o) => o.kind === 'PrometheusRule').flatMap((o) => (o.spec as { groups: RuleGroup[] }).groups);

/** An environment of the seed with the alert groups rendered in its shared folder. */
function envOf(name: string): Tested {
  const e = model.environments.find((x) => x.env.name === name)!;
  const groups = rulesIn(rendered.targets.find((t) => t.path === e.sharedPath)!.objects);
  return { name, title: name, ns: e.env.namespace, services: e.instances.map((i) => i.service.name), groups, file: groups, config: e.env };
}

/**
 * The configuration alerts of environment `name`, in the folder of the cluster Argo CD runs in
 * (render/argocd-monitoring.ts), loaded beside every other environment's as that Prometheus loads them.
 */
function argoEnvOf(name: string): Tested {
  const e = model.environments.find((x) => x.env.name === name)!;
  const file = rulesIn(rendered.targets.find((t) => t.path === `clusters/${model.argocd.cluster}/argocd-monitoring`)!.objects);
  const groups = file.filter((g) => g.name === `alerts-configuration-${name}`);
  return { name, title: `${name} (Argo CD's cluster)`, ns: e.env.namespace, services: e.instances.map((i) => i.service.name), groups, file, config: e.env };
}

const alertsOf = (env: Env) => env.groups.flatMap((g) => g.rules.filter((r): r is AlertRule => 'alert' in r));

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

const ENVS = [...['prod', 'dev'].map(envOf), ...['prod', 'dev'].map(argoEnvOf)];
const rulesFile = (env: Tested) => stringify({ groups: env.file }, { lineWidth: 0 });
/** One row per alert name and case; per-service rules of one name share their rows (the first service's). */
const rows = ENVS.flatMap((env) =>
  [...new Map(alertsOf(env).map((r) => [r.alert, r])).values()].flatMap((rule) => (['fire', 'quiet'] as const).map((kind) => [`${env.title}: ${rule.alert} ${kind === 'fire' ? 'fires' : 'stays quiet'}`, env, rule, kind] as const)),
);

if (!PROMTOOL && process.env['CI']) {
  describe(TITLE, () => {
    it(MISSING, () => {
      throw new Error(MISSING);
    });
  });
}

describe.skipIf(!PROMTOOL)(PROMTOOL ? TITLE : `${TITLE}: SKIPPED, ${MISSING}`, () => {
  it.each(ENVS.map((e) => [e.title, e] as const))('%s: `promtool check rules` accepts the rendered groups', (_name, env) => {
    const run = promtool({ 'rules.yaml': rulesFile(env) }, ['check', 'rules', 'rules.yaml']);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it.each(rows)('%s', (_name, env, rule, kind) => {
    const cases = CASES[rule.alert];
    expect(cases, `no promtool cases for ${rule.alert}`).toBeDefined();
    const c = cases!(env, rule)[kind];
    const tests = { rule_files: ['rules.yaml'], evaluation_interval: '1m', tests: [testOf(env, rule, c)] };
    // An environment's own rules: only the rule's group (each holds the records its alerts read), as promtool
    // evaluates every rule of the file at every step and the business cases span a week of minutes. The
    // configuration alerts: the whole file of Argo CD's cluster, every environment's beside each other.
    const groups = env.file === env.groups ? [env.groups.find((g) => g.rules.includes(rule))!] : env.file;
    const run = promtool({ 'rules.yaml': stringify({ groups }, { lineWidth: 0 }), 'tests.yaml': stringify(tests, { lineWidth: 0 }) }, ['test', 'rules', 'tests.yaml']);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});

describe('the alerts proved above', () => {
  it('cover both environments: prod with every group, dev without the mesh or backups of its PostgreSQL (one instance: no replication lag); their configuration alerts where Argo CD runs, beside every environment\'s', () => {
    expect(ENVS.map((e) => [e.title, e.groups.map((g) => g.name)])).toEqual([
      ['prod', ['alerts-availability', 'alerts-workloads', 'alerts-security', 'alerts-data', 'alerts-data-pressure', 'alerts-cache-queue', 'alerts-business']],
      ['dev', ['alerts-workloads', 'alerts-data-pressure', 'alerts-cache-queue']],
      ["prod (Argo CD's cluster)", ['alerts-configuration-prod']],
      ["dev (Argo CD's cluster)", ['alerts-configuration-dev']],
    ]);
    expect(ENVS[2]!.file.map((g) => g.name)).toEqual(model.environments.map((e) => `alerts-configuration-${e.env.name}`));
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
