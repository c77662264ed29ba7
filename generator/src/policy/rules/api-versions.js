/**
 * Deprecated and removed API versions, Kubernetes 1.x minors, as the Deprecated API Migration Guide
 * lists them (kubernetes.io/docs/reference/using-api/deprecation-guide: removals in 1.16, 1.22, 1.25,
 * 1.26, 1.27, 1.29, 1.32). Alpha versions are not listed there (they may go in any release, and are
 * off by default), so none is here.
 */
const API_CHANGES = {
    'extensions/v1beta1': [
        { deprecated: 9, removed: 16, use: 'apps/v1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'] },
        { deprecated: 9, removed: 16, use: 'networking.k8s.io/v1', kinds: ['NetworkPolicy'] },
        { deprecated: 14, removed: 22, use: 'networking.k8s.io/v1', kinds: ['Ingress'] },
    ],
    'apps/v1beta1': [{ deprecated: 9, removed: 16, use: 'apps/v1' }],
    'apps/v1beta2': [{ deprecated: 9, removed: 16, use: 'apps/v1' }],
    'networking.k8s.io/v1beta1': [{ deprecated: 19, removed: 22, use: 'networking.k8s.io/v1' }],
    'rbac.authorization.k8s.io/v1beta1': [{ deprecated: 17, removed: 22, use: 'rbac.authorization.k8s.io/v1' }],
    'admissionregistration.k8s.io/v1beta1': [{ deprecated: 16, removed: 22, use: 'admissionregistration.k8s.io/v1' }],
    'apiextensions.k8s.io/v1beta1': [{ deprecated: 16, removed: 22, use: 'apiextensions.k8s.io/v1' }],
    'apiregistration.k8s.io/v1beta1': [{ deprecated: 19, removed: 22, use: 'apiregistration.k8s.io/v1' }],
    'certificates.k8s.io/v1beta1': [{ deprecated: 19, removed: 22, use: 'certificates.k8s.io/v1' }],
    'coordination.k8s.io/v1beta1': [{ deprecated: 19, removed: 22, use: 'coordination.k8s.io/v1' }],
    'scheduling.k8s.io/v1beta1': [{ deprecated: 14, removed: 22, use: 'scheduling.k8s.io/v1' }],
    'storage.k8s.io/v1beta1': [
        { deprecated: 24, removed: 27, use: 'storage.k8s.io/v1', kinds: ['CSIStorageCapacity'] },
        { deprecated: 19, removed: 22, use: 'storage.k8s.io/v1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'] },
    ],
    'batch/v1beta1': [{ deprecated: 21, removed: 25, use: 'batch/v1', kinds: ['CronJob'] }],
    'discovery.k8s.io/v1beta1': [{ deprecated: 21, removed: 25, use: 'discovery.k8s.io/v1' }],
    'events.k8s.io/v1beta1': [{ deprecated: 19, removed: 25, use: 'events.k8s.io/v1' }],
    'autoscaling/v2beta1': [{ deprecated: 22, removed: 25, use: 'autoscaling/v2' }],
    'autoscaling/v2beta2': [{ deprecated: 23, removed: 26, use: 'autoscaling/v2' }],
    'policy/v1beta1': [
        { deprecated: 21, removed: 25, use: 'policy/v1', kinds: ['PodDisruptionBudget'] },
        { deprecated: 21, removed: 25, use: 'Pod Security admission (namespace labels)', kinds: ['PodSecurityPolicy'] },
    ],
    'node.k8s.io/v1beta1': [{ deprecated: 20, removed: 25, use: 'node.k8s.io/v1' }],
    'flowcontrol.apiserver.k8s.io/v1beta1': [{ deprecated: 23, removed: 26, use: 'flowcontrol.apiserver.k8s.io/v1' }],
    'flowcontrol.apiserver.k8s.io/v1beta2': [{ deprecated: 26, removed: 29, use: 'flowcontrol.apiserver.k8s.io/v1' }],
    'flowcontrol.apiserver.k8s.io/v1beta3': [{ deprecated: 29, removed: 32, use: 'flowcontrol.apiserver.k8s.io/v1' }],
};
/** `1.31` → 31; `undefined` for anything else. */
function minor(v) {
    const m = /^1\.(\d+)$/.exec(v);
    return m ? Number(m[1]) : undefined;
}
export const deprecatedApi = {
    id: 'deprecated-api',
    description: "API versions the cluster's Kubernetes version no longer serves (error) or has deprecated (warning).",
    severity: { development: 'error', production: 'error' },
    applies: (o) => String(o.apiVersion) in API_CHANGES,
    check(obj, ctx) {
        const version = minor(ctx.kubernetesVersion);
        if (version === undefined)
            return [];
        const change = API_CHANGES[String(obj.apiVersion)].find((c) => !c.kinds || c.kinds.includes(String(obj.kind)));
        if (!change)
            return [];
        const what = `${String(obj.apiVersion)} ${String(obj.kind)}`;
        const hint = `use ${change.use}`;
        if (version >= change.removed) {
            return [ctx.report(['apiVersion'], `${what} was removed in Kubernetes 1.${change.removed}; the cluster runs ${ctx.kubernetesVersion}`, hint)];
        }
        if (version >= change.deprecated) {
            return [ctx.report(['apiVersion'], `${what} is deprecated since Kubernetes 1.${change.deprecated} and removed in 1.${change.removed}`, hint, 'warning')];
        }
        return [];
    },
};
