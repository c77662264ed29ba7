/**
 * Loads the hand-edited configuration: every `apps/<service>/service.yaml` and
 * `clusters/<cluster>/cluster.yaml`, and `argocd/argocd.yaml`. Everything else under `apps/`,
 * `clusters/` and `argocd/` is generated output and is not read.
 *
 * Stages: read and parse each file (size, depth and alias limits) → JSON Schema → per-file checks →
 * cross-file checks → build the typed config with defaults. Every finding of every file is
 * collected before anything fails.
 */
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { cmp, sortFindings } from '../core/finding.js';
import type { FileSystem } from '../core/fs.js';
import { symlinkFinding } from '../core/safe-read.js';
import { checkAcrossFiles } from './checks-across.js';
import { checkArgocdAcross, checkArgocdFile } from './checks-argocd.js';
import { checkClusterFile } from './checks-cluster.js';
import { buildChangeWindows, checkChangeWindowsFile } from './checks-windows.js';
import { checkServiceFile } from './checks-service.js';
import { checkSettingSecrets, withoutSecretEchoes } from './checks-secrets.js';
import { buildNodePools, checkNodePools } from './checks-pools.js';
import { buildDataServices, checkDataDependencies, checkDataServicesFile } from './checks-data.js';
import { buildWaivers, checkWaivers, clusterEnvironments, environmentNames } from './checks-waivers.js';
import type { ParsedFile, Raw } from './checks.js';
import { isRaw } from './checks.js';
import type { ConfigKind } from './structure.js';
import { checkStructure } from './structure.js';
import type {
  ArgoConfig,
  Autoscaling,
  ClusterConfig,
  EnvironmentConfig,
  ExternalEgress,
  GrayReleaseConfig,
  PlatformConfig,
  ResourceAmounts,
  Resources,
  SecretRef,
  ServiceConfig,
  ServiceEnvOverride,
} from './types.js';
import { ISTIO_SIDECAR_DEFAULT } from './types.js';
import { configFinding, readYamlSource } from './yaml-source.js';
import { checkGrayReleases } from '../policy/canary.js';

/** Registry and project every service image lives under unless `image` says otherwise. */
export const defaultImagePrefix = 'registry.suoke-life.com/suoke-life/';

/** The result of reading the config: the config when there are no findings, else the findings. */
export interface ConfigResult {
  config: PlatformConfig | undefined;
  /** Every problem of every file, sorted by file and line. */
  findings: Finding[];
}

/**
 * Reads, checks and returns the configuration under `fs`; throws a {@link UserError} carrying every
 * finding of every file when anything is wrong.
 */
export function loadConfig(fs: FileSystem): PlatformConfig {
  const { config, findings } = readConfig(fs);
  if (!config) throw new UserError(findings);
  return config;
}

/** Like {@link loadConfig}, but returns the findings instead of throwing. */
export function readConfig(fs: FileSystem): ConfigResult {
  const findings: Finding[] = [];
  const services = readAll(fs, 'service', findings);
  const clusters = readAll(fs, 'cluster', findings);
  const argocd = readOne(fs, 'argocd', argocdFile, findings);
  for (const f of services.parsed) checkServiceFile(f, findings);
  for (const f of clusters.parsed) checkClusterFile(f, findings);
  for (const f of clusters.parsed) checkChangeWindowsFile(f, findings);
  for (const f of clusters.parsed) checkDataServicesFile(f, findings);
  checkDataDependencies(services.parsed, clusters.parsed, findings);
  for (const f of services.parsed) checkSettingSecrets(f, 'service', findings);
  for (const f of clusters.parsed) checkSettingSecrets(f, 'cluster', findings);
  if (argocd) checkArgocdFile(argocd, findings);
  checkAcrossFiles(services.parsed, clusters.parsed, { serviceFolders: services.broken, someCluster: clusters.broken.length > 0 }, findings);
  if (argocd) checkArgocdAcross(argocd, clusters.parsed, findings);
  checkPolicyConfig(services.parsed, clusters.parsed, findings);
  if (findings.length > 0 || !argocd) return { config: undefined, findings: sortFindings(withoutSecretEchoes(findings)) };
  const byName = <T extends { name: string }>(a: T, b: T) => cmp(a.name, b.name);
  const config: PlatformConfig = {
    services: services.parsed.map(buildService).sort(byName),
    clusters: clusters.parsed.map(buildCluster).sort(byName),
    argocd: buildArgocd(argocd),
  };
  // Gray-release plans are judged on the typed config (defaults filled in): a bad plan never renders.
  const sources = new Map(services.parsed.map((f) => [f.source.file, f.source]));
  const plan = checkGrayReleases(config, (file, path) => sources.get(file)?.lineOf(path, 'key'));
  if (plan.length > 0) return { config: undefined, findings: sortFindings(plan) };
  return { config, findings: [] };
}

