/**
 * JSON Schemas (draft-07) of the two hand-edited config files. They check structure only: keys,
 * types, required keys, enums and simple ranges. Grammar and cross-references (names, quantities,
 * image tags, replica ranges, unknown services) are in `checks.ts`, where they get messages of
 * their own. Defaults are documented here (`default`) and filled in by `load.ts`.
 *
 * `examples[0]` of a property is shown in the hint of a "missing required key" finding.
 */
import { dataKinds, serviceGroups } from './types.js';
import { changeWindowsSchema } from './schema-windows.js';
import { nodePoolsSchema } from './checks-pools.js';
import { dataServicesSchema } from './checks-data.js';
import { waiversSchema } from './checks-waivers.js';

type Schema = Record<string, unknown>;

const quantity = (what: string, example: string): Schema => ({
  type: ['string', 'number'],
  description: `${what} as a Kubernetes quantity.`,
  examples: [example],
});

const amounts = (cpu: string, memory: string): Schema => ({
  type: 'object',
  additionalProperties: false,
  required: ['cpu', 'memory'],
  properties: {
    cpu: quantity('CPU: cores (`2`, `0.5`) or millicores (`250m`)', cpu),
    memory: quantity('Memory in bytes with a suffix (`512Mi`, `2Gi`)', memory),
  },
  examples: [{ cpu, memory }],
});

const resources: Schema = {
  type: 'object',
  description: 'Container requests and limits at production size; environments scale them by `sizing.resourceScale`.',
  additionalProperties: false,
  required: ['requests', 'limits'],
  properties: { requests: amounts('250m', '512Mi'), limits: amounts('500m', '1Gi') },
  examples: [{ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '1Gi' } }],
};

const percent = (description: string): Schema => ({ type: 'integer', minimum: 1, maximum: 100, description, examples: [70] });

const autoscalingObject: Schema = {
  type: 'object',
  description: 'HorizontalPodAutoscaler (autoscaling/v2).',
  additionalProperties: false,
  required: ['minReplicas', 'maxReplicas', 'cpu'],
  properties: {
    minReplicas: { type: 'integer', description: 'At least 1 and at most `maxReplicas`.', examples: [2] },
    maxReplicas: { type: 'integer', description: 'At least `minReplicas`.', examples: [10] },
    cpu: percent('Target average CPU utilisation in percent of requests, 1–100.'),
    memory: percent('Target average memory utilisation in percent of requests, 1–100; omitted means CPU only.'),
  },
};

/** `false` (fixed replica count, no HPA) or the HPA settings. */
const autoscaling: Schema = {
  description: '`false` for a fixed replica count, or the HPA settings.',
  examples: [{ minReplicas: 2, maxReplicas: 10, cpu: 70 }],
  if: { type: 'object' },
  then: autoscalingObject,
  else: { const: false },
};

const envMap = (description: string): Schema => ({
  type: 'object',
  description: `${description} Keys are environment variable names; values are strings (quote numbers).`,
  additionalProperties: { type: 'string' },
  default: {},
});

const replicas: Schema = { type: 'integer', description: 'Replicas of the Deployment; within the autoscaling range.', examples: [2] };

/**
 * `environments.<env>.grayRelease`: the service runs as an Argo Rollouts canary in that environment.
 * Structure only; the rules of a sound plan (weights, thresholds, versions) are the `canary/` checks
 * of `policy/canary.ts`, which give each mistake a message of its own.
 */
