import * as path from 'node:path';
import { UserError } from '../core/errors.js';
import { snapshotFs } from '../core/fs.js';
import type { Seal } from '../core/seal.js';
import type { Finding } from '../core/finding.js';
import { buildPaths, defaultCacheDir, type BuildResult } from '../kustomize/build.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import type { BuildTarget } from '../render/layout.js';
import { createFormat, exitCode, type Report, type ResourceResult } from '../report/index.js';
import { argoDocuments } from '../argo/documents.js';
import { checkArgo } from '../validate/argocd.js';
import { checkCatalogue } from '../validate/catalogue.js';
import { compareBuilt, objectId } from '../validate/built.js';
import { driftFindings } from '../validate/drift.js';
import { loadRendered } from '../validate/load-rendered.js';
import { loadManifests, validateDocuments } from '../validate/manifests.js';
import { checkManifests, checkRepository } from '../policy/repository.js';
import type { Tier } from '../policy/engine.js';
import { createSchemaValidator, type SchemaValidator } from '../validate/schema/index.js';
import { cacheSeal, executableIdentity, INPUT_FILES, INPUT_ROOTS, inputFiles, resultCache, buildId, validationKey } from '../validate/result-cache.js';
import { windowFacts } from '../windows/check.js';
import { interruptedRenderFindings } from '../write/pending.js';
import { requireKustomize, which } from '../kustomize/detect.js';
import type { CommandContext } from './context.js';
import { formatUserError } from './errors.js';

export interface ValidateOptions {
  /** Manifest files or folders to validate instead of the repository. Default: none (the repository). */
  paths: string[];
  /** Output format name: `text` (default), `json`, `junit`, `tap`. */
  output: string;
  /** Only the schema checks: no drift check, no kustomize builds. Default false. */
  schemaOnly: boolean;
  /** Build every Argo CD path with kustomize. Default true. */
  kustomize: boolean;
  /** Kinds without a schema are Skipped rather than Errors. Default false. */
  ignoreMissingSchemas: boolean;
  /** List valid resources too. Default false. */
  verbose: boolean;
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
}

/** Findings that mean the input could not be read at all: exit 2 rather than 1. */
const UNREADABLE = new Set(['manifest/unreadable', 'manifest/too-large']);

/** `validate`: the repository (no paths) or the given manifests. Returns the exit code. */
export async function runValidate(ctx: CommandContext, o: ValidateOptions): Promise<number> {
  const format = createFormat(o.output);
  const validator = createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas });
  let report: Report;
  try {
    report = await validateInput(ctx, o, validator);
  } catch (e) {
    // A machine reading -o json|junit|tap|sarif gets the configuration errors in that format too (and
    // a person the usual text on stderr); still exit 2: the repository could not be validated.
    if (!(e instanceof UserError) || format.name === 'text') throw e;
    ctx.stderr(formatUserError(e));
    ctx.stdout(format.format({ results: [], findings: [...e.findings], files: [...new Set(e.findings.map((f) => f.file))] }, { verbose: o.verbose, catalogue: checkCatalogue() }));
    return 2;
  }
  // Waived checks and the capacity headroom are `info` details: listed with --verbose (docs/policies.md);
  // without it a person reading the text output still learns that checks are waived, in one line
  // (the machine formats are not given a finding that is not one: they list the waivers with -v).
  if (!o.verbose) {
    const waived = report.findings.filter((f) => f.check === 'policy/waived');
    const findings = report.findings.filter((f) => !(f.severity === 'info' && f.check.startsWith('policy/')));
    if (waived.length > 0 && format.name === 'text') findings.push(waivedSummary(waived));
    report = { ...report, findings };
  }
  ctx.stdout(format.format(report, { verbose: o.verbose, catalogue: checkCatalogue() }));
  const unreadable = report.results.some((r) => r.findings.some((f) => UNREADABLE.has(f.check)));
  return unreadable ? 2 : exitCode(report);
}

/** The report of the repository (no paths) or of the given manifests, before the waiver summary. */
async function validateInput(ctx: CommandContext, o: ValidateOptions, validator: SchemaValidator): Promise<Report> {
  if (o.paths.length > 0) return validatePaths(ctx, o, validator);
  const repo = await cachedRepository(ctx, o, validator);
  if (o.schemaOnly) return repo.report;
  // Change windows depend on the clock and on Git, so they are never part of the cached report.
  const { windowStep } = await import('./windows-build.js');
  const windows = await windowStep(ctx, o, { ...repo.windows, head: underRoots(repo.files), ...(repo.built ? { built: repo.built } : {}) });
  // The simulation depends on the clock too (windows), so it is not cached either; without the
  // change windows (`--no-windows`) it plays with the projects' sync windows left out.
  const simulation =
    o.simulate === false || !o.kustomize
      ? []
      : await (await import('../validate/simulation.js')).simulationStep({
          root: ctx.root,
          fs: ctx.fs,
          at: (await import('./windows.js')).instantOption(ctx, o.at),
          ...(o.cache === false ? { cache: false } : {}),
          ...(o.windows === false ? { windows: false } : {}),
        });
  return { ...repo.report, findings: [...repo.report.findings, ...windows, ...simulation] };
}

