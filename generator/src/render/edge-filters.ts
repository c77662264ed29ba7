/**
 * The EnvoyFilters of an environment's edge: gzip and the per-host rate limit, both HTTP filters of
 * the ingress gateway, inserted before the router in the filter chain of each host's HTTPS server
 * (matched by SNI: istio pilot/pkg/networking/core/envoyfilter/listener_patch.go:641-676 @ 1.30.3,
 * any of the chain's server names). Istio has no API for either; an EnvoyFilter patches Envoy's own
 * configuration, so these are the objects most likely to break on an Istio or Envoy upgrade: check
 * them first (docs/networking.md, "The edge").
 *
 * Filter names and types are Envoy's: `envoy.filters.http.compressor` with the gzip library
 * (envoy api/envoy/extensions/filters/http/compressor/v3/compressor.proto,
 * api/envoy/extensions/compression/gzip/compressor/v3/gzip.proto) and
 * `envoy.filters.http.local_ratelimit` (api/envoy/extensions/filters/http/local_ratelimit/v3/local_rate_limit.proto).
 */
import type { EnvironmentModel } from '../model/types.js';
import { gatewayName } from './edge-names.js';
import type { EnvoyFilter } from './kinds.js';

/** One patch of an EnvoyFilter. */
type ConfigPatch = NonNullable<NonNullable<EnvoyFilter['spec']>['configPatches']>[number];

/** Responses smaller than this are sent as they are: gzip gains nothing on them. */
const MIN_COMPRESSED_BYTES = 1024;

/** The patch inserting one HTTP filter before the router, in the HTTPS filter chain of `host`. */
function beforeRouter(host: string, value: Record<string, unknown>): ConfigPatch {
  return {
    applyTo: 'HTTP_FILTER',
    match: {
      context: 'GATEWAY',
      listener: {
        filterChain: {
          sni: host,
          filter: { name: 'envoy.filters.network.http_connection_manager', subFilter: { name: 'envoy.filters.http.router' } },
        },
      },
    },
    patch: { operation: 'INSERT_BEFORE', value },
  };
}

const percent100 = (key: string) => ({ default_value: { numerator: 100, denominator: 'HUNDRED' }, runtime_key: key });

/** The compression and rate-limit EnvoyFilters of one environment (none where neither is configured). */
export function envoyFilters(e: EnvironmentModel, labels: Record<string, string>): EnvoyFilter[] {
  const edge = e.env.edge!;
  const meta = (suffix: string) => ({ name: `${gatewayName(e.env.name)}-${suffix}`, namespace: e.cluster.ingressNamespace, labels });
  const workloadSelector = { labels: { ...e.cluster.edge!.gatewaySelector } };
  const out: EnvoyFilter[] = [];
  if (edge.compression) {
    out.push({
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'EnvoyFilter',
      metadata: meta('compression'),
      spec: {
        workloadSelector,
        configPatches: edge.hosts.map((h) =>
          beforeRouter(h.host, {
            name: 'envoy.filters.http.compressor',
            typed_config: {
              '@type': 'type.googleapis.com/envoy.extensions.filters.http.compressor.v3.Compressor',
              response_direction_config: { common_config: { min_content_length: MIN_COMPRESSED_BYTES } },
              compressor_library: { name: 'gzip', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.compression.gzip.compressor.v3.Gzip' } },
            },
          }),
        ),
      },
    });
  }
  const limited = edge.hosts.filter((h) => h.rateLimit);
  if (limited.length > 0) {
    out.push({
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'EnvoyFilter',
      metadata: meta('rate-limit'),
      spec: {
        workloadSelector,
        // A token bucket per gateway pod: the host's admitted rate is `requestsPerSecond` × pods.
        // Beyond it Envoy answers 429 with `x-envoy-ratelimited`.
        configPatches: limited.map((h) =>
          beforeRouter(h.host, {
            name: 'envoy.filters.http.local_ratelimit',
            typed_config: {
              '@type': 'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit',
              stat_prefix: 'edge_rate_limit',
              token_bucket: { max_tokens: h.rateLimit!.burst, tokens_per_fill: h.rateLimit!.requestsPerSecond, fill_interval: '1s' },
              filter_enabled: percent100('edge_rate_limit_enabled'),
              filter_enforced: percent100('edge_rate_limit_enforced'),
            },
          }),
        ),
      },
    });
  }
  return out;
}
