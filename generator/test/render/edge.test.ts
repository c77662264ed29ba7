/**
 * The edge (issue 13): the Gateway, its certificate, the redirect and the filters of an environment,
 * and the routes of its targets, consistent with each other and with a gray release.
 */
import { describe, expect, it } from 'vitest';
import type { GrayInstance, Model, ServiceInstance } from '../../src/model/types.js';
import { edgeObjects } from '../../src/render/edge.js';
import { serviceObjects } from '../../src/render/service-objects.js';
import { clusterPlatformObjects } from '../../src/render/cluster-platform.js';
import { FIXTURE_PLATFORM, modelOf } from '../helpers/platform.js';

/** Rendered objects, read as plain data. */
type Any = any;

const model: Model = modelOf(FIXTURE_PLATFORM);
const prod = model.environments.find((e) => e.env.name === 'prod')!;
const objects = edgeObjects(prod) as Any[];
const of = (kind: string, o: readonly Any[] = objects) => o.filter((x) => x.kind === kind);
const instance = (name: string): ServiceInstance => prod.instances.find((i) => i.service.name === name)!;

/** The prod environment with `records` (a canary at 20 %) as a second edge target. */
function withGrayTarget(): GrayInstance {
  const i = instance('records') as GrayInstance;
  const edge = { ...prod.env.edge!, hosts: [...prod.env.edge!.hosts, { host: 'records.example.com', service: 'records' }] };
  return { ...i, service: { ...i.service, exposed: true }, env: { ...i.env, edge } };
}

describe('the edge of an environment', () => {
  const [gateway] = of('Gateway');
  const [certificate] = of('Certificate');

  it('lives in the ingress namespace: the Gateway, the certificate and its Secret, the filters', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'Gateway istio-ingress/suoke-prod',
      'Certificate istio-ingress/suoke-prod-tls',
      'VirtualService istio-ingress/suoke-prod-https-redirect',
      'EnvoyFilter istio-ingress/suoke-prod-compression',
      'EnvoyFilter istio-ingress/suoke-prod-rate-limit',
      'NetworkPolicy istio-ingress/suoke-prod-acme-solver',
    ]);
  });

  it("the Gateway's hosts are the certificate's dnsNames and the target's VirtualService hosts", () => {
    const hosts = [...new Set(gateway.spec.servers.flatMap((s: Any) => s.hosts))];
    expect(hosts).toEqual(['www.example.com']);
    expect(certificate.spec.dnsNames).toEqual(hosts);
    const vs = serviceObjects(instance('gateway')).find((o) => o.kind === 'VirtualService') as Any;
    expect(vs.spec.hosts).toEqual(hosts);
    expect(vs.spec.gateways).toEqual(['istio-ingress/suoke-prod']);
  });

  it("every HTTPS server names the Secret the certificate writes; the selector is the cluster's", () => {
    const https = gateway.spec.servers.filter((s: Any) => s.port.protocol === 'HTTPS');
    expect(https.map((s: Any) => s.tls)).toEqual([{ mode: 'SIMPLE', credentialName: certificate.spec.secretName }]);
    expect(https.map((s: Any) => s.port.number)).toEqual([443]);
    expect(gateway.spec.selector).toEqual({ istio: 'ingressgateway' });
    expect(certificate.spec.issuerRef).toEqual({ group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt' });
  });

  it('HTTP redirects to HTTPS, except the ACME challenges, which the solver answers on port 80', () => {
    const http = gateway.spec.servers.find((s: Any) => s.port.number === 80);
    expect(http).toEqual({ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['www.example.com'] });
    const [redirect] = of('VirtualService');
    expect(redirect.spec).toEqual({
      hosts: ['www.example.com'],
      gateways: ['suoke-prod'],
      http: [{ name: 'https-redirect', match: [{ port: 80, withoutHeaders: { ':path': { prefix: '/.well-known/acme-challenge/' } } }], redirect: { scheme: 'https', redirectCode: 301 } }],
    });
  });

  it('external-dns reads the hosts from the Gateway, with the TTL it is annotated with', () => {
    expect(gateway.metadata.annotations).toEqual({ 'external-dns.alpha.kubernetes.io/ttl': '300' });
  });

  it("compression and the host's rate limit are filters of its HTTPS filter chain, before the router", () => {
    const [compression, limit] = of('EnvoyFilter');
    for (const f of [compression, limit]) {
      expect(f.spec.workloadSelector).toEqual({ labels: { istio: 'ingressgateway' } });
      expect(f.spec.configPatches.map((p: Any) => [p.match.listener.filterChain.sni, p.patch.operation, p.match.listener.filterChain.filter.subFilter.name])).toEqual([['www.example.com', 'INSERT_BEFORE', 'envoy.filters.http.router']]);
    }
    expect(compression.spec.configPatches[0].patch.value.name).toBe('envoy.filters.http.compressor');
    expect(limit.spec.configPatches[0].patch.value.name).toBe('envoy.filters.http.local_ratelimit');
    expect(limit.spec.configPatches[0].patch.value.typed_config.token_bucket).toEqual({ max_tokens: 200, tokens_per_fill: 100, fill_interval: '1s' });
  });

  it("admits the gateway's pods to cert-manager's HTTP-01 solver pods on its port", () => {
    const [policy] = of('NetworkPolicy');
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { istio: 'ingressgateway' } } }], ports: [{ protocol: 'TCP', port: 8089 }] }],
    });
  });

  it('an environment without `edge` renders none', () => {
    const dev = model.environments.find((e) => e.env.name === 'dev')!;
    expect(edgeObjects(dev)).toEqual([]);
  });
});

