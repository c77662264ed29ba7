import { list, minimumReplicas, namespaceOf, podTemplate, rec, selects, workloadCandidates } from './pod.js';
export const pdbBlocksEviction = {
    id: 'pdb-blocks-eviction',
    description: 'A PodDisruptionBudget leaves room for one eviction: not `maxUnavailable: 0`, and `minAvailable` below the replicas.',
    severity: { development: 'warning', production: 'error' },
    applies: (o) => o.kind === 'PodDisruptionBudget',
    check(obj, ctx) {
        const spec = rec(obj.spec);
        const hint = 'set maxUnavailable: 1, so node drains and upgrades can proceed one pod at a time';
        const max = spec.maxUnavailable;
        if (max === 0 || max === '0%' || max === '0') {
            return [ctx.report(['spec', 'maxUnavailable'], `PodDisruptionBudget allows no pod to be unavailable: every voluntary eviction (node drain, upgrade) is blocked`, hint)];
        }
        const min = spec.minAvailable;
        if (min === '100%') {
            return [ctx.report(['spec', 'minAvailable'], 'PodDisruptionBudget requires 100% of the pods available: every voluntary eviction is blocked', hint)];
        }
        const percent = typeof min === 'string' ? /^(\d+)%$/.exec(min) : null;
        if (typeof min !== 'number' && !percent)
            return [];
        const selector = rec(spec.selector);
        return workloadCandidates(ctx.neighbours, namespaceOf(obj), selector)
            .filter((w) => selects(selector, w.pod.labels))
            .flatMap((w) => {
            const replicas = minimumReplicas(w.obj, ctx.neighbours);
            if (replicas === undefined)
                return [];
            // A percentage is rounded up, as the disruption controller scales it.
            const required = typeof min === 'number' ? min : Math.ceil((Number(percent[1]) * replicas) / 100);
            if (required < replicas)
                return [];
            const asked = typeof min === 'number' ? `${min}` : `${min} (${required} of ${replicas})`;
            return [ctx.report(['spec', 'minAvailable'], `PodDisruptionBudget requires ${asked} available pods but ${String(w.obj.kind)} "${String(rec(w.obj.metadata).name)}" may run only ${replicas}: every voluntary eviction is blocked`, hint)];
        });
    },
};
export const minReplicas = {
    id: 'min-replicas',
    description: 'In production a Deployment, StatefulSet or Rollout runs at least 2 replicas (with an HPA: minReplicas ≥ 2), so one pod is no single point of failure.',
    severity: { development: 'off', production: 'error' },
    applies: (o) => ['Deployment', 'StatefulSet', 'Rollout'].includes(String(o.kind)),
    check(obj, ctx) {
        const n = minimumReplicas(obj, ctx.neighbours);
        if (n === undefined || n >= 2)
            return [];
        return [ctx.report(['spec', 'replicas'], `${String(obj.kind)} may run a single replica (${n}): one pod is a single point of failure in production`, 'set replicas (and the HPA minReplicas) to at least 2 in apps/<service>/service.yaml')];
    },
};
export const topologySpread = {
    id: 'topology-spread',
    description: 'In production the replicas of a workload are spread over nodes and zones (topologySpreadConstraints or pod anti-affinity).',
    severity: { development: 'off', production: 'warning' },
    applies: (o) => ['Deployment', 'StatefulSet', 'Rollout'].includes(String(o.kind)),
    check(obj, ctx) {
        const pod = podTemplate(obj);
        if (!pod)
            return [];
        const antiAffinity = rec(rec(pod.spec.affinity).podAntiAffinity);
        if (list(pod.spec.topologySpreadConstraints).length > 0 || Object.keys(antiAffinity).length > 0)
            return [];
        return [ctx.report([...pod.at, 'topologySpreadConstraints'], `${String(obj.kind)} does not spread its replicas: one node or zone failure may take all of them`, 'set `topologySpread: true` for the environment in clusters/<cluster>/cluster.yaml, or add topologySpreadConstraints')];
    },
};
