/**
 * Grafana dashboards as code, one per metric group of the plan (监控和告警: infrastructure, application,
 * business/data, security), as ConfigMaps the Grafana dashboard sidecar of the `prometheus-operator`
 * add-on loads: label `grafana_dashboard: "1"`, any namespace (kube-prometheus-stack values.yaml:1536-1542
 * @ kube-prometheus-stack-88.3.0; platform/addons.yaml). Every query reads only metrics the alert rules
 * already read (docs/monitoring.md, "Where the metrics come from"), for the cluster's own namespaces;
 * the datasource is the chart's default one, uid `prometheus` (values.yaml:1562-1563).
 * The JSON is deterministic: fixed key order, panels in declaration order, no ids from a clock.
 */
import type { ClusterConfig } from '../config/types.js';
import type { ConfigMap } from './kinds.js';

/** The label and value the sidecar watches (values.yaml:1539-1540). */
const SIDECAR = { label: 'grafana_dashboard', value: '1' } as const;
const DATASOURCE = { type: 'prometheus', uid: 'prometheus' } as const;

/** One panel: a title, its PromQL, the legend and the unit Grafana formats it with. */
interface Panel {
  title: string;
  expr: string;
  legend: string;
  unit: string;
}

/** The cluster's environment namespaces and data namespaces, as PromQL regex alternatives. */
function namespaces(cluster: ClusterConfig): { envs: string; data: string } {
  const envs = cluster.environments.map((e) => e.namespace).sort();
  const data = cluster.environments.flatMap((e) => (e.dataServices ? [e.dataServices.namespace] : [])).sort();
  return { envs: envs.join('|'), data: data.join('|') || 'none' };
}

