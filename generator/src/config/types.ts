/**
 * The validated configuration, as the loader returns it. Every field here has already been checked
 * (types, names, quantities, cross references); later stages may rely on it without re-checking.
 * Defaults are filled in by the loader, so optional-in-YAML fields are required here where a
 * default exists.
 */
import type { DataServicesConfig } from './checks-data.js';
import type { NodePoolConfig } from './checks-pools.js';
import type { PolicyWaiverConfig } from './checks-waivers.js';

/** Data services a workload can depend on; each drives an egress NetworkPolicy rule to where `dataServices` says it runs. */
export type DataKind = 'postgres' | 'redis' | 'mq' | 'elasticsearch';
export const dataKinds: readonly DataKind[] = ['postgres', 'redis', 'mq', 'elasticsearch'];

/** Service groups of the deployment plan; they pick node pools and Argo CD labels. */
export type ServiceGroup = 'core' | 'agent' | 'diagnosis' | 'support' | 'frontend';
export const serviceGroups: readonly ServiceGroup[] = ['core', 'agent', 'diagnosis', 'support', 'frontend'];

/** CPU and memory as Kubernetes quantity strings, e.g. `{ cpu: '500m', memory: '512Mi' }`. */
export interface ResourceAmounts {
  cpu: string;
  memory: string;
}

export interface Resources {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/** HorizontalPodAutoscaler settings (autoscaling/v2). */
export interface Autoscaling {
  minReplicas: number;
  maxReplicas: number;
  /** Target average CPU utilisation in percent of requests. */
  cpu: number;
  /** Target average memory utilisation in percent of requests; omitted means CPU only. */
  memory?: number;
}

/** A secret the workload reads from the secret store, exposed as an environment variable. */
export interface SecretRef {
  /** Environment variable name, e.g. `DATABASE_URL`. */
  env: string;
  /** Key in the external secret store, e.g. `suoke/user-management/database-url`. `{env}` is replaced by the environment name. */
  key: string;
  /** Property inside that key, when the store holds JSON objects. */
  property?: string;
}

/** An egress rule to something outside the cluster (e.g. the blockchain's Ethereum RPC endpoint). */
export interface ExternalEgress {
  /** What it is, for reviewers. */
  description: string;
  /** CIDR the workload may reach, e.g. `0.0.0.0/0` or `203.0.113.10/32`. */
  cidr: string;
  ports: number[];
}

/** Analysis that aborts a bad canary: thresholds on the canary's own Prometheus metrics. */
export interface CanaryAnalysis {
  /** Highest acceptable share of 5xx responses, e.g. `0.01` (1%). */
  maxErrorRate: number;
  /** Highest acceptable p95 latency in milliseconds; the deployment plan's bound is 2000. */
  maxP95LatencyMs: number;
  /** How often to measure (Go duration), e.g. `1m`. */
  interval: string;
  /** Failed measurements tolerated before the canary is aborted. */
  failureLimit: number;
}

/**
 * A service's gray-release (灰度发布) setup in one environment: `environments.<env>.grayRelease`.
 * Its presence makes the workload an Argo Rollouts canary in that environment (and it stays one after a
 * promotion, so a release never swaps the workload kind under running pods).
 */
export interface GrayReleaseConfig {
  /** Traffic weights in percent, strictly increasing, ending at 100, e.g. `[5, 20, 50, 100]`. */
  steps: number[];
  /** Pause between steps (Go duration), e.g. `10m`. */
  pause: string;
  /**
   * `auto`: the Rollouts controller walks the steps with the pauses, analysis aborting a bad canary.
   * `git`: every traffic increase is a reviewed commit (`npm run canary -- advance`); the Rollout holds
   * at the committed weight. Default `auto`.
   */
  control: 'auto' | 'git';
  /** Required in production-tier environments (staging, prod). */
  analysis?: CanaryAnalysis;
  /** The release in progress, written by `npm run canary -- start|advance`; absent when none is. */
  canary?: {
    /** Image tag under test; must differ from the stable version. */
    version: string;
    /** `git` control: the reviewed weight the canary holds at (one of `steps`). */
    weight: number;
  };
}

/** Per-environment overrides in `apps/<service>/service.yaml` under `environments.<env>`. */
export interface ServiceEnvOverride {
  grayRelease?: GrayReleaseConfig;
  /** `false` removes the service from that environment. Default `true`. */
  enabled?: boolean;
  version?: string;
  replicas?: number;
  autoscaling?: Autoscaling | false;
  resources?: Resources;
  settings?: Record<string, string>;
}

/** `apps/<service>/service.yaml`: one service, hand-edited. */
export interface ServiceConfig {
  /** Repository-relative path of the file this came from. */
  file: string;
  /** DNS-1123 label; equals the folder name. */
  name: string;
  group: ServiceGroup;
  description: string;
  /** Image tag, e.g. `1.4.2`; never `latest`. */
  version: string;
  /** Image repository; default `registry.suoke-life.com/suoke-life/<name>`. */
  image: string;
  /** Serves gRPC on port 50051. */
  grpc: boolean;
  /** Exposes Prometheus metrics on port 9090 at `/metrics`. */
  metrics: boolean;
  /** HTTP paths of the probes, all served on port 8080. */
  health: { liveness: string; readiness: string };
  /** Seconds the container may take to start before liveness applies (startup probe budget). Default 30. */
  startupSeconds: number;
  /** Traffic from the ingress gateway is allowed (public entry points such as `api-gateway`, `web`). */
  exposed: boolean;
  dependsOn: { data: DataKind[]; services: string[] };
  external: ExternalEgress[];
  /** Plain settings rendered into the service's ConfigMap. */
  settings: Record<string, string>;
  secrets: SecretRef[];
  resources: Resources;
  replicas: number;
  /** `false` means a fixed replica count and no HPA. */
  autoscaling: Autoscaling | false;
  environments: Record<string, ServiceEnvOverride>;
  /** Policy checks waived on the service's objects (docs/policies.md). Default none. */
  waivers?: PolicyWaiverConfig[];
}

/** How an environment scales the services' production sizes down. */
export interface Sizing {
  /** Factor applied to every request and limit, e.g. `0.25`. Default 1. */
  resourceScale: number;
  /** When set, every service runs exactly this many replicas at minimum (HPA min and Deployment replicas). */
  replicas?: number;
  /** When set, caps every HPA's maxReplicas. */
  maxReplicas?: number;
}

/**
 * Istio's `global.proxy.resources`, which injection uses when a pod sets none of the
 * `sidecar.istio.io/proxy*` annotations (manifests/charts/istio-control/istio-discovery/values.yaml:357-364
 * @ 1.22.8, unchanged @ 1.28.10).
 */
export const ISTIO_SIDECAR_DEFAULT: Resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } };

