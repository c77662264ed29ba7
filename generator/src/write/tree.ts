import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSystem } from '../core/fs.js';
import { cmp } from '../core/finding.js';
import { GENERATED_MARKER, INDEX_FILE, type RenderedFile } from '../render/files.js';

/** Top-level folders the generator writes into; anything generated found there is ours to prune. */
export const GENERATED_ROOTS = ['apps', 'clusters', 'argocd'];

/** Generated files currently in the tree: those the index names plus any file under the generated roots that starts with the marker. */
export function existingGenerated(fsys: FileSystem): string[] {
  const indexed = new Set<string>();
  const index = fsys.readText(INDEX_FILE);
  if (index !== undefined) {
    for (const line of index.split('\n')) if (line && !line.startsWith('#')) indexed.add(line);
  }
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fsys.list(dir)) {
      const p = `${dir}/${e.name}`;
      if (e.dir) walk(p);
      // Files the index names are ours; others only when they carry the marker (read just those).
      else if (indexed.has(p) || (/\.ya?ml$/.test(e.name) && fsys.readText(p)?.startsWith(GENERATED_MARKER))) found.push(p);
    }
  };
  for (const root of GENERATED_ROOTS) walk(root);
  for (const p of indexed) if (!GENERATED_ROOTS.some((r) => p.startsWith(`${r}/`)) && fsys.size(p) !== undefined) found.push(p);
  return found.sort(cmp);
}

export interface WritePlan {
  /** Files to create or overwrite (their content differs or they are missing). */
  write: RenderedFile[];
  /** Generated files no longer produced. */
  remove: string[];
  unchanged: number;
}

/** Compares the rendered files with the tree. Pure apart from reading through `fsys`. */
export function planWrite(fsys: FileSystem, files: readonly RenderedFile[]): WritePlan {
  const wanted = new Set(files.map((f) => f.path));
  const write = files.filter((f) => fsys.readText(f.path) !== f.content);
  const remove = existingGenerated(fsys).filter((p) => !wanted.has(p) && p !== INDEX_FILE);
  return { write, remove, unchanged: files.length - write.length };
}

/**
 * Carries out a plan under `root`. Every file is first written to a temporary sibling, then all are
 * renamed into place, so no reader ever sees half a file and a failed write replaces nothing; everything that can fail for a user reason (config,
 * rendering) has already happened before this is called, so a failed run leaves the tree as it was.
 * Only files that start with the generated marker are ever deleted; directories emptied by a
 * removal are removed too.
 */
export function applyWrite(root: string, plan: WritePlan): void {
  // Stage every file first: if any write fails (disk full, permissions) nothing has been replaced yet.
  const staged: [tmp: string, abs: string][] = [];
  try {
    for (const f of plan.write) {
      const abs = path.join(root, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      const tmp = `${abs}.tmp-${process.pid}`;
      staged.push([tmp, abs]);
      fs.writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const [tmp] of staged) fs.rmSync(tmp, { force: true });
    throw new Error(`staging ${staged.length} generated files`, { cause: e });
  }
  for (const [tmp, abs] of staged) fs.renameSync(tmp, abs);
  for (const p of plan.remove) {
    const abs = path.join(root, ...p.split('/'));
    if (!fs.readFileSync(abs, 'utf8').startsWith(GENERATED_MARKER)) continue;
    fs.rmSync(abs);
    let dir = path.dirname(abs);
    while (dir.startsWith(root) && dir !== root && fs.readdirSync(dir).length === 0) {
      fs.rmdirSync(dir);
      dir = path.dirname(dir);
    }
  }
}
