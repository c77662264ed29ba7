/**
 * Declaration of `environments.<env>.perfTests` in `clusters/<cluster>/cluster.yaml`: the performance
 * tests of the data layer, each a suspended CronJob started by hand (render/data/perf-tests.ts), and
 * the thresholds that fail it. Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';

const RedisTest = Struct(
  {
    minOpsPerSecond: Type.Integer({ minimum: 1, description: 'Fails below this many requests per second, for SET and for GET.', examples: [20000] }),
    maxP99Ms: Type.Number({ exclusiveMinimum: 0, description: 'Fails when the 99th-percentile latency of SET or GET exceeds this many milliseconds.', examples: [5] }),
    requests: Type.Integer({ minimum: 1000, default: 100000, description: 'Requests per command. Default 100000.' }),
    clients: Type.Integer({ minimum: 1, default: 50, description: 'Parallel connections. Default 50.' }),
  },
  { description: 'redis-benchmark SET and GET against the environment\'s Redis (its master when replicated).', examples: [{ minOpsPerSecond: 20000, maxP99Ms: 5 }] },
);

const MqTest = Struct(
  {
    minMessagesPerSecond: Type.Integer({ minimum: 1, description: 'Fails when the average receiving rate is below this.', examples: [5000] }),
    maxLatencyMs: Type.Integer({ minimum: 1, description: 'Fails when the 99th-percentile consumer latency exceeds this many milliseconds.', examples: [50] }),
    seconds: Type.Integer({ minimum: 10, maximum: 1800, default: 60, description: 'Run time in seconds. Default 60.' }),
    producers: Type.Integer({ minimum: 1, default: 1, description: 'Publishing connections. Default 1.' }),
    consumers: Type.Integer({ minimum: 1, default: 1, description: 'Consuming connections. Default 1.' }),
  },
  { description: 'RabbitMQ PerfTest against the environment\'s RabbitMQ.', examples: [{ minMessagesPerSecond: 5000, maxLatencyMs: 50 }] },
);

/**
 * The k6 load test against the API gateway (性能压力测试). Thresholds from the plan's 成功标准: average
 * response under 2 s, and an error rate within what 99.9 % availability allows.
 */
const LoadTest = Struct(
  {
    vus: Type.Integer({
      minimum: 1,
      maximum: 10000,
      default: 500,
      description:
        "Virtual users the test ramps to and holds, 1–10000. The plan's goal is 10000 concurrent users (并发用户 10,000+); the default 500 fits a staging API-gateway pool of one 4-CPU node: raise it as far as the pools are sized for. Default 500.",
      examples: [500, 10000],
    }),
    rampUpSeconds: Type.Integer({ minimum: 10, maximum: 3600, default: 300, description: 'Seconds of the ramp from 0 to `vus`. Default 300.', examples: [300] }),
    holdSeconds: Type.Integer({ minimum: 10, maximum: 7200, default: 600, description: 'Seconds at `vus` after the ramp. Default 600.', examples: [600] }),
    path: Type.String({ pattern: '^/', default: '/health', description: "Path requested on the API gateway, one of its documented ones. Default its health path `/health`.", examples: ['/health'] }),
    maxAvgMs: Type.Number({ exclusiveMinimum: 0, default: 2000, description: 'Fails when the average request duration reaches this many milliseconds (plan: 平均 < 2秒). Default 2000.', examples: [2000] }),
    maxP95Ms: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'Fails when the 95th-percentile request duration reaches this many milliseconds; the plan sets none. Default none.', examples: [3000] })),
    maxErrorRate: Type.Number({
      minimum: 0,
      maximum: 1,
      default: 0.001,
      description: 'Fails when this share of requests or more fail (0–1); 0.001 is what 99.9 % availability (可用性 99.9%以上) allows. Default 0.001.',
      examples: [0.001],
    }),
  },
  {
    description:
      "k6 load test of the environment's `api-gateway` Service: a suspended CronJob in its namespace run with `kubectl create job --from=cronjob/load-test`, failing when a threshold is missed (docs/verification.md).",
    examples: [{ vus: 500, maxAvgMs: 2000 }],
  },
);

/** `perfTests`: at most one test per data service, each needing that data service declared, and the load test. */
export const PerfTests = Struct(
  { redis: Type.Optional(RedisTest), mq: Type.Optional(MqTest), load: Type.Optional(LoadTest) },
  {
    description: 'Performance tests: of the data layer and, with `load`, of the API gateway; suspended CronJobs run with `kubectl create job --from=cronjob/<name>`, failing when a threshold is missed. Default none.',
    examples: [{ redis: { minOpsPerSecond: 20000, maxP99Ms: 5 }, mq: { minMessagesPerSecond: 5000, maxLatencyMs: 50 }, load: { vus: 500 } }],
  },
);
