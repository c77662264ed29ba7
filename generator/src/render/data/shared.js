import { prometheusSelected, SCRAPE } from '../conventions.js';
import { poolScheduling } from '../../model/scheduling.js';
/**
 * Pods of one data service on distinct nodes (`kubernetes.io/hostname`), so that losing a node loses
 * one replica. Required when the pool has at least as many nodes as there are replicas (else some
 * could never schedule), preferred otherwise and when no pool is named (the node count is unknown).
 */
export function placement(cluster, pool, replicas, podLabels) {
    const term = { labelSelector: { matchLabels: { ...podLabels } }, topologyKey: 'kubernetes.io/hostname' };
    const nodes = pool === undefined ? undefined : cluster.nodePools?.find((p) => p.name === pool)?.nodes;
    const required = nodes !== undefined && replicas <= nodes;
    const podAntiAffinity = required
        ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] };
    return { ...(pool !== undefined ? { scheduling: poolScheduling(cluster, pool) } : {}), affinity: { podAntiAffinity } };
}
/** At most one pod of the data service evicted at a time: a quorum (Sentinel, RabbitMQ) survives a drain. */
export function disruptionBudget(name, namespace, labels, podLabels) {
    return {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name, namespace, labels },
        spec: { maxUnavailable: 1, selector: { matchLabels: { ...podLabels } } },
    };
}
/** A ServiceMonitor on the named port of the Services `selector` picks, labelled for the cluster's Prometheus. */
export function dataServiceMonitor(cluster, meta, selector, port) {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { ...meta, labels: { ...meta.labels, ...prometheusSelected(cluster.monitoringLabels) } },
        spec: {
            selector: { matchLabels: selector },
            endpoints: [{ port, interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
        },
    };
}
