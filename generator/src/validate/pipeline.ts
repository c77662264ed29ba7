/**
 * `validate`: options in, one report out. The repository (no paths) goes through the named steps of
 * steps.ts; manifests given as paths through schema and policy. Scheduling (pipeline order):
 *
 *     load → render ─┬─ argocd ─── kustomize (started: child processes build meanwhile) ─┐
 *                    ├─ drift, policy, schema (a path at a time, collecting builds) ─────┴─ kustomize findings
 *                    └─ (the whole of it reused from the result cache while its inputs hold)
 *     → windows (clock, base revision) → simulation (clock)
 *
 * An object kustomize built exactly as intended shares the intended object's schema verdict.
 */
import { clustersKubernetesVersion } from './kubernetes-version.js';
import type { Finding } from '../core/finding.js';
import { snapshotFs, type FileSystem } from '../core/fs.js';
import type { Seal } from '../core/seal.js';
import { defaultCacheDir, type BuildResult } from '../kustomize/build.js';
import { readMemo } from '../kustomize/cache.js';
import { DependencyHasher, type FileReader, type KustomizationMemo } from '../kustomize/deps.js';
import { KUSTOMIZE_TOOLS, requireKustomize, type Kustomize } from '../kustomize/detect.js';
import type { Tier } from '../policy/engine.js';
import type { Report, ResourceResult } from '../report/result.js';
import { windowFacts } from '../windows/check.js';
import { interruptedRenderFindings } from '../write/pending.js';
import { answer, Inputs, recordingFs, unchanged, type Observation } from './inputs.js';
import { cacheSeal, INPUT_FILES, INPUT_ROOTS, inputFiles, resultCache, resultCacheDir, resultKey } from './result-cache.js';
import type { ReadLimits } from './manifests.js';
import { instantAt, pathBuilder, windowsStep, type BaseTree } from './windows-step.js';
import { ownership, partName, type Part } from './partition.js';

/** What `validate` checks and how (the CLI maps its flags to these). */
export interface ValidateOptions {
  /** Manifest files or folders to validate instead of the repository. Default: none (the repository). */
  paths: string[];
  /** Only the schema checks: no drift check, no kustomize builds. Default false. */
  schemaOnly: boolean;
  /** Build every Argo CD path with kustomize. Default true. */
  kustomize: boolean;
  /** Kinds without a schema are Skipped rather than Errors. Default false. */
  ignoreMissingSchemas: boolean;
  /**
   * Reuse the last report when no input changed, and cached kustomize builds, both authenticated
   * with the secret in {@link cacheSecretFile}. The CLI entry sets it false when the `CI` environment
   * variable is set: CI never trusts a cache that may have been restored from elsewhere. Default true.
   */
  cache?: boolean;
  /**
   * Absolute path of the per-user secret that seals the caches (core/seal.ts), created with mode 0600
   * on first use, e.g. `~/.cache/suoke-gitops/secret` (`$XDG_CACHE_HOME/suoke-gitops/secret` when set).
   * It must lie outside the repository (and so outside its `node_modules/.cache`): a secret a pull
   * request could ship would authenticate nothing. Without it, or inside the repository, nothing is
   * cached. Default none.
   */
  cacheSecretFile?: string;
  /** Policy strictness for manifests given as `paths` (the repository uses each environment's tier). Default `production`. */
  tier?: Tier;
  /** Manifests given as `paths`: run the policies too (`--policies`); the repository always does. Default false. */
  policies?: boolean;
  /** Manifests given as `paths`: kinds or `apiVersion/kind` counted as Skipped, unchecked (`--skip`). Default none. */
  skip?: string[];
  /** Manifests given as `paths`: kinds or `apiVersion/kind` that are an Error wherever found (`--reject`). Default none. */
  reject?: string[];
  /** Manifests given as `paths`: bounds against hostile input (validate/manifests.ts). Default its defaults. */
  limits?: ReadLimits;
  /** Manifests given as `paths`: worker threads (`--jobs`, validate/paths.ts `jobs`). Default: by input size. */
  jobs?: number;
  /** CPUs the worker pool may use (the CLI passes os.availableParallelism()). Default 1. */
  parallelism?: number;
  /** Kubernetes minor version manifests given as `paths` are checked against, e.g. `1.31`. Default `1.31`. */
  kubernetesVersion?: string;
  /** Change windows: the instant to evaluate, ISO-8601 with an offset. Default now. */
  at?: string;
  /** Change windows: the Git revision the change is compared with. Default: merge base with origin/main, else HEAD. */
  base?: string;
  /** Play the committed tree from an empty cluster at `at` (docs/simulation.md). Default true; off with `schemaOnly` or without kustomize. */
  simulate?: boolean;
  /**
   * Change windows checked (`--no-windows`: false, for a local run whose result must not depend on
   * the clock; the other base-revision checks, such as a canary's first deploy, still run). Default true.
   */
  windows?: boolean;
  /**
   * The repository: only this part of the work (`--env`, `--shard`; validate/partition.ts), its
   * paths built and checked and its findings reported. Default: everything.
   */
  part?: Part;
}

