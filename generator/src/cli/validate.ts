import * as path from 'node:path';
import { readConfig } from '../config/load.js';
import { UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { buildPaths } from '../kustomize/build.js';
import { buildModel } from '../model/build.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import { render } from '../render/index.js';
import type { BuildTarget } from '../render/layout.js';
import { createFormat, exitCode, type Report, type ResourceResult } from '../report/index.js';
import { argoDocuments, checkArgo } from '../validate/argocd.js';
import { compareBuilt, objectId } from '../validate/built.js';
import { driftFindings } from '../validate/drift.js';
import { loadManifests, validateDocuments } from '../validate/manifests.js';
import { checkManifests, checkRepository } from '../policy/repository.js';
import type { Tier } from '../policy/engine.js';
import { createSchemaValidator, type SchemaValidator } from '../validate/schema/index.js';
import { executableIdentity, resultCache, buildId, validationKey } from '../validate/result-cache.js';
import { which } from '../kustomize/detect.js';
import type { CommandContext } from './context.js';

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
  /** Reuse the last report when no input changed, and cached kustomize builds. Default true. */
  cache?: boolean;
  /** Policy strictness for manifests given as `paths` (the repository uses each environment's tier). Default `production`. */
  tier?: Tier;
  /** Kubernetes minor version manifests given as `paths` are checked against, e.g. `1.31`. Default `1.31`. */
  kubernetesVersion?: string;
  /** Change windows: the instant to evaluate, ISO-8601 with an offset. Default now. */
  at?: string;
  /** Change windows: the Git revision the change is compared with. Default: merge base with origin/main, else HEAD. */
  base?: string;
}

/** Findings that mean the input could not be read at all: exit 2 rather than 1. */
const UNREADABLE = new Set(['manifest/unreadable', 'manifest/too-large']);

/** `validate`: the repository (no paths) or the given manifests. Returns the exit code. */
export async function runValidate(ctx: CommandContext, o: ValidateOptions): Promise<number> {
  const format = createFormat(o.output);
  const validator = createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas });
  let report = o.paths.length > 0 ? validatePaths(ctx, o, validator) : await cachedRepository(ctx, o, validator);
  if (o.paths.length === 0 && !o.schemaOnly) {
    // Change windows depend on the clock and on Git, so they are never part of the cached report.
    const { pullRequestWindowFindings } = await import('./windows.js');
    report = { ...report, findings: [...report.findings, ...pullRequestWindowFindings(ctx, { ...(o.at !== undefined ? { at: o.at } : {}), ...(o.base !== undefined ? { base: o.base } : {}) })] };
  }
  // Waived checks and the capacity headroom are `info` details: listed with --verbose (docs/policies.md).
  if (!o.verbose) report = { ...report, findings: report.findings.filter((f) => !(f.severity === 'info' && f.check.startsWith('policy/'))) };
  ctx.stdout(format.format(report, { verbose: o.verbose }));
  const unreadable = report.results.some((r) => r.findings.some((f) => UNREADABLE.has(f.check)));
  return unreadable ? 2 : exitCode(report);
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

/**
 * The repository validation, or the report of the last one when nothing it depends on changed (same
 * generator build, options, kustomize binary, and bytes of every file under apps/, clusters/, argocd/).
 */
async function cachedRepository(ctx: CommandContext, o: ValidateOptions, validator: SchemaValidator): Promise<Report> {
  const build = o.cache === false ? undefined : buildId();
  if (build === undefined) return validateRepository(ctx, o, validator);
  const PATH = ctx.env['PATH'] ?? '';
  const tools = ['kustomize', 'kubectl'].map((n) => executableIdentity(which(n, PATH)));
  const key = validationKey(ctx.fs, [build, JSON.stringify([o.schemaOnly, o.kustomize, o.ignoreMissingSchemas]), ...tools]);
  const cache = resultCache(path.join(ctx.root, 'node_modules', '.cache', 'suoke-gitops', 'validate'));
  const hit = cache.get(key);
  if (hit) return hit;
  const report = await validateRepository(ctx, o, validator);
  cache.set(key, report);
  return report;
}

/**
 * The repository: (1) committed output equals a fresh render, (2) every rendered object passes the
 * strict schema checks, (3) every Argo CD path builds with kustomize into exactly the intended
 * objects, which are schema-checked as built.
 */
export async function validateRepository(ctx: CommandContext, o: ValidateOptions, validator: SchemaValidator): Promise<Report> {
  const { config, findings: configFindings } = readConfig(ctx.fs);
  if (!config) throw new UserError(configFindings);
  const model = buildModel(config);
  const rendered = render(model);
  const findings: Finding[] = [];
  if (!o.schemaOnly) findings.push(...driftFindings(ctx.fs, rendered.files));
  // Policies and capacity on what the generator means every Argo CD path to hold (kustomize is proven to build exactly that).
  if (!o.schemaOnly) findings.push(...checkRepository(model, rendered.targets).findings);
  // The Argo CD side: expand the ApplicationSets; the paths their Applications deploy are what gets built.
  const argo = checkArgo({
    documents: argoDocuments(rendered.files, ARGOCD_PATH),
    renderedPaths: rendered.targets.map((t) => t.path),
    isDir: (p) => ctx.fs.isDir(p),
  });
  if (!o.schemaOnly) findings.push(...argo.findings);
  // Generated Applications are objects Argo CD will hold: strictly schema-checked too. They are not
  // files of their own, so only their problems are reported (as findings on the ApplicationSet's file).
  for (const a of argo.applications) {
    if (a.origin.startsWith('ApplicationSet ')) findings.push(...validator.validate(a.application, { file: a.file }).findings);
  }
  const results: ResourceResult[] = [];
  if (o.schemaOnly || !o.kustomize) {
    for (const t of rendered.targets) results.push(...check(validator, t.path, t.objects));
  } else {
    const deployed = new Set(argo.buildPaths);
    const targets = rendered.targets.filter((t) => deployed.has(t.path));
    const owners = new Map<string, string>();
    for (const t of targets) for (const obj of t.objects) owners.set(objectId(obj), t.path);
    const built = await buildPaths(
      targets.map((t) => ({ path: t.path })),
      { root: ctx.root, owner: (obj) => owners.get(objectId(obj)), ...(o.cache === false ? { cacheDir: false as const } : {}) },
    );
    built.forEach((b, n) => {
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
      findings.push(...compareBuilt(target, b.objects));
      results.push(...check(validator, target.path, b.objects));
    });
  }
  return { results, findings, files: rendered.targets.map((t) => t.path) };
}

function check(validator: SchemaValidator, file: string, objects: readonly unknown[]): ResourceResult[] {
  return objects.map((obj, index) => {
    const v = validator.validate(obj, { file });
    return { file, index, ...(v.object ? { object: v.object } : {}), ...(v.kind ? { kind: v.kind } : {}), status: v.status, findings: v.findings };
  });
}
