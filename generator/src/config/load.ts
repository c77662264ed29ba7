/**
 * Loads the hand-edited configuration: every `apps/<service>/service.yaml` and
 * `clusters/<cluster>/cluster.yaml`, `argocd/argocd.yaml`, and `platform/addons.yaml` when present. Everything else under `apps/`,
 * `clusters/` and `argocd/` is generated output and is not read.
 *
 * Stages: read and parse each file (size, depth and alias limits) → JSON Schema (ajv fills the
 * declared defaults into a copy) → per-file checks → cross-file checks → build the typed config
 * (service/build.ts, cluster/build.ts, argocd/checks.ts, addons/checks.ts) → gray-release plans. Every finding of
 * every file is collected before anything fails.
 */
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { cmp, sortFindings } from '../core/finding.js';
import type { FileSystem } from '../core/fs.js';
import { symlinkFinding } from '../core/safe-read.js';
import { checkAcrossFiles } from './across.js';
import { ADDONS_FILE, buildAddons, checkAddonsFile } from './addons/checks.js';
import { checkAddonInstalls } from './addons/install.js';
import { buildArgocd, checkArgocdAcross, checkArgocdFile } from './argocd/checks.js';
import { buildCluster } from './cluster/build.js';
import { checkClusterFile } from './cluster/checks.js';
import { checkDatabaseUrl, checkDataDependencies, checkDataServicesFile, checkRestoreDrills } from './cluster/data-services.js';
import { checkNodePools } from './cluster/node-pools.js';
import { checkMessaging } from './service/messaging-checks.js';
import { checkClusterPlatform } from './cluster/platform.js';
import { checkAlerting } from './cluster/alerting.js';
import { checkBusinessServices } from './cluster/alerts.js';
import { checkMonitoring } from './cluster/monitoring.js';
import { checkLogging } from './cluster/logging.js';
import { checkEdge } from './cluster/edge.js';
import { checkVerification } from './cluster/verification.js';
import { checkChangeWindowsFile } from './cluster/windows.js';
import { buildService } from './service/build.js';
import { checkServiceFile } from './service/checks.js';
import { checkGrayReleases } from './service/gray-release-checks.js';
import type { ParsedFile } from './shared/checks.js';
import { isRaw } from './shared/checks.js';
import { checkSettingSecrets, withoutSecretEchoes } from './shared/secrets.js';
import { checkWaivers, clusterEnvironments, environmentNames } from './shared/waivers.js';
import type { ConfigFiles, ConfigKind, StructureResult } from './structure.js';
import { checkStructure } from './structure.js';
import type { PlatformConfig } from './types.js';
import { configFinding, readYamlSource, type ParseMemo, type YamlSource } from './yaml-source.js';

/** What the loader needs to know from the stages after it, given as data so that config imports none of them. */
export interface LoadOptions {
  /**
   * Check ids a waiver may name (without `policy/`); any other id in `waivers` is a finding. The
   * callers pass the policy catalogue, e.g. `{ waivable: WAIVABLE }` from policy/ids.ts.
   */
  waivable: readonly string[];
  /** Shared with the load of another tree (`diff`, `plan`): its files of the same path and text are parsed and schema-checked once. */
  memo?: LoadMemo;
}

/** What loads of two trees share: {@link LoadOptions.memo}. */
export interface LoadMemo {
  sources: ParseMemo;
  structures: WeakMap<YamlSource, StructureResult<unknown>>;
}

/** An empty {@link LoadMemo}, for the loads of one command. */
export function loadMemo(): LoadMemo {
  return { sources: new Map(), structures: new WeakMap() };
}

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
export function loadConfig(fs: FileSystem, options: LoadOptions): PlatformConfig {
  const { config, findings } = readConfig(fs, options);
  if (!config) throw new UserError(findings);
  return config;
}

