/**
 * Declaration of `environments.<env>.dataServices` in `clusters/<cluster>/cluster.yaml` (checks and
 * builder: ./data-services.ts). Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { PostgresCluster } from './postgres-schema.js';
import { DEFAULT_OPERATOR_NAMESPACES, DEFAULT_PORTS, type DataKind } from '../shared/vocabulary.js';

const serviceProperties = (kind: DataKind, example: string) => ({
  name: Type.String({ description: 'Name of the custom resource that runs it; its pods are labelled after it.', examples: [example] }),
  port: Type.Integer({ minimum: 1, maximum: 65535, default: DEFAULT_PORTS[kind], description: `Client port. Default ${DEFAULT_PORTS[kind]}.` }),
  operatorNamespace: Type.String({
    default: DEFAULT_OPERATOR_NAMESPACES[kind],
    description: `Namespace of its operator. Default \`${DEFAULT_OPERATOR_NAMESPACES[kind]}\`.`,
  }),
});

const Service = (kind: DataKind, example: string) => Struct(serviceProperties(kind, example), { examples: [{ name: example }] });

const Postgres = Struct(
  { ...serviceProperties('postgres', 'postgres'), cluster: Type.Optional(PostgresCluster) },
  { examples: [{ name: 'postgres' }] },
);

export const DataServices = Struct(
  {
    namespace: Type.String({ description: 'DNS-1123 label; not the environment namespace.', examples: ['suoke-prod-data'] }),
    postgres: Type.Optional(Postgres),
    redis: Type.Optional(Service('redis', 'redis')),
    mq: Type.Optional(Service('mq', 'rabbitmq')),
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
export type DataServiceConfig = Static<ReturnType<typeof Service>>;


/** `dataServices` as written, with the declared defaults filled in. */
export type DataServicesFile = Static<typeof DataServices>;
