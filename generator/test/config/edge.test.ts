/** `edge` in cluster.yaml (the cluster's and an environment's): what loads with its defaults, and each mistake with its message. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, prod, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const P = 'clusters/prod/cluster.yaml';
const ENV_EDGE = `    edge:
      issuer: letsencrypt
      hosts:
        - {host: www.example.com, service: beta, rateLimit: {requestsPerSecond: 100, burst: 200}}
`;
const CLUSTER_EDGE = `edge:
  issuer: {name: letsencrypt, email: ops@example.com, accountKeySecret: letsencrypt-account-key}
`;
const load = (env: string, cluster = CLUSTER_EDGE, files: Record<string, string> = {}) => readConfig(fixtureFs([], { [P]: `${prod}${env}${cluster}`, ...files }), loadOptions);
/** Line of `    edge:` of the environment (1-based). */
const line = prod.split('\n').length;
const at = (n: number) => line + n;

describe('edge', () => {
  it('loads with its defaults: gzip on, a TTL of 300 s, the ingress gateway of the Istio chart, ACME through Istio at Let\'s Encrypt', () => {
    const { config, findings } = load(ENV_EDGE);
    expect(findings).toEqual([]);
    const c = config!.clusters.find((x) => x.name === 'prod')!;
    expect(c.edge).toEqual({
      gatewaySelector: { istio: 'ingressgateway' },
      issuer: { name: 'letsencrypt', server: 'https://acme-v02.api.letsencrypt.org/directory', email: 'ops@example.com', accountKeySecret: 'letsencrypt-account-key', ingressClassName: 'istio' },
    });
    expect(c.environments[0]!.edge).toEqual({ issuer: 'letsencrypt', hosts: [{ host: 'www.example.com', service: 'beta', rateLimit: { requestsPerSecond: 100, burst: 200 } }], compression: true, dnsTtl: 300 });
  });

  it.each<[string, string, string, unknown[]]>([
    [
      'a host that is no DNS name',
      ENV_EDGE.replace('www.example.com', 'WWW_example.com'),
      CLUSTER_EDGE,
      [{ check: 'config/name', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].host', message: '`environments.prod.edge.hosts[0].host` is "WWW_example.com", not a DNS-1123 subdomain', hint: 'use lower-case letters, digits, `-` and `.`, e.g. `www.suoke-life.com`' }],
    ],
    [
      'a host routed twice in the cluster',
      `${ENV_EDGE}        - {host: www.example.com, service: beta}\n`,
      CLUSTER_EDGE,
      [{ check: 'config/duplicate', file: P, line: at(4), path: 'environments.prod.edge.hosts[1].host', message: 'host `www.example.com` is already routed by environment `prod` of this cluster', hint: 'give every host one route: one Gateway server and one certificate name per host' }],
    ],
    [
      'a host routed to a service that is not exposed',
      ENV_EDGE.replace('service: beta', 'service: alpha'),
      CLUSTER_EDGE,
      [{ check: 'config/edge-target', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].service', message: '`environments.prod.edge.hosts[0].service` names `alpha`, which is not `exposed`: its NetworkPolicy does not admit the ingress gateway', hint: 'set `exposed: true` in apps/alpha/service.yaml, or route the host to an exposed service' }],
    ],
    [
      'a host routed to no service',
      ENV_EDGE.replace('service: beta', 'service: betta'),
      CLUSTER_EDGE,
      [{ check: 'config/edge-target', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].service', message: '`environments.prod.edge.hosts[0].service` names `betta`, which is no service', hint: 'did you mean `beta`?' }],
    ],
    [
      'a burst below the rate',
      ENV_EDGE.replace('burst: 200', 'burst: 50'),
      CLUSTER_EDGE,
      [{ check: 'config/edge-rate-limit', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].rateLimit.burst', message: '`burst` (50) is less than `requestsPerSecond` (100)', hint: 'the bucket holds at least one second of requests: raise `burst`' }],
    ],
    [
      'an issuer the cluster does not have',
      ENV_EDGE.replace('issuer: letsencrypt', 'issuer: letsencrypt-staging'),
      CLUSTER_EDGE,
      [{ check: 'config/edge-issuer', file: P, line: at(1), path: 'environments.prod.edge.issuer', message: "`environments.prod.edge.issuer` is `letsencrypt-staging`, but the cluster's ClusterIssuer is `letsencrypt`", hint: 'write `issuer: letsencrypt`' }],
    ],
    [
      'an environment edge in a cluster without one',
      ENV_EDGE,
      '',
      [{ check: 'config/edge-issuer', file: P, line: at(0), path: 'environments.prod.edge', message: 'environment `prod` has an `edge` but the cluster declares no `edge.issuer` to sign its certificate', hint: "declare the cluster's `edge: {issuer: {name, email, accountKeySecret}}` (docs/networking.md#the-edge)" }],
    ],
    [
      'an ACME contact that is no address',
      ENV_EDGE,
      CLUSTER_EDGE.replace('ops@example.com', 'ops'),
      [{ check: 'config/edge-issuer', file: P, line: at(5), path: 'edge.issuer.email', message: '`edge.issuer.email` is "ops", not an e-mail address', hint: "the ACME account's contact, e.g. `ops@suoke-life.com`" }],
    ],
    [
      'a cache path that is no path',
      ENV_EDGE.replace('burst: 200}', 'burst: 200}, cacheControl: {static/: "public, max-age=60"}'),
      CLUSTER_EDGE,
      [{ check: 'config/edge-cache', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].cacheControl["static/"]', message: 'path prefix "static/" does not start with `/`', hint: 'write the prefix as the request path starts, e.g. `/assets/`' }],
    ],
  ])('%s', (_name, env, cluster, expected) => {
    expect(withoutSeverity(load(env, cluster).findings)).toEqual(expected);
  });

  it('a host routed to a service disabled in the environment', () => {
    const { findings } = readConfig(
      fixtureFs([['apps/beta/service.yaml', '  prod:\n    settings:', '  prod:\n    enabled: false\n    settings:']], { [P]: `${prod}${ENV_EDGE}${CLUSTER_EDGE}` }),
      loadOptions,
    );
    expect(withoutSeverity(findings).filter((f) => f.check === 'config/edge-target')).toEqual([
      { check: 'config/edge-target', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].service', message: '`environments.prod.edge.hosts[0].service` names `beta`, which does not run in `prod` (`enabled: false`)', hint: 'enable it in `prod` or route the host elsewhere' },
    ]);
  });

  it('cache headers on a canary: its route is the weighted one alone', () => {
    const gray = '  prod:\n    grayRelease: {steps: [5, 20, 50, 100], pause: 10m, control: git}\n    settings:';
    const { findings } = readConfig(
      fixtureFs([['apps/beta/service.yaml', '  prod:\n    settings:', gray]], { [P]: `${prod}${ENV_EDGE.replace('burst: 200}', 'burst: 200}, cacheControl: {/static/: "public"}')}${CLUSTER_EDGE}` }),
      loadOptions,
    );
    expect(withoutSeverity(findings).filter((f) => f.check === 'config/edge-cache')).toEqual([
      { check: 'config/edge-cache', file: P, line: at(3), path: 'environments.prod.edge.hosts[0].cacheControl', message: '`beta` runs a gray release in `prod`: its route is the canary\'s weighted route alone, which sets no headers', hint: 'let the application set Cache-Control, or remove `cacheControl` here (docs/networking.md#the-edge)' },
    ]);
  });
});
