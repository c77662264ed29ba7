/**
 * Each cluster's Prometheus and Alertmanager (render/monitoring-stack.ts): they select every monitor,
 * rule and AlertmanagerConfig the generator renders for the cluster, in the namespaces those live in;
 * the plan's numbers in prod; the matcher strategy the routing needs; and the add-on that runs them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { K8sObject } from '../../src/render/kinds.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
type Obj = K8sObject & { spec: Record<string, any> };

/** `metav1.LabelSelectorAsSelector` for the operators used here: every pair and every expression must hold. */
function matches(s: Selector, labels: Record<string, string> = {}): boolean {
  const pairs = Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const exprs = (s.matchExpressions ?? []).every((e) => {
    if (e.operator === 'In') return labels[e.key] !== undefined && e.values!.includes(labels[e.key]!);
    throw new Error(`operator ${e.operator} not modelled`);
  });
  return pairs && exprs;
}

const rendered = renderOf(REPO_ROOT);
const inCluster = (cluster: string) => rendered.targets.filter((t) => t.path.startsWith(`clusters/${cluster}/`)).flatMap((t) => t.objects) as Obj[];
const MONITORS = { ServiceMonitor: 'serviceMonitor', PodMonitor: 'podMonitor', PrometheusRule: 'rule' } as const;

