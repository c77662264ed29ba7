/**
 * One render at a time: the lock file, in process (the two-process race is in test/cli/lock.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { LOCK_FILE, takeRenderLock } from '../../src/write/lock.js';
let root;
const now = () => new Date('2026-03-04T05:06:07Z');
const me = { now, pid: 100, host: 'ci-1', alive: (pid) => pid === 100 || pid === 200 };
const lockText = (owner) => `${JSON.stringify(owner)}\n`;
beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-lock-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
function refusal(o) {
    try {
        takeRenderLock(root, o);
    }
    catch (e) {
        if (e instanceof UserError)
            return e.findings.map((f) => `${f.file}: ${f.message} | fix: ${f.hint}`).join('\n');
        throw e;
    }
    return 'taken';
}
describe('takeRenderLock', () => {
    it('takes a free lock, writes who holds it, and releases it', () => {
        const lock = takeRenderLock(root, me);
        expect(JSON.parse(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8'))).toEqual({ pid: 100, host: 'ci-1', started: '2026-03-04T05:06:07.000Z' });
        expect(lock.note).toBeUndefined();
        lock.release();
        expect(fs.existsSync(path.join(root, LOCK_FILE))).toBe(false);
    });
    it.each([
        [
            'a live render on this machine',
            { pid: 200, host: 'ci-1', started: '2026-03-04T05:00:00.000Z' },
            '.render.lock: another render is running (pid 200 since 2026-03-04T05:00:00.000Z) | fix: wait for it to finish, then run again; if no render is running, delete .render.lock',
        ],
        [
            'a render on another machine (its process cannot be checked)',
            { pid: 300, host: 'laptop', started: '2026-03-04T05:00:00.000Z' },
            '.render.lock: another render is running (pid 300 on "laptop" since 2026-03-04T05:00:00.000Z) | fix: wait for it to finish, then run again; if no render is running on that machine, delete .render.lock',
        ],
    ])('refuses when the lock is held by %s', (_name, owner, expected) => {
        fs.writeFileSync(path.join(root, LOCK_FILE), lockText(owner));
        expect(refusal(me)).toBe(expected);
        // The holder's lock is left alone.
        expect(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8')).toBe(lockText(owner));
    });
    it('takes over the lock of a process that is gone, and says so', () => {
        fs.writeFileSync(path.join(root, LOCK_FILE), lockText({ pid: 999, host: 'ci-1', started: '2026-03-04T04:00:00.000Z' }));
        const lock = takeRenderLock(root, me);
        expect(lock.note).toBe('took over .render.lock from pid 999 (started 2026-03-04T04:00:00.000Z), which is no longer running');
        expect(JSON.parse(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8')).pid).toBe(100);
    });
    it('an unreadable lock is one being written if it is young, stale if it is old', () => {
        const file = path.join(root, LOCK_FILE);
        fs.writeFileSync(file, '');
        const written = fs.statSync(file).mtime;
        expect(refusal({ ...me, now: () => new Date(written.getTime() + 5_000) })).toMatch(/^\.render\.lock: another render is running \(its lock file cannot be read\)/);
        expect(takeRenderLock(root, { ...me, now: () => new Date(written.getTime() + 120_000) }).note).toBe('took over .render.lock, unreadable and 120 s old');
    });
    it('a lock file that is a symbolic link is never followed nor removed', () => {
        const outside = path.join(root, 'outside.txt');
        fs.writeFileSync(outside, 'not a lock');
        fs.symlinkSync(outside, path.join(root, LOCK_FILE));
        expect(refusal(me)).toBe(`.render.lock: is a symbolic link (to ${JSON.stringify(outside)}); the generator never follows links, so that nothing it reads or writes lies outside the repository | fix: delete it (the lock file is never part of the repository), then run again`);
        expect(fs.lstatSync(path.join(root, LOCK_FILE)).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(outside, 'utf8')).toBe('not a lock');
    });
    it('leaves no temporary file, and removes those of processes that are gone (killed while taking the lock)', () => {
        fs.writeFileSync(path.join(root, '.render.lock.999.tmp'), '');
        fs.writeFileSync(path.join(root, '.render.lock.200.tmp'), '');
        const lock = takeRenderLock(root, me);
        // 200 is alive (taking the lock right now, perhaps): its file stays.
        expect(fs.readdirSync(root).sort()).toEqual(['.render.lock', '.render.lock.200.tmp']);
        lock.release();
    });
    it('release leaves a lock that is no longer ours', () => {
        const lock = takeRenderLock(root, me);
        const other = lockText({ pid: 200, host: 'ci-1', started: '2026-03-04T05:10:00.000Z' });
        fs.writeFileSync(path.join(root, LOCK_FILE), other);
        lock.release();
        expect(fs.readFileSync(path.join(root, LOCK_FILE), 'utf8')).toBe(other);
    });
});
