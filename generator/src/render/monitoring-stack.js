import { poolScheduling } from '../model/scheduling.js';
import { clusterFolderApplication } from './cluster-platform.js';
import { prometheusSelected, SCRAPE } from './conventions.js';
import { HEALTH_GATE } from './argocd-health.js';
/** The plan's names: the Prometheus `prometheus` (its Service is `prometheus-operated`) and its ServiceAccount. */
const PROMETHEUS = 'prometheus';
const ALERTMANAGER = 'alertmanager';
/** The governing Service the operator creates for every Alertmanager, and its HTTP port (pkg/alertmanager/statefulset.go:44, :47). */
const ALERTMANAGER_SERVICE = { name: 'alertmanager-operated', port: 'web' };
/**
 * The label selector of every monitor, rule and AlertmanagerConfig the cluster's Prometheus and
 * Alertmanager take: the plan's `team: suoke-life`, which {@link prometheusSelected} puts on each.
 */
export function monitorSelector() {
    return { matchLabels: prometheusSelected(undefined) };
}
/**
 * The namespaces Prometheus looks for monitors and rules in: the monitoring namespace (the
 * add-on's ServiceMonitors of kubelet, kube-state-metrics, node-exporter) and every environment's
 * namespace and data namespace of the cluster, by the name label Kubernetes sets on each namespace.
 */
export function monitoredNamespaces(cluster) {
    const names = new Set([cluster.monitoringNamespace]);
    for (const e of cluster.environments) {
        names.add(e.namespace);
        if (e.dataServices)
            names.add(e.dataServices.namespace);
    }
    return [...names].sort();
}
/** The monitoring objects of one cluster, by file name inside its folder; none without `monitoring`. */
export function monitoringStackObjects(cluster, labels) {
    const m = cluster.monitoring;
    if (!m)
        return [];
    const ns = cluster.monitoringNamespace;
    const meta = (name) => ({ name, namespace: ns, labels });
    const namespaces = { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: monitoredNamespaces(cluster) }] };
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(PROMETHEUS) };
    const p = m.prometheus;
    const prometheus = {
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
    const alertmanager = {
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
        { file: 'prometheus.yaml', object: prometheus },
        { file: 'alertmanager.yaml', object: alertmanager },
    ];
}
function volume(s) {
    return { volumeClaimTemplate: { spec: { storageClassName: s.storageClass, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: s.size } } } } };
}
function placement(cluster, pool) {
    if (pool === undefined)
        return {};
    const s = poolScheduling(cluster, pool);
    return { nodeSelector: s.nodeSelector, ...(s.tolerations.length > 0 ? { tolerations: s.tolerations } : {}) };
}
/**
 * What the Prometheus server reads: the chart creates its ClusterRole only with its own Prometheus,
 * which is off. The rules of prometheus-operator Documentation/platform/rbac.md:168-196 @ v0.93.0
 * (target and Alertmanager discovery, rule ConfigMaps, the API server's /metrics).
 */
function clusterRole(labels) {
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
function clusterRoleBinding(namespace, labels) {
    return {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'suoke-prometheus', labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'suoke-prometheus' },
        subjects: [{ kind: 'ServiceAccount', name: PROMETHEUS, namespace }],
    };
}
/** Folder of a cluster's monitoring objects. */
export function monitoringStackPath(cluster) {
    return `clusters/${cluster}/monitoring`;
}
/**
 * The Application `monitoring-<cluster>`, at the platform wave (after the add-on's CRDs and operator).
 * It never holds the environments' wave: they need the CRDs, not a running Prometheus, and the
 * operator reports a starting Prometheus as not Available (`NoPodReady`), which Argo CD reads as
 * Degraded (argo-cd resource_customizations/monitoring.coreos.com/Prometheus/health.lua:7-14 @ v3.5.1).
 */
export function monitoringStackApplication(a, cluster, project, labels) {
    const app = clusterFolderApplication(a, cluster, project, labels, { name: `monitoring-${cluster.name}`, path: monitoringStackPath(cluster.name), namespace: cluster.monitoringNamespace });
    app.metadata.labels = { ...app.metadata.labels, [HEALTH_GATE.label]: HEALTH_GATE.none };
    return app;
}