/** The world `validate` runs in, passed in by the CLI (and by tests). */
export interface ValidateWorld {
  /** Repository root (absolute). */
  root: string;
  fs: FileSystem;
  /** The clock change windows and the simulation start from. */
  now: () => Date;
  /** The search path kustomize is found on (`PATH`). */
  path: string;
  /** The generator build results are cached under (`generator/dist/build-id`); none: nothing is cached. */
  buildId: string | undefined;
  /** The files of the base revision `--base` names (or the default one), read from Git; none outside a Git work tree. */
  baseTree: (base: string | undefined) => BaseTree | undefined;
  /** Standard input in pieces, for `validate -`. Default none. */
  stdin?: () => AsyncIterable<string>;
  /** Told when each stage of a repository run starts (the CLI prints it on stderr in a terminal). Default none. */
  progress?: (message: string) => void;
}

/** A `validate` run: its report and whether the repository part came from the result cache. */
export interface Validation {
  report: Report;
  cached: boolean;
}

/** `validate`: the report of the repository (no paths) or of the given manifests, before any summary of waivers. */
export async function runPipeline(world: ValidateWorld, o: ValidateOptions): Promise<Validation> {
  if (o.paths.length > 0) return { report: await validateGiven(world, o), cached: false };
  // One seal (a read of the per-user secret) for the result cache, the windows builds and the simulation.
  const seal = o.cache === false ? undefined : cacheSeal(world.root, o.cacheSecretFile);
  const part = o.part ? ` (${partName(o.part)})` : '';
  world.progress?.(`rendering and checking the repository${part}${o.schemaOnly ? ' (schemas)' : o.kustomize ? ' (drift, policies, schemas, kustomize builds)' : ' (drift, policies, schemas)'}`);
  const repo = await cachedRepository(world, o, seal);
  const own = ownership(o.part, repo.paths);
  // What an interrupted render left (added on every run) is a repository-wide finding.
  if (o.schemaOnly) return { report: { ...repo.report, findings: repo.report.findings.filter(own.ownsFinding) }, cached: repo.cached };
  const build = o.kustomize && o.windows !== false ? await pathBuilder({ root: world.root, path: world.path, ...(seal ? { cache: seal } : {}) }) : undefined;
  if (o.windows !== false) world.progress?.('change windows: comparing with the base revision');
  const windows = await windowsStep({
    root: world.root,
    fs: world.fs,
    at: instantAt(world.now, o.at),
    base: () => world.baseTree(o.base),
    windows: o.windows !== false,
    ...repo.windows,
    head: underRoots(repo.files),
    ...(repo.built ? { built: repo.built } : {}),
    ...(build ? { build } : {}),
    ...(seal && world.buildId !== undefined ? { baseRuns: { dir: resultCacheDir(world.root), seal, build: world.buildId } } : {}),
  });
  // The simulation depends on the clock too (windows), so it is not cached either; without the
  // change windows (`--no-windows`) it plays with the projects' sync windows left out.
  // The simulation plays every cluster whole: the part of the repository-wide checks runs it.
  const simulation = o.simulate === false || !o.kustomize || !own.global ? [] : await simulate(world, o, seal);
  return { report: { ...repo.report, findings: [...repo.report.findings, ...windows].filter(own.ownsFinding).concat(simulation) }, cached: repo.cached };
}

