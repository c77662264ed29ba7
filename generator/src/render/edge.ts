/**
 * An environment's edge (docs/networking.md, "The edge"), rendered to `clusters/<cluster>/<env>/edge`
 * and synced into the cluster's ingress namespace: the Gateway the ingress gateway's pods serve, the
 * certificate of its hosts, the HTTP→HTTPS redirect, and the EnvoyFilters for compression and rate
 * limits. The routes to the services are the services' own VirtualServices (render/mesh.ts).
 *
 * Everything lives in the ingress namespace because the gateway reads `credentialName` Secrets from its
 * own namespace: SDS resolves a name without namespace in the proxy's (istio
 * pilot/pkg/model/credentials/resource.go:96-110 @ 1.30.3, called with the gateway's namespace from
 * pilot/pkg/xds/sds.go:99), so the Certificate writes its Secret there; and an EnvoyFilter with a
 * workload selector applies to the workloads of its own namespace.
 */
import type { EnvironmentModel } from '../model/types.js';
import { MANAGED_BY, PART_OF } from './conventions.js';
import { gatewayName, HTTPS_PORT, tlsSecretName } from './edge-names.js';
import { envoyFilters } from './edge-filters.js';
import type { Certificate, EnvoyFilter, Gateway, NetworkPolicy, VirtualService } from './kinds.js';

/** external-dns's annotation of a record's TTL, read from the Gateway (external-dns source/annotations/annotations.go:49 @ v0.22.0). */
const DNS_TTL = 'external-dns.alpha.kubernetes.io/ttl';
/** Path of the ACME HTTP-01 challenges (RFC 8555 §8.3), which port 80 must serve, not redirect. */
const ACME_CHALLENGE = '/.well-known/acme-challenge/';
/** cert-manager's solver pods: their label and port (cert-manager pkg/apis/acme/v1/types.go:60, pkg/issuer/acme/http/http.go:49 @ v1.21.1). */
const SOLVER = { label: 'acme.cert-manager.io/http01-solver', port: 8089 } as const;

/** One server of the Gateway: a port and the hosts it serves there. */
type GatewayServer = NonNullable<NonNullable<Gateway['spec']>['servers']>[number];

/** The edge objects of one environment, empty when it declares no `edge`. */
export function edgeObjects(e: EnvironmentModel): (Gateway | Certificate | VirtualService | EnvoyFilter | NetworkPolicy)[] {
  const edge = e.env.edge;
  const c = e.cluster.edge;
  if (!edge || !c) return [];
  const ns = e.cluster.ingressNamespace;
  const name = gatewayName(e.env.name);
  const labels = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY, 'suoke-life.com/environment': e.env.name };
  const hosts = edge.hosts.map((h) => h.host);
  const gateway: Gateway = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    // external-dns (`--source=istio-gateway`) writes a record per server host, pointing at the
    // LoadBalancer of the Services the selector matches, with the TTL annotated here (external-dns
    // source/istio_gateway.go:218-230, :247, :257-283 @ v0.22.0).
    metadata: { name, namespace: ns, labels, annotations: { [DNS_TTL]: String(edge.dnsTtl) } },
    spec: {
      selector: { ...c.gatewaySelector },
      servers: [
        // One HTTPS server per host: each its own filter chain, matched by SNI, where the rate limit of
        // one host applies (edge-filters.ts). h2 and http/1.1 are offered by ALPN on every HTTPS server
        // (istio pilot/pkg/networking/core/listener.go:140-160, pilot/pkg/networking/util/util.go:121-122 @ 1.30.3).
        ...hosts.map((host): GatewayServer => ({
          port: { number: HTTPS_PORT, name: `https-${host.replaceAll('.', '-')}`, protocol: 'HTTPS' },
          hosts: [host],
          tls: { mode: 'SIMPLE', credentialName: tlsSecretName(e.env.name) },
        })),
        // Port 80 without `tls.httpsRedirect`: that sets RequireTls on the host's whole virtual host
        // (istio pilot/pkg/networking/core/gateway.go:490-545 @ 1.30.3), the ACME solver's route
        // included, and no certificate would ever be issued (istio/istio#33593). The redirect is the
        // route below, which leaves the challenges to the solver.
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts },
      ],
    },
  };
  const certificate: Certificate = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: tlsSecretName(e.env.name), namespace: ns, labels },
    spec: {
      secretName: tlsSecretName(e.env.name),
      dnsNames: hosts,
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: edge.issuer },
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
    },
  };
  const redirect: VirtualService = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: `${name}-https-redirect`, namespace: ns, labels },
    spec: {
      hosts,
      gateways: [name],
      http: [
        {
          name: 'https-redirect',
          // Every path but the challenges: `withoutHeaders` on the `:path` pseudo-header (accepted by
          // istio pkg/config/validation/validation.go:285-306, an inverted header match in
          // pilot/pkg/networking/core/route/route.go:1075-1090 @ 1.30.3). The challenges match the
          // solver Ingress's route (render/cluster-platform.ts, the ClusterIssuer).
          match: [{ port: 80, withoutHeaders: { ':path': { prefix: ACME_CHALLENGE } } }],
          redirect: { scheme: 'https', redirectCode: 301 },
        },
      ],
    },
  };
  return [gateway, certificate, redirect, ...envoyFilters(e, labels), solverPolicy(e, labels)];
}

/**
 * The solver pods cert-manager starts for a challenge run in the Certificate's namespace, the ingress
 * namespace (cert-manager pkg/issuer/acme/http/pod.go:198-210 @ v1.21.1: `ch.Namespace`), which the
 * environments' default-deny does not cover. This admits the gateway's pods to them on the solver's
 * port, so they keep answering should the ingress namespace get a default-deny of its own.
 */
function solverPolicy(e: EnvironmentModel, labels: Record<string, string>): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${gatewayName(e.env.name)}-acme-solver`, namespace: e.cluster.ingressNamespace, labels },
    spec: {
      podSelector: { matchLabels: { [SOLVER.label]: 'true' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { ...e.cluster.edge!.gatewaySelector } } }], ports: [{ protocol: 'TCP', port: SOLVER.port }] }],
    },
  };
}
