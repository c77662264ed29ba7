/**
 * What the Redis and RabbitMQ renderers share: spreading the pods over the nodes of their pool, the
 * PodDisruptionBudget that keeps a majority up during drains, and the ServiceMonitor of their metrics.
 */
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { ClusterConfig } from '../../config/types.js';
import { prometheusSelected, SCRAPE } from '../conventions.js';
import type { PodDisruptionBudget, ServiceMonitor } from '../kinds.js';
import { poolScheduling, type PoolScheduling } from '../../model/scheduling.js';

/** Where the pods of one data service go: the pool's scheduling (when it names one) and the anti-affinity. */
export interface Placement {
  scheduling?: PoolScheduling;
  affinity: IAffinity;
}

/**
 * Pods of one data service on distinct nodes (`kubernetes.io/hostname`), so that losing a node loses
 * one replica. Required when the pool has at least as many nodes as there are replicas (else some
 * could never schedule), preferred otherwise and when no pool is named (the node count is unknown).
 */
export function placement(cluster: ClusterConfig, pool: string | undefined, replicas: number, podLabels: Record<string, string>): Placement {
  const term = { labelSelector: { matchLabels: { ...podLabels } }, topologyKey: 'kubernetes.io/hostname' };
  const nodes = pool === undefined ? undefined : cluster.nodePools?.find((p) => p.name === pool)?.nodes;
  const required = nodes !== undefined && replicas <= nodes;
  const podAntiAffinity = required
    ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
    : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] };
  return { ...(pool !== undefined ? { scheduling: poolScheduling(cluster, pool) } : {}), affinity: { podAntiAffinity } };
}

/** At most one pod of the data service evicted at a time: a quorum (Sentinel, RabbitMQ) survives a drain. */
export function disruptionBudget(name: string, namespace: string, labels: Record<string, string>, podLabels: Record<string, string>): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace, labels },
    spec: { maxUnavailable: 1, selector: { matchLabels: { ...podLabels } } },
  };
}

/** A ServiceMonitor on the named port of the Services `selector` picks, labelled for the cluster's Prometheus. */
export function dataServiceMonitor(
  cluster: ClusterConfig,
  meta: { name: string; namespace: string; labels: Record<string, string> },
  selector: Record<string, string>,
  port: string,
): ServiceMonitor {
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
