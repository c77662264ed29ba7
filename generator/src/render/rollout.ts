/**
 * A gray release (灰度发布) as Argo Rollouts and Istio objects: the canary Rollout, the Service that
 * carries the canary's traffic, the VirtualService whose weights the Rollouts controller moves, and the
 * PodMonitor that scrapes stable and canary pods alike (the AnalysisTemplate is in analysis.ts).
 * Compatible with Argo Rollouts v1.7–v1.9 and Istio 1.22+ (`networking.istio.io/v1`);
 * docs/gray-releases.md explains the choices.
 */
import type { GrayReleaseConfig } from '../config/types.js';
import type { ServiceInstance } from '../model/types.js';
import { CANARY_ANNOTATIONS, canaryServiceName, SCRAPE, selectorLabels, serviceLabels } from './conventions.js';
import type { K8sObject } from './service-objects.js';

/** Name of the one HTTP route of the VirtualService, which the Rollout names in `trafficRouting`. */
export const PRIMARY_ROUTE = 'primary';

/** Seconds the canary pods stay up after an abort, so that clients drain (the controller's default). */
const ABORT_SCALE_DOWN_DELAY_SECONDS = 30;

type Gray = ServiceInstance & { grayRelease: GrayReleaseConfig };

/** Whether the instance runs as a canary Rollout. */
export function isGray(i: ServiceInstance): i is Gray {
  return i.workload === 'Rollout' && i.grayRelease !== undefined;
}

/**
 * The Rollout. `spec` (apart from `strategy`) and the pod template are the Deployment's, so an
 * environment that switches kinds runs the same pods.
 */
export function rollout(i: Gray, metadata: K8sObject['metadata'], spec: { replicas?: number; revisionHistoryLimit: number; selector: unknown; template: unknown }): K8sObject {
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
export function canarySteps(g: GrayReleaseConfig): Record<string, unknown>[] {
  if (g.control === 'auto') return g.steps.filter((w) => w < 100).flatMap((w) => [{ setWeight: w }, { pause: { duration: g.pause } }]);
  const held = g.canary?.weight ?? 100;
  return held < 100 ? [{ setWeight: held }, { pause: {} }] : [{ setWeight: held }];
}

/** The Service the VirtualService sends canary traffic to; the controller pins its selector to the canary pods. */
export function canaryService(i: Gray, service: K8sObject): K8sObject {
  const spec = service.spec as { ports: { name: string }[] };
  // Application ports only: the pods' metrics are scraped by the PodMonitor, not through a Service.
  const ports = spec.ports.filter((p) => p.name !== 'metrics');
  return { ...service, metadata: { ...service.metadata, name: canaryServiceName(i.service.name) }, spec: { ...spec, ports } };
}

/**
 * The mesh route the controller shifts: stable 100, canary 0 as committed; the live weights are the
 * controller's. Nothing else, ever: Argo CD syncs this object's live `spec.http` (argo-cd#17694), so
 * retries, timeouts or other routes here could never change from Git (`policy/weighted-route-only`).
 */
export function virtualService(i: Gray): K8sObject {
  const name = i.service.name;
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: i.env.namespace, labels: serviceLabels(name, i.service.group) },
    spec: {
      hosts: [name],
      http: [
        {
          name: PRIMARY_ROUTE,
          route: [
            { destination: { host: name }, weight: 100 },
            { destination: { host: canaryServiceName(name) }, weight: 0 },
          ],
        },
      ],
    },
  };
}

/**
 * Scrapes every pod of the Rollout, stable and canary. A ServiceMonitor would not: it scrapes the
 * endpoints of Services, and the Rollouts controller pins the stable Service's selector to the stable
 * ReplicaSet (`rollouts-pod-template-hash`), so the canary pods would go unscraped; through the canary
 * Service too, every pod would be scraped twice once the canary is promoted (both Services then select
 * the same pods). `jobLabel` keeps the `job` label the service's name, as the ServiceMonitor's is
 * where the service runs as a Deployment.
 */
export function podMonitor(i: Gray, labels: Record<string, string>): K8sObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: i.service.name, namespace: i.env.namespace, labels },
    spec: {
      jobLabel: 'app.kubernetes.io/name',
      selector: { matchLabels: selectorLabels(i.service.name) },
      podMetricsEndpoints: [{ port: 'metrics', path: '/metrics', interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
    },
  };
}
