import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The file-system view every stage below the CLI uses. Paths are repository-relative with POSIX
 * separators; the implementation maps them onto a root directory (or onto memory in tests).
 */
export interface FileSystem {
  /** Absolute root the relative paths are resolved against (used only to run external tools). */
  readonly root: string;
  /** File contents as UTF-8, or `undefined` when the file does not exist. */
  readText(path: string): string | undefined;
  /** Size in bytes, or `undefined` when the file does not exist. */
  size(path: string): number | undefined;
  /** Entries of a directory (names only, sorted), or `[]` when it does not exist. */
  list(dir: string): { name: string; dir: boolean }[];
  isDir(path: string): boolean;
}

/** Reads from a directory on disk. */
export function diskFs(root: string): FileSystem {
  // Absolute paths (given on the command line) are read as they are; everything else is under root.
  const abs = (p: string) => (nodePath.isAbsolute(p) ? p : nodePath.join(root, ...p.split('/')));
  return {
    root,
    readText(p) {
      try {
        return nodeFs.readFileSync(abs(p), 'utf8');
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw new Error(`reading ${p}`, { cause: e });
      }
    },
    size(p) {
      try {
        return nodeFs.statSync(abs(p)).size;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    list(dir) {
      try {
        return nodeFs
          .readdirSync(abs(dir), { withFileTypes: true })
          .map((d) => ({ name: d.name, dir: d.isDirectory() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (e) {
        if (isNotFound(e)) return [];
        throw e;
      }
    },
    isDir(p) {
      try {
        return nodeFs.statSync(abs(p)).isDirectory();
      } catch {
        return false;
      }
    },
  };
}

/** An in-memory file system for tests: keys are relative paths, values file contents. */
export function memoryFs(files: Record<string, string>, root = '/memory'): FileSystem {
  const norm = (p: string) => p.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return {
    root,
    readText: (p) => files[norm(p)],
    size: (p) => (files[norm(p)] === undefined ? undefined : Buffer.byteLength(files[norm(p)]!)),
    list(dir) {
      const prefix = norm(dir) === '' ? '' : `${norm(dir)}/`;
      const seen = new Map<string, boolean>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf('/');
        seen.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
      }
      return [...seen].map(([name, dir]) => ({ name, dir })).sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    isDir(p) {
      const prefix = norm(p) === '' ? '' : `${norm(p)}/`;
      return Object.keys(files).some((f) => f.startsWith(prefix));
    },
  };
}

function isNotFound(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
