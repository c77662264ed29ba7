/**
 * Small accessors on Kubernetes objects as plain data, shared by every stage of the simulation.
 * The simulation never trusts a shape: a field that is absent or of the wrong type reads as absent.
 */
import { isPlainObject } from '../core/objects.js';

/** A Kubernetes object as plain JSON. */
export type Obj = Record<string, unknown>;

/** Argo CD's health statuses [gitops-engine pkg/health/health.go:17-33]. */
export type HealthStatus = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';

export interface Health {
  status: HealthStatus;
  message: string;
}

/** Worse-than order used to aggregate an Application's health [gitops-engine pkg/health/health.go:40-63]. */
const RANK: Record<HealthStatus, number> = { Healthy: 0, Suspended: 1, Progressing: 2, Missing: 3, Degraded: 4, Unknown: 5 };

export function isWorse(current: HealthStatus, candidate: HealthStatus): boolean {
  return RANK[candidate] > RANK[current];
}

export function rec(v: unknown): Obj {
  return isPlainObject(v) ? v : {};
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function meta(o: Obj): Obj {
  return rec(o['metadata']);
}

export function nameOf(o: Obj): string {
  return str(meta(o)['name']) ?? '';
}

export function namespaceOf(o: Obj): string | undefined {
  return str(meta(o)['namespace']);
}

export function groupOf(o: Obj): string {
  const v = str(o['apiVersion']) ?? '';
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}

export function kindOf(o: Obj): string {
  return str(o['kind']) ?? '';
}

/** `group/Kind`, with an empty group for the core API: `/Service`, `apps/Deployment`. */
export function groupKind(o: Obj): string {
  return `${groupOf(o)}/${kindOf(o)}`;
}

/** Identity of an object within one cluster. */
export function keyOf(o: Obj): string {
  return `${groupKind(o)}/${namespaceOf(o) ?? ''}/${nameOf(o)}`;
}

/** For people: `Deployment suoke-prod/xiaoai`, `Namespace suoke-prod`. */
export function describe(o: Obj): string {
  const ns = namespaceOf(o);
  return `${kindOf(o)} ${ns ? `${ns}/` : ''}${nameOf(o)}`;
}

export function annotation(o: Obj, key: string): string | undefined {
  return str(rec(meta(o)['annotations'])[key]);
}

export function label(o: Obj, key: string): string | undefined {
  return str(rec(meta(o)['labels'])[key]);
}

/** Whether `argocd.argoproj.io/sync-options` (comma separated) holds `option`, e.g. `Prune=false`. */
export function hasSyncOption(o: Obj, option: string): boolean {
  return (annotation(o, 'argocd.argoproj.io/sync-options') ?? '').split(',').map((s) => s.trim()).includes(option);
}

/** Cluster-scoped kinds among those a platform repository renders (everything else is namespaced). */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/PersistentVolume', '/Node', 'apiextensions.k8s.io/CustomResourceDefinition', 'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding', 'storage.k8s.io/StorageClass', 'scheduling.k8s.io/PriorityClass',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'apiregistration.k8s.io/APIService', 'networking.k8s.io/IngressClass', 'cert-manager.io/ClusterIssuer',
  'external-secrets.io/ClusterSecretStore', 'gateway.networking.k8s.io/GatewayClass',
]);

export function isClusterScoped(gk: string): boolean {
  return CLUSTER_SCOPED.has(gk);
}

/** API groups served by Kubernetes itself: their kinds need no CustomResourceDefinition. */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'scheduling.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'apiregistration.k8s.io', 'coordination.k8s.io',
  'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
]);

export function isBuiltIn(gk: string): boolean {
  return BUILT_IN_GROUPS.has(gk.slice(0, gk.indexOf('/')));
}
