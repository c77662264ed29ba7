/**
 * Declaration of `environments.<env>.alerts` in `clusters/<cluster>/cluster.yaml`: the thresholds of
 * the P0–P3 alerts rendered as PrometheusRules (render/alerts*.ts, docs/monitoring.md), every one with
 * a default, so an environment that says nothing gets the plan's (监控和告警). Checks: ./alerts.ts.
 * Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Enum, Struct } from '../shared/declare.js';

/** A Prometheus duration (`5m`, `1h30m`, `3d`), the form of a rule's `for:` and a range selector; ./alerts.ts checks it. */
const Duration = (def: string, description: string) => Type.String({ default: def, description: `${description} A Prometheus duration. Default \`${def}\`.`, examples: [def] });

const Percent = (def: number, description: string) =>
  Type.Number({ exclusiveMinimum: 0, maximum: 100, default: def, description: `${description} Percent, in (0, 100]. Default ${def}.` });

const Priority = Enum(['P0', 'P1', 'P2', 'P3'], { description: 'Alert level: P0 and P1 page (severity critical), P2 is a warning, P3 a ticket (info).', examples: ['P1'] });

/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook ("Alerting on SLOs", table 5-8):
 * 2 % of a 30-day budget spent in 1 h pages, 5 % in 6 h pages, 10 % in 3 d opens a ticket. Each fires
 * only while both windows burn faster than `factor`: the long one proves it matters, the short one
 * that it is still going on (and lets the alert stop soon after the errors do).
 */
const WORKBOOK_BURN_RATES = [
  { factor: 14.4, long: '1h', short: '5m', priority: 'P1' },
  { factor: 6, long: '6h', short: '30m', priority: 'P1' },
  { factor: 1, long: '3d', short: '6h', priority: 'P3' },
] as const;

const BurnRate = Struct(
  {
    factor: Type.Number({ exclusiveMinimum: 0, description: 'How many times faster than the SLO allows the error budget burns.', examples: [14.4] }),
    long: Type.String({ description: 'Long window, a Prometheus duration.', examples: ['1h'] }),
    short: Type.String({ description: 'Short window, a Prometheus duration shorter than `long` (the workbook: a twelfth of it).', examples: ['5m'] }),
    priority: Priority,
  },
  { examples: [WORKBOOK_BURN_RATES[0]] },
);

