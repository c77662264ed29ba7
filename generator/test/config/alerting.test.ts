/** `alerting` in cluster.yaml: what loads with its defaults, and each mistake with its message. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
/** A valid `alerting`: a phone gateway, a DingTalk robot, mail; every level named. */
const ALERTING = `alerting:
  secretStore: {kind: ClusterSecretStore, name: vault-prod}
  receivers:
    phone: {channel: phone, url: {key: suoke/prod/alerting/phone, property: url}}
    dingtalk: {channel: dingtalk, url: {key: suoke/prod/alerting/dingtalk}}
    email:
      channel: email
      email: {to: oncall@example.com, from: am@example.com, smarthost: "smtp.example.com:587", username: am@example.com, password: {key: suoke/prod/alerting/smtp, property: password}}
  levels:
    P0: {receivers: [phone, dingtalk, email]}
    P1: {receivers: [dingtalk, email]}
    P2: {receivers: [email]}
    P3: {receivers: [email]}
`;
const load = (alerting: string) => readConfig(fixtureFs([], { [P]: `${prod}${alerting}` }), loadOptions);
/** Line of `alerting:` in the file (1-based). */
const line = prod.split('\n').length;

describe('alerting', () => {
  it('loads with its defaults: P0 fast and repeated, P3 batched; P0 silences P2 and P3, P1 silences P3', () => {
    const { config, findings } = load(ALERTING);
    expect(findings).toEqual([]);
    const a = config!.clusters.find((c) => c.name === 'prod')!.alerting!;
    expect(a.levels).toEqual({
      P0: { receivers: ['phone', 'dingtalk', 'email'], groupWait: '10s', groupInterval: '1m', repeatInterval: '15m' },
      P1: { receivers: ['dingtalk', 'email'], groupWait: '30s', groupInterval: '5m', repeatInterval: '1h' },
      P2: { receivers: ['email'], groupWait: '1m', groupInterval: '15m', repeatInterval: '4h' },
      P3: { receivers: ['email'], groupWait: '5m', groupInterval: '1h', repeatInterval: '24h' },
    });
    expect(a.groupBy).toEqual(['alertname', 'priority', 'environment', 'namespace', 'service']);
    expect(a.inhibit).toEqual([
      { source: 'P0', targets: ['P2', 'P3'], equal: ['namespace', 'service'] },
      { source: 'P1', targets: ['P3'], equal: ['namespace', 'service'] },
    ]);
    expect(a.receivers['email']!.email!.requireTLS).toBe(true);
    expect(a.receivers['phone']!.sendResolved).toBe(true);
  });

  it.each<[string, string, unknown[]]>([
    [
      'an unknown receiver named by a level',
      ALERTING.replace('P1: {receivers: [dingtalk, email]}', 'P1: {receivers: [dingtalk, pager]}'),
      [{ check: 'config/alert-level', file: P, line: line + 10, path: 'alerting.levels.P1.receivers[1]', message: '`alerting.levels.P1.receivers[1]` names `pager`, which is not a receiver of `alerting.receivers`', hint: 'name one of `phone`, `dingtalk`, `email`, or declare `pager` under `alerting.receivers`' }],
    ],
    [
      'a level without receivers',
      ALERTING.replace('P2: {receivers: [email]}', 'P2: {receivers: []}'),
      [{ check: 'config/alert-level', file: P, line: line + 11, path: 'alerting.levels.P2', message: 'alert level P2 has no receivers: its alerts would reach nobody', hint: 'list at least one of `alerting.receivers` (`phone`, `dingtalk`, `email`) under `alerting.levels.P2.receivers`' }],
    ],
    [
      'a level left out',
      ALERTING.replace('    P3: {receivers: [email]}\n', ''),
      [{ check: 'config/alert-level', file: P, line: line + 8, path: 'alerting.levels', message: 'alert level P3 has no receivers: its alerts would reach nobody', hint: 'list at least one of `alerting.receivers` (`phone`, `dingtalk`, `email`) under `alerting.levels.P3.receivers`' }],
    ],
    [
      'a literal webhook URL where a store key is expected',
      ALERTING.replace('url: {key: suoke/prod/alerting/dingtalk}', 'url: {key: "https://oapi.dingtalk.com/robot/send?access_token=abc"}'),
      [{ check: 'config/alert-secret', file: P, line: line + 4, path: 'alerting.receivers.dingtalk.url.key', message: '`alerting.receivers.dingtalk.url.key` is a literal URL or address; expected a key of the secret store such as `suoke/prod/alerting/dingtalk`', hint: 'put the value in the secret store under that key and name the key here: a webhook URL carries its token and must not be committed' }],
    ],
    [
      'a key of another environment',
      ALERTING.replace('suoke/prod/alerting/phone', 'suoke/staging/alerting/phone'),
      [{ check: 'config/alert-secret', file: P, line: line + 3, path: 'alerting.receivers.phone.url.key', message: '`alerting.receivers.phone.url.key` is "suoke/staging/alerting/phone", but `staging` is no environment of this cluster', hint: 'use the key of one of its environments, e.g. `suoke/prod/alerting/phone`' }],
    ],
    [
      'a key not of the form suoke/<env>/...',
      ALERTING.replace('{key: suoke/prod/alerting/smtp, property: password}', '{key: smtp-password}'),
      [{ check: 'config/alert-secret', file: P, line: line + 7, path: 'alerting.receivers.email.email.password.key', message: '`alerting.receivers.email.email.password.key` is "smtp-password", not a key of the form `suoke/<env>/...`', hint: 'e.g. `suoke/prod/alerting/smtp`' }],
    ],
    [
      'a webhook channel without its url',
      ALERTING.replace('phone: {channel: phone, url: {key: suoke/prod/alerting/phone, property: url}}', 'phone: {channel: phone}'),
      [{ check: 'config/alert-receiver', file: P, line: line + 3, path: 'alerting.receivers.phone.channel', message: 'receiver `phone` of channel `phone` has no `url`', hint: 'add `url: {key: suoke/prod/alerting/phone}`: the store key of its webhook URL' }],
    ],
    [
      'a timing that is no duration',
      ALERTING.replace('P0: {receivers: [phone, dingtalk, email]}', 'P0: {receivers: [phone, dingtalk, email], repeatInterval: 15 minutes}'),
      [{ check: 'config/alert-level', file: P, line: line + 9, path: 'alerting.levels.P0.repeatInterval', message: '`alerting.levels.P0.repeatInterval` is "15 minutes", not a duration Alertmanager reads', hint: 'write a number and a unit, e.g. `30s`, `5m`, `4h`, `1d`' }],
    ],
  ])('%s', (_name, text, expected) => {
    const { config, findings } = load(text);
    expect(withoutSeverity(findings)).toEqual(expected);
    expect(config).toBeUndefined();
  });
});
