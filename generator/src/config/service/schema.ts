/**
 * Declaration of `apps/<service>/service.yaml`: its type, validator and editor schema come from it.
 * It checks structure only (keys, types, required keys, enums, simple ranges); names, tags,
 * quantities and replica ranges are checked in ./checks.ts, cross references in ../across.ts and
 * the gray-release plan in ./gray-release-checks.ts, each with messages of their own.
 *
 * `examples[0]` of a property is shown in the hint of a "missing required key" finding.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Struct } from '../shared/declare.js';
import { Resources } from '../shared/resources-schema.js';
import { dataKinds, serviceGroups } from '../shared/vocabulary.js';
import { Waivers } from '../shared/waivers-schema.js';
import { AutoscalingOrFalse } from './autoscaling-schema.js';
import { GrayRelease } from './gray-release-schema.js';
import { Messaging } from './messaging-schema.js';
import { Owners } from './owners-schema.js';

/** Environment variables by name, e.g. settings rendered into a ConfigMap. */
export const envMap = (description: string, options: { default?: Record<string, string> } = {}) =>
  MapOf(Type.String(), { description: `${description} Keys are environment variable names; values are strings (quote numbers).`, ...options });

const replicas = () => Type.Integer({ description: 'Replicas of the Deployment; within the autoscaling range.', examples: [2] });

/** `environments.<env>`: a key not given keeps the service-wide value, so none has a default of its own. */
const EnvOverride = Struct(
  {
    enabled: Type.Optional(Type.Boolean({ description: '`false` removes the service from this environment. Default `true`.' })),
    version: Type.Optional(Type.String({ description: 'Image tag in this environment.', examples: ['1.4.2'] })),
    replicas: Type.Optional(replicas()),
    autoscaling: Type.Optional(AutoscalingOrFalse),
    resources: Type.Optional(Resources),
    settings: Type.Optional(envMap('Settings merged over the service-wide ones.')),
    grayRelease: Type.Optional(GrayRelease),
  },
  { description: 'Overrides for one environment; keys not given keep the service-wide value.' },
);

export type EnvOverride = Static<typeof EnvOverride>;

const External = Struct({
  description: Type.String({ minLength: 1, examples: ['Ethereum JSON-RPC endpoint'] }),
  cidr: Type.String({ description: 'IPv4 or IPv6 CIDR.', examples: ['203.0.113.10/32'] }),
  ports: Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), { minItems: 1, uniqueItems: true, examples: [[443]] }),
});

const Secret = Struct({
  env: Type.String({ examples: ['DATABASE_URL'] }),
  key: Type.String({ minLength: 1, description: '`{env}` is replaced by the environment.', examples: ['suoke/{env}/redis'] }),
  property: Type.Optional(Type.String({ minLength: 1, examples: ['url'] })),
});

const Database = Struct(
  {
    name: Type.Optional(
      Type.String({
        pattern: '^[a-z_][a-z0-9_]{0,62}$',
        description: 'PostgreSQL database (and owner role) name. Default the service name with `-` as `_`, e.g. `health_data`.',
        examples: ['health_data'],
      }),
    ),
    poolSize: Type.Integer({
      minimum: 1,
      default: 5,
      description: 'Connections one pod opens to the pooler at most (its driver\'s pool size): the connection budget counts it per pod at the autoscaling maximum. Default 5.',
    }),
    migrations: Type.Optional(
      Struct(
        {
          command: Type.Array(Type.String({ minLength: 1 }), {
            minItems: 1,
            description: 'Command of the service\'s image that brings the schema to this version; it must be idempotent (it runs before every sync that changes the service).',
            examples: [['/app/migrate', 'up']],
          }),
        },
        { description: 'Schema migrations, run as an Argo CD PreSync Job with the service\'s image (docs/data-layer.md#migrations).' },
      ),
    ),
  },
  {
    description: 'The service\'s PostgreSQL database, where the environment renders the CloudNativePG Cluster (`dataServices.postgres.cluster`): requires `postgres` in `dependsOn.data`; `DATABASE_URL` is then composed from what is rendered. Default pool size 5, no migrations.',
    examples: [{ poolSize: 5, migrations: { command: ['/app/migrate', 'up'] } }],
  },
);

export const ServiceFile = Struct(
  {
    name: Type.String({ description: 'DNS-1123 label equal to the folder name.', examples: ['health-data'] }),
    group: Enum(serviceGroups, { description: 'Service group of the deployment plan.', examples: ['core'] }),
    description: Type.String({ minLength: 1, description: 'One line for reviewers.', examples: ['Health records'] }),
    owners: Type.Optional(Owners),
    version: Type.String({ description: 'Image tag; never `latest`.', examples: ['1.4.2'] }),
    image: Type.Optional(
      Type.String({
        description: 'Image repository without tag. Default `registry.suoke-life.com/suoke-life/<name>`.',
        examples: ['registry.suoke-life.com/suoke-life/xiaoai'],
      }),
    ),
    grpc: Type.Boolean({ default: true, description: 'Serves gRPC on port 50051. Default true.' }),
    metrics: Type.Boolean({ default: true, description: 'Prometheus metrics on port 9090 at /metrics. Default true.' }),
    exposed: Type.Boolean({ default: false, description: 'Reachable from the ingress gateway. Default false.' }),
    health: Struct(
      {
        liveness: Type.String({ default: '/health', examples: ['/health'] }),
        readiness: Type.String({ default: '/health', examples: ['/ready'] }),
      },
      { default: {}, description: 'HTTP probe paths on port 8080. Default `/health` for both.' },
    ),
    startupSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 30, description: 'Startup probe budget in seconds, 1–3600. Default 30.' }),
    dependsOn: Struct(
      {
        data: Type.Array(Enum(dataKinds), { uniqueItems: true, default: [] }),
        services: Type.Array(Type.String(), { uniqueItems: true, default: [] }),
      },
      { default: {}, description: 'What the service calls; drives egress NetworkPolicies. Default none.' },
    ),
    external: Type.Array(External, { default: [], description: 'Egress to endpoints outside the cluster. Default none.' }),
    settings: envMap('Plain settings rendered into the ConfigMap. Default none.', { default: {} }),
    secrets: Type.Array(Secret, { default: [], description: 'Secrets from the secret store, as environment variables. Default none.' }),
    database: Type.Optional(Database),
    resources: Resources,
    replicas: replicas(),
    autoscaling: AutoscalingOrFalse,
    environments: MapOf(EnvOverride, { default: {}, description: 'Per-environment overrides, by environment name. Default none.' }),
    messaging: Type.Optional(Messaging),
    waivers: Type.Optional(Waivers),
  },
  { $id: 'https://suoke-life.com/schemas/service.json', title: 'apps/<service>/service.yaml' },
);

/** A service file as written, with the declared defaults filled in. */
export type ServiceFile = Static<typeof ServiceFile>;