const grayRelease: Schema = {
  type: 'object',
  description: 'Gray release (灰度发布): the workload becomes an Argo Rollouts canary with weighted Istio routing.',
  additionalProperties: false,
  required: ['steps', 'pause'],
  properties: {
    steps: {
      type: 'array',
      minItems: 1,
      items: { type: 'integer' },
      description: 'Canary traffic weights in percent, strictly increasing, ending at 100.',
      examples: [[5, 20, 50, 100]],
    },
    pause: { type: 'string', description: 'Pause between steps, a Go duration such as `10m` or `1h`.', examples: ['10m'] },
    control: {
      enum: ['auto', 'git'],
      default: 'auto',
      description: '`auto`: the Rollouts controller walks the steps; `git`: each weight is a reviewed commit (`npm run canary -- advance`). Default `auto`.',
      examples: ['git'],
    },
    analysis: {
      type: 'object',
      description: 'Thresholds on the canary\'s Istio metrics that abort a bad canary; required in staging and prod.',
      additionalProperties: false,
      required: ['maxErrorRate', 'maxP95LatencyMs'],
      properties: {
        maxErrorRate: { type: 'number', description: 'Highest acceptable share of 5xx responses, e.g. `0.01` for 1%.', examples: [0.01] },
        maxP95LatencyMs: { type: 'integer', description: 'Highest acceptable p95 latency in milliseconds, below 2000.', examples: [1500] },
        interval: { type: 'string', default: '1m', description: 'How often to measure, a Go duration. Default `1m`.', examples: ['1m'] },
        failureLimit: {
          type: 'integer',
          minimum: 0,
          default: 2,
          description: 'Failed measurements tolerated before the canary is aborted. Default 2.',
          examples: [2],
        },
      },
      examples: [{ maxErrorRate: 0.01, maxP95LatencyMs: 1500 }],
    },
    canary: {
      type: 'object',
      description: 'The release in progress; written by `npm run canary -- start|advance`.',
      additionalProperties: false,
      required: ['version'],
      properties: {
        version: { type: 'string', description: 'Image tag under test; differs from the stable version.', examples: ['2.2.0'] },
        weight: { type: 'integer', description: 'Weight the canary holds at (git control), one of `steps`. Default the first step.', examples: [5] },
      },
      examples: [{ version: '2.2.0', weight: 5 }],
    },
  },
  examples: [{ steps: [5, 20, 50, 100], pause: '10m' }],
};

const serviceEnvOverride: Schema = {
  type: 'object',
  description: 'Overrides for one environment; keys not given keep the service-wide value.',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', default: true, description: '`false` removes the service from this environment.' },
    version: { type: 'string', description: 'Image tag in this environment.', examples: ['1.4.2'] },
    replicas,
    autoscaling,
    resources,
    settings: envMap('Settings merged over the service-wide ones.'),
    grayRelease,
  },
};

/** Schema of `apps/<service>/service.yaml`. */
export const serviceSchema: Schema = {
  $id: 'https://suoke-life.com/schemas/service.json',
  title: 'apps/<service>/service.yaml',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'group', 'description', 'version', 'resources', 'replicas', 'autoscaling'],
  properties: {
    name: { type: 'string', description: 'DNS-1123 label equal to the folder name.', examples: ['health-data'] },
    group: { enum: [...serviceGroups], description: 'Service group of the deployment plan.', examples: ['core'] },
    description: { type: 'string', minLength: 1, description: 'One line for reviewers.', examples: ['Health records'] },
    version: { type: 'string', description: 'Image tag; never `latest`.', examples: ['1.4.2'] },
    image: {
      type: 'string',
      description: 'Image repository without tag. Default `registry.suoke-life.com/suoke-life/<name>`.',
      examples: ['registry.suoke-life.com/suoke-life/xiaoai'],
    },
    grpc: { type: 'boolean', default: true, description: 'Serves gRPC on port 50051. Default true.' },
    metrics: { type: 'boolean', default: true, description: 'Prometheus metrics on port 9090 at /metrics. Default true.' },
    exposed: { type: 'boolean', default: false, description: 'Reachable from the ingress gateway. Default false.' },
    health: {
      type: 'object',
      description: 'HTTP probe paths on port 8080. Default `/health` for both.',
      additionalProperties: false,
      properties: {
        liveness: { type: 'string', default: '/health', examples: ['/health'] },
        readiness: { type: 'string', default: '/health', examples: ['/ready'] },
      },
    },
    startupSeconds: {
      type: 'integer',
      minimum: 1,
      maximum: 3600,
      default: 30,
      description: 'Startup probe budget in seconds, 1–3600. Default 30.',
    },
    dependsOn: {
      type: 'object',
      description: 'What the service calls; drives egress NetworkPolicies. Default none.',
      additionalProperties: false,
      properties: {
        data: { type: 'array', uniqueItems: true, items: { enum: [...dataKinds] }, default: [] },
        services: { type: 'array', uniqueItems: true, items: { type: 'string' }, default: [] },
      },
    },
    external: {
      type: 'array',
      description: 'Egress to endpoints outside the cluster. Default none.',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'cidr', 'ports'],
        properties: {
          description: { type: 'string', minLength: 1, examples: ['Ethereum JSON-RPC endpoint'] },
          cidr: { type: 'string', description: 'IPv4 or IPv6 CIDR.', examples: ['203.0.113.10/32'] },
          ports: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'integer', minimum: 1, maximum: 65535 },
            examples: [[443]],
          },
        },
      },
    },
    settings: envMap('Plain settings rendered into the ConfigMap. Default none.'),
    secrets: {
      type: 'array',
      description: 'Secrets from the secret store, as environment variables. Default none.',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['env', 'key'],
        properties: {
          env: { type: 'string', examples: ['DATABASE_URL'] },
          key: { type: 'string', minLength: 1, description: '`{env}` is replaced by the environment.', examples: ['suoke/{env}/redis'] },
          property: { type: 'string', minLength: 1, examples: ['url'] },
        },
      },
    },
    resources,
    replicas,
    autoscaling,
    environments: {
      type: 'object',
      description: 'Per-environment overrides, by environment name. Default none.',
      additionalProperties: serviceEnvOverride,
      default: {},
    },
    waivers: waiversSchema,
  },
};