describe('the ClusterIssuer', () => {
  it('ACME with HTTP-01 through the Istio ingress gateway', () => {
    const issuer = clusterPlatformObjects(prod.cluster, {}).find((o) => o.object.kind === 'ClusterIssuer')!.object as Any;
    expect(issuer.spec).toEqual({
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'ops@example.com',
        privateKeySecretRef: { name: 'letsencrypt-account-key' },
        solvers: [{ http01: { ingress: { ingressClassName: 'istio' } } }],
      },
    });
  });
});

describe('routes of the edge targets', () => {
  it('without a gray release: bound to the Gateway only, on port 443, with the CDN header on the static prefix', () => {
    const vs = serviceObjects(instance('gateway')).find((o) => o.kind === 'VirtualService') as Any;
    const route = [{ destination: { host: 'gateway', port: { number: 8080 } } }];
    expect(vs.spec.http).toEqual([
      { name: 'cache-0', match: [{ port: 443, authority: { exact: 'www.example.com' }, uri: { prefix: '/static/' } }], headers: { response: { set: { 'cache-control': 'public, max-age=86400' } } }, route },
      { name: 'edge', match: [{ port: 443 }], route },
    ]);
  });

  it("a canary's VirtualService carries the Gateway and its host, keeping the mesh; both routes weighted 100/0 as Git commits them (the controller moves the live weights), and the Rollout names both", () => {
    const i = withGrayTarget();
    const objs = serviceObjects(i) as Any[];
    const vs = objs.find((o) => o.kind === 'VirtualService');
    expect(vs.spec.hosts).toEqual(['records', 'records.example.com']);
    expect(vs.spec.gateways).toEqual(['mesh', 'istio-ingress/suoke-prod']);
    expect(vs.spec.http.map((r: Any) => r.name)).toEqual(['edge', 'primary']);
    expect(vs.spec.http[0].match).toEqual([{ gateways: ['istio-ingress/suoke-prod'], port: 443 }]);
    for (const r of vs.spec.http) {
      expect(r.route.map((d: Any) => d.destination.host)).toEqual(['records', 'records-canary']);
      expect(r.route.reduce((n: number, d: Any) => n + d.weight, 0)).toBe(100);
    }
    const rollout = objs.find((o) => o.kind === 'Rollout');
    expect(rollout.spec.strategy.canary.trafficRouting).toEqual({ istio: { virtualService: { name: 'records', routes: ['primary', 'edge'] } } });
  });

  it('a service that is no edge target keeps its mesh route alone', () => {
    const vs = serviceObjects(instance('records')).find((o) => o.kind === 'VirtualService') as Any;
    expect(vs.spec).toEqual({ hosts: ['records'], http: [{ name: 'primary', route: [{ destination: { host: 'records' }, weight: 100 }, { destination: { host: 'records-canary' }, weight: 0 }] }] });
    const rollout = serviceObjects(instance('records')).find((o) => o.kind === 'Rollout') as Any;
    expect(rollout.spec.strategy.canary.trafficRouting.istio.virtualService.routes).toEqual(['primary']);
  });
});
