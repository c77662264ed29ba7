import type { EnvironmentModel } from '../../model/types.js';
import { MANAGED_BY, PART_OF, prometheusSelected } from '../conventions.js';
import type { ExternalSecret, ObjectMeta } from '../kinds.js';
import type { PoolScheduling } from '../../model/scheduling.js';

/** What every data-layer object of one environment shares. */
export interface DataContext {
  /** Environment name, e.g. `prod`. */
  env: string;
  /** The data namespace, e.g. `suoke-prod-data`. */
  namespace: string;
  /** Labels on every object. */
  labels: Record<string, string>;
  /** Labels the cluster's Prometheus selects monitors by. */
  monitorLabels: Record<string, string>;
  /** The environment's secret store, which the ExternalSecrets read. */
  secretStore: { kind: string; name: string };
  /** Node selector and tolerations of the data pods' node pool; empty when none is configured. */
  scheduling: Partial<PoolScheduling>;
}

/** The context of an environment that declares `dataServices`. */
export function dataContext(e: EnvironmentModel): DataContext | undefined {
  const d = e.env.dataServices;
  if (!d) return undefined;
  return {
    env: e.env.name,
    namespace: d.namespace,
    labels: { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY, 'suoke-life.com/environment': e.env.name },
    monitorLabels: prometheusSelected(e.cluster.monitoringLabels),
    secretStore: { kind: e.env.secretStore.kind, name: e.env.secretStore.name },
    scheduling: {},
  };
}

type Target = NonNullable<ExternalSecret['spec']>['target'];

/**
 * An ExternalSecret of the data namespace reading `data` (`[secretKey, store key, property]`) from the
 * environment's store into the Secret of the same name, kept when the ExternalSecret goes.
 */
export function storeSecret(ctx: Pick<DataContext, 'secretStore'>, metadata: ObjectMeta & { name: string }, data: [string, string, string][], template?: NonNullable<Target>['template']): ExternalSecret {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata,
    spec: {
      refreshInterval: '1h',
      secretStoreRef: ctx.secretStore,
      target: { name: metadata.name, creationPolicy: 'Owner', deletionPolicy: 'Retain', ...(template ? { template } : {}) },
      data: data.map(([secretKey, key, property]) => ({ secretKey, remoteRef: { key, property } })),
    },
  };
}
