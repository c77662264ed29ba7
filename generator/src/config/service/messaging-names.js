/**
 * The Kubernetes names of the messaging-topology objects a service's `messaging` renders
 * (render/data/rabbitmq.ts), derived from the RabbitMQ names, which allow characters Kubernetes
 * names do not. The checks (./messaging-checks.ts) report two objects of one kind deriving one name.
 */
/**
 * A DNS-1123 name for a RabbitMQ name: lower-cased, every run of characters other than letters and
 * digits made one `-`, no `-` at either end, at most 253 characters (an object name's limit).
 * Empty when nothing is left. Example: `objectName('blockchain.Health_Records')` → `'blockchain-health-records'`.
 */
export function objectName(rabbitName) {
    return rabbitName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 253).replace(/-+$/, '');
}
/** RabbitMQ name of a service's dead-letter exchange, e.g. `blockchain.dlx`. */
export const deadLetterExchange = (service) => `${service}.dlx`;
/** RabbitMQ name of a queue's dead-letter queue, e.g. `blockchain.health-records.dlq`. */
export const deadLetterQueue = (queue) => `${queue}.dlq`;
/** Kubernetes name of the n-th (from 1) binding of a queue, e.g. `blockchain-health-records-1`. */
export const bindingName = (queue, n) => `${objectName(queue)}-${n}`;
