/**
 * Argo CD's metrics scraped where it runs (render/argocd-monitoring.ts): the seed names `cluster: prod`
 * in argocd/argocd.yaml. The ServiceMonitors select the upstream install's metrics Services by their
 * labels and port names, prod's Prometheus looks in Argo CD's namespace, and every environment's
 * configuration alerts are evaluated there and nowhere else; without `cluster`, none of it.
 */
import { describe, expect, it } from 'vitest';
import type { AlertRule, RuleGroup } from '../../src/render/alerts-rule.js';
import { ARGOCD_METRICS } from '../../src/render/argocd-monitoring.js';
import { render } from '../../src/render/index.js';
import type { K8sObject } from '../../src/render/kinds.js';
import type { Model } from '../../src/model/types.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

type Obj = K8sObject & { spec: Record<string, any> };

/**
 * The metrics Services of the upstream install, transcribed from argo-cd manifests/base @ v3.1.16
 * (identical at v3.5.1): application-controller/argocd-metrics.yaml:4-14, server/argocd-server-metrics.yaml:4-14,
 * repo-server/argocd-repo-server-service.yaml:4-18, applicationset-controller/argocd-applicationset-controller-service.yaml:4-18.
 */
const UPSTREAM_SERVICES = [
  { name: 'argocd-metrics', labels: { 'app.kubernetes.io/name': 'argocd-metrics', 'app.kubernetes.io/part-of': 'argocd', 'app.kubernetes.io/component': 'metrics' }, ports: { metrics: 8082 } },
  { name: 'argocd-server-metrics', labels: { 'app.kubernetes.io/name': 'argocd-server-metrics', 'app.kubernetes.io/part-of': 'argocd', 'app.kubernetes.io/component': 'server' }, ports: { metrics: 8083 } },
  { name: 'argocd-repo-server', labels: { 'app.kubernetes.io/name': 'argocd-repo-server', 'app.kubernetes.io/part-of': 'argocd', 'app.kubernetes.io/component': 'repo-server' }, ports: { server: 8081, metrics: 8084 } },
  { name: 'argocd-applicationset-controller', labels: { 'app.kubernetes.io/component': 'applicationset-controller', 'app.kubernetes.io/name': 'argocd-applicationset-controller', 'app.kubernetes.io/part-of': 'argocd' }, ports: { webhook: 7000, metrics: 8080 } },
];

const matchesLabels = (selector: { matchLabels?: Record<string, string> }, labels: Record<string, string>) =>
  Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

const model = modelOf(REPO_ROOT);
const rendered = render(model);
const target = (path: string) => rendered.targets.find((t) => t.path === path);
const folder = target('clusters/prod/argocd-monitoring')!.objects as Obj[];
const prometheusOf = (r: typeof rendered, cluster: string) => r.targets.find((t) => t.path === `clusters/${cluster}/monitoring`)!.objects.find((o) => o.kind === 'Prometheus') as Obj;
const namespacesOf = (p: Obj, field: string) => p.spec[field].matchExpressions[0].values as string[];
const rulesOf = (objects: readonly K8sObject[]) => objects.filter((o) => o.kind === 'PrometheusRule').flatMap((o) => ((o as Obj).spec['groups'] as RuleGroup[]));
const alertNames = (groups: RuleGroup[]) => groups.flatMap((g) => g.rules.filter((r): r is AlertRule => 'alert' in r).map((r) => r.alert));

