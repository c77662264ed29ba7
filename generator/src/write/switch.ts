/**
 * Carrying out a journal (write/journal.ts) in either direction. Every step can be repeated: a step
 * already done is recognised on the disk (a staged file that is gone was put in place; a removed
 * file that sits in the staging folder was taken away), so a run killed at any point can be taken
 * forward, or back, by the next one. Nothing here follows a symbolic link: every folder on the way
 * to a target is checked to be a real folder inside the root before anything is renamed into it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileRefused, readRegularFile, linkTarget, symlinkFinding } from '../core/safe-read.js';
import { isGeneratedFile } from '../core/generated-files.js';
import type { Journal } from './journal.js';
import type { WriteOps } from './ops.js';
import { foldersOf, inside } from './paths.js';

/** Where a journal is carried out. */
export interface Switch {
  root: string;
  /** Absolute staging folder. */
  staging: string;
  ops: WriteOps;
  /** Repository-relative folders seen to be real folders in this run. */
  realFolders: Set<string>;
}

/** A step of the switch failed: which repository file it was about, and why. */
export class SwitchError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`switching ${file}`, { cause });
    this.name = 'SwitchError';
  }
}

/** A failure in words for a message: the repository file and the system's reason (`ENOSPC: no space left on device`). */
export function describeFailure(e: unknown): string {
  const file = e instanceof SwitchError ? e.file : undefined;
  const cause = (e instanceof SwitchError ? e.cause : e) as NodeJS.ErrnoException;
  // Node's message repeats the absolute path (`…, rename '/abs/a' -> '/abs/b'`): the code and reason are what matter.
  const reason = cause instanceof FileRefused ? cause.finding.message : errnoReason(cause);
  return file !== undefined ? `${file}: ${reason}` : reason;
}

/** `ENOSPC: no space left on device` from a Node file-system error, without the paths it names. */
export function errnoReason(e: NodeJS.ErrnoException | undefined): string {
  if (e === undefined) return 'unknown error';
  const m = /^([A-Z0-9]+): ([^,]+)/.exec(e.message);
  return m ? `${m[1]}: ${m[2]}` : e.code ? `${e.code}: ${e.message}` : e.message;
}

type Kind = 'missing' | 'file' | 'dir' | 'link' | 'other';

export function kindAt(abs: string): Kind {
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (st === undefined) return 'missing';
  return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'other';
}

/**
 * Checks the folders on the way to `rel` (not `rel` itself): each must be a real folder or, with
 * `missing` given, may be missing (it is then added there, top down). A link throws a
 * {@link FileRefused}; a file where a folder must be throws a {@link SwitchError} (ENOTDIR).
 */
export function checkFolders(sw: Pick<Switch, 'root' | 'realFolders'>, rel: string, missing?: string[]): void {
  let absent = false;
  for (const dir of foldersOf(rel)) {
    if (sw.realFolders.has(dir)) continue;
    const abs = inside(sw.root, dir);
    const kind = absent ? 'missing' : kindAt(abs);
    if (kind === 'dir') sw.realFolders.add(dir);
    else if (kind === 'link') throw new FileRefused(symlinkFinding(dir, linkTarget(abs)));
    else if (kind === 'missing' && missing) {
      absent = true;
      if (!missing.includes(dir)) missing.push(dir);
    } else throw new SwitchError(dir, Object.assign(new Error(`a ${kind === 'missing' ? 'folder is missing' : 'file stands'} where the folder ${dir} must be`), { code: 'ENOTDIR' }));
  }
}

/** Runs a step, naming the repository file it is about when it fails. */
function step(file: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    if (e instanceof SwitchError || e instanceof FileRefused) throw e;
    throw new SwitchError(file, e);
  }
}

/** Whether the file at `abs` is a regular file starting with the generated marker (only those are ever removed). */
function isOurs(abs: string, rel: string): boolean {
  try {
    return isGeneratedFile(rel, readRegularFile(abs, rel, 16 * 1024 * 1024));
  } catch {
    return false;
  }
}

