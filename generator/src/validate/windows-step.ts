/**
 * windows, a step of `validate` on the repository (docs/change-windows.md), with
 * `canary/first-deploy` (a canary needs the base to run its stable version as a Rollout already:
 * docs/gray-releases.md). Never cached with the rest of the report: it depends on the clock and on
 * the base revision, not only on the files. The paths whose inputs differ from the base are built
 * with the same kustomize, build cache and seal as the kustomize step, so a path built before is a
 * cache read (with `CI` set nothing is cached, as for every build).
 */
import type { BaseRunsCache } from './base-runs.js';
import { checkFirstDeploys } from './first-deploy.js';
import { readYamlSource } from '../config/yaml-source.js';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { FileSystem } from '../core/fs.js';
import type { Seal } from '../core/seal.js';
import { buildPaths, defaultCacheDir } from '../kustomize/build.js';
import { requireKustomize } from '../kustomize/detect.js';
import { checkWindows, type WindowConfig, type WindowModel } from '../windows/check.js';
import { parseInstant } from '../time/dates.js';
import { readOverrides } from '../windows/overrides.js';
import { touchedEnvironments, type Tree } from '../windows/touched.js';
import { comparedSides, type PathBuilder } from './windows-touched.js';

/** The revision a change is compared with: its files under apps/, clusters/ and argocd/, and how it was chosen (for messages). */
export interface BaseTree {
  name: string;
  files: Tree;
}

/** `--at`: the instant, ISO-8601 with `Z` or an offset; a usage error naming the expected form. Default `now()`. */
export function instantAt(now: () => Date, at: string | undefined): Date {
  if (at === undefined) return now();
  const d = parseInstant(at);
  if ('error' in d) throw new UsageError(`--at "${at}" ${d.error}`);
  return d.instant;
}

export interface WindowsStepInput {
  /** Repository root (absolute): the base revision's paths are built beside it. */
  root: string;
  fs: FileSystem;
  /** The evaluation instant (`--at`, parsed by {@link instantAt}). */
  at: Date;
  /** The base revision (`--base`, default the merge base with origin/main, else HEAD); none outside Git. */
  base: () => BaseTree | undefined;
  /** `--no-windows`: false leaves the change windows out (overrides, touched environments, freezes). Default true. */
  windows: boolean;
  config: WindowConfig;
  model: WindowModel;
  /** The working tree's files under apps/, clusters/ and argocd/ (what Argo CD syncs once merged; the drift step proves it equals the render). */
  head: Tree;
  /** Built objects of the change's Argo CD paths the kustomize step already has. */
  built?: ReadonlyMap<string, readonly Record<string, unknown>[]>;
  /** Builds the paths whose inputs differ from the base; none with `--no-kustomize`. */
  build?: PathBuilder;
  /** Where what the base runs (for `canary/first-deploy`) is cached; none: read from the base every run. */
  baseRuns?: BaseRunsCache;
}

/** The change-window and first-deploy findings of the change. */
export async function windowsStep(input: WindowsStepInput): Promise<Finding[]> {
  const envs = input.config.clusters.flatMap((c) => c.environments.map((e) => e.name));
  const overrides = readOverrides(input.fs, envs, input.at);
  const base = input.base();
  const sources = new Map<string, ReturnType<typeof readYamlSource>>();
  const lineOf = (file: string, path: (string | number)[]) => {
    if (!sources.has(file)) sources.set(file, readYamlSource(input.fs, file));
    return sources.get(file)!.lineOf(path);
  };
  const firstDeploys = () => checkFirstDeploys({ model: input.model, base: base?.files, baseName: base?.name ?? '', lineOf, ...(input.baseRuns ? { cache: input.baseRuns } : {}) });
  if (!input.windows) return firstDeploys();
  const refs = input.config.clusters.flatMap((c) => c.environments.map((e) => ({ name: e.name, namespace: e.namespace })));
  let touched;
  if (base) {
    const sides = await comparedSides({ root: input.root, head: input.head, base: base.files, envs: refs, ...(input.built ? { built: input.built } : {}), ...(input.build ? { build: input.build } : {}) });
    touched = touchedEnvironments(sides.head, sides.base, refs);
  }
  const found = checkWindows({ config: input.config, model: input.model, touched, baseName: base?.name ?? '', at: input.at, overrides: overrides.records, lineOf });
  return [...overrides.findings, ...found, ...(await firstDeploys())];
}

/** A {@link PathBuilder} with kustomize found on `path` and the run's build cache. */
export async function pathBuilder(o: { root: string; path: string; cache?: Seal }): Promise<PathBuilder> {
  const cacheDir = defaultCacheDir(o.root);
  const tool = await requireKustomize({ path: o.path, ...(o.cache ? { cacheDir } : {}) });
  // The base revision is built in a temporary copy: its entries go to the repository's own cache.
  return (root, paths) => buildPaths(paths.map((path) => ({ path })), { root, ...tool, ...(o.cache ? { cacheDir, seal: o.cache } : { cacheDir: false as const }) });
}
