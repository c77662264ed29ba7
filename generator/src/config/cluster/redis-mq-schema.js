import { Type } from '../shared/typebox.js';
import { Enum, Struct } from '../shared/declare.js';
import { Amounts } from '../shared/resources-schema.js';
/** Requests and limits of one data-service pod, with a default of its own. */
const resources = (requests, limits) => Struct({ requests: Amounts(requests.cpu, requests.memory), limits: Amounts(limits.cpu, limits.memory) }, { default: { requests, limits }, description: `Requests and limits of each pod. Default requests ${requests.cpu} CPU / ${requests.memory}, limits ${limits.cpu} CPU / ${limits.memory}.` });
/** One persistent volume per pod. */
const Storage = (size) => Struct({
    size: Type.String({ default: size, description: `Volume size per pod, a Kubernetes quantity. Default ${size}.`, examples: ['20Gi'] }),
    storageClass: Type.String({ default: 'fast-ssd', description: 'StorageClass of the volumes. Default `fast-ssd`.', examples: ['fast-ssd'] }),
}, { default: {}, description: 'A persistent volume per pod.' });
/** Redis persistence modes: the append-only file, RDB snapshots, or both. */
const persistenceModes = ['aof', 'rdb', 'aof+rdb'];
/** Keys of `dataServices.redis` besides those every data service has. */
export const RedisFields = {
    replicas: Type.Integer({
        minimum: 1,
        default: 1,
        description: 'Redis pods of the `RedisReplication`: one master, the others its replicas; from 2 they are watched by `sentinels` Sentinels. Default 1.',
        examples: [3],
    }),
    sentinels: Type.Integer({ minimum: 1, default: 3, description: 'Sentinel pods when `replicas` ≥ 2: odd and at least 3, for a majority. Default 3.', examples: [3] }),
    version: Type.String({
        default: 'v7.0.15',
        description: 'Tag of `quay.io/opstree/redis` (and of `quay.io/opstree/redis-sentinel`); never `latest`. Default v7.0.15.',
        examples: ['v7.0.15'],
    }),
    persistence: Enum(persistenceModes, { default: 'aof+rdb', description: 'aof (append-only file), rdb (snapshots) or aof+rdb. Default aof+rdb.' }),
    resources: resources({ cpu: '250m', memory: '512Mi' }, { cpu: '1', memory: '1Gi' }),
    storage: Storage('8Gi'),
};
/** Keys of `dataServices.mq` besides those every data service has. */
export const MqFields = {
    replicas: Type.Integer({ minimum: 1, default: 1, description: 'RabbitMQ nodes; 3 or more for quorum queues to survive a node. Default 1.', examples: [3] }),
    image: Type.String({
        default: 'rabbitmq:4.2.6-management',
        description: 'Image, `rabbitmq:<version>-management`; never `latest`. Default `rabbitmq:4.2.6-management` (the operator v2.22.3 default).',
        examples: ['rabbitmq:4.2.6-management'],
    }),
    resources: resources({ cpu: '500m', memory: '1Gi' }, { cpu: '2', memory: '2Gi' }),
    storage: Storage('20Gi'),
};
const RedisOnly = Struct(RedisFields);
const MqOnly = Struct(MqFields);
