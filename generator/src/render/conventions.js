/** HTTP (API and `/health`) on 8080, gRPC on 50051, Prometheus metrics on 9090. */
export const PORTS = { http: 8080, grpc: 50051, metrics: 9090 };
/** Non-root user and group every container runs as. */
export const RUN_AS = 10001;
export const PART_OF = 'suoke-life';
export const MANAGED_BY = 'suoke-gitops';
/** Private address ranges excluded from "anywhere" egress rules, so `0.0.0.0/0` means the internet only. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
/** The one label that selects a service's pods; never changes over the service's life. */
export function selectorLabels(service) {
    return { 'app.kubernetes.io/name': service };
}
/** Labels on every object of a service. */
export function serviceLabels(service, group) {
    return {
        'app.kubernetes.io/name': service,
        'app.kubernetes.io/component': group,
        'app.kubernetes.io/part-of': PART_OF,
        'app.kubernetes.io/managed-by': MANAGED_BY,
    };
}
/** Metadata of a service's object: named for the service (or `name`), in its environment's namespace, with its labels and `extra`. */
export function serviceMeta(i, name = i.service.name, extra = {}) {
    return { name, namespace: i.env.namespace, labels: { ...serviceLabels(i.service.name, i.service.group), ...extra } };
}
/** Name of the Secret an ExternalSecret materialises for a service. */
export function secretName(service) {
    return `${service}-secrets`;
}
/**
 * Istio, which carries the weighted traffic of gray releases (docs/gray-releases.md): where istiod
 * runs and the sidecar ports a meshed namespace's NetworkPolicies must open.
 */
export const ISTIO = {
    namespace: 'istio-system',
    istiodLabels: { app: 'istiod' },
    /** istiod's xDS and certificate port, which every sidecar dials. */
    xdsPort: 15012,
    /** The sidecar's merged Prometheus endpoint (`/stats/prometheus`), which carries `istio_*` metrics. */
    metricsPort: 15020,
};
/** Name of the Service (and Istio host) that carries a gray release's canary traffic. */
export function canaryServiceName(service) {
    return `${service}-canary`;
}
/**
 * How often Prometheus scrapes the metrics endpoints the generator renders (ServiceMonitor,
 * PodMonitor), and the timeout. The canary analysis sizes its query windows from it.
 */
export const SCRAPE = { intervalSeconds: 30, timeout: '10s' };
/**
 * Labels the cluster's Prometheus selects monitor objects (ServiceMonitor, PodMonitor, PrometheusRule)
 * by: the plan's `team: suoke-life` (its Prometheus `serviceMonitorSelector`), then the cluster's own
 * (`monitoringLabels`, e.g. kube-prometheus-stack's `release`).
 */
export function prometheusSelected(monitoringLabels) {
    return { team: PART_OF, ...monitoringLabels };
}
/** Prometheus the canary analysis queries: the prometheus-operator Service in the monitoring namespace. */
export function prometheusAddress(monitoringNamespace) {
    return `http://prometheus-operated.${monitoringNamespace}.svc:9090`;
}
/** Annotations on a Rollout that show its gray release to anyone looking at the cluster or Argo CD. */
export const CANARY_ANNOTATIONS = {
    steps: 'suoke-life.com/canary-steps',
    control: 'suoke-life.com/canary-control',
    version: 'suoke-life.com/canary-version',
    weight: 'suoke-life.com/canary-weight',
};
/** The egress rule to the cluster DNS (CoreDNS, `k8s-app: kube-dns` in kube-system), UDP and TCP 53: every isolated pod needs it. */
export function dnsEgress() {
    return {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
        ],
    };
}
/** AppProject name of an environment (its Applications' `project`; the alerts select Argo CD's metrics by it). */
export function projectName(env) {
    return `suoke-${env}`;
}