/** The files under apps/, clusters/ and argocd/ (what the change-window step compares with the base). */
function underRoots(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files].filter(([p]) => INPUT_ROOTS.some((root) => p.startsWith(`${root}/`))));
}

/** One `info` finding standing for every `policy/waived` one: how many checks, on how many objects, in how many files. */
export function waivedSummary(waived: readonly Finding[]): Finding {
  const objects = new Set(waived.map((f) => `${f.file}|${f.object ?? f.path ?? ''}`)).size;
  const files = new Set(waived.map((f) => f.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    check: 'policy/waived',
    severity: 'info',
    file: '.',
    message: `${plural(waived.length, 'waived check')} on ${plural(objects, 'object')} in ${plural(files, 'file')}, each with its written reason`,
    hint: 'run `npm run validate -- -v` to list them (docs/policies.md, "Waivers")',
  };
}

/**
 * `validate PATH...`: schema checks of every document, then the policies on the schema-valid ones
 * together (a document the schema refuses is fixed first; judging its policies would guess at its meaning).
 */
function validatePaths(ctx: CommandContext, o: ValidateOptions, validator: SchemaValidator): Report {
  const loaded = loadManifests(ctx.fs, o.paths);
  const report = validateDocuments(loaded, validator);
  const valid = loaded.documents.filter((_d, n) => report.results[n]?.status === 'valid');
  const policy = checkManifests(valid, { ...(o.tier ? { tier: o.tier } : {}), ...(o.kubernetesVersion ? { kubernetesVersion: o.kubernetesVersion } : {}) });
  return { ...report, findings: [...report.findings, ...policy] };
}

/** A repository validation: its report, and the facts the change-window step needs. */
interface RepositoryValidation {
  report: Report;
  /** Plain data of the configuration and model (JSON-safe: kept with the cached report). */
  windows: ReturnType<typeof windowFacts>;
  /** Built objects per Argo CD path, for the change-window step; never cached (a cached report has none). */
  built?: ReadonlyMap<string, readonly Record<string, unknown>[]>;
}

/**
 * The repository validation, or the one of the last run when nothing it depends on changed (same
 * generator build, options, kustomize binary, and bytes of every file under apps/, clusters/, argocd/).
 * Also returns those files: the change-window step compares them with the base revision.
 */
async function cachedRepository(
  ctx: CommandContext,
  o: ValidateOptions,
  validator: SchemaValidator,
): Promise<RepositoryValidation & { files: ReadonlyMap<string, string> }> {
  const files = inputFiles(ctx.fs);
  // Every input file is read once: the validation reads them from this snapshot.
  const snap = { ...ctx, fs: snapshotFs(ctx.fs, files, INPUT_ROOTS, INPUT_FILES) };
  // What an interrupted render left is looked at on every run: the cached report cannot know of it.
  const left = o.schemaOnly ? [] : interruptedRenderFindings(snap.fs, (what) => `drift/${what}`);
  const withLeft = (v: RepositoryValidation) => (left.length === 0 ? v : { ...v, report: { ...v.report, findings: [...left, ...v.report.findings] } });
  const seal = o.cache === false ? undefined : cacheSeal(ctx.root, o.cacheSecretFile);
  const build = seal === undefined ? undefined : buildId();
  if (seal === undefined || build === undefined) return { ...withLeft(await validateRepository(snap, o, validator, seal)), files };
  const PATH = ctx.env['PATH'] ?? '';
  const tools = ['kustomize', 'kubectl'].map((n) => executableIdentity(which(n, PATH)));
  const key = validationKey(files, [build, JSON.stringify([o.schemaOnly, o.kustomize, o.ignoreMissingSchemas]), ...tools]);
  const cache = resultCache<RepositoryValidation>(path.join(ctx.root, 'node_modules', '.cache', 'suoke-gitops', 'validate'), seal);
  const hit = cache.get(key);
  if (hit?.report && hit.windows) return { ...withLeft(hit), files };
  const value = await validateRepository(snap, o, validator, seal);
  cache.set(key, { report: value.report, windows: value.windows });
  return { ...withLeft(value), files };
}

/** Lets pending I/O (kustomize output, finished builds) be handled between slices of synchronous work. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The repository: (1) committed output equals a fresh render, (2) every rendered object passes the
 * strict schema checks, (3) every Argo CD path builds with kustomize into exactly the intended
 * objects, which are schema-checked as built.
 *
 * The kustomize builds start first and run in child processes while this process does the rest;
 * an object kustomize built exactly as intended shares the schema verdict of the intended object.
 */
export async function validateRepository(ctx: CommandContext, o: ValidateOptions, validator: SchemaValidator, seal?: Seal): Promise<RepositoryValidation> {
  const { config, model, rendered } = loadRendered(ctx.fs);
  const findings: Finding[] = [];
  // The Argo CD side: expand the ApplicationSets; the paths their Applications deploy are what gets built.
  const argo = checkArgo({
    documents: argoDocuments(rendered.files, ARGOCD_PATH),
    renderedPaths: rendered.targets.map((t) => t.path),
    isDir: (p) => ctx.fs.isDir(p),
    builds: new Map(rendered.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))])),
  });
  const useKustomize = !o.schemaOnly && o.kustomize;
  // Found before anything is built: without one, one error saying how to install it, not a failed build per path.
  const tool = useKustomize ? await requireKustomize({ path: ctx.env['PATH'] ?? '', ...(o.cache === false ? {} : { cacheDir: defaultCacheDir(ctx.root) }) }) : undefined;
  const deployed = new Set(argo.buildPaths);
  const targets = useKustomize ? rendered.targets.filter((t) => deployed.has(t.path)) : rendered.targets;
  let builds: Promise<BuildResult[]> | undefined;
  if (useKustomize) {
    const owners = new Map<string, string>();
    for (const t of targets) for (const obj of t.objects) owners.set(objectId(obj), t.path);
    builds = buildPaths(
      targets.map((t) => ({ path: t.path })),
      { root: ctx.root, owner: (obj) => owners.get(objectId(obj)), ...tool, ...(o.cache === false || seal === undefined ? { cacheDir: false as const } : { seal }) },
    );
    // Awaited below; until then a failure must not count as an unhandled rejection.
    builds.catch(() => undefined);
  }
  if (!o.schemaOnly) findings.push(...driftFindings(ctx.fs, rendered.files));
  await turn();
  // Policies and capacity on what the generator means every Argo CD path to hold (kustomize is proven to build exactly that).
  if (!o.schemaOnly) findings.push(...checkRepository(model, rendered.targets).findings);
  if (!o.schemaOnly) findings.push(...argo.findings);
  // Generated Applications are objects Argo CD will hold: strictly schema-checked too. They are not
  // files of their own, so only their problems are reported (as findings on the ApplicationSet's file).
  for (const a of argo.applications) {
    if (a.origin.startsWith('ApplicationSet ')) findings.push(...validator.validate(a.application, { file: a.file }).findings);
  }
  // The intended objects, a path at a time.
  const intended: ResourceResult[][] = [];
  for (const t of targets) {
    intended.push(check(validator, t.path, t.objects));
    if (builds) await turn();
  }
  const results: ResourceResult[] = [];
  const built = new Map<string, readonly Record<string, unknown>[]>();
  if (!builds) results.push(...intended.flat());
  else {
    (await builds).forEach((b, n) => {
      if (b.ok) built.set(b.path, b.objects);
      const target = targets[n] as BuildTarget;
      if (!b.ok) {
        findings.push({
          check: 'kustomize/build-failed',
          severity: 'error',
          file: target.path,
          message: `kustomize build failed: ${b.error}`,
          hint: 'run `npm run render` to restore the generated files; if it persists, report it',
        });
        return;
      }
      const differences = compareBuilt(target, b.objects);
      findings.push(...differences);
      if (differences.length > 0) {
        results.push(...check(validator, target.path, b.objects));
        return;
      }
      // Built exactly as intended (content equal, key order aside): the verdicts are the intended ones, in kustomize's order.
      const byId = new Map(target.objects.map((obj, i) => [objectId(obj), intended[n]![i]!]));
      results.push(...b.objects.map((obj, index) => ({ ...byId.get(objectId(obj))!, index })));
    });
  }
  return { report: { results, findings, files: rendered.targets.map((t) => t.path) }, windows: windowFacts(config, model), ...(builds ? { built } : {}) };
}

function check(validator: SchemaValidator, file: string, objects: readonly unknown[]): ResourceResult[] {
  return objects.map((obj, index) => {
    const v = validator.validate(obj, { file });
    return { file, index, ...(v.object ? { object: v.object } : {}), ...(v.kind ? { kind: v.kind } : {}), status: v.status, findings: v.findings };
  });
}
