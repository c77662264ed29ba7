/**
 * Small accessors on Kubernetes objects as plain data, shared by every stage of the simulation.
 * The simulation never trusts a shape: a field that is absent or of the wrong type reads as absent.
 */
import { isPlainObject } from '../core/objects.js';
/** Worse-than order used to aggregate an Application's health [gitops-engine pkg/health/health.go:40-63]. */
const RANK = { Healthy: 0, Suspended: 1, Progressing: 2, Missing: 3, Degraded: 4, Unknown: 5 };
export function isWorse(current, candidate) {
    return RANK[candidate] > RANK[current];
}
export function rec(v) {
    return isPlainObject(v) ? v : {};
}
export function list(v) {
    return Array.isArray(v) ? v : [];
}
export function str(v) {
    return typeof v === 'string' ? v : undefined;
}
export function meta(o) {
    return rec(o['metadata']);
}
export function nameOf(o) {
    return str(meta(o)['name']) ?? '';
}
export function namespaceOf(o) {
    return str(meta(o)['namespace']);
}
export function groupOf(o) {
    const v = str(o['apiVersion']) ?? '';
    return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}
export function kindOf(o) {
    return str(o['kind']) ?? '';
}
/** `group/Kind`, with an empty group for the core API: `/Service`, `apps/Deployment`. */
export function groupKind(o) {
    return `${groupOf(o)}/${kindOf(o)}`;
}
/** Identity of an object within one cluster. */
export function keyOf(o) {
    return `${groupKind(o)}/${namespaceOf(o) ?? ''}/${nameOf(o)}`;
}
/** For people: `Deployment suoke-prod/xiaoai`, `Namespace suoke-prod`. */
export function describe(o) {
    const ns = namespaceOf(o);
    return `${kindOf(o)} ${ns ? `${ns}/` : ''}${nameOf(o)}`;
}
export function annotation(o, key) {
    return str(rec(meta(o)['annotations'])[key]);
}
export function label(o, key) {
    return str(rec(meta(o)['labels'])[key]);
}
/** Whether `argocd.argoproj.io/sync-options` (comma separated) holds `option`, e.g. `Prune=false`. */
export function hasSyncOption(o, option) {
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
export function isClusterScoped(gk) {
    return CLUSTER_SCOPED.has(gk);
}
/** API groups served by Kubernetes itself: their kinds need no CustomResourceDefinition. */
const BUILT_IN_GROUPS = new Set([
    '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io',
    'scheduling.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'apiregistration.k8s.io', 'coordination.k8s.io',
    'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
]);
export function isBuiltIn(gk) {
    return BUILT_IN_GROUPS.has(gk.slice(0, gk.indexOf('/')));
}
