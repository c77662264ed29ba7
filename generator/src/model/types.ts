import type { ArgoConfig, Autoscaling, ClusterConfig, EnvironmentConfig, Resources, ServiceConfig } from '../config/types.js';

/** How a service's pods are run. Gray releases (issue #3) switch an instance to `Rollout`. */
export type WorkloadKind = 'Deployment';

/** One service in one environment, fully resolved: the renderer makes no decisions of its own. */
export interface ServiceInstance {
  service: ServiceConfig;
  env: EnvironmentConfig;
  cluster: ClusterConfig;
  /** Image tag running in this environment. */
  version: string;
  /** `repository:tag`. */
  image: string;
  workload: WorkloadKind;
  replicas: number;
  autoscaling: Autoscaling | false;
  resources: Resources;
  /** ConfigMap data: service settings, then environment settings, then per-environment overrides. */
  settings: Record<string, string>;
  /** Services in this environment that declare a dependency on this one (sorted). */
  callers: string[];
  /** Declared service dependencies that run in this environment (sorted by name), with whether they serve gRPC. */
  calls: { name: string; grpc: boolean }[];
  /** A PodDisruptionBudget is rendered when at least two replicas run. */
  disruptionBudget: boolean;
  topologySpread: boolean;
  /** Kustomize overlay path Argo CD builds, e.g. `clusters/prod/prod/xiaoai`. */
  path: string;
}

/** One environment with the instances it runs. */
export interface EnvironmentModel {
  env: EnvironmentConfig;
  cluster: ClusterConfig;
  /** Path of the per-environment shared resources (namespace, quota, policies), e.g. `clusters/prod/prod/shared`. */
  sharedPath: string;
  instances: ServiceInstance[];
}

/** Everything the renderer needs, in a fixed order: environments in promotion order, services by name. */
export interface Model {
  services: ServiceConfig[];
  clusters: ClusterConfig[];
  environments: EnvironmentModel[];
  argocd: ArgoConfig;
}