export interface Quota {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  /** Maximum number of pods in the namespace. */
  pods: number;
  /** Line of `quota:` in the cluster file, where the quota check reports. */
  line?: number;
}

export interface LimitRangeConfig {
  default: ResourceAmounts;
  defaultRequest: ResourceAmounts;
}

/** One environment, declared in the cluster file that hosts it. */
export interface EnvironmentConfig {
  /** DNS-1123 label: `dev`, `test`, `staging`, `prod`. */
  name: string;
  /** The cluster hosting it. */
  cluster: string;
  /** Namespace of the environment's workloads, e.g. `suoke-prod`. */
  namespace: string;
  /** `production` environments get the strictest policies. */
  tier: 'development' | 'production';
  sizing: Sizing;
  quota: Quota;
  limitRange: LimitRangeConfig;
  /** Spread replicas across zones and nodes. */
  topologySpread: boolean;
  /**
   * Requests and limits of the Istio sidecar injected into every pod where the namespace is in the
   * mesh (an environment running a gray release), rendered as the `sidecar.istio.io/proxyCPU`,
   * `proxyCPULimit`, `proxyMemory`, `proxyMemoryLimit` pod annotations and counted by the quota and
   * capacity checks. Default {@link ISTIO_SIDECAR_DEFAULT}, what Istio injects without annotations.
   * Example: `{requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}}`.
   */
  sidecar: Resources;
  /** Secret store the ExternalSecrets read from. */
  secretStore: { kind: 'ClusterSecretStore' | 'SecretStore'; name: string };
  /** Log level etc. added to every service's ConfigMap in this environment. */
  settings: Record<string, string>;
  /**
   * When changes may reach the environment (变更窗口): checked by `validate` at pull-request time and
   * emitted as the AppProject's `syncWindows`. Absent: no windows, always open (as Argo CD without
   * sync windows). See docs/change-windows.md.
   */
  changeWindows?: ChangeWindowsConfig;
  /**
   * Where the data services run (namespace, custom resource names, ports); required for every data
   * kind a service of the environment depends on. See docs/networking.md.
   */
  dataServices?: DataServicesConfig;
}

