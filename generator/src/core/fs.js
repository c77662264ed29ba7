/**
 * How the stages read the repository: the {@link FileSystem} interface and its three views, the disk
 * ({@link diskFs}), memory ({@link memoryFs}, tests and Git revisions) and a snapshot over either
 * ({@link snapshotFs}). It is read-only on purpose: the one stage that changes the disk, write/, has
 * its own seam (write/ops.ts `WriteOps`, one call per change so tests can fail any one of them), and
 * small caches write through core/atomic-write.ts.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { UserError } from './errors.js';
import { DEFAULT_MAX_READ_BYTES, FileRefused, FileTooLarge, linkTarget, readRegularFile, readRegularFileChunks, symlinkFinding } from './safe-read.js';
/**
 * Every file below `dir` (repository-relative paths), depth first, each folder's entries in name
 * order. A symbolic link met on the way is refused ({@link FileRefused}): the walk never leaves the tree.
 * `folders`, when given, gains every folder met below `dir` (empty ones too), e.g. for {@link snapshotFs}.
 */
export function filesBelow(fsys, dir, folders) {
    const out = [];
    const walk = (d) => {
        for (const e of fsys.list(d)) {
            const p = `${d}/${e.name}`;
            if (e.link !== undefined)
                throw new FileRefused(symlinkFinding(p, e.link));
            if (e.dir) {
                folders?.add(p);
                walk(p);
            }
            else
                out.push(p);
        }
    };
    walk(dir);
    return out;
}
/** `text` when it fits in `options.maxBytes`, else throws {@link FileTooLarge}, as a disk read would. */
function withinLimit(file, text, options) {
    const limit = options?.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    if (text !== undefined && text.length > limit / 3) {
        const bytes = Buffer.byteLength(text);
        if (bytes > limit)
            throw new FileTooLarge(file, limit, bytes);
    }
    return text;
}
/**
 * A view of `base` in which every file under the folders `roots` (and the files `extra`) is served
 * from `files`, a snapshot already read (path → content): a file of those folders missing from the
 * snapshot does not exist, and their listings come from the snapshot. Everything else is read from
 * `base`. Lets one validation read each input file once.
 *
 * `folders`, when given, are all the folders below the roots, as the walk that read `files` met them
 * ({@link filesBelow}): whether a path below a root is a folder is then answered from them, not with
 * one `lstat` each. Default: asked of `base`.
 */