/** Like {@link loadConfig}, but returns the findings instead of throwing. */
export function readConfig(fs: FileSystem, options: LoadOptions): ConfigResult {
  const findings: Finding[] = [];
  const { memo } = options;
  const services = readAll(fs, 'service', findings, memo);
  const clusters = readAll(fs, 'cluster', findings, memo);
  const argocd = readOne(fs, 'argocd', ARGOCD_CONFIG_FILE, findings, memo);
  // Optional: a repository without it pins no add-on (validate then refuses any platform/crds/ folder,
  // and has no CRDs to hold custom kinds to).
  const addons = fs.size(ADDONS_FILE) === undefined && !fs.isDir(ADDONS_FILE) ? undefined : readOne(fs, 'addons', ADDONS_FILE, findings, memo);
  for (const f of services.parsed) checkServiceFile(f, findings);
  for (const f of clusters.parsed) checkClusterFile(f, findings);
  for (const f of clusters.parsed) checkChangeWindowsFile(f, findings);
  for (const f of clusters.parsed) checkDataServicesFile(f, findings);
  for (const f of clusters.parsed) checkClusterPlatform(f, findings);
  for (const f of clusters.parsed) checkAlerting(f, findings);
  for (const f of clusters.parsed) checkMonitoring(f, findings);
  for (const f of clusters.parsed) checkLogging(f, findings);
  checkDataDependencies(services.parsed, clusters.parsed, findings);
  checkEdge(services.parsed, clusters.parsed, findings, services.broken);
  checkVerification(services.parsed, clusters.parsed, findings);
  checkBusinessServices(services.parsed, clusters.parsed, findings, services.broken);
  checkDatabaseUrl(services.parsed, clusters.parsed, findings);
  checkRestoreDrills(clusters.parsed, findings);
  checkMessaging(services.parsed, findings);
  for (const f of services.parsed) checkSettingSecrets(f, 'service', findings);
  for (const f of clusters.parsed) checkSettingSecrets(f, 'cluster', findings);
  if (argocd) checkArgocdFile(argocd, findings);
  if (addons) checkAddonsFile(addons, findings);
  if (addons) checkAddonInstalls(addons, clusters.parsed.map((f) => (typeof f.data.name === 'string' ? f.data.name : f.folder)), findings);
  checkAcrossFiles(services.parsed, clusters.parsed, { serviceFolders: services.broken, someCluster: clusters.broken.length > 0 }, findings);
  if (argocd) checkArgocdAcross(argocd, clusters.parsed, findings);
  checkPolicyConfig(services.parsed, clusters.parsed, options.waivable, findings);
  if (findings.length > 0 || !argocd?.value) return { config: undefined, findings: sortFindings(withoutSecretEchoes(findings)) };
  // Without findings every file matched its schema, so each has its defaulted `value`.
  const byName = <T extends { name: string }>(a: T, b: T) => cmp(a.name, b.name);
  const config: PlatformConfig = {
    services: services.parsed.flatMap((f) => (f.value ? [buildService(f, f.value)] : [])).sort(byName),
    clusters: clusters.parsed.flatMap((f) => (f.value ? [buildCluster(f, f.value)] : [])).sort(byName),
    argocd: buildArgocd(argocd, argocd.value),
    ...(addons?.value ? { addons: buildAddons(addons, addons.value) } : {}),
  };
  // Gray-release plans are judged on the typed config (defaults filled in): a bad plan never renders.
  const sources = new Map(services.parsed.map((f) => [f.source.file, f.source]));
  const plan = checkGrayReleases(config, (file, path) => sources.get(file)?.lineOf(path, 'key'));
  if (plan.length > 0) return { config: undefined, findings: sortFindings(plan) };
  return { config, findings: [] };
}

/** Policy configuration (docs/policies.md): waivers in service and cluster files, node pools in cluster files. */
function checkPolicyConfig(services: ParsedFile[], clusters: ParsedFile[], waivable: readonly string[], findings: Finding[]): void {
  const envs = environmentNames(clusters);
  const names = services.map((f) => (typeof f.data.name === 'string' ? f.data.name : f.folder));
  for (const f of services) checkWaivers(f, envs, waivable, findings);
  for (const f of clusters) {
    checkWaivers(f, clusterEnvironments(f), waivable, findings);
    checkNodePools(f, names, findings);
  }
}

/** The one Argo CD settings file; the rest of `argocd/` is generated. */
export const ARGOCD_CONFIG_FILE = 'argocd/argocd.yaml';

const layout: Record<'service' | 'cluster', { dir: string; file: string }> = {
  service: { dir: 'apps', file: 'service.yaml' },
  cluster: { dir: 'clusters', file: 'cluster.yaml' },
};

/** Parses every file of one kind; `parsed` holds those fit for the semantic checks (schema-valid or not). */
function readAll<K extends 'service' | 'cluster'>(fs: FileSystem, kind: K, findings: Finding[], memo: LoadMemo | undefined): { parsed: ParsedFile<ConfigFiles[K]>[]; broken: string[] } {
  const { dir, file } = layout[kind];
  const parsed: ParsedFile<ConfigFiles[K]>[] = [];
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
    const f = readOne(fs, kind, path, findings, memo, entry.name);
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
function readOne<K extends ConfigKind>(fs: FileSystem, kind: K, path: string, findings: Finding[], memo: LoadMemo | undefined, folder = ''): ParsedFile<ConfigFiles[K]> | undefined {
  if (fs.isDir(path) || fs.size(path) === undefined) {
    findings.push(configFinding('missing', path, undefined, undefined, `${path} is missing`, 'restore it from Git history, or create it'));
    return undefined;
  }
  const source = readYamlSource(fs, path, memo?.sources);
  findings.push(...source.findings);
  if (source.findings.length > 0) return undefined;
  const known = memo?.structures.get(source) as StructureResult<ConfigFiles[K]> | undefined;
  const structure = known ?? checkStructure(kind, source);
  if (!known) memo?.structures.set(source, structure);
  findings.push(...structure.findings);
  return isRaw(source.data) ? { source, folder, data: source.data, value: structure.value } : undefined;
}
