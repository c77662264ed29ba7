/**
 * The named steps of `validate` on the repository, in the order the pipeline (pipeline.ts) starts
 * them: argocd, kustomize (started first, it runs in child processes), drift, policy, schema, then
 * the kustomize findings, windows (windows-step.ts) and simulation (simulation.ts, loaded only when
 * it runs). Each takes typed inputs and returns its findings, plus what a later step needs. Only
 * kustomize runs anything; the others are pure over their inputs.
 */
import { argoDocuments } from '../argo/documents.js';
import type { ExpandedApplication } from '../argo/expand.js';
import type { Finding } from '../core/finding.js';
import { objectId } from '../core/objects.js';
import type { Seal } from '../core/seal.js';
import { buildPaths, type BuildResult } from '../kustomize/build.js';
import type { Kustomize } from '../kustomize/detect.js';
import type { Model } from '../model/types.js';
import { checkRepository } from '../policy/repository.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import type { RenderedFile } from '../core/generated-files.js';
import type { BuildTarget } from '../render/layout.js';
import type { ResourceResult } from '../report/result.js';
import { checkArgo, type ArgoCheckResult } from './argocd.js';
import { compareBuilt } from './built.js';
import type { SchemaValidator } from './schema/index.js';

export { driftStep } from './drift.js';

/** Lets pending I/O (kustomize output, finished builds) be handled between slices of synchronous work. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * argocd: the ApplicationSets expanded and every Application proven deployable (validate/argocd.ts);
 * the paths they deploy are what the kustomize step builds.
 */
export function argocdStep(input: { files: readonly RenderedFile[]; targets: readonly BuildTarget[]; isDir: (path: string) => boolean }): ArgoCheckResult {
  return checkArgo({
    documents: argoDocuments(input.files, ARGOCD_PATH),
    renderedPaths: input.targets.map((t) => t.path),
    isDir: input.isDir,
    builds: new Map(input.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))])),
  });
}

/** policy: the policies and capacity on what the generator means every Argo CD path to hold. */
export function policyStep(input: { model: Model; targets: readonly BuildTarget[] }): Finding[] {
  return checkRepository(input.model, input.targets).findings;
}

/** What the kustomize step builds with. */
export interface KustomizeStepInput {
  /** Repository root (absolute), where kustomize runs. */
  root: string;
  /** The Argo CD paths to build, with the objects the generator intends in each. */
  targets: readonly BuildTarget[];
  tool: Kustomize;
  /** The sealed build cache; none: every path is built. */
  cache?: { dir: string; seal: Seal };
}

/**
 * kustomize, started: every path built in child processes while this process does the other steps.
 * The promise never counts as an unhandled rejection before {@link kustomizeStep} awaits it.
 */
export function startKustomizeStep(input: KustomizeStepInput): Promise<BuildResult[]> {
  const owners = new Map<string, string>();
  for (const t of input.targets) for (const obj of t.objects) owners.set(objectId(obj), t.path);
  const builds = buildPaths(
    input.targets.map((t) => ({ path: t.path })),
    { root: input.root, owner: (obj) => owners.get(objectId(obj)), ...input.tool, ...(input.cache ? { cacheDir: input.cache.dir, seal: input.cache.seal } : { cacheDir: false as const }) },
  );
  builds.catch(() => undefined);
  return builds;
}

/** The schema verdict of each object of a file (an Argo CD path). */
function checkObjects(validator: SchemaValidator, file: string, objects: readonly unknown[]): ResourceResult[] {
  return objects.map((obj, index) => {
    const v = validator.validate(obj, { file });
    return { file, index, ...(v.object ? { object: v.object } : {}), ...(v.kind ? { kind: v.kind } : {}), status: v.status, findings: v.findings };
  });
}

/**
 * schema: every intended object strictly schema-checked, a path at a time (yielding between paths
 * when `yieldBetween`, so finished builds are collected meanwhile); and the Applications
 * ApplicationSets generate, which are no files of their own: only their problems are reported, as
 * findings on the ApplicationSet's file.
 */
export async function schemaStep(input: {
  validator: SchemaValidator;
  targets: readonly BuildTarget[];
  applications: readonly ExpandedApplication[];
  yieldBetween: boolean;
}): Promise<{ intended: ResourceResult[][]; findings: Finding[] }> {
  const findings: Finding[] = [];
  for (const a of input.applications) {
    if (a.origin.startsWith('ApplicationSet ')) findings.push(...input.validator.validate(a.application, { file: a.file }).findings);
  }
  const intended: ResourceResult[][] = [];
  for (const t of input.targets) {
    intended.push(checkObjects(input.validator, t.path, t.objects));
    if (input.yieldBetween) await turn();
  }
  return { intended, findings };
}

/**
 * kustomize, finished: every path must build into exactly the intended objects. An object built
 * exactly as intended (content equal, key order aside) shares the intended object's schema verdict,
 * in kustomize's order; the objects of a path that differs are schema-checked as built.
 */
export function kustomizeStep(input: {
  builds: readonly BuildResult[];
  targets: readonly BuildTarget[];
  intended: readonly ResourceResult[][];
  validator: SchemaValidator;
}): { results: ResourceResult[]; findings: Finding[]; built: Map<string, readonly Record<string, unknown>[]> } {
  const results: ResourceResult[] = [];
  const findings: Finding[] = [];
  const built = new Map<string, readonly Record<string, unknown>[]>();
  input.builds.forEach((b, n) => {
    if (b.ok) built.set(b.path, b.objects);
    const target = input.targets[n] as BuildTarget;
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
      results.push(...checkObjects(input.validator, target.path, b.objects));
      return;
    }
    const byId = new Map(target.objects.map((obj, i) => [objectId(obj), input.intended[n]![i]!]));
    results.push(...b.objects.map((obj, index) => ({ ...byId.get(objectId(obj))!, index })));
  });
  return { results, findings, built };
}
