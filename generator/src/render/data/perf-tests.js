import { dnsEgress } from '../conventions.js';
/** Pinned images: the official Redis image (redis-benchmark; user redis, uid 999) and RabbitMQ PerfTest
 * (published as `pivotalrabbitmq/perf-test:<version>`, rabbitmq-perf-test .github/workflows/release.yml:52;
 * user perf-test, uid 2000, entrypoint the jar: Dockerfile:87-93 @ v2.25.0). */
const IMAGES = { redis: { image: 'redis:7.0.15', uid: 999 }, mq: { image: 'pivotalrabbitmq/perf-test:2.25.0', uid: 2000 } };
const RESOURCES = { requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } };
/**
 * `redis-benchmark --csv` prints a header, then per command `"SET","<rps>","<avg>","<min>","<p50>","<p95>","<p99>","<max>"`
 * (latencies in ms); the script fails when a command's rps is below the minimum or its p99 above the maximum.
 */
const REDIS_SCRIPT = `set -eu
out=$(redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" -a "$REDIS_PASSWORD" -t set,get -n "$REQUESTS" -c "$CLIENTS" --csv)
echo "$out"
echo "$out" | awk -v min="$MIN_OPS_PER_SECOND" -v max="$MAX_P99_MS" '
  { gsub(/"/, ""); split($0, f, ","); if (f[1] == "test" || f[1] == "") next; n++
    if (f[2] + 0 < min + 0) { printf "FAIL %s: %s requests/s, below %s\\n", f[1], f[2], min; bad = 1 }
    if (f[7] + 0 > max + 0) { printf "FAIL %s: p99 %s ms, above %s\\n", f[1], f[7], max; bad = 1 } }
  END { if (n == 0) { print "FAIL: redis-benchmark printed no result"; exit 1 } if (!bad) print "PASS"; exit bad }'
`;
/**
 * PerfTest's summary has \`receiving rate avg: <n> msg/s\` and, with --use-millis,
 * \`consumer latency min/median/75th/95th/99th/max <a>/<b>/<c>/<d>/<e>/<f> ms\`
 * (rabbitmq-perf-test src/main/java/com/rabbitmq/perf/metrics/BaseMetricsFormatter.java:64-88,
 * MetricsFormatterUtils.java:27-28, :51-61 @ v2.25.0).
 */
const MQ_SCRIPT = `set -eu
out=$(java -jar /perf_test/perf-test.jar --uri "$RABBITMQ_URI" --time "$SECONDS_TO_RUN" --producers "$PRODUCERS" --consumers "$CONSUMERS" --use-millis 2>&1)
echo "$out"
echo "$out" | awk -v min="$MIN_MESSAGES_PER_SECOND" -v max="$MAX_LATENCY_MS" '
  /receiving rate avg:/ { for (i = 1; i < NF; i++) if ($i == "avg:") rate = $(i + 1); seen++ }
  /consumer latency min\\/median/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+(\\/[0-9]+)+$/) { split($i, v, "/"); p99 = v[5] } seen++ }
  END { if (seen < 2) { print "FAIL: no PerfTest summary"; exit 1 }
    if (rate + 0 < min + 0) { printf "FAIL: %s msg/s received, below %s\\n", rate, min; bad = 1 }
    if (p99 + 0 > max + 0) { printf "FAIL: p99 consumer latency %s ms, above %s\\n", p99, max; bad = 1 }
    if (!bad) print "PASS"; exit bad }'
`;
/**
 * The performance-test CronJobs of one environment and the NetworkPolicy of their pods (nothing comes
 * in; out only DNS and the data service under test); none without `perfTests`. `labels` go on every object.
 */
