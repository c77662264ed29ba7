/**
 * The add-on Applications (platform/addons.yaml, docs/addons.md "Installing"): each syncs an
 * upstream chart or kustomization the simulation does not render. It stands in for it with what
 * decides whether the add-on works: its operator, one Deployment in the add-on's namespace. Once the
 * Application is Synced and that Deployment Healthy, the kinds of the add-on's pinned CRDs
 * (platform/crds/<addon>/<version>/) are served on its cluster; before, a custom resource of those
 * kinds is refused like any kind without its CRD (Cluster.refusal).
 */
import { ADDON_LABEL } from '../render/argocd-addons.js';
import { label, nameOf, rec, str } from './objects.js';
/** The add-on an Application installs, from its label; undefined for every other Application. */
export function addonOf(app) {
    return label(app, ADDON_LABEL);
}
const releases = new WeakMap();
/**
 * What an add-on Application applies, as the simulation sees it: the operator's Deployment in the
 * destination namespace, the same array for the same manifest (the controller caches by it).
 */
export function addonRelease(app) {
    const hit = releases.get(app);
    if (hit)
        return hit;
    const addon = addonOf(app) ?? nameOf(app);
    const spec = rec(app['spec']);
    const namespace = str(rec(spec['destination'])['namespace']) ?? 'default';
    const labels = { 'app.kubernetes.io/name': addon };
    const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: addon, namespace, labels },
        spec: {
            replicas: 1,
            selector: { matchLabels: labels },
            template: {
                metadata: { labels },
                spec: {
                    containers: [
                        {
                            name: 'manager',
                            image: `${addon}:${str(rec(spec['source'])['targetRevision']) ?? 'pinned'}`,
                            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
                            securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
                        },
                    ],
                },
            },
        },
    };
    const out = [deployment];
    releases.set(app, out);
    return out;
}
/**
 * Serves the kinds of an add-on's CRDs on `cluster` (its Application Synced, its operator Healthy);
 * returns whether a kind was new.
 */
export function serveAddonKinds(cluster, kinds) {
    let added = false;
    for (const k of kinds) {
        if (cluster.crds.has(k))
            continue;
        cluster.crds.add(k);
        added = true;
    }
    return added;
}
/** The namespace `CreateNamespace=true` creates before the sync (argo-cd controller/sync.go:337-338 @ v3.5.1). */
export function createNamespace(cluster, app, now) {
    const options = rec(rec(app['spec'])['syncPolicy'])['syncOptions'];
    if (!Array.isArray(options) || !options.includes('CreateNamespace=true'))
        return;
    const ns = str(rec(rec(app['spec'])['destination'])['namespace']);
    if (ns === undefined || cluster.namespace(ns))
        return;
    cluster.put(`/Namespace//${ns}`, { manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, generation: 1, appliedAt: now, status: { phase: 'Active' } });
}
