import { selectorLabels } from './conventions.js';
import { migrationSelector, runsMigrations } from './migrations.js';
import { PERF_LABEL } from './data/perf-tests.js';
/** Names a data service's ingress NetworkPolicy, e.g. `postgres-access`. */
function dataPolicyName(kind) {
    return `${kind}-access`;
}
const byName = (ns) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } });
/**
 * The environment's data namespace and, per declared data service with clients here, the ingress it
 * needs, delivered by the environment's shared Application (docs/networking.md).
 *
 * A NetworkPolicy that selects a pod for Ingress isolates it: only what some policy allows gets in
 * (NetworkPolicySpec.ingress, Kubernetes 1.31 API). So besides exactly the services that depend on it
 * (each one peer: the environment namespace AND the service's pods), each policy keeps what the data
 * service itself needs: its own pods (replication, clustering), its operator's namespace (CNPG
 * docs/src/networking.md:26 @ v1.30.0: the operator reaches every pod on 8000 and 5432), and
 * Prometheus on the metrics port. No default-deny is rendered here: the pods' egress (API server,
 * backups) is the data layer's to declare when it is rendered (issue 12).
 */
export function dataNamespaceObjects(e, labels, namespaceLabels) {
    const d = e.env.dataServices;
    if (!d)
        return [];
    const used = e.data.filter((x) => x.clients.length > 0);
    const migrating = e.instances.filter(runsMigrations).map((i) => i.service.name);
    return [
        {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: {
                name: d.namespace,
                labels: { ...labels, ...namespaceLabels },
                // The databases live here: removing it from Git, or deleting the Application, must never delete
                // the namespace and its volumes (argo-cd docs/user-guide/sync-options.md, "No Prune Resources"
                // and "No Resource Deletion").
                annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' },
            },
        },
        ...used.map(({ service: s, clients }) => ({
            apiVersion: 'networking.k8s.io/v1',
            kind: 'NetworkPolicy',
            metadata: { name: dataPolicyName(s.kind), namespace: s.namespace, labels: { ...labels, 'suoke-life.com/data-service': s.kind } },
            spec: {
                podSelector: { matchLabels: { ...s.podLabels } },
                policyTypes: ['Ingress'],
                ingress: [
                    {
                        from: [
                            ...clients.map((c) => ({ ...byName(e.env.namespace), podSelector: { matchLabels: selectorLabels(c) } })),
                            // Schema migrations connect straight to the Cluster (render/migrations.ts).
                            ...(s.kind === 'postgres' ? migrating.map((c) => ({ ...byName(e.env.namespace), podSelector: { matchLabels: migrationSelector(c) } })) : []),
                        ],
                        ports: [{ protocol: 'TCP', port: s.port }],
                    },
                    { from: [{ podSelector: { matchLabels: { ...s.podLabels } } }] },
                    // Redis Sentinels watch and fail over the Redis pods (render/data/redis.ts); performance
                    // tests, started by hand in the data namespace, load the service they test (render/data/perf-tests.ts).
                    ...(s.kind === 'redis' ? [{ from: [{ podSelector: { matchLabels: { app: `${s.name}-sentinel` } } }], ports: [{ protocol: 'TCP', port: s.port }] }] : []),
                    ...(s.kind === 'redis' || s.kind === 'mq' ? [{ from: [{ podSelector: { matchLabels: { [PERF_LABEL]: s.kind } } }], ports: [{ protocol: 'TCP', port: s.port }] }] : []),
                    { from: [byName(s.operatorNamespace)] },
                    ...(s.metricsPort !== undefined ? [{ from: [byName(e.cluster.monitoringNamespace)], ports: [{ protocol: 'TCP', port: s.metricsPort }] }] : []),
                ],
            },
        })),
    ];
}
