import { durationSeconds, formatDuration } from '../time/duration.js';
import { canaryServiceName, prometheusAddress, SCRAPE, serviceLabels } from './conventions.js';
/** Scrape intervals a query window spans at least, so that a missed scrape or two cannot empty it. */
const WINDOW_SCRAPES = 4;
/**
 * The rate window: at least {@link WINDOW_SCRAPES} scrape intervals of the rendered monitors
 * ({@link SCRAPE}), and at least the measuring interval, so that consecutive measurements leave no
 * request unseen.
 */
function queryWindow(interval) {
    const seconds = Math.max(WINDOW_SCRAPES * SCRAPE.intervalSeconds, durationSeconds(interval) ?? 0);
    return formatDuration(seconds * 1000);
}
/**
 * The queries, by metric name. The selector names the canary Service as the callers' sidecars saw
 * it (`reporter="source"`: the side that knows which host the VirtualService routed to). Errors are
 * 5xx responses and, for a gRPC service, responses with a non-zero `grpc_response_status` (a gRPC
 * failure is an HTTP 200; the label is empty on plain HTTP requests).
 */
function analysisQueries(grpc, window) {
    const selector = 'reporter="source", destination_service_namespace="{{args.namespace}}", destination_service_name="{{args.service}}"';
    const rate = (extra) => `sum(rate(istio_requests_total{${selector}${extra}}[${window}]))`;
    const errors = [`(${rate(', response_code=~"5.."')} or on() vector(0))`];
    if (grpc)
        errors.push(`(${rate(', response_code!~"5..", grpc_response_status!~"|0"')} or on() vector(0))`);
    return {
        // No requests: 0 / 0 = NaN.
        'error-rate': ['(', ...errors.map((e, n) => `  ${n > 0 ? '+ ' : ''}${e}`), ')', '/', `(${rate('')} or on() vector(0))`, ''].join('\n'),
        // No requests: the quantile of empty buckets is NaN; no series at all: NaN as well.
        'p95-latency': [
            `histogram_quantile(0.95, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${selector}}[${window}])))`,
            'or on() vector(NaN)',
            '',
        ].join('\n'),
    };
}
export function analysisTemplate(i) {
    const a = i.grayRelease.analysis;
    if (!a)
        return undefined;
    const window = queryWindow(a.interval);
    const queries = analysisQueries(i.service.grpc, window);
    const metric = (name, bound) => ({
        name,
        interval: a.interval,
        // The first measurement waits for one full window of canary traffic.
        initialDelay: window,
        failureLimit: a.failureLimit,
        inconclusiveLimit: 0,
        // Neither holds on NaN (no traffic, no scrape): Inconclusive, which pauses the Rollout.
        successCondition: `result[0] <= ${bound}`,
        failureCondition: `result[0] > ${bound}`,
        provider: { prometheus: { address: prometheusAddress(i.cluster.monitoringNamespace), query: queries[name] } },
    });
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AnalysisTemplate',
        metadata: { name: canaryServiceName(i.service.name), namespace: i.env.namespace, labels: serviceLabels(i.service.name, i.service.group) },
        spec: {
            args: [{ name: 'service' }, { name: 'namespace' }],
            metrics: [metric('error-rate', String(a.maxErrorRate)), metric('p95-latency', String(a.maxP95LatencyMs))],
        },
    };
}
