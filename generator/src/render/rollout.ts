/**
 * A gray release (灰度发布) as Argo Rollouts and Istio objects: the canary Rollout (here), the
 * Service that carries the canary's traffic (networking.ts), the VirtualService whose weights the
 * Rollouts controller moves (mesh.ts), the PodMonitor that scrapes stable and canary pods alike
 * (monitoring.ts) and the AnalysisTemplate (analysis.ts).
 * Compatible with Argo Rollouts v1.7–v1.9 and Istio 1.22+ (`networking.istio.io/v1`);
 * docs/gray-releases.md explains the choices.
 */
import type { GrayReleaseConfig } from '../config/types.js';
import type { GrayInstance } from '../model/types.js';
import { CANARY_ANNOTATIONS, canaryServiceName } from './conventions.js';
import type { ObjectMeta, PodTemplate, Rollout } from './kinds.js';
import { weightedRoutes } from './mesh.js';

/** Seconds the canary pods stay up after an abort, so that clients drain (the controller's default). */
const ABORT_SCALE_DOWN_DELAY_SECONDS = 30;

type RolloutSpec = NonNullable<Rollout['spec']>;
type Canary = NonNullable<NonNullable<RolloutSpec['strategy']>['canary']>;
type CanaryStep = NonNullable<Canary['steps']>[number];

/**
 * The Rollout. `spec` (apart from `strategy`) and the pod template are the Deployment's, so an
 * environment that switches kinds runs the same pods.
 */
export function rollout(
  i: GrayInstance,
  metadata: ObjectMeta & { name: string },
  spec: Pick<RolloutSpec, 'replicas' | 'revisionHistoryLimit' | 'selector'> & { template: PodTemplate },
): Rollout {
  const g = i.grayRelease;
  const name = i.service.name;
  const annotations: Record<string, string> = {
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
          trafficRouting: { istio: { virtualService: { name, routes: weightedRoutes(i) } } },
          // The stable ReplicaSet keeps its full size during the canary, so an abort moves all traffic
          // back at once, without waiting for pods to start.
          dynamicStableScale: false,
          abortScaleDownDelaySeconds: ABORT_SCALE_DOWN_DELAY_SECONDS,
          ...(g.analysis
            ? ({
                analysis: {
                  templates: [{ templateName: canaryServiceName(name) }],
                  startingStep: 1,
                  args: [
                    { name: 'service', value: canaryServiceName(name) },
                    { name: 'namespace', value: i.env.namespace },
                  ],
                },
              } satisfies Pick<Canary, 'analysis'>)
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
export function canarySteps(g: GrayReleaseConfig): CanaryStep[] {
  if (g.control === 'auto') return g.steps.filter((w) => w < 100).flatMap((w) => [{ setWeight: w }, { pause: { duration: g.pause } }]);
  const held = g.canary?.weight ?? 100;
  return held < 100 ? [{ setWeight: held }, { pause: {} }] : [{ setWeight: held }];
}
