/**
 * Resource health as Argo CD computes it [gitops-engine pkg/health/health.go:66-95 @ 4c6e03c]: an
 * object being deleted is Progressing; a Lua check configured in `argocd-cm` comes first
 * [argo-cd util/lua/lua.go:136-156 @ v2.13.9]; then the checks Argo CD ships (Go in gitops-engine,
 * Lua under resource_customizations, re-expressed here); no check → `undefined` (no health).
 */
import { runHealthLua } from './lua.js';
import { ECK_HEALTH } from './health-eck.js';
import { groupKind, list, meta, rec, str, type Health, type Obj } from './objects.js';

/** Lua health checks by `group/Kind`, read from the live `argocd-cm`. */
export type HealthOverrides = ReadonlyMap<string, string>;

const PREFIX = 'resource.customizations.health.';

/** The `resource.customizations.health.<group>_<kind>` keys of an `argocd-cm` data map. */
export function healthOverrides(data: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(data)) {
    if (!k.startsWith(PREFIX) || typeof v !== 'string') continue;
    const gk = k.slice(PREFIX.length);
    const at = gk.lastIndexOf('_');
    out.set(`${gk.slice(0, Math.max(at, 0))}/${gk.slice(at + 1)}`, v);
  }
  return out;
}

export function resourceHealth(obj: Obj, overrides: HealthOverrides): Health | undefined {
  if (meta(obj)['deletionTimestamp'] !== undefined) return { status: 'Progressing', message: 'Pending deletion' };
  const script = overrides.get(groupKind(obj));
  if (script !== undefined) return runHealthLua(script, obj);
  return BUILT_IN.get(groupKind(obj))?.(obj, rec(obj['spec']), rec(obj['status']));
}

type Check = (obj: Obj, spec: Obj, status: Obj) => Health;

const healthy = (message = ''): Health => ({ status: 'Healthy', message });
const progressing = (message: string): Health => ({ status: 'Progressing', message });

function condition(status: Obj, type: string): Obj | undefined {
  return list(status['conditions']).map(rec).find((c) => c['type'] === type);
}

function generationObserved(obj: Obj, status: Obj): boolean {
  return Number(meta(obj)['generation'] ?? 0) <= Number(status['observedGeneration'] ?? -1);
}

/** gitops-engine pkg/health/health_deployment.go:24-68 @ 4c6e03c. */
const deployment: Check = (obj, spec, status) => {
  if (spec['paused'] === true) return { status: 'Suspended', message: 'Deployment is paused' };
  if (!generationObserved(obj, status)) return progressing('Waiting for rollout to finish: observed deployment generation less than desired generation');
  if (condition(status, 'Progressing')?.['reason'] === 'ProgressDeadlineExceeded') {
    return { status: 'Degraded', message: `Deployment ${JSON.stringify(meta(obj)['name'])} exceeded its progress deadline` };
  }
  const want = Number(spec['replicas'] ?? 1);
  const updated = Number(status['updatedReplicas'] ?? 0);
  const available = Number(status['availableReplicas'] ?? 0);
  if (updated < want) return progressing(`Waiting for rollout to finish: ${updated} out of ${want} new replicas have been updated...`);
  if (Number(status['replicas'] ?? 0) > updated) return progressing('Waiting for rollout to finish: old replicas are pending termination...');
  if (available < updated) return progressing(`Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`);
  return healthy();
};

/** gitops-engine pkg/health/health_statefulset.go:29-70 @ 4c6e03c (partitions and OnDelete left out). */
const statefulSet: Check = (obj, spec, status) => {
  if (!generationObserved(obj, status)) return progressing('Waiting for statefulset spec update to be observed...');
  const want = Number(spec['replicas'] ?? 1);
  const ready = Number(status['readyReplicas'] ?? 0);
  if (ready < want) return progressing(`Waiting for ${want - ready} pods to be ready...`);
  return healthy(`statefulset rolling update complete ${ready} pods at revision`);
};

/** gitops-engine pkg/health/health_service.go:27-37 @ 4c6e03c. */
const service: Check = (_obj, spec, status) =>
  spec['type'] === 'LoadBalancer' && list(rec(status['loadBalancer'])['ingress']).length === 0 ? progressing('') : healthy();

/** gitops-engine pkg/health/health_ingress.go:7-16 @ 4c6e03c. */
const ingress: Check = (_obj, _spec, status) => (list(rec(status['loadBalancer'])['ingress']).length > 0 ? healthy() : progressing(''));

/** gitops-engine pkg/health/health_pvc.go:27-40 @ 4c6e03c. */
const pvc: Check = (_obj, _spec, status) => {
  const phase = str(status['phase']);
  if (phase === 'Lost') return { status: 'Degraded', message: '' };
  if (phase === 'Pending') return progressing('');
  if (phase === 'Bound') return healthy();
  return { status: 'Unknown', message: '' };
};

