/**
 * One part of a repository `validate` (`--env <env>`, `--shard i/n`), for CI runners that share the
 * work: each Argo CD path belongs to exactly one part, and so does each finding, so the parts'
 * reports merged are the whole run's report. A path's part: its environment's (`platform` for the
 * paths of no environment: argocd/, the add-ons, a cluster's platform folders), or its place in the
 * sorted paths dealt round-robin over the shards. A finding belongs where its file lies: under a
 * path (the longest that holds it), else to the part that does the repository-wide checks (drift of
 * the bases, the Argo CD objects, add-ons and CRDs, capacity, the simulation): `platform`, or shard 1.
 * What a part builds and schema-checks is its own paths only: that is where the time goes.
 */
import { cmp, type Finding } from '../core/finding.js';
import { UsageError } from '../core/errors.js';

/** The part of the paths of no environment, and of the repository-wide checks, under `--env`. */
export const PLATFORM_PART = 'platform';

/** A part as the command line names it. */
export type Part = { env: string } | { shard: number; of: number };

/** What one part owns. */
export interface Ownership {
  /** Whether the Argo CD path (or rendered target) is this part's. */
  owns(path: string): boolean;
  /** Whether this part runs the repository-wide checks (and owns their findings). */
  global: boolean;
  /** Whether the finding is this part's to report. */
  ownsFinding(f: Finding): boolean;
}

/** `--env`/`--shard` as one stable string (in the result cache's key, in messages). */
export function partName(part: Part | undefined): string {
  if (!part) return 'all';
  return 'env' in part ? `env ${part.env}` : `shard ${part.shard}/${part.of}`;
}

/**
 * The ownership of `part` over the rendered targets (every part computes the same from the same
 * render). An `--env` that names neither an environment nor `platform` is a usage error.
 */
export function ownership(part: Part | undefined, targets: readonly { path: string; env: string }[]): Ownership {
  if (!part) return { owns: () => true, global: true, ownsFinding: () => true };
  const sorted = [...targets].sort((a, b) => cmp(a.path, b.path));
  let mine: (t: { path: string; env: string }, index: number) => boolean;
  let global: boolean;
  if ('env' in part) {
    const envs = [...new Set(sorted.map((t) => t.env).filter((e) => e !== ''))].sort(cmp);
    if (part.env !== PLATFORM_PART && !envs.includes(part.env)) {
      throw new UsageError(`--env ${part.env}: no such environment; one of ${[PLATFORM_PART, ...envs].join(', ')} (\`${PLATFORM_PART}\`: the paths of no environment and the repository-wide checks)`);
    }
    mine = (t) => (t.env === '' ? PLATFORM_PART : t.env) === part.env;
    global = part.env === PLATFORM_PART;
  } else {
    mine = (_t, i) => i % part.of === part.shard - 1;
    global = part.shard === 1;
  }
  const owned = new Map(sorted.map((t, i) => [t.path, mine(t, i)]));
  // The innermost path holding the file: the file itself, then each folder up.
  const placeOf = (file: string): string | undefined => {
    for (let p = file; p !== ''; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') if (owned.has(p)) return p;
    return undefined;
  };
  return {
    owns: (path) => owned.get(path) ?? global,
    global,
    ownsFinding: (f) => {
      const place = placeOf(f.file);
      return place === undefined ? global : owned.get(place)!;
    },
  };
}