/** The simulation step of a repository run (it depends on the clock too, so it is never cached). */
async function simulate(world: ValidateWorld, o: ValidateOptions, seal: Seal | undefined): Promise<Finding[]> {
  world.progress?.('simulating Argo CD from an empty cluster');
  const { simulationStep } = await import('./simulation.js');
  // Without the change windows (`--no-windows`) it plays with the projects' sync windows left out.
  return simulationStep({
    root: world.root,
    fs: world.fs,
    at: instantAt(world.now, o.at),
    ...(o.cache === false ? { cache: false } : {}),
    ...(seal ? { seal } : {}),
    ...(o.windows === false ? { windows: false } : {}),
  });
}

/** The files under apps/, clusters/ and argocd/ (what the windows step compares with the base). */
function underRoots(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files].filter(([p]) => INPUT_ROOTS.some((root) => p.startsWith(`${root}/`))));
}

/** `validate PATH...`: the options of paths.ts from the command's. */
async function validateGiven(world: ValidateWorld, o: ValidateOptions): Promise<Report> {
  // Imported here: a repository run (and a validate served by the result cache) never loads the PATH reader.
  const { validatePaths } = await import('./paths.js');
  return validatePaths(
    { fs: world.fs, ...(world.stdin ? { stdin: world.stdin } : {}) },
    {
      paths: o.paths,
      schemaOnly: o.schemaOnly,
      ignoreMissingSchemas: o.ignoreMissingSchemas,
      skip: o.skip ?? [],
      reject: o.reject ?? [],
      // A plain `yes` is true for kubectl apply and Argo CD, "yes" for kustomize: docs/yaml.md.
      ambiguousScalars: true,
      ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
      parallelism: o.parallelism ?? 1,
      ...(o.policies ? { policies: { tier: o.tier ?? 'production', kubernetesVersion: o.kubernetesVersion ?? clustersKubernetesVersion(world.fs) } } : {}),
      ...(o.limits ? { limits: o.limits } : {}),
    },
  );
}

/**
 * Everything the repository steps read of the options: the whole of it is part of the result
 * cache's key, so an option a step starts to read invalidates what was cached without it.
 */
export interface RepositoryOptions {
  schemaOnly: boolean;
  kustomize: boolean;
  ignoreMissingSchemas: boolean;
  /** Whether the kustomize step may use the sealed build cache. */
  cache: boolean;
  /** The part of the work (validate/partition.ts); absent: all of it. */
  part?: Part;
}

/** The {@link RepositoryOptions} of a run. */
export function repositoryOptions(o: ValidateOptions): RepositoryOptions {
  return { schemaOnly: o.schemaOnly, kustomize: o.kustomize, ignoreMissingSchemas: o.ignoreMissingSchemas, cache: o.cache !== false, ...(o.part ? { part: o.part } : {}) };
}

/** A repository validation: its report, and the facts the windows step needs. */
interface RepositoryValidation {
  report: Report;
  /** Plain data of the configuration and model (JSON-safe: kept with the cached report). */
  windows: ReturnType<typeof windowFacts>;
  /** Every rendered path and its environment (JSON-safe: kept with the cached report), which the parts are cut from. */
  paths: { path: string; env: string }[];
  /** Built objects per Argo CD path, for the windows step; never cached (a cached report has none). */
  built?: ReadonlyMap<string, readonly Record<string, unknown>[]>;
}

