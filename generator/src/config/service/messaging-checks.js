import { Reporter, isRaw, q } from '../shared/checks.js';
import { didYouMean } from '../shared/names.js';
import { bindingName, deadLetterExchange, deadLetterQueue, objectName } from './messaging-names.js';
const list = (v) => (Array.isArray(v) ? v.filter(isRaw) : []);
/** Every check of `messaging`, over all service files. */
export function checkMessaging(services, out) {
    const exchanges = [];
    const queues = [];
    for (const f of services) {
        const m = f.data.messaging;
        if (!isRaw(m))
            continue;
        const service = typeof f.data.name === 'string' ? f.data.name : f.folder;
        const collect = (into, key) => (Array.isArray(m[key]) ? m[key] : []).forEach((x, i) => {
            if (isRaw(x) && typeof x.name === 'string')
                into.push({ file: f, service, path: ['messaging', key, i], name: x.name, raw: x });
        });
        collect(exchanges, 'exchanges');
        collect(queues, 'queues');
        const data = f.data.dependsOn;
        const usesMq = isRaw(data) && Array.isArray(data.data) && data.data.includes('mq');
        if (!usesMq && (list(m.exchanges).length > 0 || list(m.queues).length > 0)) {
            new Reporter(f.source, out).report('messaging-mq', ['messaging'], `service \`${service}\` declares RabbitMQ queues or exchanges under \`messaging\`, but \`dependsOn.data\` does not list \`mq\``, 'add `mq` to `dependsOn.data`: only then may its pods reach RabbitMQ (NetworkPolicy)', 'key');
        }
    }
    duplicates(exchanges, 'exchange', out);
    duplicates(queues, 'queue', out);
    const exchangeNames = [...new Set(exchanges.map((x) => x.name))];
    for (const qu of queues) {
        const r = new Reporter(qu.file.source, out);
        list(qu.raw.bindings).forEach((b, j) => {
            if (typeof b.exchange !== 'string' || exchangeNames.includes(b.exchange))
                return;
            const path = [...qu.path, 'bindings', j, 'exchange'];
            const near = didYouMean(b.exchange, exchangeNames);
            r.report('unknown-exchange', path, `${q(path)} is \`${b.exchange}\`, which no service declares under \`messaging.exchanges\``, near ?? 'declare it under `messaging.exchanges` of the service that publishes to it');
        });
        if (qu.raw.type === 'classic' && qu.raw.deliveryLimit !== undefined) {
            const path = [...qu.path, 'deliveryLimit'];
            r.report('delivery-limit', path, `${q(path)} is set, but queue \`${qu.name}\` is classic: only quorum queues count deliveries`, 'remove it, or make the queue `type: quorum`');
        }
    }
    collisions(exchanges, queues, out);
}
/** A RabbitMQ name declared twice (by one service or two) is one object, configured twice. */
function duplicates(items, what, out) {
    const first = new Map();
    for (const x of items) {
        const prev = first.get(x.name);
        if (!prev)
            first.set(x.name, x);
        else
            new Reporter(x.file.source, out).report('duplicate', [...x.path, 'name'], `${what} \`${x.name}\` is already declared by service \`${prev.service}\``, `give every ${what} its own name`);
    }
}
/** Two objects of one kind whose RabbitMQ names derive the same Kubernetes name would overwrite each other. */
function collisions(exchanges, queues, out) {
    const taken = new Map();
    // `rabbit`: the RabbitMQ name the object stands for; one declared twice is already a duplicate.
    // A derived object (dead-letter queue or exchange) never is: it collides with whatever has its name.
    const claim = (x, kind, rabbit, what, name = objectName(rabbit), derived = false) => {
        const key = `${kind}/${name}`;
        const prev = taken.get(key);
        const id = `${derived ? 'derived' : 'declared'} ${rabbit}`;
        if (prev === undefined)
            return void taken.set(key, { what, rabbit: id });
        if (prev.rabbit === id)
            return;
        new Reporter(x.file.source, out).report('object-name', [...x.path, 'name'], `${what} maps to the Kubernetes name \`${name}\` of ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}, which ${prev.what} already has`, 'rename one of them: names are lower-cased and every run of characters other than letters and digits becomes `-`');
    };
    const dlx = new Set();
    for (const x of exchanges)
        claim(x, 'Exchange', x.name, `exchange \`${x.name}\` (service \`${x.service}\`)`);
    for (const x of queues) {
        const what = `queue \`${x.name}\` (service \`${x.service}\`)`;
        claim(x, 'Queue', x.name, what);
        claim(x, 'Policy', x.name, what);
        list(x.raw.bindings).forEach((_b, j) => claim(x, 'Binding', `${x.name} #${j + 1}`, what, bindingName(x.name, j + 1)));
        if (x.raw.deadLetter === false)
            continue;
        const dlq = deadLetterQueue(x.name);
        claim(x, 'Queue', dlq, `the dead-letter queue of ${what}`, objectName(dlq), true);
        claim(x, 'Binding', dlq, `the dead-letter queue of ${what}`, objectName(dlq), true);
        const dlxName = deadLetterExchange(x.service);
        if (!dlx.has(x.service))
            claim(x, 'Exchange', dlxName, `the dead-letter exchange of service \`${x.service}\``, objectName(dlxName), true);
        dlx.add(x.service);
    }
}
