/**
 * Checks of the edge in `clusters/<cluster>/cluster.yaml` (declaration: ./edge-schema.ts): hostnames
 * are DNS names, each once per cluster (one Gateway server and one certificate name per host); a host
 * routes to a service that runs in the environment and is `exposed` (its NetworkPolicy admits the
 * ingress namespace); the environment names the cluster's ClusterIssuer.
 */
import type { Finding } from '../../core/finding.js';
import { isLabelKey, isLabelValue } from '../../core/names.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { Reporter, isRaw, q } from '../shared/checks.js';
import { checkName, nearHint } from '../shared/names.js';

/** Checks every `edge` of the cluster files against each other and the services they route to. */
export function checkEdge(services: readonly ParsedFile[], clusters: readonly ParsedFile[], out: Finding[], unreadable: readonly string[] = []): void {
  const byName = new Map(services.flatMap((s) => (typeof s.data.name === 'string' ? [[s.data.name, s.data] as const] : [])));
  for (const f of clusters) {
    const r = new Reporter(f.source, out);
    const c = isRaw(f.data.edge) ? f.data.edge : undefined;
    const issuer = c && isRaw(c.issuer) ? c.issuer : undefined;
    if (c) checkClusterEdge(r, c);
    if (!isRaw(f.data.environments)) continue;
    const hosts = new Map<string, string>();
    for (const [env, e] of Object.entries(f.data.environments)) {
      if (!isRaw(e) || !isRaw(e.edge)) continue;
      const at = (...p: (string | number)[]) => ['environments', env, 'edge', ...p];
      const edge = e.edge;
      if (!issuer) {
        r.report('edge-issuer', at(), `environment \`${env}\` has an \`edge\` but the cluster declares no \`edge.issuer\` to sign its certificate`, 'declare the cluster\'s `edge: {issuer: {name, email, accountKeySecret}}` (docs/networking.md#the-edge)', 'key');
      } else if (typeof edge.issuer === 'string' && typeof issuer.name === 'string' && edge.issuer !== issuer.name) {
        r.report('edge-issuer', at('issuer'), `${q(at('issuer'))} is \`${edge.issuer}\`, but the cluster's ClusterIssuer is \`${issuer.name}\``, `write \`issuer: ${issuer.name}\``);
      }
      if (!Array.isArray(edge.hosts)) continue;
      edge.hosts.forEach((h, n) => {
        if (!isRaw(h)) return;
        if (typeof h.host === 'string' && checkName(r, at('hosts', n, 'host'), h.host, 'www.suoke-life.com', true)) {
          const owner = hosts.get(h.host);
          if (owner) r.report('duplicate', at('hosts', n, 'host'), `host \`${h.host}\` is already routed by ${owner} of this cluster`, 'give every host one route: one Gateway server and one certificate name per host');
          else hosts.set(h.host, `environment \`${env}\``);
        }
        // A service whose file did not load has its own error already: its hosts are not judged without it.
        if (typeof h.service === 'string' && !unreadable.includes(h.service)) checkTarget(r, at('hosts', n), env, h, byName);
        if (isRaw(h.rateLimit) && typeof h.rateLimit.burst === 'number' && typeof h.rateLimit.requestsPerSecond === 'number' && h.rateLimit.burst < h.rateLimit.requestsPerSecond) {
          r.report('edge-rate-limit', at('hosts', n, 'rateLimit', 'burst'), `\`burst\` (${h.rateLimit.burst}) is less than \`requestsPerSecond\` (${h.rateLimit.requestsPerSecond})`, 'the bucket holds at least one second of requests: raise `burst`');
        }
        if (isRaw(h.cacheControl)) {
          for (const prefix of Object.keys(h.cacheControl)) {
            if (!prefix.startsWith('/')) r.report('edge-cache', at('hosts', n, 'cacheControl', prefix), `path prefix ${JSON.stringify(prefix)} does not start with \`/\``, 'write the prefix as the request path starts, e.g. `/assets/`', 'key');
          }
        }
      });
    }
  }
}

function checkClusterEdge(r: Reporter, c: Raw): void {
  if (isRaw(c.gatewaySelector)) {
    for (const [k, v] of Object.entries(c.gatewaySelector)) {
      if (!isLabelKey(k) || (typeof v === 'string' && !isLabelValue(v))) {
        r.report('label', ['edge', 'gatewaySelector', k], `\`edge.gatewaySelector\` has ${JSON.stringify(`${k}: ${String(v)}`)}, not a valid label`, 'write the labels of the ingress gateway\'s pods, e.g. `istio: ingressgateway`', 'key');
      }
    }
  }
  if (!isRaw(c.issuer)) return;
  const i = c.issuer;
  checkName(r, ['edge', 'issuer', 'name'], i.name, 'letsencrypt', true);
  checkName(r, ['edge', 'issuer', 'accountKeySecret'], i.accountKeySecret, 'letsencrypt-account-key', true);
  if (typeof i.email === 'string' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(i.email)) {
    r.report('edge-issuer', ['edge', 'issuer', 'email'], `\`edge.issuer.email\` is ${JSON.stringify(i.email)}, not an e-mail address`, 'the ACME account\'s contact, e.g. `ops@suoke-life.com`');
  }
  if (typeof i.server === 'string' && !i.server.startsWith('https://')) {
    r.report('edge-issuer', ['edge', 'issuer', 'server'], `\`edge.issuer.server\` is ${JSON.stringify(i.server)}; expected the https URL of an ACME directory`, "e.g. Let's Encrypt's `https://acme-v02.api.letsencrypt.org/directory`");
  }
}

/** The service exists, runs in the environment, and is `exposed` (only then does its NetworkPolicy admit the gateway). */
function checkTarget(r: Reporter, at: (string | number)[], env: string, h: Raw, byName: ReadonlyMap<string, Raw>): void {
  const name = h.service as string;
  const path = [...at, 'service'];
  const s = byName.get(name);
  if (!s) {
    r.report('edge-target', path, `${q(path)} names \`${name}\`, which is no service`, nearHint(name, [...byName.keys()].filter((n) => byName.get(n)?.exposed === true).sort(), 'exposed services'));
    return;
  }
  const o = isRaw(s.environments) ? s.environments[env] : undefined;
  if (isRaw(o) && o.enabled === false) {
    r.report('edge-target', path, `${q(path)} names \`${name}\`, which does not run in \`${env}\` (\`enabled: false\`)`, `enable it in \`${env}\` or route the host elsewhere`);
  } else if (s.exposed !== true) {
    r.report('edge-target', path, `${q(path)} names \`${name}\`, which is not \`exposed\`: its NetworkPolicy does not admit the ingress gateway`, `set \`exposed: true\` in apps/${name}/service.yaml, or route the host to an exposed service`);
  } else if (isRaw(h.cacheControl) && isRaw(o) && o.grayRelease !== undefined) {
    r.report('edge-cache', [...at, 'cacheControl'], `\`${name}\` runs a gray release in \`${env}\`: its route is the canary's weighted route alone, which sets no headers`, 'let the application set Cache-Control, or remove `cacheControl` here (docs/networking.md#the-edge)', 'key');
  }
}
