import type { PoolScheduling } from './scheduling.js';
import type { AddonConfig, ArgoConfig, Autoscaling, ClusterConfig, DataKind, GrayReleaseConfig, EnvironmentConfig, Resources, ServiceConfig } from '../config/types.js';

/** How a service's pods are run: a Deployment, or an Argo Rollouts canary where a gray release is configured. */
type WorkloadKind = 'Deployment' | 'Rollout';

/** One service in one environment, fully resolved: the renderer makes no decisions of its own. */
export interface ServiceInstance {
  service: ServiceConfig;
  env: EnvironmentConfig;
  cluster: ClusterConfig;
  /** Stable image tag in this environment. */
  version: string;
  /** Gray-release setup (and the canary in progress) when the workload is a Rollout. */
  grayRelease?: GrayReleaseConfig;
  /** `repository:tag` of the pod template: the canary's version while one is in progress, else the stable one. */
  image: string;
  workload: WorkloadKind;
  /**
   * Replica count of a fixed-size workload, and the starting count of an autoscaled one. Rendered into
   * `spec.replicas` only without an HPA: with one, the HPA owns the count (see `autoscaling`).
   */
  replicas: number;
  autoscaling: Autoscaling | false;
  resources: Resources;
  /** ConfigMap data: service settings, then environment settings, then per-environment overrides. */
  settings: Record<string, string>;
  /** Services in this environment that declare a dependency on this one (sorted). */
  callers: string[];
  /** Declared service dependencies that run in this environment (sorted by name), with whether they serve gRPC. */
  calls: { name: string; grpc: boolean }[];
  /** Where the data services it depends on run in this environment, in `dependsOn.data` order. */
  data: DataService[];
  /** A PodDisruptionBudget is rendered when at least two replicas always run (the HPA's `minReplicas`, else `replicas`). */
  disruptionBudget: boolean;
  topologySpread: boolean;
  /**
   * The node pool its pods run on (`nodePools`: the pool listing the service, else its group), as the
   * pod's node selector and tolerations; absent when no pool hosts it (any untainted node).
   */
  scheduling?: PoolScheduling;
  /**
   * Requests and limits of the Istio sidecar injected into its pods, when the environment's namespace
   * is in the mesh (`environments.<env>.sidecar`); absent outside the mesh.
   */
  sidecar?: Resources;
  /** Kustomize overlay path Argo CD builds, e.g. `clusters/prod/prod/xiaoai`. */
  path: string;
}

/** A service instance that runs a gray release: its workload is a canary Rollout. */
export type GrayInstance = ServiceInstance & { grayRelease: GrayReleaseConfig };

/** A data service of an environment, resolved from `dataServices` and its operator's conventions (`model/data-services.ts`). */
export interface DataService {
  kind: DataKind;
  /** Name of the custom resource that runs it, e.g. `postgres`. */
  name: string;
  /** What runs it, for messages, e.g. `CloudNativePG Cluster`. */
  resource: string;
  /** Namespace its pods run in, e.g. `suoke-prod-data`. */
  namespace: string;
  /** Labels its operator puts on every one of its pods, e.g. `{ 'cnpg.io/cluster': 'postgres' }`. */
  podLabels: Record<string, string>;
  /** Client port (TCP). */
  port: number;
  /** Namespace of the operator, which reaches the pods. */
  operatorNamespace: string;
  /** Port the pods export metrics on, which Prometheus scrapes; absent when there is none. */
  metricsPort?: number;
}

/** One environment with the instances it runs. */
export interface EnvironmentModel {
  env: EnvironmentConfig;
  cluster: ClusterConfig;
  /** Path of the per-environment shared resources (namespace, quota, policies), e.g. `clusters/prod/prod/shared`. */
  sharedPath: string;
  /** Path of its data layer (render/data), e.g. `clusters/prod/prod/data`; rendered only when it has one. */
  dataPath: string;
  /** Path of its edge (render/edge.ts), e.g. `clusters/prod/prod/edge`; rendered only when it declares `edge`. */
  edgePath: string;
  /**
   * Path of its smoke and load tests (render/verification), e.g. `clusters/prod/prod/verification`;
   * rendered only when it declares `smokeTests` or `perfTests.load`.
   */
  verificationPath: string;
  instances: ServiceInstance[];
  /** The data services it declares (sorted by kind), with the services of this environment that depend on each. */
  data: { service: DataService; clients: string[] }[];
}

/** Everything the renderer needs, in a fixed order: environments in promotion order, services by name. */
export interface Model {
  services: ServiceConfig[];
  clusters: ClusterConfig[];
  environments: EnvironmentModel[];
  argocd: ArgoConfig;
  /** The pinned add-ons (platform/addons.yaml), sorted by name; empty without the file. */
  addons: AddonConfig[];
}