/** gitops-engine pkg/health/health_job.go:28-70 @ 4c6e03c. */
const job: Check = (_obj, spec, status) => {
  if (condition(status, 'Failed')?.['status'] === 'True') return { status: 'Degraded', message: str(condition(status, 'Failed')?.['message']) ?? '' };
  if (condition(status, 'Complete')?.['status'] === 'True') return healthy(str(condition(status, 'Complete')?.['message']) ?? '');
  if (spec['suspend'] === true) return { status: 'Suspended', message: 'job is suspended' };
  return progressing('job is running');
};

/** gitops-engine pkg/health/health_hpa.go:17-21, 134-177 @ 4c6e03c. */
const hpa: Check = (_obj, _spec, status) => {
  const conditions = list(status['conditions']).map(rec);
  if (conditions.length === 0) return progressing('Waiting to Autoscale');
  const degraded = conditions.find(
    (c) => (c['type'] === 'AbleToScale' && ['FailedGetScale', 'FailedUpdateScale'].includes(String(c['reason']))) ||
      (c['type'] === 'ScalingActive' && ['FailedGetResourceMetric', 'InvalidSelector'].includes(String(c['reason']))),
  );
  if (degraded) return { status: 'Degraded', message: str(degraded['message']) ?? '' };
  if (conditions.some((c) => (c['type'] === 'AbleToScale' || c['type'] === 'ScalingLimited') && c['status'] === 'True')) return healthy();
  return progressing('Waiting to Autoscale');
};

/** gitops-engine pkg/health/health_apiservice.go:35-55 @ 4c6e03c. */
const apiService: Check = (_obj, _spec, status) => {
  const c = condition(status, 'Available');
  if (!c) return progressing('Waiting to be processed');
  return c['status'] === 'True' ? healthy() : progressing(str(c['message']) ?? '');
};

/** argo-cd resource_customizations/argoproj.io/Rollout/health.lua:81-98 @ v2.13.9 (phase reported by Argo Rollouts ≥ 1.0). */
const rollout: Check = (obj, _spec, status) => {
  if (String(meta(obj)['generation'] ?? '') !== String(status['observedGeneration'] ?? '')) return progressing('Waiting for rollout spec update to be observed');
  const phase = str(status['phase']);
  if (phase === 'Paused') return { status: 'Suspended', message: str(status['message']) ?? 'Rollout is paused' };
  if (phase === 'Healthy' || phase === 'Progressing' || phase === 'Degraded') return { status: phase, message: str(status['message']) ?? '' };
  return progressing('Waiting for rollout to report its phase');
};

/** argo-cd resource_customizations/argoproj.io/AnalysisRun/health.lua:10-40 @ v2.13.9. */
const analysisRun: Check = (_obj, _spec, status) => {
  const phase = str(status['phase']);
  if (phase === 'Successful') return healthy();
  if (phase === 'Failed' || phase === 'Error') return { status: 'Degraded', message: str(status['message']) ?? '' };
  if (phase === 'Inconclusive') return { status: 'Unknown', message: '' };
  return progressing('');
};

/** argo-cd resource_customizations/argoproj.io/ApplicationSet/health.lua:1-24 @ v2.13.9 (default Healthy). */
const applicationSet: Check = (_obj, _spec, status) =>
  condition(status, 'ErrorOccurred')?.['status'] === 'True' ? { status: 'Degraded', message: str(condition(status, 'ErrorOccurred')?.['message']) ?? '' } : healthy();

/** argo-cd resource_customizations/external-secrets.io/ExternalSecret/health.lua:1-20 @ v2.13.9. */
const externalSecret: Check = (_obj, _spec, status) => {
  const c = condition(status, 'Ready');
  if (c?.['status'] === 'False') return { status: 'Degraded', message: str(c['message']) ?? '' };
  if (c?.['status'] === 'True') return healthy(str(c['message']) ?? '');
  return progressing('Waiting for ExternalSecret');
};

/**
 * argo-cd resource_customizations/rabbitmq.com/RabbitmqCluster/health.lua:1-56 @ v3.5.1 (shipped from
 * v2.14.0): a failed reconcile is Degraded; Healthy once ClusterAvailable and AllReplicasReady are True.
 */
const rabbitmqCluster: Check = (_obj, _spec, status) => {
  const conditions = list(status['conditions']).map(rec);
  const failed = conditions.find((c) => c['type'] === 'ReconcileSuccess' && c['status'] === 'False');
  if (failed) return { status: 'Degraded', message: str(failed['message']) ?? '' };
  // The script keeps the last condition of each type.
  const last = (type: string) => str(conditions.filter((c) => c['type'] === type).pop()?.['status']);
  const [available, replicas] = [last('ClusterAvailable'), last('AllReplicasReady')];
  if (conditions.length > 0) {
    if (available === 'Unknown' || replicas === 'Unknown') return progressing('Waiting for RabbitMQ cluster readiness (conditions unknown)');
    if (available === 'False') return progressing('Waiting for RabbitMQ cluster formation');
    if (replicas === 'False') return progressing('Waiting for RabbitMQ instances ready');
    if (available === 'True' && replicas === 'True') return healthy('RabbitMQ cluster ready');
  }
  return progressing('Waiting for RabbitMQ Operator');
};