/**
 * `environments.<env>.changeWindows`: `{alwaysOpen: true}`, or a time zone with allow windows, deny
 * windows and freezes, decided as Argo CD decides sync windows.
 */
export type ChangeWindowsConfig = AlwaysOpenWindows | ScheduledWindows;

/** `alwaysOpen: true`: changes may land at any time (dev, test). */
export interface AlwaysOpenWindows {
  alwaysOpen: true;
}

export interface ScheduledWindows {
  alwaysOpen: false;
  /** IANA zone the schedules and freeze dates are read in, e.g. `Asia/Shanghai`. Unknown zones are refused. */
  timeZone: string;
  /** When allow windows exist, the environment is open only inside one of them. Default none. */
  allow: ChangeWindowRule[];
  /** Closed inside any of them, even inside an allow window. Default none. */
  deny: ChangeWindowRule[];
  /** Closed on these dates (deny periods). Default none. */
  freezes: ChangeFreeze[];
}

/** A recurring window: it opens when the cron fires and lasts `duration`. */
export interface ChangeWindowRule {
  /** 5-field cron in Argo CD's dialect (robfig/cron), read in the environment's zone, e.g. `0 22 * * 2,4`. */
  schedule: string;
  /** Go duration in whole h/m/s, e.g. `2h`. */
  duration: string;
  /** What the window is for, shown in findings and in Argo CD. */
  description: string;
}

/** A change freeze (封网) on calendar dates in the environment's zone, both days included. */
export interface ChangeFreeze {
  /** e.g. `Spring Festival 2027`. */
  name: string;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
  reason: string;
}

/** `clusters/<cluster>/cluster.yaml`: one cluster and the environments it hosts, hand-edited. */
export interface ClusterConfig {
  file: string;
  /** DNS-1123 label; equals the folder name. */
  name: string;
  /** API server URL Argo CD deploys to, e.g. `https://kubernetes.default.svc`. */
  server: string;
  /** Kubernetes minor version the cluster runs, e.g. `1.31`. */
  kubernetesVersion: string;
  /** Namespace of the ingress gateway whose pods may reach exposed services. */
  ingressNamespace: string;
  /** Namespace of Prometheus, whose pods may scrape metrics ports. */
  monitoringNamespace: string;
  /** Labels the cluster's Prometheus selects ServiceMonitors and PodMonitors by (kube-prometheus-stack: `release`). */
  monitoringLabels: Record<string, string>;
  environments: EnvironmentConfig[];
  /** Node pools the capacity check measures requests against (docs/policies.md). Default none. */
  nodePools?: NodePoolConfig[];
  /** Policy checks waived on every object of the cluster's environments, or its capacity (docs/policies.md). Default none. */
  waivers?: PolicyWaiverConfig[];
}

/** `argocd/argocd.yaml`: how Argo CD reaches this repository, hand-edited. */
export interface ArgoConfig {
  file: string;
  /** Git URL of this repository, the only source the AppProjects allow. */
  repoURL: string;
  /** Branch, tag or commit Argo CD follows. Default `main`. */
  targetRevision: string;
  /** Namespace Argo CD runs in. Default `argocd`. */
  namespace: string;
  /** Who may do what in the AppProjects (SSO groups). Default: no groups (only Argo CD admins act). */
  roles: ArgoRoles;
}

/** SSO groups of the two AppProject roles, for one environment. */
export interface ArgoRoleGroups {
  /** May view and sync the environment's Applications (and abort a canary), e.g. `['suoke-life:sre']`. */
  deployers: string[];
  /** May only view them, e.g. `['suoke-life:developers']`. */
  readOnly: string[];
}

/**
 * `roles` in `argocd/argocd.yaml`: groups for every environment, and per-environment replacements
 * (a list given under `environments.<env>` replaces the platform-wide one for that environment).
 */
export interface ArgoRoles extends ArgoRoleGroups {
  /** Per-environment groups, by environment name, e.g. `{ prod: { deployers: ['suoke-life:sre'] } }`. Default none. */
  environments: Record<string, Partial<ArgoRoleGroups>>;
}

/** The whole configuration: every service and cluster, sorted by name. */
export interface PlatformConfig {
  services: ServiceConfig[];
  clusters: ClusterConfig[];
  argocd: ArgoConfig;
}
