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

/** Every file below `dir` (repository-relative paths), depth first, each folder's entries in name order. */
export function filesBelow(fsys: FileSystem, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fsys.list(d)) {
      if (e.dir) walk(`${d}/${e.name}`);
      else out.push(`${d}/${e.name}`);
    }
  };
  walk(dir);
  return out;
}

/**
 * A view of `base` in which every file under the folders `roots` (and the files `extra`) is served
 * from `files`, a snapshot already read (path → content): a file of those folders missing from the
 * snapshot does not exist, and their listings come from the snapshot. Everything else is read from
 * `base`. Lets one validation read each input file once.
 */
export function snapshotFs(base: FileSystem, files: ReadonlyMap<string, string>, roots: readonly string[], extra: readonly string[] = []): FileSystem {
  const inSnapshot = (p: string) => roots.some((r) => p === r || p.startsWith(`${r}/`)) || extra.includes(p);
  const dirs = new Map<string, Map<string, boolean>>();
  for (const file of files.keys()) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      const entries = dirs.get(dir) ?? dirs.set(dir, new Map()).get(dir)!;
      entries.set(parts[i]!, i < parts.length - 1);
    }
  }
  return {
    root: base.root,
    readText: (p) => (inSnapshot(p) ? files.get(p) : base.readText(p)),
    size: (p) => (inSnapshot(p) ? (files.has(p) ? Buffer.byteLength(files.get(p)!) : undefined) : base.size(p)),
    list(dir) {
      if (!inSnapshot(dir)) return base.list(dir);
      return [...(dirs.get(dir) ?? [])].map(([name, isDir]) => ({ name, dir: isDir })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    isDir: (p) => base.isDir(p),
  };
}

/** An in-memory file system (tests; a Git revision's files): keys are relative paths, values file contents. */
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
