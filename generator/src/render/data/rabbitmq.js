import { topologyObjects } from './rabbitmq-topology.js';
import { dataServiceMonitor, disruptionBudget, placement } from './shared.js';
/**
 * RabbitMQ of one environment: the `RabbitmqCluster`, its ServiceMonitor, a PodDisruptionBudget when
 * it has several nodes, and the topology of the services of `services` that run here and declare
 * `messaging`. `labels` go on every object. Empty without `mq`.
 *
 * What the operator already does, so nothing here repeats it: the Prometheus plugin is always on
 * (internal/resource/rabbitmq_plugins.go:19 @ v2.22.3) and the client Service carries port 15692 as
 * `prometheus` (internal/resource/service.go:284-290; the headless `-nodes` Service has no metrics
 * port, headless_service.go:58-71); its pods and containers run non-root with RuntimeDefault seccomp,
 * no privilege escalation and all capabilities dropped, which Pod Security `restricted` asks
 * (internal/resource/statefulset.go:656-663, :730-741, :930-940). It makes no PodDisruptionBudget:
 * its production example applies one by hand (docs/examples/production-ready/pod-disruption-budget.yaml,
 * README.md:14).
 */
export function rabbitmqObjects(e, labels, services) {
    const d = e.env.dataServices;
    const mq = d?.services.mq;
    if (!d || !mq)
        return [];
    const namespace = d.namespace;
    // The operator labels its pods and Services after the cluster (internal/metadata/label.go:18-23 @ v2.22.3;
    // model/data-services.ts); `app.kubernetes.io/name` alone tells one cluster's pods.
    const podLabels = { 'app.kubernetes.io/name': mq.name };
    const place = placement(e.cluster, mq.nodePool, mq.replicas, podLabels);
    // RabbitmqCluster has no nodeSelector: the pool's labels become a required node affinity, its equivalent.
    const nodeAffinity = place.scheduling && {
        requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: Object.entries(place.scheduling.nodeSelector).map(([key, value]) => ({ key, operator: 'In', values: [value] })) }],
        },
    };
    const cluster = {
        apiVersion: 'rabbitmq.com/v1beta1',
        kind: 'RabbitmqCluster',
        metadata: { name: mq.name, namespace, labels: { ...labels } },
        spec: {
            replicas: mq.replicas,
            image: mq.image,
            resources: {
                requests: { cpu: String(mq.resources.requests.cpu), memory: String(mq.resources.requests.memory) },
                limits: { cpu: String(mq.resources.limits.cpu), memory: String(mq.resources.limits.memory) },
            },
            persistence: { storageClassName: mq.storage.storageClass, storage: mq.storage.size },
            affinity: { ...(nodeAffinity ? { nodeAffinity } : {}), ...place.affinity },
            ...(place.scheduling && place.scheduling.tolerations.length > 0 ? { tolerations: place.scheduling.tolerations } : {}),
        },
    };
    const running = new Set(e.instances.map((i) => i.service.name));
    return [
        cluster,
        ...(mq.replicas > 1 ? [disruptionBudget(mq.name, namespace, labels, podLabels)] : []),
        dataServiceMonitor(e.cluster, { name: mq.name, namespace, labels: { ...labels } }, podLabels, 'prometheus'),
        ...topologyObjects({ name: mq.name, namespace, labels }, services.filter((s) => running.has(s.name))),
    ];
}
