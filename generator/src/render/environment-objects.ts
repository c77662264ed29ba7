import type { EnvironmentModel } from '../model/types.js';
import { inMesh } from '../model/build.js';
import { dnsEgress, ISTIO, MANAGED_BY, PART_OF, prometheusSelected, SCRAPE } from './conventions.js';
import type { LimitRange, PodMonitor, PrometheusRule, Namespace, NetworkPolicy, ResourceQuota } from './kinds.js';
import { alertRules } from './alerts.js';
import { dataNamespaceObjects } from './data-policies.js';

/**
 * The per-environment objects every service relies on: the namespace with Pod Security `restricted`,
 * its quota and default limits, the network baseline (deny everything, then allow DNS), and the
 * data namespace with the ingress its data services need (`data-policies.ts`), and its P0–P3 alerts
 * (`alerts.ts`).
 * An environment running a gray release is in the Istio mesh (see {@link meshed}).
 */
export function environmentObjects(e: EnvironmentModel): (Namespace | ResourceQuota | LimitRange | NetworkPolicy | PrometheusRule | PodMonitor)[] {
  const ns = e.env.namespace;
  const labels = {
    'app.kubernetes.io/part-of': PART_OF,
    'app.kubernetes.io/managed-by': MANAGED_BY,
    'suoke-life.com/environment': e.env.name,
  };
  const psaVersion = `v${e.cluster.kubernetesVersion}`;
  const podSecurity = {
    'pod-security.kubernetes.io/enforce': 'restricted',
    'pod-security.kubernetes.io/enforce-version': psaVersion,
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/audit-version': psaVersion,
    'pod-security.kubernetes.io/warn': 'restricted',
    'pod-security.kubernetes.io/warn-version': psaVersion,
  };
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { ...labels, ...podSecurity, ...(meshed(e) ? { 'istio-injection': 'enabled' } : {}) },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: ns, labels },
      spec: {
        hard: {
          'requests.cpu': e.env.quota.requests.cpu,
          'requests.memory': e.env.quota.requests.memory,
          'limits.cpu': e.env.quota.limits.cpu,
          'limits.memory': e.env.quota.limits.memory,
          pods: String(e.env.quota.pods),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace: ns, labels },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: e.env.limitRange.default.cpu, memory: e.env.limitRange.default.memory },
            defaultRequest: { cpu: e.env.limitRange.defaultRequest.cpu, memory: e.env.limitRange.defaultRequest.memory },
          },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: ns, labels },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns', namespace: ns, labels },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [dnsEgress()],
      },
    },
    ...(meshed(e) ? [meshPolicy(e, labels), sidecarMonitor(e, labels)] : []),
    ...dataNamespaceObjects(e, labels, podSecurity),
    ...alertRules(e),
  ];
}

/**
 * Weighted routing happens in the callers' sidecars, so an environment with a gray release puts its
 * whole namespace in the mesh (`istio-injection: enabled`; with Pod Security `restricted` this needs
 * the Istio CNI node agent, as no pod may add the NET_ADMIN init container). Environments without
 * one stay out of the mesh and unchanged.
 */
function meshed(e: EnvironmentModel): boolean {
  return inMesh(e.instances);
}

/** What every sidecar needs beyond the baseline: istiod for configuration and certificates, and Prometheus scraping its metrics. */
function meshPolicy(e: EnvironmentModel, labels: Record<string, string>): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-istio-sidecars', namespace: e.env.namespace, labels },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': e.cluster.monitoringNamespace } } }],
          ports: [
            { protocol: 'TCP', port: ISTIO.metricsPort },
            { protocol: 'TCP', port: ISTIO.envoyMetrics.port },
          ],
        },
      ],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ISTIO.namespace } },
              podSelector: { matchLabels: { ...ISTIO.istiodLabels } },
            },
          ],
          ports: [{ protocol: 'TCP', port: ISTIO.xdsPort }],
        },
      ],
    },
  };
}

/**
 * The sidecars' `istio_*` metrics (request counts, durations, response codes: the availability alerts
 * and the canary analysis read them), from Envoy's own endpoint rather than the merged one on
 * 15020, whose application metrics the services' own monitors already scrape. Istio's docs name both
 * ("Workload metrics are served from the sidecar telemetry port (15020) or Envoy-only port (15090)",
 * istio.io/latest/docs/tasks/observability/metrics/secure-metrics); its operator sample scrapes the
 * sidecars by PodMonitor too (istio/istio samples/addons/extras/prometheus-operator.yaml:1-46 @ 1.30.3).
 * Every pod of the namespace: a pod without the sidecar has no such port and yields no target.
 */
function sidecarMonitor(e: EnvironmentModel, labels: Record<string, string>): PodMonitor {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: 'istio-sidecars', namespace: e.env.namespace, labels: { ...labels, ...prometheusSelected(e.cluster.monitoringLabels) } },
    spec: {
      selector: {},
      podMetricsEndpoints: [{ port: ISTIO.envoyMetrics.name, path: ISTIO.envoyMetrics.path, interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
    },
  };
}
