/**
 * Where the generator may write and delete: repository-relative POSIX paths inside the generated
 * folders, in one canonical spelling. Paths that come from files (the index of generated files,
 * the journal of an interrupted render) are checked against this before anything is touched.
 */
import * as path from 'node:path';
import { INDEX_FILE } from '../core/generated-files.js';

/**
 * Folders the generator writes into; anything generated found there is ours to prune. `docs/runbooks`
 * is the one below a hand-written folder (render/runbooks.ts): the rest of `docs/` is never touched.
 */
export const GENERATED_ROOTS = ['apps', 'clusters', 'argocd', 'docs/runbooks'];

/** How `GENERATED_ROOTS` reads in messages. */
export const GENERATED_ROOTS_TEXT = GENERATED_ROOTS.map((r) => `${r}/`).join(', ');

/**
 * Why `p` is not a path the generator may write or delete (`undefined` when it is): it must be
 * relative, use `/`, hold no empty, `.` or `..` segment and no control character, and lie strictly
 * inside one of the {@link GENERATED_ROOTS}.
 */
export function generatedPathProblem(p: string): string | undefined {
  if (p === '') return 'it is empty';
  // C0 controls, DEL and the C1 controls: nothing the generator writes has them, and a terminal acts on them.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(p)) return 'it holds a control character';
  if (p.includes('\\')) return 'it holds a backslash (paths use `/`)';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'it is an absolute path';
  const segments = p.split('/');
  if (segments.includes('..')) return 'it holds a `..` segment';
  if (segments.includes('.')) return 'it holds a `.` segment';
  if (segments.includes('')) return 'it holds an empty segment (`//` or a trailing `/`)';
  if (!GENERATED_ROOTS.some((root) => p.startsWith(`${root}/`))) return `it is not inside ${GENERATED_ROOTS_TEXT}`;
  return undefined;
}

/** Like {@link generatedPathProblem}, but the index of generated files (at the root) may be written too. */
export function writablePathProblem(p: string): string | undefined {
  return p === INDEX_FILE ? undefined : generatedPathProblem(p);
}

/** The absolute path of a checked repository path, refusing (as a bug) anything that would leave the root. */
export function inside(root: string, rel: string): string {
  const abs = path.join(root, ...rel.split('/'));
  const back = path.relative(root, abs);
  if (back === '' || back === '..' || back.startsWith(`..${path.sep}`) || path.isAbsolute(back)) throw new Error(`${JSON.stringify(rel)} is not inside ${root}`);
  return abs;
}

/** The folders of `rel` from the top down, without the file: `apps/a/base/x.yaml` → `apps`, `apps/a`, `apps/a/base`. */
export function foldersOf(rel: string): string[] {
  const parts = rel.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** A path quoted for a message: JSON escaping shows control characters instead of acting on them; long ones are cut. */
export function quotePath(p: string): string {
  return JSON.stringify(p.length > 120 ? `${p.slice(0, 117)}...` : p);
}
