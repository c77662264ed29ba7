/**
 * The Istio VirtualService of a service: a gray release's route whose weights the Rollouts controller
 * moves, for the mesh and, where the service is an edge target, for the environment's Gateway too; and
 * the Gateway's route to an edge target without a gray release.
 */
import type { GrayInstance, ServiceInstance } from '../model/types.js';
import { canaryServiceName, PORTS, serviceLabels } from './conventions.js';
import { EDGE_ROUTE, edgeHosts, gatewayRef, HTTPS_PORT } from './edge-names.js';
import type { VirtualService } from './kinds.js';

/** Name of the one HTTP route of the VirtualService, which the Rollout names in `trafficRouting`. */
const PRIMARY_ROUTE = 'primary';

/**
 * The mesh route the controller shifts: stable 100, canary 0 as committed; the live weights are the
 * controller's. Nothing else, ever: Argo CD syncs this object's live `spec.http` (argo-cd#17694), so
 * retries, timeouts or other routes here could never change from Git (`policy/weighted-route-only`).
 */
export function virtualService(i: GrayInstance): VirtualService {
  const name = i.service.name;
  const hosts = edgeHosts(i).map((h) => h.host);
  const weighted = (port: boolean) => [
    { destination: { host: name, ...(port ? { port: { number: PORTS.http } } : {}) }, weight: 100 },
    { destination: { host: canaryServiceName(name), ...(port ? { port: { number: PORTS.http } } : {}) }, weight: 0 },
  ];
  const primary = { name: PRIMARY_ROUTE, route: weighted(false) };
  if (hosts.length === 0) {
    return { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: i.env.namespace, labels: serviceLabels(name, i.service.group) }, spec: { hosts: [name], http: [primary] } };
  }
  // An edge target: the same object carries the Gateway's route, so the Rollout moves the weights of
  // both (`edgeRoutes`). The gateway needs the port (a destination without one on a Service of several
  // ports goes to the listener's port: istio pilot/pkg/networking/core/route/route.go:351-375 @ 1.30.3);
  // the mesh route keeps none, so gRPC callers keep their port.
  const gateway = gatewayRef(i.cluster, i.env.name);
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: i.env.namespace, labels: serviceLabels(name, i.service.group) },
    spec: {
      hosts: [name, ...hosts],
      gateways: ['mesh', gateway],
      http: [{ name: EDGE_ROUTE, match: [{ gateways: [gateway], port: HTTPS_PORT }], route: weighted(true) }, primary],
    },
  };
}

/** The HTTP routes of a gray release's VirtualService the Rollout moves: the mesh's, and the edge's where it is an edge target. */
export function weightedRoutes(i: GrayInstance): string[] {
  return edgeHosts(i).length > 0 ? [PRIMARY_ROUTE, EDGE_ROUTE] : [PRIMARY_ROUTE];
}

/**
 * The Gateway's route to an edge target without a gray release, bound to the Gateway alone (the mesh
 * reaches the Service directly). Port 443 only: port 80 is the redirect's and the ACME solver's
 * (render/edge.ts). A path prefix with `cacheControl` gets its header for the CDN, longest first.
 */
export function edgeVirtualService(i: ServiceInstance): VirtualService | undefined {
  const hosts = edgeHosts(i);
  if (hosts.length === 0) return undefined;
  const name = i.service.name;
  const gateway = gatewayRef(i.cluster, i.env.name);
  const route = [{ destination: { host: name, port: { number: PORTS.http } } }];
  const caching = hosts.flatMap((h) =>
    Object.entries(h.cacheControl ?? {}).map(([prefix, value]) => ({ host: h.host, prefix, value })),
  ).sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0) || (a.host < b.host ? -1 : 1));
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: i.env.namespace, labels: serviceLabels(name, i.service.group) },
    spec: {
      hosts: hosts.map((h) => h.host),
      gateways: [gateway],
      http: [
        ...caching.map((c, n) => ({
          name: `cache-${n}`,
          match: [{ port: HTTPS_PORT, authority: { exact: c.host }, uri: { prefix: c.prefix } }],
          headers: { response: { set: { 'cache-control': c.value } } },
          route,
        })),
        { name: EDGE_ROUTE, match: [{ port: HTTPS_PORT }], route },
      ],
    },
  };
}
