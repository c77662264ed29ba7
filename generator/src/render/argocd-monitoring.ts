/**
 * Argo CD's own metrics, scraped where Argo CD runs, and the P3 configuration alerts that read them
 * (docs/monitoring.md, "Argo CD"). Argo CD is installed outside this repository (docs/argocd.md);
 * `cluster` of argocd/argocd.yaml names the cluster it runs in. That cluster's folder
 * `clusters/<cluster>/argocd-monitoring/` holds, in Argo CD's namespace:
 * - one ServiceMonitor per metrics Service of the upstream install (see {@link ARGOCD_METRICS}),
 *   labelled for the cluster's Prometheus, whose namespace selectors admit Argo CD's namespace
 *   (render/monitoring-stack.ts);
 * - one PrometheusRule `alerts-configuration-<env>` per environment, each reading only its own
 *   AppProject's Applications with the environment's thresholds (render/alerts-platform.ts).
 * Without `cluster` nothing is rendered: the alerts would be rules no Prometheus can ever fire.
 *
 * Upstream's NetworkPolicies let any namespace reach the metrics ports (argo-cd manifests/base @
 * v3.1.16, unchanged at v3.5.1): application-controller/argocd-application-controller-network-policy.yaml:13-17
 * (8082), server/argocd-server-network-policy.yaml:13-14 (every port), repo-server/argocd-repo-server-network-policy.yaml:32-35
 * (8084), applicationset-controller/argocd-applicationset-controller-network-policy.yaml:13-20 (8080).
 */
import type { ArgoConfig, ClusterConfig } from '../config/types.js';
import type { Model } from '../model/types.js';
import type { RuleGroup } from './alerts-rule.js';
import { configurationGroup } from './alerts-platform.js';
import { clusterFolderApplication } from './cluster-platform.js';
import { prometheusSelected, SCRAPE } from './conventions.js';
import type { Application, K8sObject, PrometheusRule, ServiceMonitor } from './kinds.js';

/**
 * Argo CD's metrics Services as the upstream install defines them (argo-cd manifests/base @ v3.1.16,
 * identical at v3.5.1, the version docs/argocd.md installs), each with the name of the ServiceMonitor
 * that scrapes it (upstream's examples, docs/operator-manual/metrics.md:280-343): the Service's
 * labels and port names (the policy checks read them: a ServiceMonitor must select a Service and
 * scrape a port it names). The application controller's is the one the configuration alerts read
 * (`argocd_app_info`, `argocd_app_sync_total`).
 */
export const ARGOCD_METRICS: readonly { monitor: string; labels: Readonly<Record<string, string>>; ports: readonly string[] }[] = [
  // application-controller/argocd-metrics.yaml:4-14: Service argocd-metrics, port `metrics` 8082.
  { monitor: 'argocd-metrics', labels: upstream('argocd-metrics', 'metrics'), ports: ['metrics'] },
  // server/argocd-server-metrics.yaml:4-14: Service argocd-server-metrics, port `metrics` 8083.
  { monitor: 'argocd-server-metrics', labels: upstream('argocd-server-metrics', 'server'), ports: ['metrics'] },
  // repo-server/argocd-repo-server-service.yaml:4-18: Service argocd-repo-server, ports `server` 8081 and `metrics` 8084.
  { monitor: 'argocd-repo-server-metrics', labels: upstream('argocd-repo-server', 'repo-server'), ports: ['server', 'metrics'] },
  // applicationset-controller/argocd-applicationset-controller-service.yaml:4-18: ports `webhook` 7000 and `metrics` 8080.
  { monitor: 'argocd-applicationset-controller-metrics', labels: upstream('argocd-applicationset-controller', 'applicationset-controller'), ports: ['webhook', 'metrics'] },
];

function upstream(name: string, component: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'argocd', 'app.kubernetes.io/component': component };
}

/** The port every ServiceMonitor scrapes: each upstream metrics Service names it `metrics`. */
const METRICS_PORT = 'metrics';

/** The objects of `clusters/<cluster>/argocd-monitoring/`, by file name; none unless Argo CD runs in `cluster`. */
export function argocdMonitoringObjects(model: Model, cluster: ClusterConfig, labels: Record<string, string>): { file: string; object: K8sObject }[] {
  const a = model.argocd;
  if (a.cluster !== cluster.name) return [];
  const selected = { ...labels, ...prometheusSelected(cluster.monitoringLabels) };
  const monitors = ARGOCD_METRICS.map((m): { file: string; object: ServiceMonitor } => ({
    file: `servicemonitor-${m.monitor}.yaml`,
    object: {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: m.monitor, namespace: a.namespace, labels: selected },
      spec: {
        // By name only, as upstream's examples do: `part-of` and `component` add nothing that tells the Services apart.
        selector: { matchLabels: { 'app.kubernetes.io/name': m.labels['app.kubernetes.io/name']! } },
        endpoints: [{ port: METRICS_PORT, path: '/metrics', interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
      },
    },
  }));
  const rules = model.environments.map((e) => {
    const group = configurationGroup(e, e.env.alerts);
    return { file: `prometheusrule-${group.name}.yaml`, object: rule(group, a.namespace, { ...labels, 'suoke-life.com/environment': e.env.name, ...prometheusSelected(cluster.monitoringLabels) }) };
  });
  return [...monitors, ...rules];
}

function rule(group: RuleGroup, namespace: string, labels: Record<string, string>): PrometheusRule {
  return { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: group.name, namespace, labels }, spec: { groups: [group] } };
}

/** Folder of the Argo CD monitoring objects in the cluster Argo CD runs in. */
export function argocdMonitoringPath(cluster: string): string {
  return `clusters/${cluster}/argocd-monitoring`;
}

/**
 * Label of the Application `argocd-monitoring-<cluster>`, `"true"`: its destination cluster is the one
 * Argo CD runs in, where Argo CD's namespace exists before anything syncs (the simulation reads it:
 * simulate/input.ts).
 */
export const ARGOCD_HOST_LABEL = 'suoke-life.com/argocd-host';

/**
 * The Application `argocd-monitoring-<cluster>` syncing that folder into Argo CD's namespace, at the
 * platform wave (after prometheus-operator's CRDs). No `CreateNamespace`: the namespace is Argo CD's own,
 * and a missing one means `cluster` names the wrong cluster, which a failing sync shows.
 */
export function argocdMonitoringApplication(a: ArgoConfig, cluster: ClusterConfig, project: string, labels: Record<string, string>): Application {
  return clusterFolderApplication(a, cluster, project, { ...labels, [ARGOCD_HOST_LABEL]: 'true' }, { name: `argocd-monitoring-${cluster.name}`, path: argocdMonitoringPath(cluster.name), namespace: a.namespace });
}
