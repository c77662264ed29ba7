/**
 * Where a data service's pods run: on the nodes of one node pool of the cluster (`nodePools`),
 * selecting its labels and tolerating its taints, so the pool's taints keep everything else off it.
 */
import type { ClusterConfig } from '../../config/types.js';

/** A toleration as Kubernetes 1.31 `Toleration` declares it (the fields used here). */
interface Toleration {
  key: string;
  operator: 'Equal';
  value: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** The scheduling fields of a pod spec for one pool. */
export interface PoolScheduling {
  /** The pool's node labels, e.g. `{'suoke-life.com/node-pool': 'cache'}`. */
  nodeSelector: Record<string, string>;
  /** One toleration per taint of the pool (operator Equal), in the pool's order; empty without taints. */
  tolerations: Toleration[];
}

/**
 * The node selector and tolerations of pods placed on `pool` of `cluster`. A pool the cluster does
 * not declare is a configuration error reported by the config checks (`config/cluster/data-services.ts`),
 * so it is an internal error here.
 */
export function poolScheduling(cluster: ClusterConfig, pool: string): PoolScheduling {
  const p = cluster.nodePools?.find((x) => x.name === pool);
  if (!p) throw new Error(`node pool \`${pool}\` is not declared in ${cluster.file} (the config checks should have said so)`);
  return {
    nodeSelector: { ...p.labels },
    tolerations: p.taints.map((t) => ({ key: t.key, operator: 'Equal', value: t.value, effect: t.effect })),
  };
}
