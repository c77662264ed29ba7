/**
 * The node selector and tolerations of pods placed on `pool` of `cluster`. A pool the cluster does
 * not declare is a configuration error reported by the config checks (`config/cluster/data-services.ts`),
 * so it is an internal error here.
 */
export function poolScheduling(cluster, pool) {
    const p = cluster.nodePools?.find((x) => x.name === pool);
    if (!p)
        throw new Error(`node pool \`${pool}\` is not declared in ${cluster.file} (the config checks should have said so)`);
    return schedulingOf(p);
}
/** The node selector and tolerations of pods placed on the pool `p`. */
export function schedulingOf(p) {
    return {
        nodeSelector: { ...p.labels },
        tolerations: p.taints.map((t) => ({ key: t.key, operator: 'Equal', value: t.value, effect: t.effect })),
    };
}
/**
 * The pool a service runs in: the one listing it under `services`, else the first listing its group.
 * `undefined` when no pool names either (then its pods may run on any untainted node).
 */
export function hostPool(pools, service, group) {
    return pools?.find((p) => p.services.includes(service)) ?? pools?.find((p) => group !== undefined && p.groups.includes(group));
}
/** Whether one toleration matches one taint (`ToleratesTaint`). */
function tolerates(t, taint) {
    if (t.effect && t.effect !== taint.effect)
        return false;
    if (t.key && t.key !== taint.key)
        return false;
    const operator = t.operator ?? 'Equal';
    return operator === 'Exists' || (operator === 'Equal' && (t.value ?? '') === taint.value);
}
/**
 * Why a pod with `nodeSelector` and `tolerations` cannot run on the nodes of `pool`, or `undefined`
 * when it can: a selector the pool's labels do not satisfy, or a `NoSchedule`/`NoExecute` taint no
 * toleration matches.
 */
export function schedulesOn(pool, nodeSelector, tolerations) {
    const missing = Object.entries(nodeSelector).filter(([k, v]) => pool.labels[k] !== v);
    if (missing.length > 0)
        return `its nodes lack the label${missing.length === 1 ? '' : 's'} ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`;
    const untolerated = pool.taints.find((taint) => taint.effect !== 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint)));
    return untolerated ? `its nodes are tainted ${untolerated.key}=${untolerated.value}:${untolerated.effect} and the pod does not tolerate it` : undefined;
}
