/**
 * The change-window step of `validate`, and how it builds the Argo CD paths whose inputs differ from the base revision:
 * the same kustomize, build cache and seal as `validate`'s own builds, so a path built before is a
 * cache read (with `CI` set nothing is cached, as for every build).
 */
import { buildPaths, defaultCacheDir } from '../kustomize/build.js';
import { requireKustomize } from '../kustomize/detect.js';
import { cacheSeal } from '../validate/result-cache.js';
import type { Finding } from '../core/finding.js';
import type { CommandContext } from './context.js';
import { pullRequestWindowFindings } from './windows.js';
import type { PathBuilder } from './windows-touched.js';

/** The options of `validate` the change-window step reads. */
interface StepOptions {
  kustomize: boolean;
  cache?: boolean;
  cacheSecretFile?: string;
  at?: string;
  base?: string;
  windows?: boolean;
}

/** The change-window step of `validate` on the repository (cli/windows.ts `pullRequestWindowFindings`). */
export async function windowStep(ctx: CommandContext, o: StepOptions, input: Parameters<typeof pullRequestWindowFindings>[2]): Promise<Finding[]> {
  const build = o.kustomize && o.windows !== false ? await pathBuilder(ctx, o) : undefined;
  const options = { ...(o.at !== undefined ? { at: o.at } : {}), ...(o.base !== undefined ? { base: o.base } : {}), windows: o.windows !== false };
  return pullRequestWindowFindings(ctx, options, { ...input, ...(build ? { build } : {}) });
}

/** A {@link PathBuilder} with the options of this `validate` run. */
export async function pathBuilder(ctx: CommandContext, o: { cache?: boolean; cacheSecretFile?: string }): Promise<PathBuilder> {
  const cacheDir = defaultCacheDir(ctx.root);
  const tool = await requireKustomize({ path: ctx.env['PATH'] ?? '', ...(o.cache === false ? {} : { cacheDir }) });
  const seal = o.cache === false ? undefined : cacheSeal(ctx.root, o.cacheSecretFile);
  // The base revision is built in a temporary copy: its entries go to the repository's own cache.
  return (root, paths) => buildPaths(paths.map((path) => ({ path })), { root, ...tool, ...(seal ? { cacheDir, seal } : { cacheDir: false as const }) });
}