export const Alerts = Struct(
  {
    availability: Struct(
      {
        objective: Type.Number({
          exclusiveMinimum: 0,
          exclusiveMaximum: 100,
          default: 99.9,
          description: 'Availability SLO of every service, percent of requests answered without a 5xx (the plan: 99.9 %). Default 99.9.',
        }),
        burnRates: Type.Array(BurnRate, {
          default: WORKBOOK_BURN_RATES,
          description: 'Error-budget burn-rate alerts. Default the SRE workbook\'s: 14.4× over 1h/5m and 6× over 6h/30m page (P1), 1× over 3d/6h is a ticket (P3).',
        }),
      },
      { default: {}, description: 'Error-ratio SLO of the services, measured by the Istio sidecars (meshed environments only).' },
    ),
    latency: Struct(
      {
        averageSeconds: Type.Number({ exclusiveMinimum: 0, default: 2, description: 'P1 when a service\'s average response time exceeds this (the plan: < 2 s). Default 2.' }),
        window: Duration('5m', 'Window the average is taken over.'),
        for: Duration('10m', 'How long it must stay above before the alert fires.'),
      },
      { default: {}, description: 'Severe slowdown (P1), measured by the Istio sidecars (meshed environments only).' },
    ),
    unavailable: Struct(
      { for: Duration('5m', 'How long no scrape target of a service may be up (or none exist) before P0.') },
      { default: {}, description: 'Service unavailable (P0): every target of the service down, or none at all.' },
    ),
    resources: Struct(
      {
        cpuOfLimit: Percent(90, 'P2 when a container uses more CPU than this share of its limit.'),
        memoryOfLimit: Percent(90, 'P2 when a container\'s working set exceeds this share of its memory limit.'),
        window: Duration('5m', 'Window the CPU rate is taken over.'),
        for: Duration('15m', 'How long the pressure must last.'),
      },
      { default: {}, description: 'Resource pressure (P2) of the services\' containers.' },
    ),
    restarts: Struct(
      {
        max: Type.Integer({ minimum: 1, default: 3, description: 'P2 when a container restarts more than this many times within `window`. Default 3.' }),
        window: Duration('1h', 'Window the restarts are counted in.'),
        crashLoopFor: Duration('15m', 'P2 when a container waits in CrashLoopBackOff this long.'),
      },
      { default: {}, description: 'Pod restarts and crash loops (P2).' },
    ),
    data: Struct(
      {
        walArchivingFor: Duration('10m', 'P0 when the last WAL archiving attempt failed and none succeeded since, for this long.'),
        backupMargin: Duration('6h', 'P0 when the last backup is older than the backup schedule\'s longest gap plus this margin.'),
        replicationLagSeconds: Type.Number({ exclusiveMinimum: 0, default: 30, description: 'P2 when a replica replays more than this many seconds behind the primary. Default 30.', examples: [30] }),
        connectionsRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.8, description: 'P2 when an instance\'s client connections exceed this share of its `max_connections`. Default 0.8.', examples: [0.8] }),
        redisMemoryRatio: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.9, description: 'P2 when a Redis pod uses more than this share of its `maxmemory`. Default 0.9.', examples: [0.9] }),
        mqMessagesReady: Type.Integer({ minimum: 1, default: 10000, description: 'P2 when more messages than this wait, ready and undelivered, in the RabbitMQ of the environment. Default 10000.', examples: [10000] }),
        pressureFor: Duration('10m', 'How long replication lag, connections, Redis memory or RabbitMQ\'s backlog must stay above their threshold (P2).'),
      },
      { default: {}, description: 'The data services the environment renders: PostgreSQL data-loss risk (P0, with backups), Redis or RabbitMQ unable to serve (P1), replication lag, connections near the limit, Redis memory and RabbitMQ backlog (P2).' },
    ),
    security: Struct(
      {
        gateway: Type.String({ default: 'api-gateway', description: 'Workload whose 401 and 403 responses are counted: the API gateway. Default `api-gateway`.' }),
        authFailuresPerSecond: Type.Number({ exclusiveMinimum: 0, default: 5, description: 'P1 when the gateway answers more 401/403 per second than this. Default 5.' }),
        window: Duration('5m', 'Window the rate is taken over.'),
        for: Duration('10m', 'How long the rate must stay above.'),
      },
      { default: {}, description: 'Security events (P1): authentication and authorisation failures at the gateway (meshed environments only).' },
    ),
    business: Struct(
      {
        services: Type.Array(Type.String(), {
          default: [],
          uniqueItems: true,
          description:
            'Services whose traffic is the business: the API gateway for user activity (用户活跃度), the services that do the work people come for (diagnoses, 交易量). Each is compared with itself a week earlier. Default none: no business alert in the environment.',
          examples: [['api-gateway', 'five-diagnosis']],
        }),
        dropRatio: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.5, description: 'P2 when a service serves less than this share of its requests of the same time `compareWith` earlier. Default 0.5.', examples: [0.5] }),
        surgeRatio: Type.Number({ exclusiveMinimum: 1, default: 3, description: 'P2 when a service serves more than this many times its requests of the same time `compareWith` earlier (a retry storm, a scraper, a campaign nobody announced). Default 3.', examples: [3] }),
        minRequestsPerSecond: Type.Number({ exclusiveMinimum: 0, default: 1, description: 'Compared only when the earlier rate was at least this many requests per second: quiet hours and new services stay silent. Default 1.', examples: [1] }),
        window: Duration('30m', 'Window the request rates are taken over.'),
        compareWith: Duration('1w', 'How far back the same time is compared: a week, so that weekdays, weekends and the daily rhythm are the norm.'),
        for: Duration('30m', 'How long the drop or surge must last.'),
      },
      {
        default: {},
        description: 'Business anomalies (P2, 业务异常): the requests each business service serves, as its sidecar counts them, against the same time a week earlier (meshed environments only). The services export no business metrics of their own yet.',
      },
    ),
    configuration: Struct(
      {
        outOfSyncFor: Duration('30m', 'P3 when an Argo CD Application of the environment stays OutOfSync this long.'),
        syncFailedWindow: Duration('1h', 'P3 when a sync of one of its Applications failed within this window.'),
      },
      { default: {}, description: 'Configuration changes (P3) seen by Argo CD.' },
    ),
  },
  {
    default: {},
    description: 'Thresholds of the P0–P3 alerts rendered for the environment (docs/monitoring.md). Every key has a default: the plan\'s.',
    examples: [{ availability: { objective: 99.9 }, latency: { averageSeconds: 2 } }],
  },
);
