/**
 * The AnalysisTemplate of a gray release: the canary's error rate and p95 latency from Istio's
 * standard metrics, judged so that no data is never a pass (docs/gray-releases.md, "The analysis").
 *
 * How Argo Rollouts judges a measurement (argo-rollouts `utils/evaluate/evaluate.go:18-58 @ v1.8.4`):
 * `successCondition` and `failureCondition` are both evaluated; failure wins, and when neither
 * holds the measurement is Inconclusive. Comparisons on NaN are false in `expr` (Go float
 * semantics), so a query that yields NaN without traffic makes both false: Inconclusive, and one
 * Inconclusive measurement (`inconclusiveLimit` 0) pauses the Rollout
 * (`analysis/analysis.go:658-680`, `rollout/analysis.go:364-366`). Every query returns exactly
 * one sample: an empty result would make `result[0]` an evaluation error instead.
 */
import type { GrayReleaseConfig } from '../config/types.js';
import type { ServiceInstance } from '../model/types.js';
import { durationSeconds, formatDuration } from '../time/duration.js';
import { canaryServiceName, prometheusAddress, SCRAPE, serviceLabels } from './conventions.js';
import type { AnalysisTemplate } from './kinds.js';

/** Scrape intervals a query window spans at least, so that a missed scrape or two cannot empty it. */
const WINDOW_SCRAPES = 4;

type Gray = ServiceInstance & { grayRelease: GrayReleaseConfig };

/** One metric of the template, as rendered. */
export interface AnalysisMetric {
  name: string;
  interval: string;
  initialDelay: string;
  failureLimit: number;
  inconclusiveLimit: number;
  successCondition: string;
  failureCondition: string;
  provider: { prometheus: { address: string; query: string } };
}

/**
 * The rate window: at least {@link WINDOW_SCRAPES} scrape intervals of the rendered monitors
 * ({@link SCRAPE}), and at least the measuring interval, so that consecutive measurements leave no
 * request unseen.
 */
function queryWindow(interval: string): string {
  const seconds = Math.max(WINDOW_SCRAPES * SCRAPE.intervalSeconds, durationSeconds(interval) ?? 0);
  return formatDuration(seconds * 1000);
}

/**
 * The queries, by metric name. The selector names the canary Service as the callers' sidecars saw
 * it (`reporter="source"`: the side that knows which host the VirtualService routed to). Errors are
 * 5xx responses and, for a gRPC service, responses with a non-zero `grpc_response_status` (a gRPC
 * failure is an HTTP 200; the label is empty on plain HTTP requests).
 */
function analysisQueries(grpc: boolean, window: string): Record<'error-rate' | 'p95-latency', string> {
  const selector = 'reporter="source", destination_service_namespace="{{args.namespace}}", destination_service_name="{{args.service}}"';
  const rate = (extra: string) => `sum(rate(istio_requests_total{${selector}${extra}}[${window}]))`;
  const errors = [`(${rate(', response_code=~"5.."')} or on() vector(0))`];
  if (grpc) errors.push(`(${rate(', response_code!~"5..", grpc_response_status!~"|0"')} or on() vector(0))`);
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

export function analysisTemplate(i: Gray): AnalysisTemplate | undefined {
  const a = i.grayRelease.analysis;
  if (!a) return undefined;
  const window = queryWindow(a.interval);
  const queries = analysisQueries(i.service.grpc, window);
  const metric = (name: keyof typeof queries, bound: string): AnalysisMetric => ({
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