/**
 * `environments.<env>.sidecar`: the Istio sidecar of every pod where the namespace is in the mesh,
 * rendered as the `sidecar.istio.io/proxy*` pod annotations. The default is what Istio injects
 * without them (`global.proxy.resources`, istio-discovery values.yaml:357-364 @ 1.22.8).
 */
const sidecarSchema: Schema = {
  type: 'object',
  description:
    'Requests and limits of the Istio sidecar (istio-proxy) in every pod of a meshed namespace; the quota counts them. ' +
    'Default Istio\'s own: requests `{cpu: 100m, memory: 128Mi}`, limits `{cpu: 2000m, memory: 1024Mi}`.',
  additionalProperties: false,
  required: ['requests', 'limits'],
  properties: { requests: amounts('100m', '128Mi'), limits: amounts('500m', '256Mi') },
  default: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
  examples: [{ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } }],
};

const environment: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['namespace', 'tier', 'quota', 'limitRange', 'secretStore'],
  properties: {
    namespace: { type: 'string', description: 'DNS-1123 label.', examples: ['suoke-dev'] },
    tier: { enum: ['development', 'production'], examples: ['development'] },
    sizing: {
      type: 'object',
      description: 'How services scale down from production size. Default `{resourceScale: 1}`.',
      additionalProperties: false,
      properties: {
        resourceScale: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
          default: 1,
          description: 'Factor on every request and limit, in (0, 1]. Default 1.',
        },
        replicas: { type: 'integer', description: 'Every service runs exactly this many replicas at minimum.' },
        maxReplicas: { type: 'integer', description: 'Caps every HPA maxReplicas.' },
      },
    },
    quota: {
      type: 'object',
      additionalProperties: false,
      required: ['requests', 'limits', 'pods'],
      properties: {
        requests: amounts('8', '16Gi'),
        limits: amounts('16', '32Gi'),
        pods: { type: 'integer', minimum: 1, examples: [60] },
      },
      examples: [{ requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' }, pods: 60 }],
    },
    limitRange: {
      type: 'object',
      additionalProperties: false,
      required: ['default', 'defaultRequest'],
      properties: { default: amounts('500m', '1Gi'), defaultRequest: amounts('50m', '64Mi') },
      examples: [{ default: { cpu: '500m', memory: '1Gi' }, defaultRequest: { cpu: '50m', memory: '64Mi' } }],
    },
    topologySpread: { type: 'boolean', default: false, description: 'Spread replicas across zones and nodes. Default false.' },
    sidecar: sidecarSchema,
    secretStore: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'name'],
      properties: {
        kind: { enum: ['ClusterSecretStore', 'SecretStore'], examples: ['ClusterSecretStore'] },
        name: { type: 'string', examples: ['suoke-vault-dev'] },
      },
      examples: [{ kind: 'ClusterSecretStore', name: 'suoke-vault-dev' }],
    },
    settings: envMap('Settings added to every service ConfigMap in this environment. Default none.'),
    changeWindows: changeWindowsSchema,
    dataServices: dataServicesSchema,
  },
};