/** What the result cache keeps: the validation and what its steps read to make it. */
interface CacheEntry {
  report: Report;
  windows: RepositoryValidation['windows'];
  paths: RepositoryValidation['paths'];
  inputs: Observation[];
}

/**
 * The repository validation, or the one of the last run when every question its steps asked (of the
 * files, of the search path) gets the answer it got then, under the same generator build and
 * options ({@link RepositoryOptions}). Also returns the files under apps/, clusters/, argocd/: the
 * windows step compares them with the base revision.
 */
async function cachedRepository(world: ValidateWorld, o: ValidateOptions, seal: Seal | undefined): Promise<RepositoryValidation & { files: ReadonlyMap<string, string>; cached: boolean }> {
  const folders = new Set<string>();
  const files = inputFiles(world.fs, folders);
  // Every file under the roots is read once, and every folder there seen once: the steps read them
  // from this snapshot, and a cached entry's answers about them are checked against it.
  const fs = snapshotFs(world.fs, files, INPUT_ROOTS, INPUT_FILES, folders);
  // What an interrupted render left is looked at on every run: the cached report cannot know of it.
  const left = o.schemaOnly ? [] : interruptedRenderFindings(fs, (what) => `drift/${what}`);
  const withLeft = (v: RepositoryValidation) => (left.length === 0 ? v : { ...v, report: { ...v.report, findings: [...left, ...v.report.findings] } });
  const options = repositoryOptions(o);
  if (seal === undefined || world.buildId === undefined) {
    return { ...withLeft(await validateRepository({ root: world.root, fs, path: world.path }, options, seal)), files, cached: false };
  }
  const cache = resultCache<CacheEntry>(resultCacheDir(world.root), seal);
  const key = resultKey(world.buildId, options);
  const hit = cache.get(key);
  if (hit?.report && hit.windows && Array.isArray(hit.paths) && Array.isArray(hit.inputs) && unchanged({ fs, path: world.path }, hit.inputs)) {
    return { ...withLeft({ report: hit.report, windows: hit.windows, paths: hit.paths }), files, cached: true };
  }
  const inputs = new Inputs();
  const value = await validateRepository({ root: world.root, fs: recordingFs(fs, inputs), path: world.path }, options, seal, inputs);
  if (!inputs.unknown) cache.set(key, { report: value.report, windows: value.windows, paths: value.paths, inputs: inputs.list() });
  return { ...withLeft(value), files, cached: false };
}

/**
 * Reads, through `fs` (which notes them), the files a kustomize build of each target reads; when that
 * cannot be known statically (a remote base, a missing file), the inputs are unknown. `parsed`: the
 * kustomizations the build cache has parsed (by content hash, sealed), so none is parsed twice.
 */
function noteKustomizeInputs(fs: FileSystem, targets: readonly { path: string }[], inputs: Inputs, parsed?: KustomizationMemo): void {
  const readText = (rel: string) => {
    try {
      return fs.readText(rel);
    } catch {
      return undefined;
    }
  };
  const reader: FileReader = {
    read(rel) {
      const text = readText(rel);
      return text === undefined ? undefined : Buffer.from(text);
    },
    kind(rel) {
      try {
        return fs.isDir(rel) ? 'dir' : fs.size(rel) !== undefined ? 'file' : undefined;
      } catch {
        return undefined;
      }
    },
  };
  const deps = new DependencyHasher(reader, parsed);
  // Paths share their bases: each file is read (and so noted) once.
  const noted = new Set<string>();
  for (const t of targets) {
    const files = deps.files(t.path);
    if (files === undefined) inputs.unknown = true;
    else for (const file of files) if (!noted.has(file) && noted.add(file)) readText(file);
  }
}

/**
 * The repository: (1) committed output equals a fresh render, (2) every rendered object passes the
 * strict schema checks, (3) every Argo CD path builds with kustomize into exactly the intended
 * objects, which are schema-checked as built; the Argo CD objects are proven deployable and the
 * policies hold. Reads the files through `world.fs` only, and notes the programs it runs in `inputs`.
 */
