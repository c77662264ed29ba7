/** `environments.<env>.alerts`: the thresholds of the P0–P3 alerts; bad configuration and what it loads to. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, type Edit } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
const DATA = '    dataServices: {namespace: prod-data, postgres: {name: postgres}, redis: {name: redis}}\n';
const alerts = (yaml: string): Edit => [P, DATA, `${DATA}    alerts:\n${yaml}`];
const show = (edits: Edit[]) => readConfig(fixtureFs(edits), loadOptions).findings.map((f) => `${f.line} ${f.path} ${f.check} ${f.message} | ${f.hint}`);

describe('alerts', () => {
  it.each<[string, string, string[]]>([
    [
      'a duration Prometheus does not read, and one of zero',
      '      latency: {for: 10 minutes}\n      restarts: {window: 0m}\n',
      [
        '21 environments.prod.alerts.latency.for config/duration `environments.prod.alerts.latency.for` is "10 minutes", not a Prometheus duration | write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`',
        '22 environments.prod.alerts.restarts.window config/duration `environments.prod.alerts.restarts.window` is "0m"; it must be longer than zero | write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`',
      ],
    ],
    [
      'units in the wrong order',
      '      data: {backupMargin: 30m1h}\n',
      ['21 environments.prod.alerts.data.backupMargin config/duration `environments.prod.alerts.data.backupMargin` is "30m1h", not a Prometheus duration | write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`'],
    ],
    [
      'a short window not shorter than the long one',
      '      availability:\n        burnRates:\n          - {factor: 14.4, long: 1h, short: 1h, priority: P1}\n',
      ['23 environments.prod.alerts.availability.burnRates[0].short config/burn-rate `environments.prod.alerts.availability.burnRates[0].short` (1h) is not shorter than `long` (1h) | the short window shows the burn is still going on: make it shorter than the long one, the SRE workbook takes a twelfth (`5m` for `1h`)'],
    ],
    [
      'two burn rates with one long window',
      '      availability:\n        burnRates:\n          - {factor: 14.4, long: 1h, short: 5m, priority: P1}\n          - {factor: 6, long: 1h, short: 10m, priority: P2}\n',
      ['24 environments.prod.alerts.availability.burnRates[1].long config/burn-rate `environments.prod.alerts.availability.burnRates[1].long` (1h) is already the long window of `burnRates[0]` | each burn rate is the alert `ErrorBudgetBurn<long>`: give each its own long window'],
    ],
    [
      'a burn rate no error ratio reaches',
      '      availability:\n        objective: 99.5\n        burnRates:\n          - {factor: 250, long: 1h, short: 5m, priority: P1}\n',
      ['24 environments.prod.alerts.availability.burnRates[0].factor config/burn-rate `environments.prod.alerts.availability.burnRates[0].factor` is 250: with an objective of 99.5 % it fires only above an error ratio of 125 %, so it never fires | use a factor of at most 200 (100 / (100 - objective))'],
    ],
    [
      'a gateway that is not a name',
      '      security: {gateway: API_Gateway}\n',
      ['21 environments.prod.alerts.security.gateway config/name `environments.prod.alerts.security.gateway` is "API_Gateway", not a DNS-1123 label | use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `api-gateway`'],
    ],
    [
      'a business service that is no service of the repository, with a near name; one not a name at all',
      '      business: {services: [alpha, betta, Beta]}\n',
      [
        '21 environments.prod.alerts.business.services[1] config/unknown-service `environments.prod.alerts.business.services[1]` is `betta`, which is no service of this repository (apps/*/service.yaml) | did you mean `beta`?',
        '21 environments.prod.alerts.business.services[2] config/name `environments.prod.alerts.business.services[2]` is "Beta", not a DNS-1123 label | use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `api-gateway`',
        '21 environments.prod.alerts.business.services[2] config/unknown-service `environments.prod.alerts.business.services[2]` is `Beta`, which is no service of this repository (apps/*/service.yaml) | did you mean `beta`?',
      ],
    ],
    [
      'business ratios on the wrong side of 1, a service listed twice, and a comparison window that is not a duration',
      '      business: {services: [alpha, alpha], dropRatio: 1.5, surgeRatio: 0.5, compareWith: a week}\n',
      [
        '21 environments.prod.alerts.business.compareWith config/duration `environments.prod.alerts.business.compareWith` is "a week", not a Prometheus duration | write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`',
        '21 environments.prod.alerts.business.dropRatio config/range `environments.prod.alerts.business.dropRatio` must be less than 1; found 1.5 | use a value above 0 and below 1',
        '21 environments.prod.alerts.business.services[0] config/duplicate `environments.prod.alerts.business.services` lists `alpha` more than once | remove the repeated entry',
        '21 environments.prod.alerts.business.surgeRatio config/range `environments.prod.alerts.business.surgeRatio` must be more than 1; found 0.5 | use a value above 1',
      ],
    ],
    [
      'an objective of 100 % and a priority that is not a level',
      '      availability:\n        objective: 100\n        burnRates:\n          - {factor: 1, long: 3d, short: 6h, priority: P5}\n',
      [
        '22 environments.prod.alerts.availability.objective config/range `environments.prod.alerts.availability.objective` must be less than 100; found 100 | use a value above 0 and below 100',
        '24 environments.prod.alerts.availability.burnRates[0].priority config/enum `environments.prod.alerts.availability.burnRates[0].priority` must be one of P0, P1, P2, P3; found `P5` | did you mean `P0`?',
      ],
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(show([alerts(yaml)])).toEqual(expected);
  });

  it('loads the plan\'s thresholds when an environment says nothing', () => {
    const r = readConfig(fixtureFs(), loadOptions);
    expect(r.findings).toEqual([]);
    expect(r.config!.clusters.find((c) => c.name === 'prod')!.environments[0]!.alerts).toEqual({
      availability: {
        objective: 99.9,
        burnRates: [
          { factor: 14.4, long: '1h', short: '5m', priority: 'P1' },
          { factor: 6, long: '6h', short: '30m', priority: 'P1' },
          { factor: 1, long: '3d', short: '6h', priority: 'P3' },
        ],
      },
      latency: { averageSeconds: 2, window: '5m', for: '10m' },
      unavailable: { for: '5m' },
      resources: { cpuOfLimit: 90, memoryOfLimit: 90, window: '5m', for: '15m' },
      restarts: { max: 3, window: '1h', crashLoopFor: '15m' },
      data: { walArchivingFor: '10m', backupMargin: '6h', replicationLagSeconds: 30, connectionsRatio: 0.8, redisMemoryRatio: 0.9, mqMessagesReady: 10000, pressureFor: '10m' },
      security: { gateway: 'api-gateway', authFailuresPerSecond: 5, window: '5m', for: '10m' },
      business: { services: [], dropRatio: 0.5, surgeRatio: 3, minRequestsPerSecond: 1, window: '30m', compareWith: '1w', for: '30m' },
      configuration: { outOfSyncFor: '30m', syncFailedWindow: '1h' },
    });
  });

  it('keeps what is written and fills in the rest', () => {
    const r = readConfig(fixtureFs([alerts('      latency: {averageSeconds: 1.5}\n      availability: {objective: 99.95}\n')]), loadOptions);
    expect(r.findings).toEqual([]);
    const a = r.config!.clusters.find((c) => c.name === 'prod')!.environments[0]!.alerts;
    expect([a.latency, a.availability.objective, a.availability.burnRates.length]).toEqual([{ averageSeconds: 1.5, window: '5m', for: '10m' }, 99.95, 3]);
  });
});
