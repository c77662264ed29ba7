/**
 * Each cluster's Prometheus and Alertmanager, from `monitoring` of its cluster.yaml (docs/monitoring.md,
 * "The stack"): prometheus-operator custom resources in `monitoringNamespace`, run by the
 * `prometheus-operator` add-on (kube-prometheus-stack with its own Prometheus and Alertmanager off,
 * platform/addons.yaml). Rendered to `clusters/<cluster>/monitoring/`, synced by the Application
 * `monitoring-<cluster>` after the add-ons (the CRDs and the operator).
 *
 * Citations are prometheus-operator `<path>:<line> @ v0.93.0` (the pinned operator).
 */
import type { ArgoConfig, ClusterConfig } from '../config/types.js';
import type { MonitoringConfig } from '../config/cluster/monitoring-schema.js';
import type { IAlertmanager } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Alertmanager';
import type { IPrometheus } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Prometheus';
import { poolScheduling } from '../model/scheduling.js';
import { clusterFolderApplication } from './cluster-platform.js';
import { dashboardConfigMaps } from './dashboards.js';
import { prometheusSelected, SCRAPE } from './conventions.js';
import { HEALTH_GATE } from './argocd-health.js';
import type { Application, ClusterRole, ClusterRoleBinding, K8sObject, ObjectMeta, ServiceAccount } from './kinds.js';

/** The plan's names: the Prometheus `prometheus` (its Service is `prometheus-operated`) and its ServiceAccount. */
const PROMETHEUS = 'prometheus';
const ALERTMANAGER = 'alertmanager';
/** The governing Service the operator creates for every Alertmanager, and its HTTP port (pkg/alertmanager/statefulset.go:44, :47). */
const ALERTMANAGER_SERVICE = { name: 'alertmanager-operated', port: 'web' } as const;

type Named<T> = Omit<T, 'metadata'> & { metadata: ObjectMeta & { name: string } };
type AlertmanagerSpec = NonNullable<IAlertmanager['spec']>;
/**
 * The Alertmanager as the pinned CRD serves it: the model package lags and knows only `OnNamespace` and
 * `None` (platform/crds/prometheus-operator/v0.93.0/monitoring.coreos.com_alertmanagers.yaml enumerates the third).
 */
type Alertmanager = Named<Omit<IAlertmanager, 'spec'> & {
  spec: Omit<AlertmanagerSpec, 'alertmanagerConfigMatcherStrategy'> & { alertmanagerConfigMatcherStrategy: { type: 'OnNamespaceExceptForAlertmanagerNamespace' } };
}>;

/**
 * The label selector of every monitor, rule and AlertmanagerConfig the cluster's Prometheus and
 * Alertmanager take: the plan's `team: suoke-life`, which {@link prometheusSelected} puts on each.
 */
function monitorSelector(): { matchLabels: Record<string, string> } {
  return { matchLabels: prometheusSelected(undefined) };
}

/**
 * The namespaces Prometheus looks for monitors and rules in: the monitoring namespace (the
 * add-on's ServiceMonitors of kubelet, kube-state-metrics, node-exporter), every environment's
 * namespace and data namespace of the cluster, and Argo CD's namespace in the cluster Argo CD runs in
 * (its ServiceMonitors and the configuration alerts: render/argocd-monitoring.ts), by the name label
 * Kubernetes sets on each namespace.
 */
function monitoredNamespaces(cluster: ClusterConfig, argo: ArgoConfig): string[] {
  const names = new Set([cluster.monitoringNamespace]);
  if (argo.cluster === cluster.name) names.add(argo.namespace);
  for (const e of cluster.environments) {
    names.add(e.namespace);
    if (e.dataServices) names.add(e.dataServices.namespace);
  }
  return [...names].sort();
}

