/**
 * One render at a time per repository: a lock file at the root, created exclusively and holding the
 * owner's pid, host and start time. A lock whose process is gone (killed, crashed) is taken over, and
 * the run says so; a live one makes the run stop with a clear message (exit 2).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { UserError } from '../core/errors.js';
import { FileRefused, linkTarget, readRegularFile, symlinkFinding } from '../core/safe-read.js';
import { diskOps } from './ops.js';
import { ISO_INSTANT } from './journal.js';
import { inside } from './paths.js';
import { errnoReason } from './switch.js';
/** Repository-relative lock file. */
export const LOCK_FILE = '.render.lock';
/** An unreadable lock younger than this may be one being written right now. */
const UNREADABLE_GRACE_MS = 60_000;
/** Takes the lock of the repository at `root`, or throws a user error naming who holds it. */
export function takeRenderLock(root, o) {
    const ops = o.ops ?? diskOps;
    const abs = inside(root, LOCK_FILE);
    const me = { pid: o.pid ?? process.pid, host: o.host ?? os.hostname(), started: o.now().toISOString() };
    const alive = o.alive ?? isRunning;
    removeStaleTemps(root, me.pid, alive, ops);
    // The lock appears whole or not at all: written under a name of our own, then linked into place
    // (a link fails if the name is taken, as an exclusive create does, but never leaves an empty lock).
    const tmp = inside(root, `${LOCK_FILE}.${me.pid}.tmp`);
    try {
        if (fs.lstatSync(tmp, { throwIfNoEntry: false }) !== undefined)
            ops.unlink(tmp);
        ops.createFile(tmp, `${JSON.stringify(me)}\n`);
    }
    catch (e) {
        throw cannotLock(e);
    }
    try {
        return linkInPlace(tmp, abs, me, o, alive, ops);
    }
    finally {
        // Linked (the lock holds the content now) or refused: the temporary name goes either way.
        if (fs.lstatSync(tmp, { throwIfNoEntry: false }) !== undefined)
            ops.unlink(tmp);
    }
}
function linkInPlace(tmp, abs, me, o, alive, ops) {
    let note;
    // Twice at most: a stale lock is removed once, then the exclusive link decides between racers.
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            ops.link(tmp, abs);
            return { ...(note ? { note } : {}), release: () => releaseIfOurs(abs, me, ops) };
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw cannotLock(e);
        }
        // Read without following a link (the lock file could be one, committed by a pull request).
        let owner;
        try {
            owner = parseOwner(readRegularFile(abs, LOCK_FILE, 4096));
        }
        catch {
            owner = undefined;
        }
        if (owner === undefined) {
            const st = fs.lstatSync(abs, { throwIfNoEntry: false });
            if (st === undefined)
                continue;
            if (st.isSymbolicLink()) {
                throw new FileRefused({ ...symlinkFinding(LOCK_FILE, linkTarget(abs)), hint: `delete it (the lock file is never part of the repository), then run again` });
            }
            if (!st.isFile() || o.now().getTime() - st.mtimeMs < UNREADABLE_GRACE_MS)
                throw busy(undefined);
            ops.unlink(abs);
            note = `took over ${LOCK_FILE}, unreadable and ${Math.round((o.now().getTime() - st.mtimeMs) / 1000)} s old`;
            continue;
        }
        if (owner.host !== me.host || alive(owner.pid))
            throw busy(owner, owner.host !== me.host);
        note = `took over ${LOCK_FILE} from pid ${owner.pid} (started ${owner.started}), which is no longer running`;
        try {
            ops.unlink(abs);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
        }
    }
    throw busy(undefined);
}
/** The temporary lock files (`.render.lock.<pid>.tmp`) of processes that are gone: left by a kill. */
function removeStaleTemps(root, mine, alive, ops) {
    let names;
    try {
        names = fs.readdirSync(root);
    }
    catch {
        return; // No repository there: creating the lock says so.
    }
    for (const name of names) {
        const m = /^\.render\.lock\.([0-9]+)\.tmp$/.exec(name);
        if (!m || Number(m[1]) === mine || alive(Number(m[1])))
            continue;
        if (fs.lstatSync(inside(root, name), { throwIfNoEntry: false })?.isFile())
            ops.unlink(inside(root, name));
    }
}
function busy(owner, otherHost = false) {
    const who = owner ? `pid ${owner.pid}${otherHost ? ` on ${JSON.stringify(owner.host)}` : ''} since ${owner.started}` : 'its lock file cannot be read';
    return new UserError({
        check: 'render/locked',
        severity: 'error',
        file: LOCK_FILE,
        message: `another render is running (${who})`,
        hint: `wait for it to finish, then run again; if no render is running${otherHost ? ' on that machine' : ''}, delete ${LOCK_FILE}`,
    });
}
/** The lock file cannot be created (a full disk, a read-only checkout): nothing was done yet. */
function cannotLock(e) {
    return new UserError({
        check: 'render/write-failed',
        severity: 'error',
        file: LOCK_FILE,
        message: `cannot create the lock file: ${errnoReason(e)}`,
        hint: `${e.code === 'ENOSPC' ? 'free space on the disk' : 'make the repository writable'}, then render again; nothing was changed`,
    });
}
function parseOwner(text) {
    try {
        const o = JSON.parse(text ?? '');
        if (Number.isSafeInteger(o.pid) && o.pid > 0 && typeof o.host === 'string' && typeof o.started === 'string' && ISO_INSTANT.test(o.started))
            return o;
    }
    catch {
        // Not ours, or half written.
    }
    return undefined;
}
function releaseIfOurs(abs, me, ops) {
    try {
        const owner = parseOwner(readRegularFile(abs, LOCK_FILE, 4096));
        if (owner && owner.pid === me.pid && owner.started === me.started && owner.host === me.host)
            ops.unlink(abs);
    }
    catch {
        // Gone already: nothing to release.
    }
}
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: it runs, as another user.
        return e.code === 'EPERM';
    }
}