export function snapshotFs(base, files, roots, extra = [], folders) {
    const inSnapshot = (p) => roots.some((r) => p === r || p.startsWith(`${r}/`)) || extra.includes(p);
    // Only a path written as the walk writes them (no `.`, `..` or empty component) is looked up.
    const walked = (p) => roots.some((r) => p.startsWith(`${r}/`)) && !p.split('/').some((s) => s === '' || s === '.' || s === '..');
    const dirs = new Map();
    for (const file of files.keys()) {
        const parts = file.split('/');
        for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/');
            const entries = dirs.get(dir) ?? dirs.set(dir, new Map()).get(dir);
            entries.set(parts[i], i < parts.length - 1);
        }
    }
    return {
        root: base.root,
        readText: (p, o) => (inSnapshot(p) ? withinLimit(p, files.get(p), o) : base.readText(p, o)),
        size: (p) => (inSnapshot(p) ? (files.has(p) ? Buffer.byteLength(files.get(p)) : undefined) : base.size(p)),
        list(dir) {
            if (!inSnapshot(dir))
                return base.list(dir);
            return [...(dirs.get(dir) ?? [])].map(([name, isDir]) => ({ name, dir: isDir })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        },
        isDir: (p) => (folders !== undefined && walked(p) ? folders.has(p) : base.isDir(p)),
        ...(base.realPath ? { realPath: (p) => base.realPath(p) } : {}),
    };
}
/** An in-memory file system (tests; a Git revision's files): keys are relative paths, values file contents. */
export function memoryFs(files, root = '/memory') {
    // `./x` and `.` are relative to the root; a dot file (`.generated-files`) keeps its dot.
    const norm = (p) => p.replace(/^\.(\/+|$)/, '').replace(/\/+$/, '');
    return {
        root,
        readText: (p, o) => withinLimit(p, files[norm(p)], o),
        size: (p) => (files[norm(p)] === undefined ? undefined : Buffer.byteLength(files[norm(p)])),
        list(dir) {
            const prefix = norm(dir) === '' ? '' : `${norm(dir)}/`;
            const seen = new Map();
            for (const f of Object.keys(files)) {
                if (!f.startsWith(prefix))
                    continue;
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
/**
 * Reads the repository under `root` without ever following a symbolic link below it: every folder
 * on the way to a file is checked to be a real folder (each once per run, with `lstat`), the file
 * itself is opened with `O_NOFOLLOW` and must be a regular file, and reads are bounded
 * (core/safe-read.ts). A link on the way throws a {@link FileRefused} naming it.
 *
 * Absolute paths are paths the user named on the command line (`validate /some/file.yaml`), after
 * {@link FileSystem.realPath}: they are read as given, their last component still never followed.
 */
export function diskFs(root) {
    const abs = (p) => (nodePath.isAbsolute(p) ? p : nodePath.join(root, ...parts(p)));
    // Repository-relative folders already seen to be real folders: a render reads some 300 files in
    // some 100 folders, so each folder costs one lstat per run.
    const realFolders = new Set();
    /**
     * Whether the first `count` components of relative `p` are real folders. `false` when one is
     * missing or is a file; throws when one is a symbolic link.
     */
    const foldersReal = (p, count) => {
        if (nodePath.isAbsolute(p))
            return true;
        const names = parts(p);
        let dir = '';
        for (let i = 0; i < count && i < names.length; i++) {
            dir = dir === '' ? names[i] : `${dir}/${names[i]}`;
            if (realFolders.has(dir))
                continue;
            const st = nodeFs.lstatSync(nodePath.join(root, dir), { throwIfNoEntry: false });
            if (st === undefined || (!st.isDirectory() && !st.isSymbolicLink()))
                return false;
            if (st.isSymbolicLink())
                throw new FileRefused(symlinkFinding(dir, linkTarget(nodePath.join(root, dir))));
            realFolders.add(dir);
        }
        return true;
    };
    const parentsReal = (p) => foldersReal(p, parts(p).length - 1);
    const lstat = (p) => (parentsReal(p) ? nodeFs.lstatSync(abs(p), { throwIfNoEntry: false }) : undefined);
    return {
        root,
        readText(p, o) {
            try {
                return parentsReal(p) ? readRegularFile(abs(p), p, o?.maxBytes) : undefined;
            }
            catch (e) {
                if (e instanceof UserError)
                    throw e;
                throw new Error(`reading ${p}`, { cause: e });
            }
        },
        readChunks(p, o) {
            try {
                return parentsReal(p) ? readRegularFileChunks(abs(p), p, o?.maxBytes) : undefined;
            }
            catch (e) {
                if (e instanceof UserError)
                    throw e;
                throw new Error(`reading ${p}`, { cause: e });
            }
        },
        size: (p) => guarded(p, () => lstat(p)?.size),
        list(dir) {
            return guarded(dir, () => {
                if (!foldersReal(dir, parts(dir).length))
                    return [];
                const entries = nodeFs.readdirSync(abs(dir), { withFileTypes: true }).map((d) => {
                    if (!d.isSymbolicLink())
                        return { name: d.name, dir: d.isDirectory() };
                    return { name: d.name, dir: false, link: linkTarget(nodePath.join(abs(dir), d.name)) ?? '' };
                });
                return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            }, []);
        },
        isDir: (p) => guarded(p, () => lstat(p)?.isDirectory() === true, false),
        realPath(p) {
            try {
                return nodeFs.realpathSync.native(nodePath.resolve(root, p));
            }
            catch (e) {
                if (isNotFound(e))
                    return undefined;
                throw e;
            }
        },
    };
}
/** The components of a relative path (`''` and `.` are the root). */
function parts(p) {
    const names = p.split('/').filter((s) => s !== '' && s !== '.');
    // Repository paths come from the generator, the validated index or a walk; `..` is a bug upstream.
    if (names.includes('..'))
        throw new Error(`not a repository path: ${JSON.stringify(p)}`);
    return names;
}
/** Runs a metadata read: missing is `fallback`, a refusal propagates, anything else is an error naming `p`. */
function guarded(p, read, fallback) {
    try {
        return read();
    }
    catch (e) {
        if (e instanceof UserError)
            throw e;
        if (isNotFound(e))
            return fallback;
        throw new Error(`reading ${p}`, { cause: e });
    }
}
function isNotFound(e) {
    const code = e?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
export { FileRefused, FileTooLarge };
