/**
 * Declaration of `alerting` in `clusters/<cluster>/cluster.yaml`: where the cluster's alerts go by
 * level (the deployment plan's 告警级别 P0–P3 and 告警通道), rendered as prometheus-operator's
 * AlertmanagerConfig (docs/alerting.md). Checks: ./alerting.ts. Used by the build and
 * `npm run schemas`; run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Struct } from '../shared/declare.js';
import { ALERT_LEVELS, type AlertLevel } from '../shared/vocabulary.js';


const StoreRef = Struct(
  {
    key: Type.String({ description: 'Key in the secret store, `suoke/<env>/...`; never the value itself.', examples: ['suoke/prod/alerting/dingtalk'] }),
    property: Type.Optional(Type.String({ description: 'Property of that key holding the value. Default: the whole value of the key.', examples: ['url'] })),
  },
  { examples: [{ key: 'suoke/prod/alerting/dingtalk', property: 'url' }] },
);

const Email = Struct(
  {
    to: Type.String({ description: 'Recipient address(es), comma-separated as Alertmanager reads them.', examples: ['oncall@suoke-life.com'] }),
    from: Type.String({ description: 'Sender address.', examples: ['alertmanager@suoke-life.com'] }),
    smarthost: Type.String({ description: 'SMTP server as `host:port`.', examples: ['smtp.qiye.aliyun.com:465'] }),
    username: Type.String({ description: 'SMTP user name.', examples: ['alertmanager@suoke-life.com'] }),
    password: StoreRef,
    requireTLS: Type.Boolean({ default: true, description: 'Refuse to send without STARTTLS. Default true.' }),
  },
  { description: 'The SMTP account the mails are sent with; its password is read from the secret store.', examples: [{ to: 'oncall@suoke-life.com', from: 'alertmanager@suoke-life.com', smarthost: 'smtp.qiye.aliyun.com:465', username: 'alertmanager@suoke-life.com', password: { key: 'suoke/prod/alerting/smtp', property: 'password' } }] },
);

/** The channels of the plan: 短信/电话 gateway, 钉钉 and 企业微信 robots, 邮件, 工单系统. */
const CHANNELS = ['phone', 'dingtalk', 'wecom', 'email', 'ticket'] as const;

const Receiver = Struct(
  {
    channel: Enum(CHANNELS, {
      description:
        '`phone`: the SMS/phone gateway\'s webhook; `dingtalk`, `wecom`: the webhook adapter in front of the group robot; `ticket`: the ticket system\'s webhook (all four take `url`); `email`: SMTP (takes `email`).',
      examples: ['dingtalk'],
    }),
    url: Type.Optional(StoreRef),
    email: Type.Optional(Email),
    sendResolved: Type.Boolean({ default: true, description: 'Also notify when the alert resolves. Default true.' }),
  },
  { examples: [{ channel: 'dingtalk', url: { key: 'suoke/prod/alerting/dingtalk', property: 'url' } }] },
);

const Level = (level: AlertLevel, groupWait: string, groupInterval: string, repeatInterval: string, what: string) =>
  Struct(
    {
      receivers: Type.Array(Type.String(), { default: [], description: 'Names of `alerting.receivers` notified, in order.', examples: [['phone', 'dingtalk']] }),
      groupWait: Type.String({ default: groupWait, description: `How long the first alert of a group waits for others. Default \`${groupWait}\`.` }),
      groupInterval: Type.String({ default: groupInterval, description: `How long before a group's new alerts are sent. Default \`${groupInterval}\`.` }),
      repeatInterval: Type.String({ default: repeatInterval, description: `How long before a still-firing group is sent again. Default \`${repeatInterval}\`.` }),
    },
    { default: {}, description: `Level ${level} (${what}).` },
  );

const Inhibition = Struct(
  {
    source: Enum(ALERT_LEVELS, { description: 'Level of the firing alert that silences.', examples: ['P0'] }),
    targets: Type.Array(Enum(ALERT_LEVELS), { minItems: 1, description: 'Levels silenced while it fires.', examples: [['P2', 'P3']] }),
    equal: Type.Array(Type.String(), { default: ['namespace', 'service'], description: 'Labels both alerts must share. Default `[namespace, service]`.' }),
  },
  { examples: [{ source: 'P0', targets: ['P2', 'P3'] }] },
);

export const Alerting = Struct(
  {
    secretStore: Struct({ kind: Enum(['ClusterSecretStore', 'SecretStore']), name: Type.String() }, { description: 'The store the webhook URLs and the SMTP password are read from.', examples: [{ kind: 'ClusterSecretStore', name: 'suoke-vault-prod' }] }),
    receivers: MapOf(Receiver, { minProperties: 1, description: 'Notification channels by name (a DNS-1123 label).', examples: [{ dingtalk: { channel: 'dingtalk', url: { key: 'suoke/prod/alerting/dingtalk' } } }] }),
    levels: Struct(
      {
        P0: Level('P0', '10s', '1m', '15m', 'service down, data loss: page at once and repeat'),
        P1: Level('P1', '30s', '5m', '1h', 'severe degradation, security event'),
        P2: Level('P2', '1m', '15m', '4h', 'high resource usage, business anomaly'),
        P3: Level('P3', '5m', '1h', '24h', 'minor performance issue, configuration change: batched'),
      },
      { default: {}, description: 'Who is notified of each level, and how fast and how often. Every level needs receivers.' },
    ),
    groupBy: Type.Array(Type.String(), { default: ['alertname', 'priority', 'environment', 'namespace', 'service'], description: 'Labels alerts are grouped by into one notification. Default `[alertname, priority, environment, namespace, service]`: `environment` keeps apart the configuration alerts of several environments, which share Argo CD\'s namespace.' }),
    inhibit: Type.Array(Inhibition, {
      default: [
        { source: 'P0', targets: ['P2', 'P3'], equal: ['namespace', 'service'] },
        { source: 'P1', targets: ['P3'], equal: ['namespace', 'service'] },
      ],
      description: 'Which firing level silences which lower ones. Default: P0 silences P2 and P3, P1 silences P3, of the same `namespace` and `service`.',
    }),
  },
  {
    description: 'Where the cluster\'s alerts go by `priority` (docs/alerting.md): an AlertmanagerConfig in `monitoringNamespace` and the ExternalSecret of its credentials.',
    examples: [{ secretStore: { kind: 'ClusterSecretStore', name: 'suoke-vault-prod' }, receivers: { email: { channel: 'email' } }, levels: { P3: { receivers: ['email'] } } }],
  },
);

/** `alerting` as written, with the declared defaults filled in. */
export type AlertingConfig = Static<typeof Alerting>;
/** One receiver of `alerting.receivers`. */
export type AlertReceiverConfig = AlertingConfig['receivers'][string];
