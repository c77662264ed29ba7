import { CANARY_ANNOTATIONS, canaryServiceName } from './conventions.js';
import { PRIMARY_ROUTE } from './mesh.js';
/** Seconds the canary pods stay up after an abort, so that clients drain (the controller's default). */
const ABORT_SCALE_DOWN_DELAY_SECONDS = 30;
/**
 * The Rollout. `spec` (apart from `strategy`) and the pod template are the Deployment's, so an
 * environment that switches kinds runs the same pods.
 */
export function rollout(i, metadata, spec) {
    const g = i.grayRelease;
    const name = i.service.name;
    const annotations = {
        [CANARY_ANNOTATIONS.steps]: g.steps.join(','),
        [CANARY_ANNOTATIONS.control]: g.control,
        ...(g.canary ? { [CANARY_ANNOTATIONS.version]: g.canary.version, [CANARY_ANNOTATIONS.weight]: String(g.canary.weight) } : {}),
    };
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: { ...metadata, annotations },
        spec: {
            ...spec,
            strategy: {
                canary: {
                    stableService: name,
                    canaryService: canaryServiceName(name),
                    trafficRouting: { istio: { virtualService: { name, routes: [PRIMARY_ROUTE] } } },
                    // The stable ReplicaSet keeps its full size during the canary, so an abort moves all traffic
                    // back at once, without waiting for pods to start.
                    dynamicStableScale: false,
                    abortScaleDownDelaySeconds: ABORT_SCALE_DOWN_DELAY_SECONDS,
                    ...(g.analysis
                        ? {
                            analysis: {
                                templates: [{ templateName: canaryServiceName(name) }],
                                startingStep: 1,
                                args: [
                                    { name: 'service', value: canaryServiceName(name) },
                                    { name: 'namespace', value: i.env.namespace },
                                ],
                            },
                        }
                        : {}),
                    steps: canarySteps(g),
                },
            },
        },
    };
}
/**
 * `auto`: a weight and a timed pause per step below 100; the controller then promotes.
 *
 * `git`: only the committed weight, then an indefinite pause unless it is 100; with no canary in
 * progress the committed weight is 100 (the stable version carries all traffic). Only the one weight,
 * because every reviewed `advance` changes the steps, and Argo Rollouts treats changed steps as a new
 * start: `PodTemplateOrStepsChanged` (the status' `currentStepHash` differs from the steps' hash) makes
 * `syncRolloutStatusCanary` call `resetRolloutStatus`, which sets `currentStepIndex` back to 0 and
 * clears the pause (rollout/canary.go, rollout/sync.go). Steps listing every weight so far would walk
 * the canary back through the lower weights (50 % → 5 → 20 → 50); with `[setWeight: w, pause: {}]`
 * step 0 *is* the newly reviewed weight, so traffic goes straight to it and never below the weight
 * reviewed before.
 */
export function canarySteps(g) {
    if (g.control === 'auto')
        return g.steps.filter((w) => w < 100).flatMap((w) => [{ setWeight: w }, { pause: { duration: g.pause } }]);
    const held = g.canary?.weight ?? 100;
    return held < 100 ? [{ setWeight: held }, { pause: {} }] : [{ setWeight: held }];
}
