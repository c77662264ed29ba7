/**
 * Declaration of `messaging` in `apps/<service>/service.yaml`: the RabbitMQ exchanges a service
 * publishes to and the queues it consumes, each with its dead-letter queue (checks:
 * ./messaging-checks.ts; rendered by render/data/rabbitmq.ts). Used by the build and `npm run schemas`;
 * run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Enum, Struct } from '../shared/declare.js';
const Exchange = Struct({
    name: Type.String({ minLength: 1, description: 'Exchange name in RabbitMQ, unique across the services.', examples: ['health-events'] }),
    type: Enum(['topic', 'direct', 'fanout'], { description: 'How it routes: by pattern, by exact key, or to every bound queue.', examples: ['topic'] }),
}, { examples: [{ name: 'health-events', type: 'topic' }] });
const Binding = Struct({
    exchange: Type.String({ description: 'An exchange some service declares under `messaging.exchanges`.', examples: ['health-events'] }),
    routingKey: Type.String({ default: '', description: 'Routing key or topic pattern; empty for fanout. Default empty.', examples: ['health.record.*'] }),
}, { examples: [{ exchange: 'health-events', routingKey: 'health.record.*' }] });
const Queue = Struct({
    name: Type.String({ minLength: 1, description: 'Queue name in RabbitMQ, unique across the services.', examples: ['blockchain.health-records'] }),
    bindings: Type.Array(Binding, { default: [], description: 'Where its messages come from. Default none.' }),
    type: Enum(['quorum', 'classic'], { default: 'quorum', description: 'quorum (replicated, the default) or classic.' }),
    messageTtl: Type.Optional(Type.Integer({ minimum: 0, description: 'Milliseconds a message may wait before it is dead-lettered.', examples: [86400000] })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, description: 'Messages the queue holds; the oldest are dead-lettered beyond it.', examples: [100000] })),
    deliveryLimit: Type.Optional(Type.Integer({ minimum: 1, description: 'Deliveries before a message is dead-lettered (quorum queues only).', examples: [5] })),
    deadLetter: Type.Boolean({ default: true, description: 'Dead-letter to `<queue>.dlq` through the service\'s `<service>.dlx` exchange. Default true.' }),
}, { examples: [{ name: 'blockchain.health-records', bindings: [{ exchange: 'health-events', routingKey: 'health.record.*' }], deliveryLimit: 5 }] });
/** `messaging`: exchanges published and queues consumed. */
export const Messaging = Struct({
    exchanges: Type.Array(Exchange, { default: [], description: 'Exchanges the service publishes to. Default none.' }),
    queues: Type.Array(Queue, { default: [], description: 'Queues the service consumes, each with its dead-letter queue. Default none.' }),
}, { description: 'RabbitMQ topology of the service (needs `mq` in `dependsOn.data`). Default none.' });