/** Policy configuration (docs/policies.md): waivers in service and cluster files, node pools in cluster files. */
function checkPolicyConfig(services: ParsedFile[], clusters: ParsedFile[], findings: Finding[]): void {
  const envs = environmentNames(clusters);
  const names = services.map((f) => (typeof f.data.name === 'string' ? f.data.name : f.folder));
  for (const f of services) checkWaivers(f, envs, findings);
  for (const f of clusters) {
    checkWaivers(f, clusterEnvironments(f), findings);
    checkNodePools(f, names, findings);
  }
}

/** The one Argo CD settings file; the rest of `argocd/` is generated. */
export const argocdFile = 'argocd/argocd.yaml';

const layout: Record<'service' | 'cluster', { dir: string; file: string }> = {
  service: { dir: 'apps', file: 'service.yaml' },
  cluster: { dir: 'clusters', file: 'cluster.yaml' },
};

/** Parses every file of one kind; `parsed` holds those fit for the semantic checks (schema-valid or not). */
function readAll(fs: FileSystem, kind: 'service' | 'cluster', findings: Finding[]): { parsed: ParsedFile[]; broken: string[] } {
  const { dir, file } = layout[kind];
  const parsed: ParsedFile[] = [];
  const broken: string[] = [];
  for (const entry of fs.list(dir)) {
    // A linked folder is refused, not skipped: its service or cluster would silently go missing.
    if (entry.link !== undefined) {
      findings.push(symlinkFinding(`${dir}/${entry.name}`, entry.link));
      broken.push(entry.name);
      continue;
    }
    if (!entry.dir) continue;
    const path = `${dir}/${entry.name}/${file}`;
    if (fs.isDir(path) || fs.size(path) === undefined) {
      const misnamed = `${dir}/${entry.name}/${file.replace(/\.yaml$/, '.yml')}`;
      if (fs.size(misnamed) !== undefined && !fs.isDir(misnamed)) {
        findings.push(configFinding('file-name', misnamed, undefined, undefined, `${misnamed} is not read: config files are named ${file}`, `rename it to ${path}`));
        broken.push(entry.name);
      }
      continue;
    }
    const f = readOne(fs, kind, path, findings, entry.name);
    if (f) parsed.push(f);
    else broken.push(entry.name);
  }
  if (parsed.length === 0 && broken.length === 0) {
    findings.push(
      configFinding('missing', dir, undefined, undefined, `no ${kind} files found: expected ${dir}/<${kind}>/${file}`, 'run the command from the root of the GitOps repository'),
    );
  }
  return { parsed, broken };
}

/** Parses one file and checks its structure; `undefined` when it is missing or not a mapping. */
function readOne(fs: FileSystem, kind: ConfigKind, path: string, findings: Finding[], folder = ''): ParsedFile | undefined {
  if (fs.isDir(path) || fs.size(path) === undefined) {
    findings.push(configFinding('missing', path, undefined, undefined, `${path} is missing`, 'restore it from Git history, or create it'));
    return undefined;
  }
  const source = readYamlSource(fs, path);
  findings.push(...source.findings);
  if (source.findings.length > 0) return undefined;
  findings.push(...checkStructure(kind, source));
  return isRaw(source.data) ? { source, folder, data: source.data } : undefined;
}

// The builders run only on files without findings, so the casts below restate what the schema and
// the checks have established.

