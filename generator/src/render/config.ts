/** A service's configuration objects: the ConfigMap of its settings and the ExternalSecret of its secrets. */
import type { ServiceInstance } from '../model/types.js';
import { PORTS, secretName, serviceMeta } from './conventions.js';
import type { ConfigMap, ExternalSecret } from './kinds.js';

type RemoteRef = NonNullable<NonNullable<ExternalSecret['spec']>['data']>[number]['remoteRef'];

/** The ConfigMap's data: the resolved settings and the platform's variables, sorted by key. */
export function configData(i: ServiceInstance): Record<string, string> {
  const data: Record<string, string> = {
    ...i.settings,
    ENVIRONMENT: i.env.name,
    HTTP_PORT: String(PORTS.http),
    SERVICE_NAME: i.service.name,
  };
  if (i.service.grpc) data['GRPC_PORT'] = String(PORTS.grpc);
  if (i.service.metrics) data['METRICS_PORT'] = String(PORTS.metrics);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function configMap(i: ServiceInstance): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: serviceMeta(i), data: configData(i) };
}

/** Materialises the service's secrets from the environment's store (`{env}` in a key names the environment). */
export function externalSecret(i: ServiceInstance): ExternalSecret {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: serviceMeta(i),
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: i.env.secretStore.kind, name: i.env.secretStore.name },
      target: { name: secretName(i.service.name), creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: i.service.secrets.map((s) => ({
        secretKey: s.env,
        remoteRef: { key: s.key.replaceAll('{env}', i.env.name), ...(s.property ? ({ property: s.property } satisfies Pick<RemoteRef, 'property'>) : {}) },
      })),
    },
  };
}
