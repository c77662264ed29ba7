/**
 * Declaration of the edge in `clusters/<cluster>/cluster.yaml` (docs/networking.md, "The edge"): the
 * cluster's `edge` (the ingress gateway's pods and the ACME ClusterIssuer) and each environment's
 * `edge` (public hostnames, the services they route to, rate limits, compression). Checks: ./edge.ts.
 * Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import { Type } from '../shared/typebox.js';
import { MapOf, Struct } from '../shared/declare.js';

const EdgeIssuer = Struct(
  {
    name: Type.String({ description: 'Name of the cert-manager ClusterIssuer, a DNS-1123 subdomain.', examples: ['letsencrypt'] }),
    server: Type.String({
      default: 'https://acme-v02.api.letsencrypt.org/directory',
      description: "ACME directory URL. Default Let's Encrypt production.",
      examples: ['https://acme-v02.api.letsencrypt.org/directory'],
    }),
    email: Type.String({ description: 'Contact address of the ACME account (expiry notices).', examples: ['ops@suoke-life.com'] }),
    accountKeySecret: Type.String({
      description: "Secret (in cert-manager's namespace) holding the ACME account's private key; cert-manager creates it.",
      examples: ['letsencrypt-account-key'],
    }),
    ingressClassName: Type.String({
      default: 'istio',
      description: 'Ingress class of the HTTP-01 solver Ingress, served by the Istio ingress gateway. Default `istio`.',
      examples: ['istio'],
    }),
  },
  { description: 'The ACME ClusterIssuer: HTTP-01 through the Istio ingress gateway.', examples: [{ name: 'letsencrypt', email: 'ops@suoke-life.com', accountKeySecret: 'letsencrypt-account-key' }] },
);

export const ClusterEdge = Struct(
  {
    gatewaySelector: MapOf(Type.String(), {
      default: { istio: 'ingressgateway' },
      description: "Labels of the ingress gateway's pods in `ingressNamespace`, the Gateways' selector. Default `{istio: ingressgateway}`.",
      examples: [{ istio: 'ingressgateway' }],
    }),
    issuer: EdgeIssuer,
  },
  {
    description: 'The ingress gateway every environment of the cluster shares, and the ClusterIssuer of their certificates.',
    examples: [{ issuer: { name: 'letsencrypt', email: 'ops@suoke-life.com', accountKeySecret: 'letsencrypt-account-key' } }],
  },
);

const RateLimit = Struct(
  {
    requestsPerSecond: Type.Integer({ minimum: 1, description: 'Sustained requests per second the host admits, per gateway pod.', examples: [200] }),
    burst: Type.Integer({ minimum: 1, description: 'Requests admitted at once above the rate (the token bucket size); at least `requestsPerSecond`.', examples: [400] }),
  },
  { description: 'Local rate limit at the gateway for this host (429 beyond it). Default none.', examples: [{ requestsPerSecond: 200, burst: 400 }] },
);

const EdgeHost = Struct(
  {
    host: Type.String({ description: 'Public hostname, a DNS-1123 subdomain, unique in the cluster.', examples: ['www.suoke-life.com'] }),
    service: Type.String({ description: 'The exposed service of this environment the host routes to.', examples: ['web'] }),
    rateLimit: Type.Optional(RateLimit),
    cacheControl: Type.Optional(
      MapOf(Type.String(), {
        description: 'Cache-Control set on responses by path prefix, for the CDN in front (only for a service without a gray release). Default none.',
        examples: [{ '/assets/': 'public, max-age=31536000, immutable' }],
      }),
    ),
  },
  { examples: [{ host: 'www.suoke-life.com', service: 'web' }] },
);

export const EnvironmentEdge = Struct(
  {
    issuer: Type.String({ description: "The cluster's ClusterIssuer (`edge.issuer.name`) signing this environment's certificate.", examples: ['letsencrypt'] }),
    hosts: Type.Array(EdgeHost, { minItems: 1, description: 'Public hostnames and the services they route to.', examples: [[{ host: 'www.suoke-life.com', service: 'web' }]] }),
    compression: Type.Boolean({ default: true, description: 'gzip responses at the gateway (Envoy compressor). Default true.' }),
    dnsTtl: Type.Integer({ minimum: 30, default: 300, description: "TTL in seconds of the DNS records external-dns writes for the hosts. Default 300." }),
  },
  {
    description: 'The public entry of the environment: an HTTPS Gateway in the ingress namespace, its certificate and DNS records (docs/networking.md, "The edge").',
    examples: [{ issuer: 'letsencrypt', hosts: [{ host: 'www.suoke-life.com', service: 'web' }] }],
  },
);
