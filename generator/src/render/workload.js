/**
 * A service's workload and what sizes it: the Deployment (or, for a gray release, the Rollout of
 * rollout.ts), the HorizontalPodAutoscaler and the PodDisruptionBudget.
 */
import { isGray } from '../model/build.js';
import { selectorLabels, serviceMeta } from './conventions.js';
import { podTemplate } from './pod.js';
import { rollout } from './rollout.js';
export function workload(i) {
    const template = podTemplate(i);
    const selector = { matchLabels: selectorLabels(i.service.name) };
    const replicas = workloadReplicas(i);
    if (isGray(i))
        return rollout(i, serviceMeta(i), { ...replicas, revisionHistoryLimit: 5, selector, template });
    return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: serviceMeta(i),
        spec: {
            ...replicas,
            revisionHistoryLimit: 5,
            selector,
            strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
            template,
        },
    };
}
/**
 * `spec.replicas` of the workload: the fixed count without an HPA; left out with one, so that the HPA
 * alone owns the count and Argo CD's self-heal has nothing to reset (Argo CD best practices, "Leaving
 * room for imperativeness"). The Applications therefore need no `ignoreDifferences` on replicas.
 */
export function workloadReplicas(i) {
    return i.autoscaling ? {} : { replicas: i.replicas };
}
/** Scales the workload between `a`'s bounds on CPU (and, where set, memory) utilisation. */
export function autoscaler(i, a) {
    const metric = (name, averageUtilization) => ({
        type: 'Resource',
        resource: { name, target: { type: 'Utilization', averageUtilization } },
    });
    return {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: serviceMeta(i),
        spec: {
            scaleTargetRef: { apiVersion: i.workload === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1', kind: i.workload, name: i.service.name },
            minReplicas: a.minReplicas,
            maxReplicas: a.maxReplicas,
            metrics: [metric('cpu', a.cpu), ...(a.memory !== undefined ? [metric('memory', a.memory)] : [])],
            behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
        },
    };
}
export function disruptionBudget(i) {
    return {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: serviceMeta(i),
        spec: {
            maxUnavailable: 1,
            selector: { matchLabels: selectorLabels(i.service.name) },
            unhealthyPodEvictionPolicy: 'AlwaysAllow',
        },
    };
}