async function validateRepository(
  world: Pick<ValidateWorld, 'root' | 'fs' | 'path'>,
  o: RepositoryOptions,
  seal: Seal | undefined,
  inputs?: Inputs,
): Promise<RepositoryValidation> {
  // Loaded here, not on every run: a run the result cache serves needs neither the configuration, the
  // model, the renderers, the policies nor the schema validator (~0.1 s of start-up).
  const [{ createSchemaValidator, staleCrdFindings }, { loadRendered }, { argocdStep, driftStep, kustomizeStep, policyStep, schemaStep, startKustomizeStep, turn }, { addonsStep }] = await Promise.all([
    import('./schema/index.js'),
    import('./load-rendered.js'),
    import('./steps.js'),
    import('./addons-step.js'),
  ]);
  const validator = createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas });
  const { config, model, rendered } = loadRendered(world.fs);
  const argo = argocdStep({ files: rendered.files, targets: rendered.targets, isDir: (p) => world.fs.isDir(p) });
  const useKustomize = !o.schemaOnly && o.kustomize;
  // Found before anything is built: without one, one error saying how to install it, not a failed build per path.
  let tool: Kustomize | undefined;
  if (useKustomize) {
    for (const name of KUSTOMIZE_TOOLS) inputs?.add('executable', name, () => answer(world, 'executable', name));
    tool = await requireKustomize({ path: world.path, ...(o.cache ? { cacheDir: defaultCacheDir(world.root) } : {}) });
  }
  const deployed = new Set(argo.buildPaths);
  // Under --env/--shard only this part's paths are built and schema-checked; the rest is everyone's.
  const own = ownership(o.part, rendered.targets);
  const targets = (useKustomize ? rendered.targets.filter((t) => deployed.has(t.path)) : rendered.targets).filter((t) => own.owns(t.path));
  let builds: Promise<BuildResult[]> | undefined;
  if (tool) {
    const cache = o.cache && seal ? { dir: defaultCacheDir(world.root), seal } : undefined;
    builds = startKustomizeStep({ root: world.root, targets, tool, ...(cache ? { cache } : {}) });
    // kustomize reads the files in child processes: what it reads, found as its build cache finds it, is read here too.
    if (inputs) noteKustomizeInputs(world.fs, targets, inputs, cache ? readMemo(cache) : undefined);
  }
  const addons = o.schemaOnly ? [] : addonsStep({ fs: world.fs, addons: config.addons, targets: rendered.targets });
  // An edited CRD is one problem (addons/crd-modified), not also a stale schema.
  const modified = new Set(addons.filter((f) => f.check === 'addons/crd-modified').map((f) => f.file));
  const findings: Finding[] = staleCrdFindings(world.fs, validator.crds, modified);
  if (!o.schemaOnly) findings.push(...driftStep(world.fs, rendered.files));
  await turn();
  if (!o.schemaOnly) findings.push(...policyStep({ model, targets: rendered.targets }));
  if (!o.schemaOnly) findings.push(...argo.findings);
  findings.push(...addons);
  const schema = await schemaStep({ validator, targets, applications: argo.applications, yieldBetween: builds !== undefined });
  findings.push(...schema.findings);
  const paths = rendered.targets.map((t) => ({ path: t.path, env: t.env }));
  const files = paths.map((p) => p.path).filter((p) => own.owns(p));
  const facts = { windows: windowFacts(config, model), paths };
  if (!builds) return { report: { results: schema.intended.flat(), findings: findings.filter(own.ownsFinding), files }, ...facts };
  const kustomize = kustomizeStep({ builds: await builds, targets, intended: schema.intended, validator });
  const results: ResourceResult[] = kustomize.results;
  findings.push(...kustomize.findings);
  return { report: { results, findings: findings.filter(own.ownsFinding), files }, ...facts, built: kustomize.built };
}