/**
 * argo-cd resource_customizations/rabbitmq.com/<Kind>/health.lua:1-22 @ v3.5.1 (shipped from v3.1.0),
 * the same script for each messaging-topology kind: the `Ready` condition the operator writes; no
 * status yet is Unknown.
 */
const topology =
  (noun: string): Check =>
  (_obj, _spec, status) => {
    for (const c of list(status['conditions']).map(rec)) {
      if (c['type'] !== 'Ready') continue;
      if (c['status'] === 'True' && c['reason'] === 'SuccessfulCreateOrUpdate') return healthy(`RabbitMQ ${noun} ready`);
      if (c['status'] === 'False' && c['reason'] === 'FailedCreateOrUpdate') return { status: 'Degraded', message: `RabbitMQ ${noun} failed to be created or updated` };
    }
    return { status: 'Unknown', message: `RabbitMQ ${noun} status is unknown` };
  };

/**
 * argo-cd resource_customizations/monitoring.coreos.com/Prometheus/health.lua:1-23 @ v3.5.1: the operator's
 * `Available` condition; not True is Degraded unless some pods are ready (`SomePodsNotReady`, Progressing).
 * Argo CD ships no check for an Alertmanager at that tag.
 */
const prometheus: Check = (_obj, _spec, status) => {
  let hs: Health = progressing('Waiting for initialization');
  for (const c of list(status['conditions']).map(rec)) {
    if (c['type'] !== 'Available') continue;
    if (c['status'] === 'True') hs = healthy('All instances are available');
    else hs = { status: c['reason'] === 'SomePodsNotReady' ? 'Progressing' : 'Degraded', message: str(c['message']) ?? str(c['reason']) ?? '' };
  }
  return hs;
};

/**
 * argo-cd resource_customizations/cert-manager.io/Certificate/health.lua:1-31 @ v3.5.1: `Issuing` True
 * first is Progressing; then `Ready` False is Degraded, True Healthy; no condition yet is Progressing.
 */
const certificate: Check = (_obj, _spec, status) => {
  const issuing = condition(status, 'Issuing');
  if (issuing?.['status'] === 'True') return progressing(str(issuing['message']) ?? '');
  const ready = list(status['conditions']).map(rec).find((c) => c['type'] === 'Ready' && (c['status'] === 'True' || c['status'] === 'False'));
  if (ready?.['status'] === 'False') return { status: 'Degraded', message: str(ready['message']) ?? '' };
  if (ready?.['status'] === 'True') return healthy(str(ready['message']) ?? '');
  return progressing('Waiting for certificate');
};

/** argo-cd resource_customizations/cert-manager.io/ClusterIssuer/health.lua:1-21 @ v3.5.1. */
const clusterIssuer: Check = (_obj, _spec, status) => {
  const ready = list(status['conditions']).map(rec).find((c) => c['type'] === 'Ready' && (c['status'] === 'True' || c['status'] === 'False'));
  if (ready?.['status'] === 'False') return { status: 'Degraded', message: str(ready['message']) ?? '' };
  if (ready?.['status'] === 'True') return healthy(str(ready['message']) ?? '');
  return progressing('Initializing ClusterIssuer');
};

const BUILT_IN = new Map<string, Check>([
  ['monitoring.coreos.com/Prometheus', prometheus],
  ['cert-manager.io/Certificate', certificate],
  ['cert-manager.io/ClusterIssuer', clusterIssuer],
  ['apps/Deployment', deployment],
  ['apps/StatefulSet', statefulSet],
  ['/Service', service],
  ['networking.k8s.io/Ingress', ingress],
  ['extensions/Ingress', ingress],
  ['/PersistentVolumeClaim', pvc],
  ['batch/Job', job],
  ['autoscaling/HorizontalPodAutoscaler', hpa],
  ['apiregistration.k8s.io/APIService', apiService],
  ['argoproj.io/Rollout', rollout],
  ['argoproj.io/AnalysisRun', analysisRun],
  ['argoproj.io/ApplicationSet', applicationSet],
  ['external-secrets.io/ExternalSecret', externalSecret],
  ['rabbitmq.com/RabbitmqCluster', rabbitmqCluster],
  ...['Binding', 'Exchange', 'Permission', 'Policy', 'Queue', 'Shovel', 'User', 'Vhost'].map((k): [string, Check] => [`rabbitmq.com/${k}`, topology(k.toLowerCase())]),
  ...ECK_HEALTH,
]);