/** Creates the folders, puts every staged file in place (keeping a backup of each file it replaces) and takes the stale files away. */
export function rollForward(sw: Switch, j: Journal): void {
  for (const dir of j.mkdirs) {
    step(dir, () => {
      checkFolders(sw, dir);
      const abs = inside(sw.root, dir);
      const kind = kindAt(abs);
      if (kind === 'link') throw new FileRefused(symlinkFinding(dir, linkTarget(abs)));
      if (kind === 'file' || kind === 'other') throw Object.assign(new Error(`a file stands where the folder ${dir} must be`), { code: 'ENOTDIR' });
      if (kind === 'missing') sw.ops.mkdir(abs);
      sw.realFolders.add(dir);
    });
  }
  for (const w of j.writes) {
    const staged = path.join(sw.staging, w.staged);
    if (kindAt(staged) !== 'file') continue;
    step(w.path, () => {
      checkFolders(sw, w.path);
      const target = inside(sw.root, w.path);
      const now = kindAt(target);
      if (now === 'link') throw new FileRefused(symlinkFinding(w.path, linkTarget(target)));
      if (now === 'dir' || now === 'other') throw Object.assign(new Error(`${w.path} is not a file`), { code: 'EISDIR' });
      if (w.backup !== undefined && now === 'file' && kindAt(path.join(sw.staging, w.backup)) === 'missing') sw.ops.link(target, path.join(sw.staging, w.backup));
      sw.ops.rename(staged, target);
    });
  }
  for (const r of j.removes) {
    const moved = path.join(sw.staging, r.moved);
    if (kindAt(moved) !== 'missing') continue;
    step(r.path, () => {
      checkFolders(sw, r.path);
      const target = inside(sw.root, r.path);
      if (isOurs(target, r.path)) sw.ops.rename(target, moved);
    });
  }
}

/**
 * Undoes what {@link rollForward} did of `j`, as far as it got. Returns the files it could not
 * restore (empty when the tree is as it was).
 */
export function rollBack(sw: Switch, j: Journal): string[] {
  const failed: string[] = [];
  const undo = (file: string, run: () => void) => {
    try {
      run();
    } catch {
      failed.push(file);
    }
  };
  for (const r of [...j.removes].reverse()) {
    const moved = path.join(sw.staging, r.moved);
    if (kindAt(moved) !== 'file') continue;
    undo(r.path, () => {
      checkFolders(sw, r.path);
      const target = inside(sw.root, r.path);
      if (kindAt(target) === 'missing') sw.ops.rename(moved, target);
    });
  }
  for (const w of [...j.writes].reverse()) {
    if (kindAt(path.join(sw.staging, w.staged)) !== 'missing') continue;
    undo(w.path, () => {
      checkFolders(sw, w.path);
      const target = inside(sw.root, w.path);
      const backup = w.backup !== undefined ? path.join(sw.staging, w.backup) : undefined;
      if (backup !== undefined && kindAt(backup) === 'file') sw.ops.rename(backup, target);
      else if (backup !== undefined) throw new Error('no backup');
      else if (isOurs(target, w.path)) sw.ops.unlink(target);
    });
  }
  for (const dir of [...j.mkdirs].reverse()) {
    const abs = inside(sw.root, dir);
    if (kindAt(abs) === 'dir' && fs.readdirSync(abs).length === 0) undo(dir, () => sw.ops.rmdir(abs));
  }
  return failed;
}

/**
 * Removes the folders that removing `files` left empty, from the deepest up, never a generated root
 * itself and never anything outside one: the climb works on repository-relative paths. `false` when
 * a folder could not be removed.
 */
export function pruneEmpty(sw: Switch, files: readonly string[]): boolean {
  const tried = new Set<string>();
  let ok = true;
  for (const file of files) {
    const folders = foldersOf(file).slice(1).reverse();
    for (const dir of folders) {
      if (tried.has(dir)) break;
      tried.add(dir);
      const abs = inside(sw.root, dir);
      try {
        if (kindAt(abs) !== 'dir' || fs.readdirSync(abs).length > 0) break;
        sw.ops.rmdir(abs);
      } catch {
        // Said to the caller, which keeps the journal so that the next run tries again.
        ok = false;
        break;
      }
    }
  }
  return ok;
}
