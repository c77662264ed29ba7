/**
 * The RENDERED Grafana dashboards of each cluster (render/dashboards.ts): labelled for the sidecar,
 * deterministic JSON, every panel query a PromQL expression the real `promtool` parses (each as a
 * recording rule under `promtool check rules`), and reading only metrics the rendered alert rules read.
 * Needs `promtool` (Debian's `prometheus` package); in CI the suite fails without it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { K8sObject } from '../../src/render/kinds.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';
import { promtool } from '../helpers/promtool.js';

const PROMTOOL = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const MISSING = "promtool not found: install Debian's `prometheus` package (apt-get install prometheus)";
const TITLE = 'the rendered Grafana dashboards under `promtool`';

const rendered = renderOf(REPO_ROOT);
const CLUSTERS = ['dev', 'staging', 'prod'];
type Dashboard = { uid: string; panels: { title: string; targets: { expr: string }[] }[] };

function dashboardsOf(cluster: string): { name: string; labels: Record<string, string>; json: string }[] {
  const objects = rendered.targets.find((t) => t.path === `clusters/${cluster}/monitoring`)!.objects as (K8sObject & { data?: Record<string, string> })[];
  return objects.filter((o) => o.kind === 'ConfigMap').map((o) => ({ name: o.metadata.name, labels: o.metadata.labels ?? {}, json: Object.values(o.data!)[0]! }));
}
const exprsOf = (cluster: string) => dashboardsOf(cluster).flatMap((d) => (JSON.parse(d.json) as Dashboard).panels.flatMap((p) => p.targets.map((t) => ({ dashboard: d.name, panel: p.title, expr: t.expr }))));

/** The text of every rule expression the repository renders (alerts, restore drill). */
const ruleText = rendered.targets
  .flatMap((t) => t.objects)
  .filter((o) => o.kind === 'PrometheusRule')
  .flatMap((o) => (o as K8sObject & { spec: { groups: { rules: { expr: string }[] }[] } }).spec.groups.flatMap((g) => g.rules.map((r) => r.expr)))
  .join('\n');
/** Metric names in a PromQL expression: identifiers followed by a selector. */
const metricsOf = (expr: string) => [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((m) => m[1]!);

describe.each(CLUSTERS)('the dashboards of %s', (cluster) => {
  it('are the four metric groups of the plan, labelled for the Grafana sidecar', () => {
    const ds = dashboardsOf(cluster);
    expect(ds.map((d) => d.name)).toEqual(['dashboard-infrastructure', 'dashboard-application', 'dashboard-data', 'dashboard-security']);
    for (const d of ds) expect(d.labels['grafana_dashboard']).toBe('1');
  });

  it('are deterministic JSON with a uid of their own and at least one panel each', () => {
    const again = renderOf(REPO_ROOT).targets.find((t) => t.path === `clusters/${cluster}/monitoring`)!.objects;
    const before = rendered.targets.find((t) => t.path === `clusters/${cluster}/monitoring`)!.objects;
    expect(JSON.stringify(again)).toBe(JSON.stringify(before));
    const uids = dashboardsOf(cluster).map((d) => (JSON.parse(d.json) as Dashboard).uid);
    expect(new Set(uids).size).toBe(4);
    for (const d of dashboardsOf(cluster)) expect((JSON.parse(d.json) as Dashboard).panels.length).toBeGreaterThan(0);
  });

  it('read only metrics the alert rules read', () => {
    const exprs = exprsOf(cluster);
    expect(exprs.length).toBeGreaterThan(10);
    for (const e of exprs) {
      const metrics = metricsOf(e.expr);
      expect(metrics.length, `${e.dashboard} / ${e.panel}`).toBeGreaterThan(0);
      for (const m of metrics) expect(ruleText, `${e.dashboard} / ${e.panel}: ${m}`).toContain(m);
    }
  });
});

if (!PROMTOOL && process.env['CI']) {
  describe(TITLE, () => {
    it(MISSING, () => {
      throw new Error(MISSING);
    });
  });
}

describe.skipIf(!PROMTOOL)(PROMTOOL ? TITLE : `${TITLE}: SKIPPED, ${MISSING}`, () => {
  it.each(CLUSTERS)('%s: every panel query parses (`promtool check rules`, one recording rule each)', (cluster) => {
    const rules = exprsOf(cluster).map((e, i) => ({ record: `dashboard:panel_${i}:query`, expr: e.expr }));
    const run = promtool({ 'rules.yaml': stringify({ groups: [{ name: 'dashboards', rules }] }, { lineWidth: 0 }) }, ['check', 'rules', 'rules.yaml']);
    expect(run.output).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(run.status).toBe(0);
  });

  it('a query that does not parse is refused (the check can fail)', () => {
    const run = promtool({ 'rules.yaml': stringify({ groups: [{ name: 'x', rules: [{ record: 'x:y', expr: 'sum by (a (rate(x[5m]))' }] }] }) }, ['check', 'rules', 'rules.yaml']);
    expect(run.status).not.toBe(0);
  });
});
