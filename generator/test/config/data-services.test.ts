/** `environments.<env>.dataServices`: where the data services run; bad configuration and what it loads to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, nonprod, withoutSeverity, type Edit } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
const N = 'clusters/nonprod/cluster.yaml';
const B = 'apps/beta/service.yaml';
const PROD_DATA = '    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis}}\n';
const prodData = (to: string): Edit => [P, PROD_DATA, to];
const show = (edits: Edit[]) => withoutSeverity(readConfig(fixtureFs(edits), loadOptions).findings).map((f) => `${f.file}:${f.line} ${f.path} ${f.check} ${f.message} | ${f.hint}`);

describe('dataServices', () => {
  it.each<[string, Edit[], string[]]>([
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
    expect(r.config!.clusters.find((c) => c.name === 'prod')!.environments[0]!.dataServices).toEqual({
      namespace: 'prod-data',
      services: {
        postgres: { name: 'main', port: 6432, operatorNamespace: 'cnpg' },
        redis: { name: 'cache', port: 6379, operatorNamespace: 'ot-operators' },
        mq: { name: 'rabbitmq', port: 5672, operatorNamespace: 'rabbitmq-system' },
      },
    });
  });
});
