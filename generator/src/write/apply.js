/**
 * Carrying out a write plan, all or nothing, even when the process is killed half way:
 *
 * 1. check (nothing touched yet): every folder on the way to every target is a real folder inside
 *    the repository or is missing (to be created); no target is a link or a folder;
 * 2. stage: every new content is written into the staging folder (`.render-staging/`, at the root,
 *    so on the same file system and a rename away from its place); a full disk fails here, and the
 *    staging folder is removed again: nothing was changed;
 * 3. journal: the list of every change is written and flushed (the commit point: from here on the
 *    next run finishes this one, see write/recover.ts);
 * 4. switch: folders created, each file renamed into place (a reader never sees half a file), the
 *    replaced one kept as a backup, stale files moved into the staging folder; if a step fails,
 *    every step done is undone from the backups, and the run says whether that worked;
 * 5. the folders emptied are removed, temporary files of older versions too, then the staging folder.
 */
import * as path from 'node:path';
import { FileRefused, linkTarget, symlinkFinding } from '../core/safe-read.js';
import { JOURNAL_FILE, STAGING_DIR } from './journal.js';
import { diskOps } from './ops.js';
import { inside } from './paths.js';
import { checkFolders, kindAt, pruneEmpty, rollBack, rollForward, SwitchError } from './switch.js';
/**
 * Writing failed. `changed` says what is true of the tree: `false` when it is exactly as it was,
 * `true` when the switch could not be undone either (the journal is kept; the next render finishes it).
 */
export class WriteFailed extends Error {
    file;
    cause;
    changed;
    constructor(file, cause, changed) {
        super(`writing ${file}`, { cause });
        this.file = file;
        this.cause = cause;
        this.changed = changed;
        this.name = 'WriteFailed';
    }
}
/** Carries out `plan` under `root` (see the module comment). */
export function applyWrite(root, plan, o = {}) {
    const ops = o.ops ?? diskOps;
    const sw = { root, staging: inside(root, STAGING_DIR), ops, realFolders: new Set() };
    const mkdirs = check(sw, plan);
    if (plan.write.length + plan.remove.length === 0) {
        try {
            removeDebris(sw, plan.debris);
        }
        catch {
            // Left for the next run; `render --check` and `validate` report it until then.
        }
        return;
    }
    const journal = { version: 1, pid: o.pid ?? process.pid, started: (o.now ?? (() => new Date()))().toISOString(), mkdirs, writes: [], removes: [] };
    stage(sw, plan, journal);
    try {
        rollForward(sw, journal);
    }
    catch (e) {
        const failed = rollBack(sw, journal);
        const file = e instanceof SwitchError ? e.file : e instanceof FileRefused ? e.finding.file : '.';
        if (failed.length > 0 || !discard(sw))
            throw new WriteFailed(file, e instanceof SwitchError ? e.cause : e, true);
        if (e instanceof FileRefused)
            throw e;
        throw new WriteFailed(file, e instanceof SwitchError ? e.cause : e, false);
    }
    // Done: the tree is the render. What follows is tidying; should it fail, the next run tidies up.
    try {
        // A folder left to prune keeps the journal, so that the next run prunes it.
        if (!pruneEmpty(sw, plan.remove))
            return;
        removeDebris(sw, plan.debris);
        ops.removeTree(sw.staging);
    }
    catch {
        // The staging folder left is reported by `render --check` and `validate` until then.
    }
}
/** Step 1: the folders to create, top down; throws before anything is touched when a target cannot be written. */
function check(sw, plan) {
    const mkdirs = [];
    const folders = (p, missing) => {
        try {
            checkFolders(sw, p, missing);
        }
        catch (e) {
            if (e instanceof SwitchError)
                throw new WriteFailed(e.file, e.cause, false);
            throw e;
        }
    };
    for (const f of plan.write) {
        folders(f.path, mkdirs);
        if (mkdirs.some((d) => f.path.startsWith(`${d}/`)))
            continue;
        const abs = inside(sw.root, f.path);
        const kind = kindAt(abs);
        if (kind === 'link')
            throw new FileRefused(symlinkFinding(f.path, linkTarget(abs)));
        if (kind === 'dir' || kind === 'other') {
            const what = kind === 'dir' ? 'a folder' : 'something other than a file';
            throw new WriteFailed(f.path, Object.assign(new Error(`${what} stands where the generated file ${f.path} goes`), { code: 'EISDIR' }), false);
        }
    }
    for (const p of [...plan.remove, ...plan.debris])
        folders(p);
    return mkdirs;
}
/** Steps 2 and 3: every content staged, then the journal written and flushed. Nothing is changed when this fails. */
function stage(sw, plan, journal) {
    let current = STAGING_DIR;
    try {
        if (kindAt(sw.staging) === 'link')
            throw new FileRefused(symlinkFinding(STAGING_DIR, linkTarget(sw.staging)));
        sw.ops.mkdir(sw.staging);
        plan.write.forEach((f, i) => {
            current = f.path;
            const w = { path: f.path, staged: `w${i}`, ...(f.replaces ? { backup: `b${i}` } : {}) };
            sw.ops.createFile(path.join(sw.staging, w.staged), f.content);
            journal.writes.push(w);
        });
        plan.remove.forEach((p, i) => journal.removes.push({ path: p, moved: `r${i}` }));
        current = `${STAGING_DIR}/${JOURNAL_FILE}`;
        const file = path.join(sw.staging, JOURNAL_FILE);
        sw.ops.createDurable(`${file}.tmp`, JSON.stringify(journal));
        sw.ops.rename(`${file}.tmp`, file);
        sw.ops.syncDir(sw.staging);
    }
    catch (e) {
        // Our own staging folder only: when it could not even be made, it is not ours to remove.
        if (current !== STAGING_DIR)
            sw.ops.removeTree(sw.staging);
        if (e instanceof FileRefused)
            throw e;
        throw new WriteFailed(current, e, false);
    }
}
/**
 * Drops the staging folder of a switch that was rolled back, the journal first: a journal left
 * behind would have the next run take the switch forward. `false` when the journal stays.
 */
export function discard(sw) {
    try {
        sw.ops.unlink(path.join(sw.staging, JOURNAL_FILE));
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            return false;
    }
    try {
        sw.ops.removeTree(sw.staging);
    }
    catch {
        // Without its journal the folder is only staged copies: the next run removes it.
    }
    return true;
}
/** Deletes the temporary files older versions left (planWrite found each to hold the start of a generated file). */
function removeDebris(sw, debris) {
    for (const p of debris) {
        const abs = inside(sw.root, p);
        if (kindAt(abs) === 'file')
            sw.ops.unlink(abs);
    }
}
