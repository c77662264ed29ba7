/**
 * Declaration of `environments.<env>.perfTests` in `clusters/<cluster>/cluster.yaml`: the performance
 * tests of the data layer, each a suspended CronJob started by hand (render/data/perf-tests.ts), and
 * the thresholds that fail it. Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
const RedisTest = Struct({
    minOpsPerSecond: Type.Integer({ minimum: 1, description: 'Fails below this many requests per second, for SET and for GET.', examples: [20000] }),
    maxP99Ms: Type.Number({ exclusiveMinimum: 0, description: 'Fails when the 99th-percentile latency of SET or GET exceeds this many milliseconds.', examples: [5] }),
    requests: Type.Integer({ minimum: 1000, default: 100000, description: 'Requests per command. Default 100000.' }),
    clients: Type.Integer({ minimum: 1, default: 50, description: 'Parallel connections. Default 50.' }),
}, { description: 'redis-benchmark SET and GET against the environment\'s Redis (its master when replicated).', examples: [{ minOpsPerSecond: 20000, maxP99Ms: 5 }] });
const MqTest = Struct({
    minMessagesPerSecond: Type.Integer({ minimum: 1, description: 'Fails when the average receiving rate is below this.', examples: [5000] }),
    maxLatencyMs: Type.Integer({ minimum: 1, description: 'Fails when the 99th-percentile consumer latency exceeds this many milliseconds.', examples: [50] }),
    seconds: Type.Integer({ minimum: 10, maximum: 1800, default: 60, description: 'Run time in seconds. Default 60.' }),
    producers: Type.Integer({ minimum: 1, default: 1, description: 'Publishing connections. Default 1.' }),
    consumers: Type.Integer({ minimum: 1, default: 1, description: 'Consuming connections. Default 1.' }),
}, { description: 'RabbitMQ PerfTest against the environment\'s RabbitMQ.', examples: [{ minMessagesPerSecond: 5000, maxLatencyMs: 50 }] });
/** `perfTests`: at most one test per data service, each needing that data service declared. */
export const PerfTests = Struct({ redis: Type.Optional(RedisTest), mq: Type.Optional(MqTest) }, {
    description: 'Performance tests of the data layer: suspended CronJobs run with `kubectl create job --from=cronjob/<name>`, failing when a threshold is missed. Default none.',
    examples: [{ redis: { minOpsPerSecond: 20000, maxP99Ms: 5 }, mq: { minMessagesPerSecond: 5000, maxLatencyMs: 50 } }],
});
