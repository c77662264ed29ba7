/**
 * Declaration of `clusters/<cluster>/cluster.yaml`: the cluster and the environments it hosts. Its
 * type, validator and editor schema come from it. Structure only; the slices with rules of their own
 * (change windows, node pools, data services, quota and sidecar) are declared in `<area>-schema.ts`
 * beside their checks. Used by the build and `npm run schemas`; run-time code imports its types only.
 *
 * `examples[0]` of a property is shown in the hint of a "missing required key" finding.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Struct } from '../shared/declare.js';
import { Waivers } from '../shared/waivers-schema.js';
import { envMap } from '../service/schema.js';
import { Alerting } from './alerting-schema.js';
import { Alerts } from './alerts-schema.js';
import { DataServices } from './data-services-schema.js';
import { Monitoring } from './monitoring-schema.js';
import { Logging } from './logging-schema.js';
import { ClusterEdge, EnvironmentEdge } from './edge-schema.js';
import { NodePools } from './node-pools-schema.js';
import { PerfTests } from './perf-tests-schema.js';
import { SmokeTests } from './smoke-tests-schema.js';
import { ClusterPlatform } from './platform-schema.js';
import { LimitRange, Quota, Sidecar } from './quota-schema.js';
import { ChangeWindows } from './windows-schema.js';

const Sizing = Struct(
  {
    resourceScale: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 1, description: 'Factor on every request and limit, in (0, 1]. Default 1.' }),
    replicas: Type.Optional(Type.Integer({ description: 'Every service runs exactly this many replicas at minimum.' })),
    maxReplicas: Type.Optional(Type.Integer({ description: 'Caps every HPA maxReplicas.' })),
  },
  { default: {}, description: 'How services scale down from production size. Default `{resourceScale: 1}`.' },
);

export const Environment = Struct({
  namespace: Type.String({ description: 'DNS-1123 label.', examples: ['suoke-dev'] }),
  tier: Enum(['development', 'production'], { examples: ['development'] }),
  sizing: Sizing,
  quota: Quota,
  limitRange: LimitRange,
  topologySpread: Type.Boolean({ default: false, description: 'Spread replicas across zones and nodes. Default false.' }),
  sidecar: Sidecar,
  secretStore: Struct(
    {
      kind: Enum(['ClusterSecretStore', 'SecretStore'], { examples: ['ClusterSecretStore'] }),
      name: Type.String({ examples: ['suoke-vault-dev'] }),
    },
    { examples: [{ kind: 'ClusterSecretStore', name: 'suoke-vault-dev' }] },
  ),
  settings: envMap('Settings added to every service ConfigMap in this environment. Default none.', { default: {} }),
  changeWindows: Type.Optional(ChangeWindows),
  dataServices: Type.Optional(DataServices),
  perfTests: Type.Optional(PerfTests),
  smokeTests: Type.Optional(SmokeTests),
  edge: Type.Optional(EnvironmentEdge),
  alerts: Alerts,
});

export const ClusterFile = Struct(
  {
    name: Type.String({ description: 'DNS-1123 label equal to the folder name.', examples: ['dev'] }),
    server: Type.String({ description: 'https URL of the API server.', examples: ['https://kubernetes.default.svc'] }),
    kubernetesVersion: Type.String({ description: 'Minor version, quoted.', examples: ['1.31'] }),
    ingressNamespace: Type.String({ examples: ['istio-ingress'] }),
    monitoringNamespace: Type.String({ examples: ['monitoring'] }),
    monitoringLabels: MapOf(Type.String(), {
      description: 'Labels Prometheus selects ServiceMonitors and PodMonitors by.',
      examples: [{ release: 'kube-prometheus-stack' }],
    }),
    environments: MapOf(Environment, {
      description: 'Environments hosted by this cluster, by name.',
      minProperties: 1,
      examples: [{ dev: { namespace: 'suoke-dev' } }],
    }),
    nodePools: Type.Optional(NodePools),
    edge: Type.Optional(ClusterEdge),
    waivers: Type.Optional(Waivers),
    platform: Type.Optional(ClusterPlatform),
    alerting: Type.Optional(Alerting),
    monitoring: Type.Optional(Monitoring),
    logging: Type.Optional(Logging),
  },
  { $id: 'https://suoke-life.com/schemas/cluster.json', title: 'clusters/<cluster>/cluster.yaml' },
);

/** A cluster file as written, with the declared defaults filled in. */
export type ClusterFile = Static<typeof ClusterFile>;
