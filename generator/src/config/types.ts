/**
 * The validated configuration, as the loader returns it: the types later stages import. Each is
 * derived from the declarations (`Static<typeof …>` of service/schema.ts, cluster/schema.ts,
 * argocd/schema.ts and their slices), so a field is described once, where it is declared. Defaults
 * are filled in, so optional-in-YAML fields with a default are required here.
 *
 * Every field has already been checked (types, names, quantities, cross references); later stages
 * may rely on it without re-checking.
 */
import type { Static } from '@sinclair/typebox';
import type { Environment, ClusterFile } from './cluster/schema.js';
import type { ChangeWindowsConfig } from './cluster/windows-schema.js';
import type { DataServicesConfig } from './cluster/data-services.js';
import type { NodePoolConfig } from './cluster/node-pools-schema.js';
import type { ArgoConfig } from './argocd/schema.js';
import type { AddonConfig } from './addons/schema.js';
import type { ResourceAmounts, ResourcesConfig } from './shared/resources-schema.js';
import type { PolicyWaiverConfig } from './shared/waivers-schema.js';
import type { GrayReleaseConfig } from './service/gray-release-schema.js';
import type { EnvOverride, ServiceFile } from './service/schema.js';

export type { Autoscaling } from './service/autoscaling-schema.js';
export type { DataKind } from './shared/vocabulary.js';
export type { ChangeFreeze, ChangeWindowRule, ChangeWindowsConfig } from './cluster/windows-schema.js';
export type { DataServicesConfig } from './cluster/data-services.js';
export type { PostgresClusterConfig } from './cluster/postgres.js';
export type { NodePoolConfig } from './cluster/node-pools-schema.js';
export type { ArgoConfig, ArgoRoleGroups } from './argocd/schema.js';
export type { AddonConfig } from './addons/schema.js';
export type { PolicyWaiverConfig } from './shared/waivers-schema.js';
export type { GrayReleaseConfig } from './service/gray-release-schema.js';

/** Requests and limits as Kubernetes quantity strings. */
export type Resources = ResourcesConfig;

/** Per-environment overrides of a service (`environments.<env>`); a key not given keeps the service-wide value. */
export type ServiceEnvOverride = Omit<EnvOverride, 'resources' | 'grayRelease'> & { resources?: Resources; grayRelease?: GrayReleaseConfig };

/** `apps/<service>/service.yaml`, typed: `file` is its repository-relative path, `image` defaults after the name. */
export type ServiceConfig = Omit<ServiceFile, 'image' | 'resources' | 'environments' | 'waivers'> & {
  file: string;
  image: string;
  resources: Resources;
  environments: Record<string, ServiceEnvOverride>;
  waivers?: PolicyWaiverConfig[];
};

/** A namespace quota; `line` is the line of `quota:` in the cluster file, where the quota check reports. */
type Quota = { requests: ResourceAmounts; limits: ResourceAmounts; pods: number; line?: number };

/** One environment, declared in the cluster file that hosts it, knowing its name and cluster. */
export type EnvironmentConfig = Omit<Static<typeof Environment>, 'quota' | 'limitRange' | 'sidecar' | 'changeWindows' | 'dataServices'> & {
  name: string;
  cluster: string;
  quota: Quota;
  limitRange: { default: ResourceAmounts; defaultRequest: ResourceAmounts };
  sidecar: Resources;
  changeWindows?: ChangeWindowsConfig;
  dataServices?: DataServicesConfig;
};

/** `clusters/<cluster>/cluster.yaml`, typed: its environments as a list sorted by name. */
export type ClusterConfig = Omit<ClusterFile, 'environments' | 'nodePools' | 'waivers'> & {
  file: string;
  environments: EnvironmentConfig[];
  nodePools?: NodePoolConfig[];
  waivers?: PolicyWaiverConfig[];
};

/** The whole configuration: every service, cluster and pinned add-on, sorted by name. */
export interface PlatformConfig {
  services: ServiceConfig[];
  clusters: ClusterConfig[];
  argocd: ArgoConfig;
  /** `platform/addons.yaml`, sorted by name; absent when the file is (a repository that pins no add-on). */
  addons?: AddonConfig[];
}
