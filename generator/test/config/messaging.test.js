/** `messaging` in service files: the RabbitMQ topology a service declares; bad configuration, exact messages, and what it loads to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const A = 'apps/alpha/service.yaml';
const B = 'apps/beta/service.yaml';
const show = (edits) => withoutSeverity(readConfig(fixtureFs(edits), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.path} ${f.check} ${f.message} | ${f.hint}`);
/** beta depends on mq, both environments say where it runs, and beta declares `messaging`. */
const betaUsesMq = (messaging) => [
    ['clusters/nonprod/cluster.yaml', 'redis: {name: redis}}', 'redis: {name: redis}, mq: {name: rabbitmq}}'],
    ['clusters/prod/cluster.yaml', 'redis: {name: redis}}', 'redis: {name: redis}, mq: {name: rabbitmq}}'],
    [B, '  data: [postgres, redis]', '  data: [postgres, redis, mq]'],
    [B, 'resources:\n  requests:\n    cpu: 250m', `messaging:\n${messaging}resources:\n  requests:\n    cpu: 250m`],
];
const alphaMessaging = (messaging) => [A, 'autoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}\n', `autoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}\nmessaging:\n${messaging}`];
const EVENTS = '  exchanges: [{name: health-events, type: topic}]\n';
describe('messaging', () => {
    it.each([
        ['a good topology', betaUsesMq(`${EVENTS}  queues: [{name: beta.records, bindings: [{exchange: health-events, routingKey: "health.#"}], deliveryLimit: 5}]\n`), []],
        [
            'queues in a service that does not depend on mq',
            [alphaMessaging('  queues: [{name: alpha.jobs}]\n')],
            [`${A}:10 messaging config/messaging-mq service \`alpha\` declares RabbitMQ queues or exchanges under \`messaging\`, but \`dependsOn.data\` does not list \`mq\` | add \`mq\` to \`dependsOn.data\`: only then may its pods reach RabbitMQ (NetworkPolicy)`],
        ],
        [
            'a binding to an exchange no service declares',
            betaUsesMq(`${EVENTS}  queues: [{name: beta.records, bindings: [{exchange: health-event}, {exchange: audit}]}]\n`),
            [`${B}:29 messaging.queues[0].bindings[0].exchange config/unknown-exchange \`messaging.queues[0].bindings[0].exchange\` is \`health-event\`, which no service declares under \`messaging.exchanges\` | did you mean \`health-events\`?`,
                `${B}:29 messaging.queues[0].bindings[1].exchange config/unknown-exchange \`messaging.queues[0].bindings[1].exchange\` is \`audit\`, which no service declares under \`messaging.exchanges\` | declare it under \`messaging.exchanges\` of the service that publishes to it`],
        ],
        [
            'a queue and an exchange declared twice, by two services',
            [...betaUsesMq(`${EVENTS}  queues: [{name: jobs}]\n`), alphaMessaging(`${EVENTS}  queues: [{name: jobs}]\n`), [A, 'replicas: 2\n', 'dependsOn: {data: [mq]}\nreplicas: 2\n']],
            [`${B}:28 messaging.exchanges[0].name config/duplicate exchange \`health-events\` is already declared by service \`alpha\` | give every exchange its own name`,
                `${B}:29 messaging.queues[0].name config/duplicate queue \`jobs\` is already declared by service \`alpha\` | give every queue its own name`],
        ],
        [
            'a delivery limit on a classic queue',
            betaUsesMq('  queues: [{name: beta.jobs, type: classic, deliveryLimit: 3}]\n'),
            [`${B}:28 messaging.queues[0].deliveryLimit config/delivery-limit \`messaging.queues[0].deliveryLimit\` is set, but queue \`beta.jobs\` is classic: only quorum queues count deliveries | remove it, or make the queue \`type: quorum\``],
        ],
        [
            'two queues that map to one Kubernetes name',
            betaUsesMq('  queues: [{name: beta.jobs}, {name: Beta_Jobs}]\n'),
            [`${B}:28 messaging.queues[1].name config/object-name queue \`Beta_Jobs\` (service \`beta\`) maps to the Kubernetes name \`beta-jobs\` of a Policy, which queue \`beta.jobs\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``,
                `${B}:28 messaging.queues[1].name config/object-name queue \`Beta_Jobs\` (service \`beta\`) maps to the Kubernetes name \`beta-jobs\` of a Queue, which queue \`beta.jobs\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``,
                `${B}:28 messaging.queues[1].name config/object-name the dead-letter queue of queue \`Beta_Jobs\` (service \`beta\`) maps to the Kubernetes name \`beta-jobs-dlq\` of a Binding, which the dead-letter queue of queue \`beta.jobs\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``,
                `${B}:28 messaging.queues[1].name config/object-name the dead-letter queue of queue \`Beta_Jobs\` (service \`beta\`) maps to the Kubernetes name \`beta-jobs-dlq\` of a Queue, which the dead-letter queue of queue \`beta.jobs\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``],
        ],
        [
            'a queue named like the dead-letter queue of another',
            betaUsesMq('  queues: [{name: beta.jobs}, {name: beta.jobs.dlq, deadLetter: false}]\n'),
            [`${B}:28 messaging.queues[1].name config/object-name queue \`beta.jobs.dlq\` (service \`beta\`) maps to the Kubernetes name \`beta-jobs-dlq\` of a Queue, which the dead-letter queue of queue \`beta.jobs\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``],
        ],
        [
            'an exchange named like the dead-letter exchange of a service',
            betaUsesMq('  exchanges: [{name: beta.dlx, type: direct}]\n  queues: [{name: beta.jobs}]\n'),
            [`${B}:29 messaging.queues[0].name config/object-name the dead-letter exchange of service \`beta\` maps to the Kubernetes name \`beta-dlx\` of an Exchange, which exchange \`beta.dlx\` (service \`beta\`) already has | rename one of them: names are lower-cased and every run of characters other than letters and digits becomes \`-\``],
        ],
        [
            'an exchange type RabbitMQ does not have here',
            betaUsesMq('  exchanges: [{name: e, type: headers}]\n'),
            [`${B}:28 messaging.exchanges[0].type config/enum \`messaging.exchanges[0].type\` must be one of topic, direct, fanout; found \`headers\` | use one of: topic, direct, fanout`],
        ],
    ])('%s', (_name, edits, expected) => {
        expect(show(edits)).toEqual(expected);
    });
    it('loads with the defaults: quorum, dead-lettered, empty routing key', () => {
        const r = readConfig(fixtureFs(betaUsesMq(`  exchanges: [{name: notices, type: fanout}]\n  queues: [{name: beta.notices, bindings: [{exchange: notices}]}]\n`)), loadOptions);
        expect(r.findings).toEqual([]);
        expect(r.config.services.find((s) => s.name === 'beta').messaging).toEqual({
            exchanges: [{ name: 'notices', type: 'fanout' }],
            queues: [{ name: 'beta.notices', bindings: [{ exchange: 'notices', routingKey: '' }], type: 'quorum', deadLetter: true }],
        });
        expect(r.config.services.find((s) => s.name === 'alpha').messaging).toBeUndefined();
    });
});
