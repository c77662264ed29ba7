const OPERATORS = {
    // cloudnative-pg pkg/utils/labels_annotations.go:79 (ClusterLabelName = "cnpg.io/cluster") and
    // pkg/specs/pods.go:546 (set to cluster.Name on every instance pod) @ v1.30.0; Pooler pods carry it
    // too (docs/src/release_notes/old/v1.19.md:38). Metrics: docs/src/security.md:825 (9187).
    postgres: { resource: 'CloudNativePG Cluster', podLabels: (name) => ({ 'cnpg.io/cluster': name }), metricsPort: 9187 },
    // OT-CONTAINER-KIT redis-operator internal/controller/common/labels.go:20-25 (`app: <name>`) and
    // internal/k8sutils/statefulset.go:316 (the StatefulSet's labels on the pod template) @ v0.26.0;
    // the sentinel pods are `app: <name>-sentinel`. Exporter: internal/controller/common/constants.go:25.
    redis: { resource: 'Redis operator Redis/RedisReplication', podLabels: (name) => ({ app: name }), metricsPort: 9121 },
    // rabbitmq/cluster-operator internal/metadata/label.go:18-23 @ v2.22.3; the Prometheus port 15692:
    // internal/resource/statefulset.go:1097.
    mq: {
        resource: 'RabbitmqCluster',
        podLabels: (name) => ({ 'app.kubernetes.io/component': 'rabbitmq', 'app.kubernetes.io/name': name }),
        metricsPort: 15692,
    },
    // elastic/cloud-on-k8s pkg/controller/elasticsearch/label/label.go:24 and :145-149 @ v3.5.0.
    elasticsearch: { resource: 'Elasticsearch (ECK)', podLabels: (name) => ({ 'elasticsearch.k8s.elastic.co/cluster-name': name }) },
};
/** The data services an environment declares, resolved: namespace, pod labels, ports. Sorted by kind. */
export function resolveDataServices(env) {
    const d = env.dataServices;
    if (!d)
        return [];
    return Object.keys(OPERATORS)
        .filter((kind) => d.services[kind] !== undefined)
        .map((kind) => {
        const s = d.services[kind];
        const op = OPERATORS[kind];
        return {
            kind,
            name: s.name,
            resource: op.resource,
            namespace: d.namespace,
            podLabels: op.podLabels(s.name),
            port: s.port,
            operatorNamespace: s.operatorNamespace,
            ...(op.metricsPort !== undefined ? { metricsPort: op.metricsPort } : {}),
        };
    });
}