function buildService(f: ParsedFile): ServiceConfig {
  const d = f.data;
  const name = d.name as string;
  const health = (d.health ?? {}) as Raw;
  const dependsOn = (d.dependsOn ?? {}) as Raw;
  return {
    file: f.source.file,
    name,
    group: d.group as ServiceConfig['group'],
    description: d.description as string,
    version: d.version as string,
    image: (d.image as string | undefined) ?? `${defaultImagePrefix}${name}`,
    grpc: (d.grpc as boolean | undefined) ?? true,
    metrics: (d.metrics as boolean | undefined) ?? true,
    health: { liveness: (health.liveness as string | undefined) ?? '/health', readiness: (health.readiness as string | undefined) ?? '/health' },
    startupSeconds: (d.startupSeconds as number | undefined) ?? 30,
    exposed: (d.exposed as boolean | undefined) ?? false,
    dependsOn: {
      data: [...((dependsOn.data ?? []) as ServiceConfig['dependsOn']['data'])],
      services: [...((dependsOn.services ?? []) as string[])],
    },
    external: ((d.external ?? []) as Raw[]).map(
      (e): ExternalEgress => ({ description: e.description as string, cidr: e.cidr as string, ports: [...(e.ports as number[])] }),
    ),
    settings: stringMap(d.settings),
    secrets: ((d.secrets ?? []) as Raw[]).map(
      (s): SecretRef => ({ env: s.env as string, key: s.key as string, ...(s.property !== undefined ? { property: s.property as string } : {}) }),
    ),
    resources: buildResources(d.resources),
    replicas: d.replicas as number,
    autoscaling: buildAutoscaling(d.autoscaling),
    environments: Object.fromEntries(Object.entries((d.environments ?? {}) as Raw).map(([env, o]) => [env, buildOverride(o as Raw)])),
    ...(d.waivers !== undefined ? { waivers: buildWaivers(d.waivers, (i) => f.source.lineOf(['waivers', i], 'value')) } : {}),
  };
}

function buildOverride(o: Raw): ServiceEnvOverride {
  const out: ServiceEnvOverride = {};
  if (o.enabled !== undefined) out.enabled = o.enabled as boolean;
  if (o.version !== undefined) out.version = o.version as string;
  if (o.replicas !== undefined) out.replicas = o.replicas as number;
  if (o.autoscaling !== undefined) out.autoscaling = buildAutoscaling(o.autoscaling);
  if (o.resources !== undefined) out.resources = buildResources(o.resources);
  if (o.settings !== undefined) out.settings = stringMap(o.settings);
  if (o.grayRelease !== undefined) out.grayRelease = buildGrayRelease(o.grayRelease as Raw);
  return out;
}

/** Defaults: `control: auto`; analysis `interval: 1m`, `failureLimit: 2`; a canary's weight is the first step. */
function buildGrayRelease(g: Raw): GrayReleaseConfig {
  const steps = [...(g.steps as number[])];
  const a = g.analysis as Raw | undefined;
  const c = g.canary as Raw | undefined;
  return {
    steps,
    pause: g.pause as string,
    control: (g.control as GrayReleaseConfig['control'] | undefined) ?? 'auto',
    ...(a
      ? {
          analysis: {
            maxErrorRate: a.maxErrorRate as number,
            maxP95LatencyMs: a.maxP95LatencyMs as number,
            interval: (a.interval as string | undefined) ?? '1m',
            failureLimit: (a.failureLimit as number | undefined) ?? 2,
          },
        }
      : {}),
    ...(c ? { canary: { version: c.version as string, weight: (c.weight as number | undefined) ?? steps[0]! } } : {}),
  };
}

function buildCluster(f: ParsedFile): ClusterConfig {
  const d = f.data;
  const name = d.name as string;
  return {
    file: f.source.file,
    name,
    server: d.server as string,
    kubernetesVersion: d.kubernetesVersion as string,
    ingressNamespace: d.ingressNamespace as string,
    monitoringNamespace: d.monitoringNamespace as string,
    monitoringLabels: stringMap(d.monitoringLabels),
    environments: Object.entries(d.environments as Raw)
      .map(([env, e]) => buildEnvironment(env, name, e as Raw, f.source.lineOf(['environments', env, 'quota'], 'key')))
      .sort((a, b) => cmp(a.name, b.name)),
    ...(d.nodePools !== undefined ? { nodePools: buildNodePools(d.nodePools, (i) => f.source.lineOf(['nodePools', i], 'value')) } : {}),
    ...(d.waivers !== undefined ? { waivers: buildWaivers(d.waivers, (i) => f.source.lineOf(['waivers', i], 'value')) } : {}),
  };
}