/** Schema of `clusters/<cluster>/cluster.yaml`. */
export const clusterSchema: Schema = {
  $id: 'https://suoke-life.com/schemas/cluster.json',
  title: 'clusters/<cluster>/cluster.yaml',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'server', 'kubernetesVersion', 'ingressNamespace', 'monitoringNamespace', 'monitoringLabels', 'environments'],
  properties: {
    name: { type: 'string', description: 'DNS-1123 label equal to the folder name.', examples: ['dev'] },
    server: { type: 'string', description: 'https URL of the API server.', examples: ['https://kubernetes.default.svc'] },
    kubernetesVersion: { type: 'string', description: 'Minor version, quoted.', examples: ['1.31'] },
    ingressNamespace: { type: 'string', examples: ['istio-ingress'] },
    monitoringNamespace: { type: 'string', examples: ['monitoring'] },
    monitoringLabels: {
      type: 'object',
      description: 'Labels Prometheus selects ServiceMonitors and PodMonitors by.',
      additionalProperties: { type: 'string' },
      examples: [{ release: 'kube-prometheus-stack' }],
    },
    environments: {
      type: 'object',
      description: 'Environments hosted by this cluster, by name.',
      minProperties: 1,
      additionalProperties: environment,
      examples: [{ dev: { namespace: 'suoke-dev' } }],
    },
    nodePools: nodePoolsSchema,
    waivers: waiversSchema,
  },
};

/** Schema of `argocd/argocd.yaml`. */
export const argocdSchema: Schema = {
  $id: 'https://suoke-life.com/schemas/argocd.json',
  title: 'argocd/argocd.yaml',
  type: 'object',
  additionalProperties: false,
  required: ['repoURL'],
  properties: {
    repoURL: {
      type: 'string',
      description: 'Git URL of this repository (https or ssh), without credentials.',
      examples: ['https://git.suoke-life.com/platform/suoke-life-gitops.git'],
    },
    targetRevision: { type: 'string', minLength: 1, default: 'main', description: 'Branch, tag or commit. Default `main`.', examples: ['main'] },
    namespace: { type: 'string', default: 'argocd', description: 'Namespace Argo CD runs in. Default `argocd`.', examples: ['argocd'] },
    roles: {
      type: 'object',
      description: 'SSO groups of the AppProject roles `deployer` (get, sync, abort a canary) and `read-only` (get). Default none.',
      additionalProperties: false,
      properties: {
        deployers: argoGroups('Groups that may view and sync every environment.', 'suoke-life:platform'),
        readOnly: argoGroups('Groups that may view every environment.', 'suoke-life:developers'),
        environments: {
          type: 'object',
          description: 'Per-environment groups by environment name; a list given here replaces the platform-wide one.',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: {
              deployers: argoGroups('Groups that may view and sync this environment.', 'suoke-life:sre'),
              readOnly: argoGroups('Groups that may view this environment.', 'suoke-life:developers'),
            },
          },
          default: {},
          examples: [{ prod: { deployers: ['suoke-life:sre'] } }],
        },
      },
      examples: [{ deployers: ['suoke-life:platform'], readOnly: ['suoke-life:developers'] }],
    },
  },
};

function argoGroups(description: string, example: string): Schema {
  return { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 }, default: [], description: `${description} Default none.`, examples: [[example]] };
}
