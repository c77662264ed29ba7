/**
 * Declaration of `environments.<env>.dataServices` in `clusters/<cluster>/cluster.yaml` (checks and
 * builder: ./data-services.ts). Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static, TProperties } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { PostgresCluster } from './postgres-schema.js';
import { DEFAULT_OPERATOR_NAMESPACES, DEFAULT_PORTS, type DataKind } from '../shared/vocabulary.js';
import { MqFields, RedisFields, type MqFieldsConfig, type RedisFieldsConfig } from './redis-mq-schema.js';

const serviceProperties = (kind: DataKind, example: string) => ({
  name: Type.String({ description: 'Name of the custom resource that runs it; its pods are labelled after it.', examples: [example] }),
  port: Type.Integer({ minimum: 1, maximum: 65535, default: DEFAULT_PORTS[kind], description: `Client port. Default ${DEFAULT_PORTS[kind]}.` }),
  operatorNamespace: Type.String({
    default: DEFAULT_OPERATOR_NAMESPACES[kind],
    description: `Namespace of its operator. Default \`${DEFAULT_OPERATOR_NAMESPACES[kind]}\`.`,
  }),
  nodePool: Type.Optional(
    Type.String({ description: 'Node pool of the cluster (`nodePools`) its pods run on: they select its labels and tolerate its taints. Default any node.', examples: ['database'] }),
  ),
});

const Service = <T extends TProperties>(kind: DataKind, example: string, more: T = {} as T) =>
  Struct({ ...serviceProperties(kind, example), ...more }, { examples: [{ name: example }] });

export const DataServices = Struct(
  {
    namespace: Type.String({ description: 'DNS-1123 label; not the environment namespace.', examples: ['suoke-prod-data'] }),
    postgres: Type.Optional(Service('postgres', 'postgres', { cluster: Type.Optional(PostgresCluster) })),
    redis: Type.Optional(Service('redis', 'redis', RedisFields)),
    mq: Type.Optional(Service('mq', 'rabbitmq', MqFields)),
    elasticsearch: Type.Optional(Service('elasticsearch', 'elasticsearch')),
  },
  {
    description:
      'Where the data services run: their namespace and, per kind, the custom resource running them (docs/networking.md). Required for every kind a service of the environment depends on.',
    examples: [{ namespace: 'suoke-prod-data', postgres: { name: 'postgres' } }],
  },
);

/**
 * One data service of an environment, e.g. `postgres: {name: postgres}`: the name of the custom
 * resource that runs it, its client port and its operator's namespace (both defaulting by kind).
 */
export type DataServiceConfig = Static<ReturnType<typeof Service<{}>>>;
/** `dataServices.redis`: the common keys and its size, image and persistence (./redis-mq-schema.ts). */
export type RedisServiceConfig = DataServiceConfig & RedisFieldsConfig;
/** `dataServices.mq`: the common keys and its size and image (./redis-mq-schema.ts). */
export type MqServiceConfig = DataServiceConfig & MqFieldsConfig;


/** `dataServices` as written, with the declared defaults filled in. */
export type DataServicesFile = Static<typeof DataServices>;