function buildEnvironment(name: string, cluster: string, e: Raw, quotaLine: number | undefined): EnvironmentConfig {
  const sizing = (e.sizing ?? {}) as Raw;
  const quota = e.quota as Raw;
  const limitRange = e.limitRange as Raw;
  const store = e.secretStore as Raw;
  return {
    name,
    cluster,
    namespace: e.namespace as string,
    tier: e.tier as EnvironmentConfig['tier'],
    sizing: {
      resourceScale: (sizing.resourceScale as number | undefined) ?? 1,
      ...(sizing.replicas !== undefined ? { replicas: sizing.replicas as number } : {}),
      ...(sizing.maxReplicas !== undefined ? { maxReplicas: sizing.maxReplicas as number } : {}),
    },
    quota: { requests: buildAmounts(quota.requests), limits: buildAmounts(quota.limits), pods: quota.pods as number, ...(quotaLine !== undefined ? { line: quotaLine } : {}) },
    limitRange: { default: buildAmounts(limitRange.default), defaultRequest: buildAmounts(limitRange.defaultRequest) },
    topologySpread: (e.topologySpread as boolean | undefined) ?? false,
    sidecar: e.sidecar !== undefined ? buildResources(e.sidecar) : ISTIO_SIDECAR_DEFAULT,
    secretStore: { kind: store.kind as EnvironmentConfig['secretStore']['kind'], name: store.name as string },
    settings: stringMap(e.settings),
    ...(e.changeWindows !== undefined ? { changeWindows: buildChangeWindows(e.changeWindows as Raw) } : {}),
    ...(e.dataServices !== undefined ? { dataServices: buildDataServices(e.dataServices as Raw) } : {}),
  };
}

function buildArgocd(f: ParsedFile): ArgoConfig {
  const d = f.data;
  return {
    file: f.source.file,
    repoURL: d.repoURL as string,
    targetRevision: (d.targetRevision as string | undefined) ?? 'main',
    namespace: (d.namespace as string | undefined) ?? 'argocd',
    roles: buildArgoRoles(d.roles),
  };
}

function buildArgoRoles(v: unknown): ArgoConfig['roles'] {
  const r = (v ?? {}) as Raw;
  const groups = (x: unknown) => [...((x ?? []) as string[])];
  const environments = Object.entries((r.environments ?? {}) as Raw).map(([env, o]) => {
    const e = o as Raw;
    return [
      env,
      { ...(e.deployers !== undefined ? { deployers: groups(e.deployers) } : {}), ...(e.readOnly !== undefined ? { readOnly: groups(e.readOnly) } : {}) },
    ];
  });
  return { deployers: groups(r.deployers), readOnly: groups(r.readOnly), environments: Object.fromEntries(environments) };
}

function buildResources(v: unknown): Resources {
  const r = v as Raw;
  return { requests: buildAmounts(r.requests), limits: buildAmounts(r.limits) };
}

/** Quantities may be written as YAML numbers (`cpu: 2`); the config always carries strings. */
function buildAmounts(v: unknown): ResourceAmounts {
  const a = v as Raw;
  return { cpu: String(a.cpu), memory: String(a.memory) };
}

function buildAutoscaling(v: unknown): Autoscaling | false {
  if (v === false) return false;
  const a = v as Raw;
  return {
    minReplicas: a.minReplicas as number,
    maxReplicas: a.maxReplicas as number,
    cpu: a.cpu as number,
    ...(a.memory !== undefined ? { memory: a.memory as number } : {}),
  };
}

/** Copies a string map; `Object.fromEntries` defines own properties, so a `__proto__` key stays a key. */
function stringMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((v ?? {}) as Raw).map(([k, x]) => [k, x as string]));
}