/** The monitoring objects of one cluster, by file name inside its folder; none without `monitoring`. */
export function monitoringStackObjects(cluster: ClusterConfig, argo: ArgoConfig, labels: Record<string, string>): { file: string; object: K8sObject }[] {
  const m = cluster.monitoring;
  if (!m) return [];
  const ns = cluster.monitoringNamespace;
  const meta = (name: string) => ({ name, namespace: ns, labels });
  const namespaces = { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: monitoredNamespaces(cluster, argo) }] };
  const account: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(PROMETHEUS) };
  const p = m.prometheus;
  const prometheus: Named<IPrometheus> = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Prometheus',
    metadata: meta(PROMETHEUS),
    spec: {
      replicas: p.replicas,
      serviceAccountName: PROMETHEUS,
      // A nil selector selects nothing and an empty one everything (pkg/prometheus/resource_selector.go:185, :335):
      // ours are exact, and so are the namespaces they are looked for in.
      serviceMonitorSelector: monitorSelector(),
      serviceMonitorNamespaceSelector: namespaces,
      podMonitorSelector: monitorSelector(),
      podMonitorNamespaceSelector: namespaces,
      ruleSelector: monitorSelector(),
      ruleNamespaceSelector: namespaces,
      scrapeInterval: `${SCRAPE.intervalSeconds}s`,
      evaluationInterval: `${SCRAPE.intervalSeconds}s`,
      retention: p.retention,
      resources: p.resources,
      storage: volume(p.storage),
      alerting: { alertmanagers: [{ namespace: ns, name: ALERTMANAGER_SERVICE.name, port: ALERTMANAGER_SERVICE.port, apiVersion: 'v2' }] },
      ...placement(cluster, p.nodePool),
    },
  };
  const a = m.alertmanager;
  const alertmanager: Alertmanager = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'Alertmanager',
    metadata: meta(ALERTMANAGER),
    spec: {
      replicas: a.replicas,
      resources: a.resources,
      storage: volume(a.storage),
      // Our AlertmanagerConfig (render/alerting.ts), in this namespace: with no namespace selector the
      // operator reads only the Alertmanager's own namespace (pkg/alertmanager/operator.go:1024-1027).
      alertmanagerConfigSelector: monitorSelector(),
      // Keeps our routes as written: under the default `OnNamespace` the operator would add
      // namespace="<monitoring>" to them and drop every environment's alerts (docs/alerting.md).
      alertmanagerConfigMatcherStrategy: { type: 'OnNamespaceExceptForAlertmanagerNamespace' },
      ...placement(cluster, a.nodePool),
    },
  };
  return [
    { file: 'prometheus-serviceaccount.yaml', object: account },
    { file: 'prometheus-clusterrole.yaml', object: clusterRole(labels) },
    { file: 'prometheus-clusterrolebinding.yaml', object: clusterRoleBinding(ns, labels) },
    { file: 'prometheus.yaml', object: prometheus as K8sObject },
    { file: 'alertmanager.yaml', object: alertmanager as K8sObject },
    ...dashboardConfigMaps(cluster, labels),
  ];
}

function volume(s: MonitoringConfig['prometheus']['storage']): NonNullable<NonNullable<IPrometheus['spec']>['storage']> {
  return { volumeClaimTemplate: { spec: { storageClassName: s.storageClass, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: s.size } } } } };
}

/**
 * The node selector and tolerations of pods on `pool` of `cluster` (none when no pool is named), as pod
 * spec fields; shared with the logging stack (render/logging.ts).
 */
export function placement(cluster: ClusterConfig, pool: string | undefined): { nodeSelector?: Record<string, string>; tolerations?: object[] } {
  if (pool === undefined) return {};
  const s = poolScheduling(cluster, pool);
  return { nodeSelector: s.nodeSelector, ...(s.tolerations.length > 0 ? { tolerations: s.tolerations } : {}) };
}

/**
 * What the Prometheus server reads: the chart creates its ClusterRole only with its own Prometheus,
 * which is off. The rules of prometheus-operator Documentation/platform/rbac.md:168-196 @ v0.93.0
 * (target and Alertmanager discovery, rule ConfigMaps, the API server's /metrics).
 */
function clusterRole(labels: Record<string, string>): ClusterRole {
  const read = ['get', 'list', 'watch'];
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'suoke-prometheus', labels },
    rules: [
      { apiGroups: [''], resources: ['nodes', 'nodes/metrics', 'services', 'endpoints', 'pods'], verbs: read },
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: read },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: read },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ],
  };
}

function clusterRoleBinding(namespace: string, labels: Record<string, string>): ClusterRoleBinding {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'suoke-prometheus', labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'suoke-prometheus' },
    subjects: [{ kind: 'ServiceAccount', name: PROMETHEUS, namespace }],
  };
}

/** Folder of a cluster's monitoring objects. */
export function monitoringStackPath(cluster: string): string {
  return `clusters/${cluster}/monitoring`;
}

/**
 * The Application `monitoring-<cluster>`, at the platform wave (after the add-on's CRDs and operator).
 * It never holds the environments' wave: they need the CRDs, not a running Prometheus, and the
 * operator reports a starting Prometheus as not Available (`NoPodReady`), which Argo CD reads as
 * Degraded (argo-cd resource_customizations/monitoring.coreos.com/Prometheus/health.lua:7-14 @ v3.5.1).
 */
export function monitoringStackApplication(a: ArgoConfig, cluster: ClusterConfig, project: string, labels: Record<string, string>): Application {
  const app = clusterFolderApplication(a, cluster, project, labels, { name: `monitoring-${cluster.name}`, path: monitoringStackPath(cluster.name), namespace: cluster.monitoringNamespace });
  app.metadata.labels = { ...app.metadata.labels, [HEALTH_GATE.label]: HEALTH_GATE.none };
  return app;
}
