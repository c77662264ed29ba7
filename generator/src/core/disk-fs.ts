import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import type { DirEntry, FileSystem } from './fs.js';
import { UserError } from './errors.js';
import { FileRefused, linkTarget, readRegularFile, symlinkFinding } from './safe-read.js';

/**
 * Reads the repository under `root` without ever following a symbolic link below it: every folder
 * on the way to a file is checked to be a real folder (each once per run, with `lstat`), the file
 * itself is opened with `O_NOFOLLOW` and must be a regular file, and reads are bounded
 * (core/safe-read.ts). A link on the way throws a {@link FileRefused} naming it.
 *
 * Absolute paths are paths the user named on the command line (`validate /some/file.yaml`), after
 * {@link FileSystem.realPath}: they are read as given, their last component still never followed.
 */
export function diskFs(root: string): FileSystem {
  const abs = (p: string) => (nodePath.isAbsolute(p) ? p : nodePath.join(root, ...parts(p)));
  // Repository-relative folders already seen to be real folders: a render reads some 300 files in
  // some 100 folders, so each folder costs one lstat per run.
  const realFolders = new Set<string>();

  /**
   * Whether the first `count` components of relative `p` are real folders. `false` when one is
   * missing or is a file; throws when one is a symbolic link.
   */
  const foldersReal = (p: string, count: number): boolean => {
    if (nodePath.isAbsolute(p)) return true;
    const names = parts(p);
    let dir = '';
    for (let i = 0; i < count && i < names.length; i++) {
      dir = dir === '' ? names[i]! : `${dir}/${names[i]}`;
      if (realFolders.has(dir)) continue;
      const st = nodeFs.lstatSync(nodePath.join(root, dir), { throwIfNoEntry: false });
      if (st === undefined || (!st.isDirectory() && !st.isSymbolicLink())) return false;
      if (st.isSymbolicLink()) throw new FileRefused(symlinkFinding(dir, linkTarget(nodePath.join(root, dir))));
      realFolders.add(dir);
    }
    return true;
  };
  const parentsReal = (p: string) => foldersReal(p, parts(p).length - 1);
  const lstat = (p: string) => (parentsReal(p) ? nodeFs.lstatSync(abs(p), { throwIfNoEntry: false }) : undefined);

  return {
    root,
    readText(p, o) {
      try {
        return parentsReal(p) ? readRegularFile(abs(p), p, o?.maxBytes) : undefined;
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new Error(`reading ${p}`, { cause: e });
      }
    },
    size: (p) => guarded(p, () => lstat(p)?.size),
    list(dir) {
      return guarded(dir, () => {
        if (!foldersReal(dir, parts(dir).length)) return [];
        const entries = nodeFs.readdirSync(abs(dir), { withFileTypes: true }).map((d): DirEntry => {
          if (!d.isSymbolicLink()) return { name: d.name, dir: d.isDirectory() };
          return { name: d.name, dir: false, link: linkTarget(nodePath.join(abs(dir), d.name)) ?? '' };
        });
        return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      }, []);
    },
    isDir: (p) => guarded(p, () => lstat(p)?.isDirectory() === true, false),
    realPath(p) {
      try {
        return nodeFs.realpathSync.native(nodePath.resolve(root, p));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
  };
}

/** The components of a relative path (`''` and `.` are the root). */
function parts(p: string): string[] {
  const names = p.split('/').filter((s) => s !== '' && s !== '.');
  // Repository paths come from the generator, the validated index or a walk; `..` is a bug upstream.
  if (names.includes('..')) throw new Error(`not a repository path: ${JSON.stringify(p)}`);
  return names;
}

/** Runs a metadata read: missing is `fallback`, a refusal propagates, anything else is an error naming `p`. */
function guarded<T>(p: string, read: () => T, fallback?: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (isNotFound(e)) return fallback as T;
    throw new Error(`reading ${p}`, { cause: e });
  }
}

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
