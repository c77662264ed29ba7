/**
 * The Istio VirtualService of a gray release carries the weighted route and nothing else.
 *
 * The generated Applications ignore the route weights the Rollouts controller moves
 * (`jqPathExpressions: [.spec.http[]?.route[]?.weight]`) with `RespectIgnoreDifferences=true`. For a
 * custom resource, Argo CD then restores the ignored fields with a JSON merge patch, which replaces
 * arrays whole: every sync applies the LIVE `spec.http` (argo-cd `controller/sync.go:283-291, :450-521 @ v2.13.9`; the same at
 * v3.5.1, :239, :421-520; argoproj/argo-cd#17694, open). Anything else in `spec.http` could never be changed from Git once the
 * object exists, and would stay OutOfSync. Another VirtualService for the same host is no way out:
 * sidecars keep one virtual host per host and drop the other (istio
 * `pilot/pkg/networking/core/httproute.go:471-483 @ 1.22.8`); only gateways merge them. See
 * docs/gray-releases.md, "Routes, retries and timeouts".
 *
 * One exception, the edge route of a service the public reaches (render/mesh.ts): its match names only
 * the environment's Gateway and port 443, and its destinations the Service's http port, all fixed by
 * the environment's name and the conventions, so what Argo CD keeps is what Git says
 * (docs/networking.md, "The edge").
 */
import type { Obj, Rule, RuleContext } from '../engine.js';
import type { Finding } from '../../core/finding.js';
import { list, namespaceOf, nameOf, rec, str } from './pod.js';
import { isPlainObject } from '../../core/objects.js';

/** Keys of an HTTP route the controller manages: its name and the weighted destinations. */
const ROUTE_KEYS = new Set(['name', 'route']);
/** Keys of a weighted destination, and of its `destination` (host or DestinationRule subset: what the controller matches). */
const DESTINATION_KEYS = new Set(['destination', 'weight']);
const TARGET_KEYS = new Set(['host', 'subset']);
/** Keys an edge route's match may hold, and the keys it adds to a route and a destination. */
const EDGE_MATCH_KEYS = new Set(['gateways', 'port']);

/** A route whose only condition is the Gateway and port it is served on. */
function isEdgeRoute(r: unknown): boolean {
  const match = list(rec(r).match);
  return match.length > 0 && match.every((m) => isPlainObject(m) && Array.isArray(m.gateways) && Object.keys(m).every((k) => EDGE_MATCH_KEYS.has(k)));
}

/** What a Rollout manages in one VirtualService: its HTTP routes (undefined: the only one) and its two Services. */
interface Managed {
  rollout: string;
  routes: string[] | undefined;
  services: string[];
}

/** The Rollouts in the VirtualService's namespace whose Istio traffic routing names it (`name` or `name.namespace`). */
function managers(vs: Obj, neighbours: readonly Obj[]): Managed[] {
  const ns = namespaceOf(vs);
  const out: Managed[] = [];
  for (const o of neighbours) {
    if (o.kind !== 'Rollout' || namespaceOf(o) !== ns) continue;
    const canary = rec(rec(rec(o.spec).strategy).canary);
    const istio = rec(rec(canary.trafficRouting).istio);
    for (const ref of [istio.virtualService, ...list(istio.virtualServices)].filter(isPlainObject)) {
      const [name, refNs] = String(ref.name ?? '').split('.');
      if (name !== nameOf(vs) || (refNs !== undefined && refNs !== ns)) continue;
      const routes = list(ref.routes).map(String);
      out.push({ rollout: nameOf(o), routes: routes.length > 0 ? routes : undefined, services: [str(canary.stableService), str(canary.canaryService)].filter((s) => s !== undefined) });
    }
  }
  return out;
}

/** Short name of a destination host, as the controller compares it (`svc.ns.svc.cluster.local` → `svc`). */
const shortHost = (h: string) => h.split('.')[0]!;

function checkRoutes(vs: Obj, m: Managed, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const http = list(rec(vs.spec).http);
  const owner = `Rollout "${m.rollout}"`;
  const hint = 'keep only `name` and the stable and canary destinations with their weights; set retries and timeouts in the callers (docs/gray-releases.md, "Routes, retries and timeouts")';
  const managed = (r: unknown, i: number) => (m.routes ? m.routes.includes(String(rec(r).name)) : i === 0);
  http.forEach((r, i) => {
    const at = ['spec', 'http', i];
    const name = str(rec(r).name);
    if (!managed(r, i)) {
      out.push(ctx.report(at, `VirtualService has HTTP route ${name ? `"${name}"` : `#${i}`} besides the weighted route${m.routes && m.routes.length > 1 ? 's' : ''} ${owner} moves: Argo CD keeps the live spec.http of this VirtualService, so the route could never change from Git`, 'remove the route: a VirtualService a Rollout manages holds only its weighted route'));
      return;
    }
    const route = `the weighted route${name ? ` "${name}"` : ''} of ${owner}`;
    const edge = isEdgeRoute(r);
    for (const key of Object.keys(rec(r)).filter((k) => !ROUTE_KEYS.has(k) && !(edge && k === 'match')).sort()) {
      out.push(ctx.report([...at, key], `${route} also sets ${key}: Argo CD keeps the live spec.http of this VirtualService, so it could never change from Git`, hint));
    }
    list(rec(r).route).forEach((d, j) => {
      const dat = [...at, 'route', j];
      for (const key of Object.keys(rec(d)).filter((k) => !DESTINATION_KEYS.has(k)).sort()) {
        out.push(ctx.report([...dat, key], `${route} also sets ${key} on a destination: Argo CD keeps the live spec.http of this VirtualService, so it could never change from Git`, hint));
      }
      const target = rec(rec(d).destination);
      for (const key of Object.keys(target).filter((k) => !TARGET_KEYS.has(k) && !(edge && k === 'port')).sort()) {
        out.push(ctx.report([...dat, 'destination', key], `${route} also sets destination.${key}: Argo CD keeps the live spec.http of this VirtualService, so it could never change from Git`, hint));
      }
      const host = str(target.host);
      if (host !== undefined && !m.services.includes(shortHost(host))) {
        out.push(ctx.report([...dat, 'destination', 'host'], `${route} sends traffic to "${host}", neither of its Services (${m.services.map((s) => `"${s}"`).join(', ')}); the controller removes such a destination`, 'route only to the stable and the canary Service'));
      }
    });
  });
  return out;
}

export const weightedRouteOnly: Rule = {
  id: 'weighted-route-only',
  description: 'A VirtualService whose weights a Rollout moves holds only the weighted route: no other HTTP route, match, retries, timeout or destination setting (Argo CD keeps its live spec.http).',
  severity: { development: 'error', production: 'error' },
  applies: (o) => o.kind === 'VirtualService' && String(o.apiVersion).startsWith('networking.istio.io/'),
  check(obj, ctx) {
    return managers(obj, ctx.neighbours).flatMap((m) => checkRoutes(obj, m, ctx));
  },
};
