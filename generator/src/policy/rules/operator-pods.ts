/**
 * Pods that operators create from the custom resources the repository renders: they are never a
 * workload in the rendered tree, yet PodDisruptionBudgets and NetworkPolicies select them. The labels
 * are the operators' own, cited from their source at the versions platform/addons.yaml pins.
 */
import type { Obj } from '../engine.js';
import { nameOf, namespaceOf } from './pod.js';

type Labels = Record<string, string>;

/** Per `group/kind` of a custom resource, the label sets of the pods its operator makes for it. */
const OPERATOR_PODS: Readonly<Record<string, (name: string, spec: Record<string, unknown>) => Labels[]>> = {
  // cloudnative-pg pkg/specs/pods.go:546-548 @ v1.30.0: every instance pod is labelled with its
  // Cluster and the role `instance`.
  'postgresql.cnpg.io/Cluster': (name) => [{ 'cnpg.io/cluster': name, 'cnpg.io/podRole': 'instance' }],
  // cloudnative-pg pkg/specs/pgbouncer/deployments.go:57-63 @ v1.30.0: a Pooler's pods carry its name,
  // its Cluster's and the role `pooler`.
  'postgresql.cnpg.io/Pooler': (name, spec) => {
    const cluster = (spec.cluster as { name?: unknown } | undefined)?.name;
    return [{ 'cnpg.io/poolerName': name, ...(typeof cluster === 'string' ? { 'cnpg.io/cluster': cluster } : {}), 'cnpg.io/podRole': 'pooler' }];
  },
};

/** Label sets of the operator-made pods in namespace `ns`, from the rendered custom resources. */
export function operatorPodLabels(objects: readonly Obj[], ns: string): Labels[] {
  return objects.flatMap((o) => {
    if (namespaceOf(o) !== ns) return [];
    const make = OPERATOR_PODS[`${String(o.apiVersion).split('/')[0]}/${String(o.kind)}`];
    return make ? make(nameOf(o), (o.spec ?? {}) as Record<string, unknown>) : [];
  });
}
