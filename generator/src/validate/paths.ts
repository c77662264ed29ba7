/**
 * `validate PATH...` (and `validate -`): kubeconform's job, each document checked as it is read and
 * only its verdict kept. Per resource, in kubeconform's order (yannh/kubeconform
 * pkg/validator/validator.go:144-224 @ v0.7.0): unreadable or unparsable → Error; no kind or
 * apiVersion → Error; `--skip` → Skipped; `--reject` → Error; no schema → Error (Skipped with
 * `--ignore-missing-schemas`); then the schema (and, unless `--schema-only`, the semantic checks).
 * Policies run only when asked (`--policies`), on the schema-valid resources together.
 */
import type { Finding } from '../core/finding.js';
import type { FileSystem } from '../core/fs.js';
import { isPlainObject, objectIdOf } from '../core/objects.js';
import { checkManifests } from '../policy/repository.js';
import type { Tier } from '../policy/engine.js';
import type { Report, ResourceResult } from '../report/result.js';
import { readManifests, type DocumentDetector, type ManifestDocument, type ReadLimits } from './manifests.js';
import { createSchemaValidator, staleCrdFindings, type SchemaValidator } from './schema/index.js';

/** What `validate PATH...` checks (the CLI maps its flags to these). */
export interface PathOptions {
  /** Files and folders; `-` alone is standard input. */
  paths: readonly string[];
  /** Only the schema: no name, selector or quantity-unit checks (`--schema-only`). Default false. */
  schemaOnly?: boolean;
  /** Kinds without a schema are Skipped rather than Errors (`--ignore-missing-schemas`). Default false. */
  ignoreMissingSchemas?: boolean;
  /**
   * Kinds (`ReplicationController`) or `apiVersion/kind` (`v1/ReplicationController`,
   * `apps/v1/Deployment`) to skip: counted as Skipped, not checked (`--skip`). Default none.
   */
  skip?: readonly string[];
  /** The same forms, rejected: each such resource is an Error (`--reject`). Default none. */
  reject?: readonly string[];
  /** Run the policies too, at this strictness (`--policies`, `--tier`). Default: no policies. */
  policies?: { tier: Tier; kubernetesVersion: string };
  /** Bounds against hostile input. Default {@link ReadLimits}' defaults. */
  limits?: ReadLimits;
  /** Checks over each document's text (manifests.ts {@link DocumentDetector}). Default none. */
  detectors?: readonly DocumentDetector[];
}

/** The world of `validate PATH...`: the file system, and standard input when it is read. */
export interface PathWorld {
  fs: FileSystem;
  /** Standard input in pieces (`validate -`). */
  stdin?: () => AsyncIterable<string> | Iterable<string>;
  /** The validator (default: a new one for the options; the bench passes its own). */
  validator?: SchemaValidator;
}

/** The report of `validate PATH...`: one result per resource, in the order read. */
export async function validatePaths(world: PathWorld, o: PathOptions): Promise<Report> {
  const validator = world.validator ?? createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas === true, semantic: o.schemaOnly !== true });
  const match = { skip: new Set(o.skip ?? []), reject: new Set(o.reject ?? []) };
  const results: ResourceResult[] = [];
  const files: string[] = [];
  // Only `--policies` keeps objects (the policies look across resources); otherwise each is dropped once judged.
  const forPolicies: ManifestDocument[] = [];
  await readManifests(
    { fs: world.fs, paths: o.paths, ...(world.stdin ? { stdin: world.stdin } : {}) },
    {
      file: (name) => void files.push(name),
      document(doc) {
        const result = judge(doc, validator, match);
        results.push(result);
        if (o.policies && result.status === 'valid') forPolicies.push(doc);
      },
    },
    { ...o.limits, ...(o.detectors ? { detectors: o.detectors } : {}) },
  );
  // Schemas compiled from CRD files that have changed since `npm run build` would judge by the old ones.
  const findings = [...staleCrdFindings(world.fs, validator.crds), ...(o.policies ? checkManifests(forPolicies, o.policies) : [])];
  return { results, findings, files, ...(o.paths.length === 1 && o.paths[0] === '-' ? { stdin: true } : {}) };
}

/**
 * Whether `--skip`/`--reject` name the resource: its kind alone or `apiVersion/kind`, as kubeconform
 * matches (`GroupVersionKind()` is `apiVersion/kind`, yannh/kubeconform pkg/resource/resource.go:26-28
 * and pkg/validator/validator.go:150-164 @ v0.7.0): `v1/ReplicationController` matches, `v2/…` does not.
 */
function named(set: ReadonlySet<string>, apiVersion: string, kind: string): boolean {
  return set.size > 0 && (set.has(`${apiVersion}/${kind}`) || set.has(kind));
}

function judge(doc: ManifestDocument, validator: SchemaValidator, match: { skip: ReadonlySet<string>; reject: ReadonlySet<string> }): ResourceResult {
  const detected = doc.findings ?? [];
  if (doc.error) return result(doc, undefined, undefined, 'error', [doc.error, ...detected]);
  const obj = doc.object;
  if ((match.skip.size > 0 || match.reject.size > 0) && isPlainObject(obj) && typeof obj.apiVersion === 'string' && typeof obj.kind === 'string' && obj.apiVersion !== '' && obj.kind !== '') {
    const { apiVersion, kind } = obj;
    const meta = isPlainObject(obj.metadata) ? obj.metadata : undefined;
    const object = objectIdOf(`${apiVersion}/${kind}`, meta);
    const at = (f: Finding): Finding => (doc.line !== undefined ? { ...f, line: doc.line } : f);
    if (named(match.skip, apiVersion, kind)) {
      const f = at({ check: 'manifest/skipped', severity: 'info', file: doc.file, object, message: `${kind} is named by --skip` });
      return result(doc, object, kind, 'skipped', [f, ...detected]);
    }
    if (named(match.reject, apiVersion, kind)) {
      // kubeconform's wording: "prohibited resource kind ReplicationController" (pkg/validator/validator.go:194 @ v0.7.0).
      const f = at({ check: 'manifest/rejected', severity: 'error', file: doc.file, object, message: `prohibited resource kind ${kind}`, hint: `${kind} is named by --reject` });
      return result(doc, object, kind, 'error', [f, ...detected]);
    }
  }
  const v = validator.validate(obj, doc.line !== undefined ? { file: doc.file, line: doc.line } : { file: doc.file });
  const findings = detected.length > 0 ? [...v.findings, ...detected] : v.findings;
  const status = v.status === 'valid' && detected.some((f) => f.severity === 'error') ? 'invalid' : v.status;
  return result(doc, v.object || undefined, v.kind, status, findings);
}

/**
 * One resource's result, built field by field in the report's key order (file, index, line, object,
 * kind, status, findings) without spreads: 100,000 of them are kept, so each stays a small object.
 */
function result(doc: ManifestDocument, object: string | undefined, kind: string | undefined, status: ResourceResult['status'], findings: Finding[]): ResourceResult {
  const r = { file: doc.file, index: doc.index } as ResourceResult;
  if (doc.line !== undefined) r.line = doc.line;
  if (object !== undefined) r.object = object;
  if (kind !== undefined) r.kind = kind;
  r.status = status;
  r.findings = findings;
  return r;
}
