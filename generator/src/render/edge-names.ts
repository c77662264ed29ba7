/**
 * Names the edge objects share (render/edge.ts, render/mesh.ts, render/rollout.ts): the environment's
 * Gateway in the ingress namespace, the Secret its certificate lands in, and the hosts routed to one
 * service. Derived from the configuration only, so every builder agrees on them.
 */
import type { EnvironmentConfig, ClusterConfig } from '../config/types.js';
import type { ServiceInstance } from '../model/types.js';

/** Name of an environment's Gateway (and prefix of its other edge objects), e.g. `suoke-prod`. */
export function gatewayName(env: string): string {
  return `suoke-${env}`;
}

/** `<ingressNamespace>/<gateway>`, as a VirtualService names a Gateway of another namespace. */
export function gatewayRef(cluster: ClusterConfig, env: string): string {
  return `${cluster.ingressNamespace}/${gatewayName(env)}`;
}

/** The Secret cert-manager writes the environment's certificate to, which the Gateway's servers name as `credentialName`. */
export function tlsSecretName(env: string): string {
  return `${gatewayName(env)}-tls`;
}

/** Name of the HTTP route a gray release's VirtualService adds for the edge; its Rollout moves its weights too. */
export const EDGE_ROUTE = 'edge';

/** The gateway's HTTPS port: edge routes match it, so that port 80 carries only the redirect and the ACME challenges. */
export const HTTPS_PORT = 443;

/** The public hosts of the environment routed to this service (in configuration order); empty for a service that is no edge target. */
export function edgeHosts(i: ServiceInstance): EdgeHostConfig[] {
  return (i.env.edge?.hosts ?? []).filter((h) => h.service === i.service.name);
}

/** One `edge.hosts` entry of an environment. */
export type EdgeHostConfig = NonNullable<EnvironmentConfig['edge']>['hosts'][number];
