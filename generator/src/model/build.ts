import type { Autoscaling, EnvironmentConfig, PlatformConfig, Resources, ServiceConfig } from '../config/types.js';
import { cmp } from '../core/finding.js';
import { scaleCpu, scaleMemory } from '../core/quantity.js';
import { resolveDataServices } from './data-services.js';
import { hostPool, schedulingOf } from './scheduling.js';
import type { EnvironmentModel, GrayInstance, Model, ServiceInstance } from './types.js';

/** The promotion order of the deployment plan; environments with other names follow, by name. */
const PROMOTION = ['dev', 'test', 'staging', 'prod'];

/** Orders environments dev → test → staging → prod, then any others by name. */
export function promotionOrder(a: EnvironmentConfig, b: EnvironmentConfig): number {
  const ia = PROMOTION.indexOf(a.name);
  const ib = PROMOTION.indexOf(b.name);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return cmp(a.name, b.name);
}

const TIER_RANK: Record<EnvironmentConfig['tier'], number> = { development: 0, production: 1 };

/**
 * Orders environments from the least to the most production-like, which decides the environment a
 * service's Kustomize base is taken from (the last one it runs in). The declared `tier` decides
 * first; within a tier the promotion order dev → test → staging → prod, and an environment of any
 * other name ranks below those of its tier (then by name). So adding an environment such as `qa`
 * or `preprod` never moves the base away from a well-known environment of the same or a higher tier.
 */
export function productionLikeness(a: EnvironmentConfig, b: EnvironmentConfig): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || PROMOTION.indexOf(a.name) - PROMOTION.indexOf(b.name) || cmp(a.name, b.name);
}

/** Builds the model from a validated configuration. Pure: same config, same model. */
export function buildModel(config: PlatformConfig): Model {
  const envs = config.clusters
    .flatMap((cluster) => cluster.environments.map((env) => ({ env, cluster })))
    .sort((a, b) => promotionOrder(a.env, b.env));
  const environments: EnvironmentModel[] = envs.map(({ env, cluster }) => {
    const enabled = config.services.filter((s) => s.environments[env.name]?.enabled !== false);
    const byName = new Map(enabled.map((s) => [s.name, s]));
    // Who calls whom, in this environment only (a disabled service neither calls nor is called).
    const callers = new Map<string, string[]>();
    for (const s of enabled) {
      for (const callee of s.dependsOn.services) if (byName.has(callee)) callers.set(callee, [...(callers.get(callee) ?? []), s.name]);
    }
    const plain = enabled.map((service) => {
      const calls = service.dependsOn.services.flatMap((n) => {
        const callee = byName.get(n);
        return callee ? [{ name: callee.name, grpc: callee.grpc }] : [];
      });
      return instance(service, env, cluster, (callers.get(service.name) ?? []).sort(cmp), calls.sort((a, b) => cmp(a.name, b.name)));
    });
    // Istio injects a sidecar into every pod of a meshed namespace, not only the Rollout's.
    const instances = inMesh(plain) ? plain.map((i) => ({ ...i, sidecar: env.sidecar })) : plain;
    // The loader refuses a dependency on a data service the environment does not declare.
    const declared = resolveDataServices(env);
    const data = declared.map((service) => ({ service, clients: enabled.filter((s) => s.dependsOn.data.includes(service.kind)).map((s) => s.name).sort(cmp) }));
    for (const i of instances) i.data = i.service.dependsOn.data.map((kind) => declared.find((d) => d.kind === kind)!);
    return { env, cluster, sharedPath: `clusters/${cluster.name}/${env.name}/shared`, dataPath: `clusters/${cluster.name}/${env.name}/data`, edgePath: `clusters/${cluster.name}/${env.name}/edge`, verificationPath: `clusters/${cluster.name}/${env.name}/verification`, instances, data };
  });
  return { services: config.services, clusters: config.clusters, environments, argocd: config.argocd, addons: config.addons ?? [] };
}

function instance(
  service: ServiceConfig,
  env: EnvironmentConfig,
  cluster: EnvironmentModel['cluster'],
  callers: string[],
  calls: ServiceInstance['calls'],
): ServiceInstance {
  const override = service.environments[env.name] ?? {};
  const version = override.version ?? service.version;
  const replicas = override.replicas ?? env.sizing.replicas ?? service.replicas;
  const autoscaling = override.autoscaling !== undefined ? override.autoscaling : sizeAutoscaling(service.autoscaling, env, replicas);
  const grayRelease = override.grayRelease;
  return {
    service,
    env,
    cluster,
    version,
    ...(grayRelease ? { grayRelease } : {}),
    // While a canary is in progress the pod template carries its version: the Rollouts controller
    // keeps the stable ReplicaSet on the old template and shifts traffic to the new one step by step.
    image: `${service.image}:${runningVersion({ version, grayRelease })}`,
    workload: grayRelease ? 'Rollout' : 'Deployment',
    replicas,
    autoscaling,
    resources: override.resources ?? scaleResources(service.resources, env.sizing.resourceScale),
    settings: { ...service.settings, ...env.settings, ...(override.settings ?? {}) },
    callers,
    calls,
    data: [],
    // The fewest pods that run: the HPA's minimum where one scales the workload, else the fixed count.
    disruptionBudget: (autoscaling ? autoscaling.minReplicas : replicas) >= 2,
    topologySpread: env.topologySpread,
    ...placement(cluster, service),
    path: `clusters/${cluster.name}/${env.name}/${service.name}`,
  };
}

/**
 * Whether an environment's namespace is in the Istio mesh: weighted routing happens in the callers'
 * sidecars, so an environment running a gray release (a Rollout) has them all injected.
 */
export function inMesh(instances: readonly Pick<ServiceInstance, 'workload'>[]): boolean {
  return instances.some((i) => i.workload === 'Rollout');
}

/** Whether the instance runs as a canary Rollout. */
export function isGray(i: ServiceInstance): i is GrayInstance {
  return i.workload === 'Rollout' && i.grayRelease !== undefined;
}

/** The version of the pod template: the canary's while one is in progress, else the stable one. */
export function runningVersion(i: Pick<ServiceInstance, 'version' | 'grayRelease'>): string {
  return i.grayRelease?.canary?.version ?? i.version;
}

/** Applies an environment's sizing to the service's production autoscaling range. */
function sizeAutoscaling(a: Autoscaling | false, env: EnvironmentConfig, replicas: number): Autoscaling | false {
  if (a === false) return false;
  const minReplicas = env.sizing.replicas ?? a.minReplicas;
  const cap = env.sizing.maxReplicas ?? a.maxReplicas;
  const maxReplicas = Math.max(minReplicas, replicas, Math.min(a.maxReplicas, cap));
  return { ...a, minReplicas: Math.min(minReplicas, replicas), maxReplicas };
}

function scaleResources(r: Resources, factor: number): Resources {
  if (factor === 1) return r;
  return {
    requests: { cpu: scaleCpu(r.requests.cpu, factor), memory: scaleMemory(r.requests.memory, factor) },
    limits: { cpu: scaleCpu(r.limits.cpu, factor), memory: scaleMemory(r.limits.memory, factor) },
  };
}

/** The scheduling fields of the pool hosting the service, if one does. */
function placement(cluster: EnvironmentModel['cluster'], service: ServiceConfig): Pick<ServiceInstance, 'scheduling'> {
  const pool = hostPool(cluster.nodePools, service.name, service.group);
  return pool ? { scheduling: schedulingOf(pool) } : {};
}
