import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesBelow, type FileSystem } from '../core/fs.js';
import { cmp } from '../core/finding.js';
import { GENERATED_MARKER, INDEX_FILE, type RenderedFile } from '../render/files.js';

/** Top-level folders the generator writes into; anything generated found there is ours to prune. */
export const GENERATED_ROOTS = ['apps', 'clusters', 'argocd'];

/** Generated files currently in the tree: those the index names plus any file under the generated roots that starts with the marker. */
export function existingGenerated(fsys: FileSystem, wanted?: ReadonlySet<string>): string[] {
  const indexed = new Set<string>();
  const index = fsys.readText(INDEX_FILE);
  if (index !== undefined) {
    for (const line of index.split('\n')) if (line && !line.startsWith('#')) indexed.add(line);
  }
  const found: string[] = [];
  // A file the render still produces (`wanted`) and the index names is ours without reading it; any
  // other file counts only if it carries the marker (a hand-written file is never taken for ours).
  const isGenerated = (p: string) =>
    (indexed.has(p) && wanted?.has(p) === true) || ((indexed.has(p) || /\.ya?ml$/.test(p)) && fsys.readText(p)?.startsWith(GENERATED_MARKER) === true);
  for (const root of GENERATED_ROOTS) for (const p of filesBelow(fsys, root)) if (isGenerated(p)) found.push(p);
  for (const p of indexed) if (!GENERATED_ROOTS.some((r) => p.startsWith(`${r}/`)) && isGenerated(p)) found.push(p);
  return found.sort(cmp);
}

export interface WritePlan {
  /** Files to create or overwrite (their content differs or they are missing); `replaces` when one exists. */
  write: (RenderedFile & { replaces: boolean })[];
  /** Generated files no longer produced. */
  remove: string[];
  unchanged: number;
}

/** Compares the rendered files with the tree. Pure apart from reading through `fsys`. */
export function planWrite(fsys: FileSystem, files: readonly RenderedFile[]): WritePlan {
  const wanted = new Set(files.map((f) => f.path));
  const write: WritePlan['write'] = [];
  for (const f of files) {
    const current = fsys.readText(f.path);
    if (current !== f.content) write.push({ ...f, replaces: current !== undefined });
  }
  const remove = existingGenerated(fsys, wanted).filter((p) => !wanted.has(p) && p !== INDEX_FILE);
  return { write, remove, unchanged: files.length - write.length };
}

/**
 * Carries out a plan under `root`, all or nothing as far as a process can: replacements are written
 * to temporary siblings and new files are created (never overwriting) before anything existing is
 * touched; if any of that fails, every temporary file, new file and new directory is removed again and
 * the tree is as it was. Only then are the replacements renamed into place (so no reader ever sees
 * half a file) and the stale files removed. Only files that start with the generated marker are ever
 * deleted; directories emptied by a removal are removed too.
 */
export function applyWrite(root: string, plan: WritePlan): void {
  const knownDirs = new Set<string>();
  const newDirs: string[] = [];
  const created: string[] = [];
  const staged: [tmp: string, abs: string][] = [];
  try {
    for (const f of plan.write) {
      const abs = path.join(root, ...f.path.split('/'));
      const dir = path.dirname(abs);
      if (!knownDirs.has(dir)) {
        const first = fs.mkdirSync(dir, { recursive: true });
        if (first !== undefined) newDirs.push(first);
        knownDirs.add(dir);
      }
      if (f.replaces) {
        const tmp = `${abs}.tmp-${process.pid}`;
        staged.push([tmp, abs]);
        fs.writeFileSync(tmp, f.content);
      } else {
        fs.writeFileSync(abs, f.content, { flag: 'wx' });
        created.push(abs);
      }
    }
  } catch (e) {
    for (const [tmp] of staged) fs.rmSync(tmp, { force: true });
    for (const file of created) fs.rmSync(file, { force: true });
    for (const dir of newDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`writing ${plan.write.length} generated files (nothing was changed)`, { cause: e });
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
