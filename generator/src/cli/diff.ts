/**
 * `npm run diff -- [--base <rev>] [-o text|markdown|json]` (issue 14): what the change does to the
 * rendered objects, per environment and Argo CD path, without a cluster. Both sides are rendered
 * from configuration by this generator: the working tree's, and the base revision's read from Git,
 * so a change of the configuration shows even before it is rendered, and the objects compared are
 * those each path produces (overlays applied), not the files that produce them.
 */
import { loadMemo } from '../config/load.js';
import { UsageError, UserError } from '../core/errors.js';
import { memoryFs } from '../core/fs.js';
import { diffJson, diffMarkdown, diffText } from '../review/diff-format.js';
import { diffTargets } from '../review/object-diff.js';
import { readRendered, loadRendered, type Rendered } from '../validate/load-rendered.js';
import { configCacheAt } from '../validate/config-cache.js';
import { readBaseFiles } from './base-files.js';
import { baseRevision, type BaseRevision } from './base-revision.js';
import type { CommandContext } from './context.js';

export interface DiffOptions {
  /** The revision compared with, as for `validate --base`. Default: merge base with origin/main, else HEAD. */
  base?: string;
  output: 'text' | 'markdown' | 'json';
  /** Reuse loaded configurations (validate/config-cache.ts), sealed with the secret in `cacheSecretFile`. Default: no. */
  cache?: boolean;
  cacheSecretFile?: string;
}

/** Where a revision's configuration lies (`git ls-tree` paths: the pinned CRDs beside `platform/addons.yaml` are not listed). */
const CONFIG_PATHS = ['apps', 'clusters', 'argocd/argocd.yaml', 'platform/addons.yaml'];

/**
 * The files of those the configuration loader reads (config/load.ts): the hand-edited ones. The rest,
 * the rendered output and the pinned CRDs (most of the bytes), is not read from Git at all.
 */
const CONFIG_FILE = /^(?:apps\/[^/]+\/service\.yaml|clusters\/[^/]+\/cluster\.yaml|argocd\/argocd\.yaml|platform\/addons\.yaml)$/;

/** Both sides of a change: the base revision's render and the working tree's, each from its configuration. */
export interface Sides {
  base: BaseRevision;
  before: Rendered;
  after: Rendered;
}

/** Renders the working tree and the base revision (`--base`, as `validate --base`); a user error when either does not load. */
export function loadSides(ctx: CommandContext, rev: string | undefined, command: string, o: { cache?: boolean; cacheSecretFile?: string } = {}): Sides {
  const base = baseRevision(ctx.root, rev);
  if (!base) throw new UsageError(`${ctx.root} is not a Git work tree with a commit: \`${command}\` compares the rendered objects with a revision`);
  // The two trees share most of their files: each of those is parsed and schema-checked once.
  const memo = loadMemo();
  const cache = o.cache === true ? configCacheAt(ctx.root, o.cacheSecretFile) : undefined;
  const read = { memo, ...(cache ? { cache } : {}) };
  // Git reads the base's files on another thread while this one renders the working tree.
  const baseFiles = readBaseFiles({ root: ctx.root, rev: base.rev, dirs: CONFIG_PATHS, keep: CONFIG_FILE.source });
  const after = loadRendered(ctx.fs, read);
  const files = baseFiles();
  const before = readRendered(memoryFs(Object.fromEntries(files), `${ctx.root}@${base.rev.slice(0, 12)}`), read);
  if (!before.value) {
    const first = before.findings[0]!;
    throw new UserError({
      ...first,
      message: `the configuration at ${base.name} does not load with this generator, so its objects cannot be compared: ${first.message}`,
      hint: 'compare with a later revision (`--base <rev>`) whose configuration this version reads',
    });
  }
  return { base, before: before.value, after };
}

/** Prints the object changes; returns the exit code (0: a diff is a report, not a verdict). */
export function runDiff(ctx: CommandContext, o: DiffOptions): number {
  const { base, before, after } = loadSides(ctx, o.base, 'diff', o);
  const changes = diffTargets(before.rendered.targets, after.rendered.targets);
  const heading = { base: base.name };
  ctx.stdout(o.output === 'json' ? diffJson(heading, changes) : o.output === 'markdown' ? diffMarkdown(heading, changes) : diffText(heading, changes));
  return 0;
}
