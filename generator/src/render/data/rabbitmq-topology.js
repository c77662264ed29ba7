/**
 * The RabbitMQ topology the services declare (`messaging` in apps/<service>/service.yaml), as
 * messaging-topology-operator v1.20.1 objects: exchanges, queues, their bindings, and per queue its
 * dead-letter queue and one Policy.
 *
 * Dead-lettering: a queue's Policy names the service's `<service>.dlx` (direct) exchange and the
 * queue's own name as routing key, and `<queue>.dlq` is bound to that exchange with that key, so
 * every queue's rejected, expired, overflowing or over-delivered messages land in its own DLQ.
 *
 * One Policy per queue, carrying every key (dead-letter exchange and key, TTL, max length, delivery
 * limit): RabbitMQ applies at most one policy to a queue, the one of highest priority
 * (messaging-topology-operator api/v1beta1/policy_types.go:28 @ v1.20.1; rabbitmq-website
 * docs/policies.md, "Policy Priorities"), so keys split over two policies would not add up.
 *
 * The objects go in a sync wave after their RabbitmqCluster ({@link TOPOLOGY_WAVE}): the operator
 * marks an object it cannot declare yet (no default user, no broker answering) Ready False,
 * "FailedCreateOrUpdate" (rabbitmq/messaging-topology-operator internal/controller/topology_controller.go:108-116,
 * :194-204 @ v1.20.1), which Argo CD reads as Degraded (argo-cd resource_customizations/rabbitmq.com/Queue/health.lua:11-15
 * @ v3.5.1): applied with the cluster, they made the data Application Degraded, and its parent's sync fail, until
 * the brokers ran. A later wave is applied only once the cluster is Healthy.
 */
import { bindingName, deadLetterExchange, deadLetterQueue, objectName } from '../../config/service/messaging-names.js';
const VHOST = '/';
/** The data Application's sync wave of the topology objects; everything else of the data layer is in wave 0. */
const TOPOLOGY_WAVE = '1';
/** `^name$` with the regular-expression characters of the name escaped, so the policy matches that queue only. */
const exactly = (name) => `^${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`;
/** The topology of `services` (those running in the environment), in service order: exchanges, then per queue its objects. */
export function topologyObjects(t, services) {
    const out = [];
    const meta = (name) => ({ name, namespace: t.namespace, labels: { ...t.labels }, annotations: { 'argocd.argoproj.io/sync-wave': TOPOLOGY_WAVE } });
    const ref = { rabbitmqClusterReference: { name: t.name } };
    const exchange = (name, type) => ({
        apiVersion: 'rabbitmq.com/v1beta1',
        kind: 'Exchange',
        metadata: meta(objectName(name)),
        spec: { name, vhost: VHOST, type, durable: true, autoDelete: false, ...ref },
    });
    // Durable and never auto-deleted: queues and exchanges outlive broker restarts and idle consumers.
    const queue = (name, type) => ({
        apiVersion: 'rabbitmq.com/v1beta1',
        kind: 'Queue',
        metadata: meta(objectName(name)),
        spec: { name, vhost: VHOST, type, durable: true, autoDelete: false, ...ref },
    });
    const binding = (k8sName, source, destination, routingKey) => ({
        apiVersion: 'rabbitmq.com/v1beta1',
        kind: 'Binding',
        metadata: meta(k8sName),
        spec: { vhost: VHOST, source, destination, destinationType: 'queue', routingKey, ...ref },
    });
    for (const s of services) {
        const m = s.messaging;
        if (!m)
            continue;
        for (const x of m.exchanges)
            out.push(exchange(x.name, x.type));
        const dlx = deadLetterExchange(s.name);
        if (m.queues.some((q) => q.deadLetter))
            out.push(exchange(dlx, 'direct'));
        for (const q of m.queues) {
            out.push(queue(q.name, q.type));
            q.bindings.forEach((b, j) => out.push(binding(bindingName(q.name, j + 1), b.exchange, q.name, b.routingKey)));
            if (q.deadLetter) {
                const dlq = deadLetterQueue(q.name);
                out.push(queue(dlq, q.type), binding(objectName(dlq), dlx, dlq, q.name));
            }
            const definition = policyDefinition(q, dlx);
            if (Object.keys(definition).length > 0) {
                out.push({
                    apiVersion: 'rabbitmq.com/v1beta1',
                    kind: 'Policy',
                    metadata: meta(objectName(q.name)),
                    spec: { name: q.name, vhost: VHOST, pattern: exactly(q.name), applyTo: 'queues', priority: 0, definition, ...ref },
                });
            }
        }
    }
    return out;
}
/** The keys of a queue's one policy, in a fixed order; empty when it sets none. */
function policyDefinition(q, dlx) {
    return {
        ...(q.deadLetter ? { 'dead-letter-exchange': dlx, 'dead-letter-routing-key': q.name } : {}),
        ...(q.messageTtl !== undefined ? { 'message-ttl': q.messageTtl } : {}),
        ...(q.maxLength !== undefined ? { 'max-length': q.maxLength } : {}),
        ...(q.deliveryLimit !== undefined ? { 'delivery-limit': q.deliveryLimit } : {}),
    };
}
