import * as fs from 'node:fs';

/**
 * The changes a render makes to the disk, one call each, so that tests can make any one of them fail
 * (a full disk, an I/O error) and check what is left. Reads go to `node:fs` directly.
 *
 * Not a second file system: core/fs.ts `FileSystem` is how every stage reads the repository (and is
 * read-only); this is the only way the render changes it, step by step behind the journal.
 */
export interface WriteOps {
  /** Creates a file that must not exist yet, holding `data`. */
  createFile(abs: string, data: string): void;
  /** Like {@link createFile}, then flushes the file to the disk (the journal: it must survive a crash). */
  createDurable(abs: string, data: string): void;
  rename(from: string, to: string): void;
  /** A second name for a file (a backup that costs no copy). */
  link(existing: string, alias: string): void;
  unlink(abs: string): void;
  /** One new folder (its parent exists). */
  mkdir(abs: string): void;
  rmdir(abs: string): void;
  /** Removes a folder and everything in it (links inside are removed, never followed). */
  removeTree(abs: string): void;
  /** Flushes a folder's entries to the disk (after a rename that must survive a crash). */
  syncDir(abs: string): void;
}

/**
 * Creates `abs` (never an existing file) holding `data`, flushed when `durable`. A write that fails
 * (a full disk) removes the file it created: no truncated file is ever left.
 */
function create(abs: string, data: string, durable: boolean): void {
  const fd = fs.openSync(abs, 'wx');
  try {
    fs.writeFileSync(fd, data);
    if (durable) fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(abs, { force: true });
    throw e;
  }
  fs.closeSync(fd);
}

/** The real thing. */
export const diskOps: WriteOps = {
  createFile: (abs, data) => create(abs, data, false),
  createDurable: (abs, data) => create(abs, data, true),
  rename: (from, to) => fs.renameSync(from, to),
  link(existing, alias) {
    try {
      fs.linkSync(existing, alias);
    } catch (e) {
      // File systems without hard links: a copy does the same job, slower.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
      fs.copyFileSync(existing, alias, fs.constants.COPYFILE_EXCL);
    }
  },
  unlink: (abs) => fs.unlinkSync(abs),
  mkdir: (abs) => fs.mkdirSync(abs),
  rmdir: (abs) => fs.rmdirSync(abs),
  removeTree: (abs) => fs.rmSync(abs, { recursive: true, force: true }),
  syncDir(abs) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(abs, 'r');
      fs.fsyncSync(fd);
    } catch {
      // Not every platform can open or flush a folder (Windows); the rename is still atomic there.
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};
