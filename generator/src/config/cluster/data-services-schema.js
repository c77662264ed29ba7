import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { PostgresCluster } from './postgres-schema.js';
import { DEFAULT_OPERATOR_NAMESPACES, DEFAULT_PORTS } from '../shared/vocabulary.js';
import { MqFields, RedisFields } from './redis-mq-schema.js';
const serviceProperties = (kind, example) => ({
    name: Type.String({ description: 'Name of the custom resource that runs it; its pods are labelled after it.', examples: [example] }),
    port: Type.Integer({ minimum: 1, maximum: 65535, default: DEFAULT_PORTS[kind], description: `Client port. Default ${DEFAULT_PORTS[kind]}.` }),
    operatorNamespace: Type.String({
        default: DEFAULT_OPERATOR_NAMESPACES[kind],
        description: `Namespace of its operator. Default \`${DEFAULT_OPERATOR_NAMESPACES[kind]}\`.`,
    }),
    nodePool: Type.Optional(Type.String({ description: 'Node pool of the cluster (`nodePools`) its pods run on: they select its labels and tolerate its taints. Default any node.', examples: ['database'] })),
});
const Service = (kind, example, more = {}) => Struct({ ...serviceProperties(kind, example), ...more }, { examples: [{ name: example }] });
export const DataServices = Struct({
    namespace: Type.String({ description: 'DNS-1123 label; not the environment namespace.', examples: ['suoke-prod-data'] }),
    postgres: Type.Optional(Service('postgres', 'postgres', { cluster: Type.Optional(PostgresCluster) })),
    redis: Type.Optional(Service('redis', 'redis', RedisFields)),
    mq: Type.Optional(Service('mq', 'rabbitmq', MqFields)),
    elasticsearch: Type.Optional(Service('elasticsearch', 'elasticsearch')),
}, {
    description: 'Where the data services run: their namespace and, per kind, the custom resource running them (docs/networking.md). Required for every kind a service of the environment depends on.',
    examples: [{ namespace: 'suoke-prod-data', postgres: { name: 'postgres' } }],
});