describe('Argo CD monitoring in the cluster Argo CD runs in (seed: prod)', () => {
  it('is four ServiceMonitors and one PrometheusRule per environment, in Argo CD\'s namespace', () => {
    expect(folder.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'ServiceMonitor argocd/argocd-metrics',
      'ServiceMonitor argocd/argocd-server-metrics',
      'ServiceMonitor argocd/argocd-repo-server-metrics',
      'ServiceMonitor argocd/argocd-applicationset-controller-metrics',
      ...model.environments.map((e) => `PrometheusRule argocd/alerts-configuration-${e.env.name}`),
    ]);
  });

  it.each(UPSTREAM_SERVICES.map((s) => [s.name, s] as const))('selects the upstream Service %s by its labels, on its port named `metrics`', (_name, service) => {
    const monitors = folder.filter((o) => o.kind === 'ServiceMonitor' && matchesLabels(o.spec['selector'], service.labels));
    expect(monitors.length).toBe(1);
    const ports = (monitors[0]!.spec['endpoints'] as { port: string }[]).map((e) => e.port);
    expect(ports).toEqual(['metrics']);
    expect(Object.keys(service.ports)).toContain(ports[0]);
    // No other upstream Service is caught by the same monitor (each is scraped once).
    expect(UPSTREAM_SERVICES.filter((s) => matchesLabels(monitors[0]!.spec['selector'], s.labels)).map((s) => s.name)).toEqual([service.name]);
  });

  it('knows the upstream Services as transcribed here, for the policy checks (policy/dangling-servicemonitor)', () => {
    expect(ARGOCD_METRICS.map((m) => [m.labels, [...m.ports].sort()])).toEqual(UPSTREAM_SERVICES.map((s) => [s.labels, Object.keys(s.ports).sort()]));
  });

  it('is selected by prod\'s Prometheus, whose namespace selectors admit Argo CD\'s namespace; the other clusters\' do not look there', () => {
    const prod = prometheusOf(rendered, 'prod');
    for (const field of ['serviceMonitorNamespaceSelector', 'ruleNamespaceSelector']) expect(namespacesOf(prod, field)).toContain(model.argocd.namespace);
    for (const o of folder) expect(matchesLabels(prod.spec[o.kind === 'ServiceMonitor' ? 'serviceMonitorSelector' : 'ruleSelector'], o.metadata.labels ?? {})).toBe(true);
    for (const cluster of ['dev', 'staging']) expect(namespacesOf(prometheusOf(rendered, cluster), 'serviceMonitorNamespaceSelector')).not.toContain('argocd');
  });

  it('holds every environment\'s configuration alerts, each reading its own AppProject with its own thresholds and labelled with its environment', () => {
    for (const e of model.environments) {
      const rule = folder.find((o) => o.metadata.name === `alerts-configuration-${e.env.name}`)!;
      expect(rule.metadata.labels?.['suoke-life.com/environment']).toBe(e.env.name);
      const rules = (rule.spec['groups'] as RuleGroup[])[0]!.rules as AlertRule[];
      expect(rules.map((r) => r.alert)).toEqual(['ArgoApplicationOutOfSync', 'ArgoApplicationSyncFailed']);
      for (const r of rules) expect(r.expr).toContain(`project="suoke-${e.env.name}"`);
      expect(rules[0]!.for).toBe(e.env.alerts.configuration.outOfSyncFor);
      expect(rules[1]!.expr).toContain(`[${e.env.alerts.configuration.syncFailedWindow}]`);
    }
  });

  it('is the only place configuration alerts are rendered: no environment\'s shared folder has them', () => {
    const elsewhere = rendered.targets.filter((t) => t.path !== 'clusters/prod/argocd-monitoring').flatMap((t) => alertNames(rulesOf(t.objects)));
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.filter((a) => a.startsWith('Argo'))).toEqual([]);
  });

  it('is delivered by the Application argocd-monitoring-prod into Argo CD\'s namespace, which its AppProject allows', () => {
    const argo = target('argocd')!.objects as Obj[];
    const app = argo.find((o) => o.kind === 'Application' && o.metadata.name === 'argocd-monitoring-prod')!;
    expect(app.spec['source'].path).toBe('clusters/prod/argocd-monitoring');
    const prod = model.clusters.find((c) => c.name === 'prod')!;
    expect(app.spec['destination']).toEqual({ server: prod.server, namespace: 'argocd' });
    const project = argo.find((o) => o.kind === 'AppProject' && o.metadata.name === app.spec['project'])!;
    expect(project.spec['destinations']).toContainEqual({ server: prod.server, namespace: 'argocd' });
  });
});

describe('without `cluster` in argocd/argocd.yaml', () => {
  const { cluster: _, ...argocd } = model.argocd;
  const without: Model = { ...model, argocd };
  const r = render(without);

  it('renders no Argo CD monitoring, no configuration alerts, and no Prometheus looks in Argo CD\'s namespace', () => {
    expect(r.targets.some((t) => t.path.endsWith('/argocd-monitoring'))).toBe(false);
    expect(r.files.some((f) => f.path.includes('argocd-monitoring'))).toBe(false);
    expect(r.targets.flatMap((t) => alertNames(rulesOf(t.objects))).filter((a) => a.startsWith('Argo'))).toEqual([]);
    for (const c of model.clusters) expect(namespacesOf(prometheusOf(r, c.name), 'serviceMonitorNamespaceSelector')).not.toContain('argocd');
  });
});