/** The panels of each dashboard of `cluster`, by dashboard name. */
function dashboardPanels(cluster: ClusterConfig): Record<string, { title: string; panels: Panel[] }> {
  const { envs, data } = namespaces(cluster);
  const containers = `namespace=~"${envs}", container!="", container!="istio-proxy"`;
  const requests = `reporter="destination", destination_workload_namespace=~"${envs}"`;
  return {
    infrastructure: {
      title: 'Infrastructure (基础设施指标)',
      panels: [
        { title: 'CPU used by container', expr: `sum by (namespace, container) (rate(container_cpu_usage_seconds_total{${containers}}[5m]))`, legend: '{{namespace}}/{{container}}', unit: 'cores' },
        { title: 'CPU used / limit', expr: `sum by (namespace, container) (rate(container_cpu_usage_seconds_total{${containers}}[5m])) / sum by (namespace, container) (kube_pod_container_resource_limits{${containers}, resource="cpu"})`, legend: '{{namespace}}/{{container}}', unit: 'percentunit' },
        { title: 'Memory working set by container', expr: `sum by (namespace, container) (container_memory_working_set_bytes{${containers}})`, legend: '{{namespace}}/{{container}}', unit: 'bytes' },
        { title: 'Memory working set / limit', expr: `sum by (namespace, container) (container_memory_working_set_bytes{${containers}}) / sum by (namespace, container) (kube_pod_container_resource_limits{${containers}, resource="memory"})`, legend: '{{namespace}}/{{container}}', unit: 'percentunit' },
      ],
    },
    application: {
      title: 'Application (应用指标)',
      panels: [
        { title: 'Requests per second', expr: `sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{${requests}}[5m]))`, legend: '{{destination_workload_namespace}}/{{destination_workload}}', unit: 'reqps' },
        { title: 'Error ratio (5xx)', expr: `sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{${requests}, response_code=~"5.."}[5m])) / sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{${requests}}[5m]))`, legend: '{{destination_workload_namespace}}/{{destination_workload}}', unit: 'percentunit' },
        { title: 'Average response time', expr: `sum by (destination_workload_namespace, destination_workload) (rate(istio_request_duration_milliseconds_sum{${requests}}[5m])) / sum by (destination_workload_namespace, destination_workload) (rate(istio_request_duration_milliseconds_count{${requests}}[5m])) / 1000`, legend: '{{destination_workload_namespace}}/{{destination_workload}}', unit: 's' },
        { title: 'Container restarts (1h)', expr: `sum by (namespace, container) (increase(kube_pod_container_status_restarts_total{${containers}}[1h]))`, legend: '{{namespace}}/{{container}}', unit: 'short' },
        { title: 'Containers not ready', expr: `sum by (namespace, container) (1 - kube_pod_container_status_ready{${containers}})`, legend: '{{namespace}}/{{container}}', unit: 'short' },
      ],
    },
    data: {
      title: 'Business and data (业务指标 / 数据)',
      panels: [
        { title: 'Time since the last WAL archived', expr: `time() - max by (namespace, pod) (cnpg_pg_stat_archiver_last_archived_time{namespace=~"${data}"})`, legend: '{{namespace}}/{{pod}}', unit: 's' },
        { title: 'WAL archiving failures after the last success', expr: `max by (namespace, pod) (cnpg_pg_stat_archiver_last_failed_time{namespace=~"${data}"} > cnpg_pg_stat_archiver_last_archived_time{namespace=~"${data}"})`, legend: '{{namespace}}/{{pod}}', unit: 'dateTimeAsIso' },
        { title: 'Age of the last backup', expr: `time() - max by (namespace) (barman_cloud_cloudnative_pg_io_last_available_backup_timestamp{namespace=~"${data}"})`, legend: '{{namespace}}', unit: 's' },
        { title: 'Data service containers restarting (1h)', expr: `sum by (namespace, container) (increase(kube_pod_container_status_restarts_total{namespace=~"${data}"}[1h]))`, legend: '{{namespace}}/{{container}}', unit: 'short' },
      ],
    },
    security: {
      title: 'Security (安全指标)',
      panels: [
        { title: 'Refused requests (401/403) per second', expr: `sum by (destination_workload_namespace, destination_workload, response_code) (rate(istio_requests_total{${requests}, response_code=~"401|403"}[5m]))`, legend: '{{destination_workload}} {{response_code}}', unit: 'reqps' },
        { title: 'Refused share of requests', expr: `sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{${requests}, response_code=~"401|403"}[5m])) / sum by (destination_workload_namespace, destination_workload) (rate(istio_requests_total{${requests}}[5m]))`, legend: '{{destination_workload_namespace}}/{{destination_workload}}', unit: 'percentunit' },
      ],
    },
  };
}

/** The dashboard JSON of one group, as Grafana's provisioning reads it; two panels a row. */
function dashboardJson(cluster: string, name: string, title: string, panels: Panel[]): string {
  const json = {
    title: `Suoke Life ${cluster}: ${title}`,
    uid: `suoke-${cluster}-${name}`,
    tags: ['suoke-life', cluster, name],
    editable: false,
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    panels: panels.map((p, i) => ({
      id: i + 1,
      type: 'timeseries',
      title: p.title,
      datasource: DATASOURCE,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      fieldConfig: { defaults: { unit: p.unit }, overrides: [] },
      targets: [{ refId: 'A', datasource: DATASOURCE, expr: p.expr, legendFormat: p.legend }],
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** One ConfigMap per dashboard, in the monitoring namespace, by file name. */
export function dashboardConfigMaps(cluster: ClusterConfig, labels: Record<string, string>): { file: string; object: ConfigMap }[] {
  return Object.entries(dashboardPanels(cluster)).map(([name, d]) => ({
    file: `dashboard-${name}.yaml`,
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `dashboard-${name}`, namespace: cluster.monitoringNamespace, labels: { ...labels, [SIDECAR.label]: SIDECAR.value } },
      data: { [`suoke-${name}.json`]: dashboardJson(cluster.name, name, d.title, d.panels) },
    },
  }));
}
