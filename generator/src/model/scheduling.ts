/**
 * Where pods run: on the nodes of one node pool of the cluster (`nodePools`), selecting its labels and
 * tolerating its taints, so the pool's taints keep everything else off it. A data service names its
 * pool (`dataServices.<kind>.nodePool`); a service runs in the pool that lists it under `services`, else
 * the one that lists its group under `groups` (the capacity check counts it there too).
 *
 * The scheduler's rules reproduced by {@link schedulesOn}, Kubernetes 1.31:
 * - node selection: every `nodeSelector` pair must be a label of the node (`labels.SelectorFromSet`,
 *   staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go,
 *   `GetRequiredNodeAffinity`);
 * - taints: a node whose `NoSchedule` or `NoExecute` taint no toleration of the pod matches is filtered
 *   out (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go:54-77 @ 007f7ae, through
 *   staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go:84-96 @ 04c0d74);
 *   `PreferNoSchedule` only lowers the node's score;
 * - a toleration matches a taint when its effect is empty or the same, its key is empty or the same,
 *   and its operator is `Exists`, or `Equal` (the default) with an equal value (staging/src/k8s.io/api/core/v1/toleration.go, `ToleratesTaint`).
 */
import type { ClusterConfig } from '../config/types.js';
import type { NodePoolConfig } from '../config/cluster/node-pools-schema.js';

/** A toleration as Kubernetes 1.31 `Toleration` declares it (the fields used here). */
export interface Toleration {
  key?: string;
  operator?: 'Equal' | 'Exists';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | '';
}

/** The scheduling fields of a pod spec for one pool. */
export interface PoolScheduling {
  /** The pool's node labels, e.g. `{'suoke-life.com/node-pool': 'cache'}`. */
  nodeSelector: Record<string, string>;
  /** One toleration per taint of the pool (operator Equal), in the pool's order; empty without taints. */
  tolerations: PoolToleration[];
}

/** A toleration of exactly one taint, as rendered. */
interface PoolToleration {
  key: string;
  operator: 'Equal';
  value: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * The node selector and tolerations of pods placed on `pool` of `cluster`. A pool the cluster does
 * not declare is a configuration error reported by the config checks (`config/cluster/data-services.ts`),
 * so it is an internal error here.
 */
export function poolScheduling(cluster: ClusterConfig, pool: string): PoolScheduling {
  const p = cluster.nodePools?.find((x) => x.name === pool);
  if (!p) throw new Error(`node pool \`${pool}\` is not declared in ${cluster.file} (the config checks should have said so)`);
  return schedulingOf(p);
}

/** The node selector and tolerations of pods placed on the pool `p`. */
export function schedulingOf(p: NodePoolConfig): PoolScheduling {
  return {
    nodeSelector: { ...p.labels },
    tolerations: p.taints.map((t) => ({ key: t.key, operator: 'Equal', value: t.value, effect: t.effect })),
  };
}

/**
 * The pool a service runs in: the one listing it under `services`, else the first listing its group.
 * `undefined` when no pool names either (then its pods may run on any untainted node).
 */
export function hostPool(pools: readonly NodePoolConfig[] | undefined, service: string, group: string | undefined): NodePoolConfig | undefined {
  return pools?.find((p) => p.services.includes(service)) ?? pools?.find((p) => group !== undefined && (p.groups as string[]).includes(group));
}

/** Whether one toleration matches one taint (`ToleratesTaint`). */
function tolerates(t: Toleration, taint: NodePoolConfig['taints'][number]): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const operator = t.operator ?? 'Equal';
  return operator === 'Exists' || (operator === 'Equal' && (t.value ?? '') === taint.value);
}

/**
 * Why a pod with `nodeSelector` and `tolerations` cannot run on the nodes of `pool`, or `undefined`
 * when it can: a selector the pool's labels do not satisfy, or a `NoSchedule`/`NoExecute` taint no
 * toleration matches.
 */
export function schedulesOn(pool: NodePoolConfig, nodeSelector: Record<string, string>, tolerations: readonly Toleration[]): string | undefined {
  const missing = Object.entries(nodeSelector).filter(([k, v]) => pool.labels[k] !== v);
  if (missing.length > 0) return `its nodes lack the label${missing.length === 1 ? '' : 's'} ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`;
  const untolerated = pool.taints.find((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)));
  return untolerated ? `its nodes are tainted ${untolerated.key}=${untolerated.value}:${untolerated.effect} and the pod does not tolerate it` : undefined;
}