export function perfTestObjects(e, labels) {
    const jobs = perfTestJobs(e, labels);
    const d = e.env.dataServices;
    if (jobs.length === 0 || !d)
        return jobs;
    const dns = dnsEgress();
    const policies = e.data
        .filter((x) => (x.service.kind === 'redis' || x.service.kind === 'mq') && jobs.some((j) => j.metadata.name === `perf-test-${x.service.kind}`))
        .map(({ service: x }) => ({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `perf-test-${x.kind}`, namespace: d.namespace, labels: { ...labels } },
        spec: {
            podSelector: { matchLabels: { [PERF_LABEL]: x.kind } },
            policyTypes: ['Ingress', 'Egress'],
            egress: [dns, { to: [{ podSelector: { matchLabels: { ...x.podLabels } } }], ports: [{ protocol: 'TCP', port: x.port }] }],
        },
    }));
    return [...jobs, ...policies];
}
/** Label of a performance test's pods, valued with what it tests (`redis`, `mq`). */
export const PERF_LABEL = 'suoke-life.com/perf-test';
function perfTestJobs(e, labels) {
    const t = e.env.perfTests;
    const d = e.env.dataServices;
    if (!t || !d)
        return [];
    const out = [];
    const redis = d.services.redis;
    if (t.redis && redis) {
        // A replica refuses writes: the SETs go to the master's Service `<name>-master`
        // (api/redisreplication/v1beta2/redisreplication_types_helper.go:29-30 @ v0.26.0).
        const host = `${redis.name}-master`;
        out.push(cronJob(e, labels, 'redis', REDIS_SCRIPT, [
            { name: 'REDIS_HOST', value: host },
            { name: 'REDIS_PORT', value: String(redis.port) },
            { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: `${redis.name}-auth`, key: 'password' } } },
            { name: 'REQUESTS', value: String(t.redis.requests) },
            { name: 'CLIENTS', value: String(t.redis.clients) },
            { name: 'MIN_OPS_PER_SECOND', value: String(t.redis.minOpsPerSecond) },
            { name: 'MAX_P99_MS', value: String(t.redis.maxP99Ms) },
        ]));
    }
    const mq = d.services.mq;
    if (t.mq && mq) {
        out.push(cronJob(e, labels, 'mq', MQ_SCRIPT, [
            // The operator's default-user Secret carries an AMQP URI (internal/resource/default_user_secret.go:31, :90, :184 @ v2.22.3).
            { name: 'RABBITMQ_URI', valueFrom: { secretKeyRef: { name: `${mq.name}-default-user`, key: 'connection_string' } } },
            { name: 'SECONDS_TO_RUN', value: String(t.mq.seconds) },
            { name: 'PRODUCERS', value: String(t.mq.producers) },
            { name: 'CONSUMERS', value: String(t.mq.consumers) },
            { name: 'MIN_MESSAGES_PER_SECOND', value: String(t.mq.minMessagesPerSecond) },
            { name: 'MAX_LATENCY_MS', value: String(t.mq.maxLatencyMs) },
        ]));
    }
    return out;
}
function cronJob(e, labels, kind, script, env) {
    const { image, uid } = IMAGES[kind];
    return {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: `perf-test-${kind}`, namespace: e.env.dataServices.namespace, labels: { ...labels } },
        spec: {
            // Suspended: the schedule never fires; `kubectl create job --from=cronjob/…` runs it on demand.
            schedule: '0 0 1 1 *',
            suspend: true,
            jobTemplate: {
                spec: {
                    backoffLimit: 0,
                    activeDeadlineSeconds: 1800,
                    ttlSecondsAfterFinished: 86400,
                    template: {
                        metadata: { labels: { [PERF_LABEL]: kind } },
                        spec: {
                            restartPolicy: 'Never',
                            automountServiceAccountToken: false,
                            securityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, seccompProfile: { type: 'RuntimeDefault' } },
                            containers: [
                                {
                                    name: 'perf-test',
                                    image,
                                    command: ['sh', '-c', script],
                                    env,
                                    resources: RESOURCES,
                                    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, readOnlyRootFilesystem: true },
                                    // The only place the tools write (PerfTest's JVM and the scripts' temporary files).
                                    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
                                },
                            ],
                            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
                        },
                    },
                },
            },
        },
    };
}
