/**
 * `validate PATH...` (and `validate -`): kubeconform's job, each document checked as it is read and
 * only its verdict kept. Per resource, in kubeconform's order (yannh/kubeconform
 * pkg/validator/validator.go:144-224 @ v0.7.0): unreadable or unparsable → Error; no kind or
 * apiVersion → Error; `--skip` → Skipped; `--reject` → Error; no schema → Error (Skipped with
 * `--ignore-missing-schemas`); then the schema (and, unless `--schema-only`, the semantic checks).
 * Policies run only when asked (`--policies`), on the schema-valid resources together.
 */
import type { FileSystem } from '../core/fs.js';
import { checkManifests } from '../policy/repository.js';
import type { Tier } from '../policy/engine.js';
import type { Report, ResourceResult } from '../report/result.js';
import type { Finding } from '../core/finding.js';
import { judge } from './judge.js';
import { readManifests, type DocumentDetector, type ManifestDocument, type ReadLimits } from './manifests.js';
import { JudgePool } from './pool.js';
import { createSchemaValidator, staleCrdFindings, type SchemaValidator } from './schema/index.js';
import { ambiguousScalarFindings } from './yaml-checks.js';

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
  /** Checks over each document's text (manifests.ts {@link DocumentDetector}); they keep the run in-process. Default none. */
  detectors?: readonly DocumentDetector[];
  /** Report YAML 1.1-ambiguous plain scalars (yaml-checks.ts), in-process or on the workers. Default false. */
  ambiguousScalars?: boolean;
  /**
   * Worker threads that parse and judge (`--jobs`, kubeconform's `-n`): 1 is in-process, N > 1 a pool of N.
   * Default: in-process below {@link POOL_MIN_BYTES} of files given, else min(available CPUs - 1, 4) workers
   * when that is 2 or more (the reading thread needs a CPU of its own: on 2 CPUs a pool measured slower).
   * `--policies`, standard input and an injected validator or detectors always run in-process.
   */
  jobs?: number;
  /** CPUs available to the pool (os.availableParallelism(), passed in by the caller). Default 1. */
  parallelism?: number;
}

/** Below this many bytes of input files a pool costs more (worker start-up, ~100 ms each) than it saves. */
const POOL_MIN_BYTES = 1024 * 1024;

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
  const jobs = poolSize(world, o);
  if (jobs > 1) return validatePooled(world, o, validator, jobs);
  const match = { skip: new Set(o.skip ?? []), reject: new Set(o.reject ?? []) };
  const detectors = [...(o.detectors ?? []), ...(o.ambiguousScalars ? [ambiguousScalars] : [])];
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
    { ...o.limits, ...(detectors.length > 0 ? { detectors } : {}) },
  );
  return reportOf(world, o, validator, results, files, o.policies ? checkManifests(forPolicies, o.policies) : []);
}

const ambiguousScalars: DocumentDetector = ({ file, text, firstLine }) => ambiguousScalarFindings(file, text, firstLine);

function reportOf(world: PathWorld, o: PathOptions, validator: SchemaValidator, results: ResourceResult[], files: string[], policy: Finding[]): Report {
  // Schemas compiled from CRD files that have changed since `npm run build` would judge by the old ones.
  const findings = [...staleCrdFindings(world.fs, validator.crds), ...policy];
  return { results, findings, files, ...(o.paths.length === 1 && o.paths[0] === '-' ? { stdin: true } : {}) };
}

/** How many workers judge: 1 (in-process) unless the input is large or `jobs` asks for more. */
function poolSize(world: PathWorld, o: PathOptions): number {
  if (o.policies || world.validator || (o.detectors ?? []).length > 0 || o.paths.includes('-')) return 1;
  if (o.jobs !== undefined) return o.jobs;
  const bytes = o.paths.reduce((sum, p) => sum + (world.fs.size(p) ?? 0), 0);
  const workers = Math.min((o.parallelism ?? 1) - 1, 4);
  return bytes < POOL_MIN_BYTES || workers < 2 ? 1 : workers;
}

/** {@link validatePaths} with the documents parsed and judged on `jobs` worker threads (pool.ts). */
async function validatePooled(world: PathWorld, o: PathOptions, validator: SchemaValidator, jobs: number): Promise<Report> {
  const job = { schemaOnly: o.schemaOnly === true, ignoreMissingSchemas: o.ignoreMissingSchemas === true, skip: [...(o.skip ?? [])], reject: [...(o.reject ?? [])], limits: { ...o.limits }, ambiguousScalars: o.ambiguousScalars === true };
  const pool = new JudgePool(jobs, job);
  const match = { skip: new Set(job.skip), reject: new Set(job.reject) };
  const files: string[] = [];
  try {
    await readManifests(
      { fs: world.fs, paths: o.paths },
      {
        file: (name) => void files.push(name),
        document: (doc) => pool.addJudged(judge(doc, validator, match)),
        text: (src) => pool.add(src),
        drain: () => pool.drain(),
      },
      { ...o.limits },
    );
  } catch (e) {
    await pool.close();
    throw e;
  }
  return reportOf(world, o, validator, await pool.finish(), files, []);
}

