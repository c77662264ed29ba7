/**
 * A service's network objects: its Service (and a gray release's canary Service) and the
 * NetworkPolicy that lets exactly its declared callers in and its declared dependencies out.
 */
import type { GrayInstance, ServiceInstance } from '../model/types.js';
import { canaryServiceName, PORTS, PRIVATE_RANGES, selectorLabels, serviceMeta } from './conventions.js';
import type { NetworkPolicy, Service } from './kinds.js';
import { containerPorts } from './pod.js';
import { VERIFICATION_LABEL } from './verification/k6.js';
import { verificationPeers } from './verification/index.js';

type PolicySpec = NonNullable<NetworkPolicy['spec']>;
type IngressRule = NonNullable<PolicySpec['ingress']>[number];
type EgressRule = NonNullable<PolicySpec['egress']>[number];
type PolicyPort = NonNullable<IngressRule['ports']>[number];
type IPBlock = NonNullable<NonNullable<EgressRule['to']>[number]['ipBlock']>;

export function service(i: ServiceInstance): Service {
  const ports = containerPorts(i).map((p) => ({
    name: p.name,
    port: p.containerPort,
    targetPort: p.name,
    protocol: 'TCP' as const,
    appProtocol: p.name === 'grpc' ? 'grpc' : 'http',
  }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: serviceMeta(i),
    spec: { type: 'ClusterIP', selector: selectorLabels(i.service.name), ports },
  };
}

/** The Service the VirtualService sends canary traffic to; the controller pins its selector to the canary pods. */
export function canaryService(i: GrayInstance, service: Service): Service {
  const spec = service.spec ?? {};
  // Application ports only: the pods' metrics are scraped by the PodMonitor, not through a Service.
  const ports = (spec.ports ?? []).filter((p) => p.name !== 'metrics');
  return { ...service, metadata: { ...service.metadata, name: canaryServiceName(i.service.name) }, spec: { ...spec, ports } };
}

const tcp = (port: number): PolicyPort => ({ protocol: 'TCP', port });

/** Allows exactly the declared callers (and the environment's test pods) in, and exactly the declared dependencies out. DNS is allowed per namespace. */
export function networkPolicy(i: ServiceInstance): NetworkPolicy {
  const s = i.service;
  const appPorts = [tcp(PORTS.http), ...(s.grpc ? [tcp(PORTS.grpc)] : [])];
  const ingress: IngressRule[] = [];
  if (i.callers.length > 0) {
    ingress.push({ from: i.callers.map((c) => ({ podSelector: { matchLabels: selectorLabels(c) } })), ports: appPorts });
  }
  if (s.exposed) {
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': i.cluster.ingressNamespace } } }],
      ports: [tcp(PORTS.http)],
    });
  }
  // The smoke and load tests' pods (render/verification): the HTTP port, where they request.
  const testers = verificationPeers(i);
  if (testers.length > 0) {
    ingress.push({ from: testers.map((v) => ({ podSelector: { matchLabels: { [VERIFICATION_LABEL]: v } } })), ports: [tcp(PORTS.http)] });
  }
  if (s.metrics) {
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': i.cluster.monitoringNamespace } } }],
      ports: [tcp(PORTS.metrics)],
    });
  }
  const egress: EgressRule[] = [];
  for (const callee of i.calls) {
    const ports = [tcp(PORTS.http), ...(callee.grpc ? [tcp(PORTS.grpc)] : [])];
    egress.push({ to: [{ podSelector: { matchLabels: selectorLabels(callee.name) } }], ports });
  }
  // One peer with both selectors: the data service's pods in its own namespace (NetworkPolicyPeer:
  // namespaceSelector and podSelector together select the pods matching both; docs/networking.md).
  for (const d of i.data) {
    egress.push({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': d.namespace } }, podSelector: { matchLabels: { ...d.podLabels } } }],
      ports: [tcp(d.port)],
    });
  }
  for (const x of s.external) {
    const anywhere = x.cidr === '0.0.0.0/0';
    egress.push({
      to: [{ ipBlock: { cidr: x.cidr, ...(anywhere ? ({ except: PRIVATE_RANGES } satisfies Pick<IPBlock, 'except'>) : {}) } }],
      ports: x.ports.map(tcp),
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: serviceMeta(i),
    spec: {
      podSelector: { matchLabels: selectorLabels(s.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}
