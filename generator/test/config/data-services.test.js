/** `environments.<env>.dataServices`: where the data services run; bad configuration and what it loads to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, nonprod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const P = 'clusters/prod/cluster.yaml';
const N = 'clusters/nonprod/cluster.yaml';
const B = 'apps/beta/service.yaml';
const PROD_DATA = '    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis}}\n';
const prodData = (to) => [P, PROD_DATA, to];
const show = (edits) => withoutSeverity(readConfig(fixtureFs(edits), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.path} ${f.check} ${f.message} | ${f.hint}`);
describe('dataServices', () => {
    it.each([
        [
            'regression: a service depends on postgres and the environment does not say where it runs',
            [prodData('')],
            [`${P}:8 environments.prod config/data-service environment \`prod\` runs beta, which depends on postgres, but \`environments.prod.dataServices.postgres\` does not say where it runs | declare it, e.g. \`dataServices: {namespace: suoke-prod-data, postgres: {name: postgres}}\` (docs/networking.md); without it no NetworkPolicy can reach it`,
                `${P}:8 environments.prod config/data-service environment \`prod\` runs beta, which depends on redis, but \`environments.prod.dataServices.redis\` does not say where it runs | declare it, e.g. \`dataServices: {namespace: suoke-prod-data, redis: {name: redis}}\` (docs/networking.md); without it no NetworkPolicy can reach it`],
        ],
        [
            'one kind left out of a declared dataServices',
            [prodData('    dataServices: {namespace: prod-data, postgres: {name: postgres}}\n')],
            [`${P}:19 environments.prod.dataServices config/data-service environment \`prod\` runs beta, which depends on redis, but \`environments.prod.dataServices.redis\` does not say where it runs | declare it, e.g. \`redis: {name: redis}\` under it (docs/networking.md); without it no NetworkPolicy can reach it`],
        ],
        [
            'names that are not DNS-1123 labels',
            [prodData('    dataServices:\n      namespace: Prod_Data\n      postgres: {name: Postgres.Main, operatorNamespace: cnpg_system}\n      redis: {name: redis}\n')],
            [`${P}:20 environments.prod.dataServices.namespace config/name \`environments.prod.dataServices.namespace\` is "Prod_Data", not a DNS-1123 label | use at most 63 lower-case letters, digits and \`-\`, starting and ending with a letter or digit, e.g. \`suoke-prod-data\``,
                `${P}:21 environments.prod.dataServices.postgres.name config/name \`environments.prod.dataServices.postgres.name\` is "Postgres.Main", not a DNS-1123 label | use at most 63 lower-case letters, digits and \`-\`, starting and ending with a letter or digit, e.g. \`postgres\``,
                `${P}:21 environments.prod.dataServices.postgres.operatorNamespace config/name \`environments.prod.dataServices.postgres.operatorNamespace\` is "cnpg_system", not a DNS-1123 label | use at most 63 lower-case letters, digits and \`-\`, starting and ending with a letter or digit, e.g. \`cnpg-system\``],
        ],
        [
            'the environment\'s own namespace',
            [prodData('    dataServices: {namespace: suoke-prod, postgres: {name: postgres}, redis: {name: redis}}\n')],
            [`${P}:19 environments.prod.dataServices.namespace config/duplicate data namespace \`suoke-prod\` is already the namespace of environment \`prod\` in this cluster | give the data services of \`prod\` a namespace of their own, e.g. \`suoke-prod-data\`: the services' quota and default-deny are not for them, and their NetworkPolicies are rendered for it alone`],
        ],
        [
            'the monitoring namespace',
            [prodData('    dataServices: {namespace: monitoring, postgres: {name: postgres}, redis: {name: redis}}\n')],
            [`${P}:19 environments.prod.dataServices.namespace config/duplicate data namespace \`monitoring\` is already the namespace of \`monitoringNamespace\` in this cluster | give the data services of \`prod\` a namespace of their own, e.g. \`suoke-prod-data\`: the services' quota and default-deny are not for them, and their NetworkPolicies are rendered for it alone`],
        ],
        [
            'a port out of range and an unknown data kind',
            [prodData('    dataServices: {namespace: prod-data, postgres: {name: postgres, port: 70000}, redis: {name: redis}, mysql: {name: db}}\n')],
            [`${P}:19 environments.prod.dataServices.mysql config/unknown-key unknown key \`mysql\` in \`environments.prod.dataServices\` | allowed keys: namespace, postgres, redis, mq, elasticsearch`,
                `${P}:19 environments.prod.dataServices.postgres.port config/range \`environments.prod.dataServices.postgres.port\` must be at most 65535; found 70000 | use a value from 1 to 65535`],
        ],
    ])('%s', (_name, edits, expected) => {
        expect(show(edits)).toEqual(expected);
    });
    it('two environments of a cluster share a data namespace', () => {
        const copy = nonprod.slice(nonprod.indexOf('  dev:\n')).replace('  dev:', '  test:').replace('namespace: suoke-dev\n', 'namespace: suoke-test\n');
        const found = withoutSeverity(readConfig(fixtureFs([], { [N]: nonprod + copy }), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.path} ${f.message}`);
        expect(found).toEqual([`${N}:37 environments.test.dataServices.namespace data namespace \`dev-data\` is already the namespace of the data services of \`dev\` in this cluster`]);
    });
    it('a service disabled in the environment needs no data service there', () => {
        expect(show([prodData(''), [B, '  prod:\n    settings:', '  prod:\n    enabled: false\n    settings:']])).toEqual([]);
    });
    it('loads with the defaults of each kind', () => {
        const r = readConfig(fixtureFs([prodData('    dataServices: {namespace: prod-data, postgres: {name: main, port: 6432, operatorNamespace: cnpg}, redis: {name: cache}, mq: {name: rabbitmq}}\n')]), loadOptions);
        expect(r.findings).toEqual([]);
        expect(r.config.clusters.find((c) => c.name === 'prod').environments[0].dataServices).toEqual({
            namespace: 'prod-data',
            services: {
                postgres: { name: 'main', port: 6432, operatorNamespace: 'cnpg' },
                redis: {
                    name: 'cache',
                    port: 6379,
                    operatorNamespace: 'ot-operators',
                    replicas: 1,
                    sentinels: 3,
                    version: 'v7.0.15',
                    persistence: 'aof+rdb',
                    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
                    storage: { size: '8Gi', storageClass: 'fast-ssd' },
                },
                mq: {
                    name: 'rabbitmq',
                    port: 5672,
                    operatorNamespace: 'rabbitmq-system',
                    replicas: 1,
                    image: 'rabbitmq:4.2.6-management',
                    resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
                    storage: { size: '20Gi', storageClass: 'fast-ssd' },
                },
            },
        });
    });
});
describe('node pools: labels, taints and the data services placed on them', () => {
    const pools = (pool) => [P, 'name: prod\n', `name: prod\nnodePools:\n${pool}`];
    const CACHE = '  - {name: cache, nodes: 3, cpu: "4", memory: 16Gi, taints: [{key: suoke-life.com/node-pool, value: cache, effect: NoSchedule}]}\n';
    it.each([
        [
            'label keys and values that are not label syntax',
            [pools('  - {name: cache, nodes: 3, cpu: "4", memory: 16Gi, labels: {"a b": x, pool: "-cache"}, taints: [{key: "bad key", value: "x y", effect: NoSchedule}]}\n')],
            [`${P}:3 nodePools[0].labels.pool config/label \`nodePools[0].labels.pool\`: "-cache" is not a valid label value | at most 63 letters, digits, \`-\`, \`_\` or \`.\`, starting and ending with a letter or digit, e.g. \`database\``,
                `${P}:3 nodePools[0].labels["a b"] config/label \`nodePools[0].labels["a b"]\`: "a b" is not a valid label key | an optional DNS subdomain prefix and \`/\`, then at most 63 letters, digits, \`-\`, \`_\` or \`.\`, e.g. \`suoke-life.com/node-pool\``,
                `${P}:3 nodePools[0].taints[0].key config/label \`nodePools[0].taints[0].key\`: "bad key" is not a valid label key | an optional DNS subdomain prefix and \`/\`, then at most 63 letters, digits, \`-\`, \`_\` or \`.\`, e.g. \`suoke-life.com/node-pool\``,
                `${P}:3 nodePools[0].taints[0].value config/label \`nodePools[0].taints[0].value\`: "x y" is not a valid label value | at most 63 letters, digits, \`-\`, \`_\` or \`.\`, starting and ending with a letter or digit, e.g. \`database\``],
        ],
        [
            'a taint effect Kubernetes does not know',
            [pools('  - {name: cache, nodes: 3, cpu: "4", memory: 16Gi, taints: [{key: k, effect: NoExecuteSoon}]}\n')],
            [`${P}:3 nodePools[0].taints[0].effect config/enum \`nodePools[0].taints[0].effect\` must be one of NoSchedule, PreferNoSchedule, NoExecute; found \`NoExecuteSoon\` | did you mean \`NoExecute\`?`],
        ],
        [
            'two pools whose nodes cannot be told apart by the labels pods select',
            [pools('  - {name: fast, nodes: 2, cpu: "4", memory: 16Gi, labels: {disk: ssd}}\n  - {name: faster, nodes: 2, cpu: "8", memory: 16Gi, labels: {disk: ssd, cpu: high}}\n  - {name: cache, nodes: 1, cpu: "4", memory: 16Gi}\n  - {name: spare, nodes: 1, cpu: "4", memory: 16Gi, labels: {suoke-life.com/node-pool: cache}}\n')],
            [`${P}:3 nodePools[0].labels config/labels the nodes of pool \`faster\` carry every label of pool \`fast\` (disk=ssd): pods placed on \`fast\` could run on \`faster\` | give each pool a label the others lack (the default is \`suoke-life.com/node-pool: <name>\`)`,
                `${P}:5 nodePools[2] config/labels the nodes of pool \`spare\` carry every label of pool \`cache\` (suoke-life.com/node-pool=cache): pods placed on \`cache\` could run on \`spare\` | give each pool a label the others lack (the default is \`suoke-life.com/node-pool: <name>\`)`],
        ],
        [
            'a data service on a pool the cluster does not declare',
            [pools(CACHE), prodData('    dataServices: {namespace: prod-data, postgres: {name: postgres, nodePool: database}, redis: {name: redis, nodePool: cache}}\n')],
            [`${P}:21 environments.prod.dataServices.postgres.nodePool config/unknown-pool \`environments.prod.dataServices.postgres.nodePool\` is \`database\`, which is not a node pool of this cluster | name one of \`cache\``],
        ],
        [
            'a data service on a pool of a cluster without pools',
            [prodData('    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis, nodePool: cache}}\n')],
            [`${P}:19 environments.prod.dataServices.redis.nodePool config/unknown-pool \`environments.prod.dataServices.redis.nodePool\` is \`cache\`, which is not a node pool of this cluster | declare the pool under \`nodePools\``],
        ],
    ])('%s', (_name, edits, expected) => {
        expect(show(edits)).toEqual(expected);
    });
    it('a pool without labels is labelled with its name; taints default to none', () => {
        const r = readConfig(fixtureFs([pools(CACHE + '  - {name: other, nodes: 1, cpu: "4", memory: 8Gi, labels: {tier: other}}\n')]), loadOptions);
        expect(r.findings).toEqual([]);
        const got = r.config.clusters.find((c) => c.name === 'prod').nodePools.map(({ name, labels, taints }) => ({ name, labels, taints }));
        expect(got).toEqual([
            { name: 'cache', labels: { 'suoke-life.com/node-pool': 'cache' }, taints: [{ key: 'suoke-life.com/node-pool', value: 'cache', effect: 'NoSchedule' }] },
            { name: 'other', labels: { tier: 'other' }, taints: [] },
        ]);
    });
});
describe('dataServices.redis and .mq', () => {
    const with_ = (redis, mq = '') => prodData(`    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis${redis}}${mq}}\n`);
    it.each([
        [
            'an even number of sentinels',
            [with_(', replicas: 3, sentinels: 4')],
            [`${P}:19 environments.prod.dataServices.redis.sentinels config/sentinels \`environments.prod.dataServices.redis.sentinels\` is 4; with 3 replicas it must be odd and at least 3 | use 3 (or 5): Sentinel fails over only when a majority of the Sentinels agree`],
        ],
        [
            'one sentinel for a replication',
            [with_(', replicas: 2, sentinels: 1')],
            [`${P}:19 environments.prod.dataServices.redis.sentinels config/sentinels \`environments.prod.dataServices.redis.sentinels\` is 1; with 2 replicas it must be odd and at least 3 | use 3 (or 5): Sentinel fails over only when a majority of the Sentinels agree`],
        ],
        ['sentinels do not matter for a single Redis pod', [with_(', replicas: 1, sentinels: 2')], []],
        [
            'images that are not pinned',
            [with_(', version: latest, storage: {size: lots}', ', mq: {name: rabbitmq, image: "rabbitmq:latest"}')],
            [`${P}:19 environments.prod.dataServices.mq.image config/image-tag \`environments.prod.dataServices.mq.image\` is "rabbitmq:latest"; expected \`rabbitmq:<version>-management\` with a pinned version | e.g. \`rabbitmq:4.2.6-management\``,
                `${P}:19 environments.prod.dataServices.redis.storage.size config/quantity \`environments.prod.dataServices.redis.storage.size\` is "lots"; expected a volume size | write bytes with a binary suffix, e.g. \`20Gi\``,
                `${P}:19 environments.prod.dataServices.redis.version config/image-tag \`environments.prod.dataServices.redis.version\` is "latest"; expected a pinned image tag | e.g. \`v7.0.15\`, a tag that never moves`],
        ],
        [
            'a performance test of a data service the environment does not declare',
            [prodData('    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis}}\n    perfTests: {redis: {minOpsPerSecond: 1000, maxP99Ms: 5}, mq: {minMessagesPerSecond: 100, maxLatencyMs: 50}}\n')],
            [`${P}:20 environments.prod.perfTests.mq config/perf-test \`environments.prod.perfTests.mq\` tests mq, but \`environments.prod.dataServices.mq\` does not declare it | declare \`dataServices.mq\`, or remove the test`],
        ],
        [
            'an unknown persistence mode',
            [with_(', persistence: none')],
            [`${P}:19 environments.prod.dataServices.redis.persistence config/enum \`environments.prod.dataServices.redis.persistence\` must be one of aof, rdb, aof+rdb; found \`none\` | use one of: aof, rdb, aof+rdb`],
        ],
    ])('%s', (_name, edits, expected) => {
        expect(show(edits)).toEqual(expected);
    });
});
