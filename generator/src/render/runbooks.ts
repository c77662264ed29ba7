/**
 * Runbooks generated from configuration (运维文档, 故障处理; docs/runbooks.md): per service, what the
 * on-call reads first. This file gathers the facts from the model and from what the render produces
 * (the PrometheusRules of each environment, the dashboards and alert routes of each cluster);
 * render/runbook-markdown.ts writes them and render/runbook-files.ts names the files. Pure: same model, same bytes.
 */
import type { ChangeWindowsConfig, ClusterConfig, ServiceConfig } from '../config/types.js';
import { ALERT_LEVELS, type AlertLevel } from '../config/shared/vocabulary.js';
import type { EnvironmentModel, Model, ServiceInstance } from '../model/types.js';
import { alertRules } from './alerts.js';
import { dashboardConfigMaps } from './dashboards.js';
import { monitoringStackPath } from './monitoring-stack.js';
import { alertsFor, dataAlertsFor, routeOf, type ServiceAlert } from './runbook-alerts.js';

/** A Grafana dashboard of the cluster, with the series of its panels that show the service. */
interface RunbookDashboard {
  /** Repository path of the ConfigMap file, e.g. `clusters/prod/monitoring/dashboard-application.yaml`. */
  file: string;
  configMap: string;
  namespace: string;
  title: string;
  uid: string;
  /** Panel title and the legend of the service's series in it, e.g. `suoke-prod/xiaoke`. */
  panels: { title: string; series: string }[];
}

/** One environment the service runs in, as its runbook shows it. */
export interface RunbookEnvironment {
  instance: ServiceInstance;
  /** Where the running version is set: `environments.<env>.version` or the service-wide `version`. */
  versionKey: string;
  calls: { name: string; namespace: string; grpc: boolean }[];
  callers: { name: string; namespace: string }[];
  alerts: ServiceAlert[];
  /** Alerts on the data services it uses (their own `service` label), e.g. PostgreSQL backups. */
  dataAlerts: ServiceAlert[];
  /** Receivers of each level in the environment's cluster. */
  routes: Record<AlertLevel, string[]>;
  /** Repository path of the PrometheusRule files, by rule name. */
  ruleFiles: Record<string, string>;
  windows?: ChangeWindowsConfig;
  dashboards: RunbookDashboard[];
}

/** Everything a service's runbook says. */
export interface Runbook {
  service: ServiceConfig;
  environments: RunbookEnvironment[];
}

type DashboardJson = { title: string; uid: string; panels: { title: string; targets: { expr: string; legendFormat: string }[] }[] };

/** Whether a panel's query reads `namespace` (an `=~` alternation of namespaces, render/dashboards.ts). */
const readsNamespace = (expr: string, namespace: string) => [...expr.matchAll(/namespace=~"([^"]*)"/g)].some((m) => m[1]!.split('|').includes(namespace));

/** The dashboards of `cluster` with the panels that show `service` in `namespace`, each with its series name. */
function dashboardsFor(cluster: ClusterConfig, service: string, namespace: string): RunbookDashboard[] {
  const out: RunbookDashboard[] = [];
  // The dashboards are part of the monitoring stack (render/monitoring-stack.ts): only with `monitoring`.
  for (const { file, object } of cluster.monitoring ? dashboardConfigMaps(cluster, {}) : []) {
    const data = object.kind === 'ConfigMap' ? (object as { data?: Record<string, string> }).data : undefined;
    const json = Object.entries(data ?? {}).find(([k]) => k.endsWith('.json'))?.[1];
    if (json === undefined) continue;
    const d = JSON.parse(json) as DashboardJson;
    const panels = d.panels.flatMap((p) => {
      const target = p.targets[0];
      const legend = target?.legendFormat ?? '';
      // Only a series per workload or container of its own namespace is the service's (not a data pod's).
      if (!target || !readsNamespace(target.expr, namespace) || !/\{\{(container|destination_workload)\}\}/.test(legend)) return [];
      const series = legend
        .replaceAll('{{destination_workload_namespace}}', namespace)
        .replaceAll('{{destination_workload}}', service)
        .replaceAll('{{namespace}}', namespace)
        .replaceAll('{{container}}', service)
        .replace(/\{\{[a-z_]+\}\}/g, '*');
      return [{ title: p.title, series }];
    });
    if (panels.length === 0) continue;
    out.push({ file: `${monitoringStackPath(cluster.name)}/${file}`, configMap: object.metadata.name, namespace: cluster.monitoringNamespace, title: d.title, uid: d.uid, panels });
  }
  return out;
}

/** The facts of every service's runbook, services by name, environments in promotion order. */
export function runbooks(model: Model): Runbook[] {
  const rules = new Map(model.environments.map((e) => [e.env.name, alertRules(e)]));
  return model.services.map((service) => ({
    service,
    environments: model.environments.flatMap((e) => {
      const i = e.instances.find((x) => x.service.name === service.name);
      return i ? [environmentFacts(e, i, rules.get(e.env.name) ?? [])] : [];
    }),
  }));
}

function environmentFacts(e: EnvironmentModel, i: ServiceInstance, rules: ReturnType<typeof alertRules>): RunbookEnvironment {
  const name = i.service.name;
  const ns = e.env.namespace;
  return {
    instance: i,
    versionKey: i.service.environments[e.env.name]?.version !== undefined ? `environments.${e.env.name}.version` : 'version',
    calls: i.calls.map((c) => ({ name: c.name, namespace: ns, grpc: c.grpc })),
    callers: i.callers.map((c) => ({ name: c, namespace: ns })),
    alerts: alertsFor(rules, name),
    dataAlerts: dataAlertsFor(rules, i.data.map((d) => d.name)),
    routes: Object.fromEntries(ALERT_LEVELS.map((l) => [l, routeOf(e.cluster, l)])) as Record<AlertLevel, string[]>,
    ruleFiles: Object.fromEntries(rules.map((r) => [r.metadata.name, `${e.sharedPath}/prometheusrule-${r.metadata.name}.yaml`])),
    ...(e.env.changeWindows ? { windows: e.env.changeWindows } : {}),
    dashboards: dashboardsFor(e.cluster, name, ns),
  };
}