describe('the selector model of this test', () => {
  it('refuses what the operator refuses: a missing label, another value, a namespace not listed', () => {
    expect(matches({ matchLabels: { team: 'suoke-life' } }, { team: 'suoke-life', release: 'x' })).toBe(true);
    expect(matches({ matchLabels: { team: 'suoke-life' } }, { release: 'x' })).toBe(false);
    expect(matches({ matchLabels: { team: 'suoke-life' } }, { team: 'other' })).toBe(false);
    expect(matches({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a'] }] }, { 'kubernetes.io/metadata.name': 'b' })).toBe(false);
  });
});

describe.each(['dev', 'staging', 'prod'])('the monitoring stack of %s', (cluster) => {
  const objects = rendered.targets.find((t) => t.path === `clusters/${cluster}/monitoring`)!.objects as Obj[];
  const one = (kind: string) => objects.find((o) => o.kind === kind)!;
  const prometheus = one('Prometheus');
  const alertmanager = one('Alertmanager');

  it('is one Prometheus, one Alertmanager, the Prometheus ServiceAccount and its RBAC, and the dashboards, in the monitoring namespace', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort()).toEqual([
      'Alertmanager monitoring/alertmanager',
      'ClusterRole /suoke-prometheus',
      'ClusterRoleBinding /suoke-prometheus',
      'ConfigMap monitoring/dashboard-application',
      'ConfigMap monitoring/dashboard-data',
      'ConfigMap monitoring/dashboard-infrastructure',
      'ConfigMap monitoring/dashboard-security',
      'Prometheus monitoring/prometheus',
      'ServiceAccount monitoring/prometheus',
    ]);
    expect(prometheus.spec['serviceAccountName']).toBe('prometheus');
    expect(one('ClusterRoleBinding')).toMatchObject({ roleRef: { kind: 'ClusterRole', name: 'suoke-prometheus' }, subjects: [{ kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' }] });
  });

  it.each(Object.entries(MONITORS))('selects every rendered %s of the cluster, in a namespace it looks in', (kind, field) => {
    const found = inCluster(cluster).filter((o) => o.kind === kind);
    expect(found.length).toBeGreaterThan(0);
    for (const o of found) {
      expect(matches(prometheus.spec[`${field}Selector`], o.metadata.labels), `${kind} ${o.metadata.namespace}/${o.metadata.name}`).toBe(true);
      expect(matches(prometheus.spec[`${field}NamespaceSelector`], { 'kubernetes.io/metadata.name': o.metadata.namespace! }), `${kind} ${o.metadata.namespace}/${o.metadata.name}`).toBe(true);
    }
  });

  it('selects the cluster\'s AlertmanagerConfig, in its own namespace, and keeps its routes as written', () => {
    const configs = inCluster(cluster).filter((o) => o.kind === 'AlertmanagerConfig');
    expect(configs.length).toBe(1);
    expect(matches(alertmanager.spec['alertmanagerConfigSelector'], configs[0]!.metadata.labels)).toBe(true);
    // No namespace selector: the operator reads the Alertmanager's own namespace only.
    expect(alertmanager.spec['alertmanagerConfigNamespaceSelector']).toBeUndefined();
    expect(configs[0]!.metadata.namespace).toBe(alertmanager.metadata.namespace);
    expect(alertmanager.spec['alertmanagerConfigMatcherStrategy']).toEqual({ type: 'OnNamespaceExceptForAlertmanagerNamespace' });
  });

  it('sends its alerts to that Alertmanager\'s Service', () => {
    expect(prometheus.spec['alerting']).toEqual({ alertmanagers: [{ namespace: 'monitoring', name: 'alertmanager-operated', port: 'web', apiVersion: 'v2' }] });
  });

  it('is synced by monitoring-<cluster> into the monitoring namespace, never holding the environments\' wave', () => {
    const app = rendered.targets.flatMap((t) => t.objects).find((o) => o.kind === 'Application' && o.metadata.name === `monitoring-${cluster}`) as Obj;
    expect(app.spec['destination'].namespace).toBe('monitoring');
    expect(app.spec['source'].path).toBe(`clusters/${cluster}/monitoring`);
    expect(app.metadata.labels).toMatchObject({ 'suoke-life.com/health-gate': 'none' });
    expect(app.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-3' });
  });
});

it('prod runs the plan\'s Prometheus: 400Mi requested, 50Gi on fast-ssd, on the monitoring pool, two of each', () => {
  const objects = rendered.targets.find((t) => t.path === 'clusters/prod/monitoring')!.objects as Obj[];
  const p = objects.find((o) => o.kind === 'Prometheus')!.spec;
  expect(p['resources'].requests.memory).toBe('400Mi');
  expect(p['storage']).toEqual({ volumeClaimTemplate: { spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } } } });
  expect(p['nodeSelector']).toEqual({ 'suoke-life.com/node-pool': 'monitoring' });
  expect(p['replicas']).toBe(2);
  expect(objects.find((o) => o.kind === 'Alertmanager')!.spec['replicas']).toBe(2);
});

it('a cluster without `monitoring` renders no monitoring folder', () => {
  expect(renderOf(`${REPO_ROOT}/generator/test/fixtures/platform`).targets.some((t) => t.path.endsWith('/monitoring'))).toBe(false);
});

describe('the prometheus-operator add-on', () => {
  const addons = (parse(readFileSync(`${REPO_ROOT}/platform/addons.yaml`, 'utf8')) as { addons: { name: string; version: string; install?: any }[] }).addons;
  const addon = addons.find((a) => a.name === 'prometheus-operator')!;

  it('is kube-prometheus-stack of the pinned operator, in every cluster\'s monitoring namespace', () => {
    expect(addon.version).toBe('v0.93.0');
    expect(addon.install.chart).toEqual({ repoURL: 'https://prometheus-community.github.io/helm-charts', name: 'kube-prometheus-stack', version: '88.3.0' });
    for (const c of rendered.targets.filter((t) => /^clusters\/[^/]+\/monitoring$/.test(t.path))) {
      expect((c.objects[0] as Obj).metadata.namespace).toBe(addon.install.namespace);
    }
  });

  it('runs no Prometheus or Alertmanager of its own, and labels its monitors for ours', () => {
    const v = addon.install.values;
    expect([v.prometheus.enabled, v.alertmanager.enabled, v.defaultRules.create]).toEqual([false, false, false]);
    expect([v.grafana.enabled, v.kubeStateMetrics.enabled, v.nodeExporter.enabled]).toEqual([true, true, true]);
    expect(v.commonLabels).toEqual({ team: 'suoke-life' });
    expect(v['kube-state-metrics'].prometheus.monitor.additionalLabels).toEqual({ team: 'suoke-life' });
    expect(v['prometheus-node-exporter'].prometheus.monitor.additionalLabels).toEqual({ team: 'suoke-life' });
    expect(v.grafana.sidecar.dashboards).toEqual({ enabled: true, label: 'grafana_dashboard', labelValue: '1', searchNamespace: 'ALL' });
    expect(v.grafana.sidecar.datasources.url).toBe('http://prometheus-operated.monitoring.svc:9090/');
  });
});
