/**
 * Finishing what an interrupted render left: the first thing a render (or a canary edit) does, under
 * the lock. A staging folder without a journal is from a run killed before it changed anything: it is
 * removed. A staging folder with a journal is from a run killed during its switch: the switch is
 * taken forward (every staged file exists, so the render it meant is completed); should a step fail,
 * everything is taken back instead. A journal that cannot be trusted is never acted on.
 */
import * as path from 'node:path';
import { UserError } from '../core/errors.js';
import { FileRefused, readRegularFile, linkTarget, symlinkFinding } from '../core/safe-read.js';
import { JOURNAL_FILE, parseJournal, STAGING_DIR } from './journal.js';
import { diskOps } from './ops.js';
import { inside } from './paths.js';
import { describeFailure, kindAt, pruneEmpty, rollBack, rollForward } from './switch.js';
import { discard } from './apply.js';
/** Finishes or rolls back an interrupted render under `root`; returns what it did, one sentence each (none when nothing was left). */
export function recoverInterrupted(root, ops = diskOps) {
    const sw = { root, staging: inside(root, STAGING_DIR), ops, realFolders: new Set() };
    const kind = kindAt(sw.staging);
    if (kind === 'missing')
        return [];
    if (kind === 'link')
        throw new FileRefused(symlinkFinding(STAGING_DIR, linkTarget(sw.staging)));
    if (kind !== 'dir')
        throw untrusted(`${STAGING_DIR} is not a folder`);
    const text = readRegularFile(path.join(sw.staging, JOURNAL_FILE), `${STAGING_DIR}/${JOURNAL_FILE}`);
    if (text === undefined) {
        ops.removeTree(sw.staging);
        return [`removed ${STAGING_DIR}/, left by a render interrupted before it changed anything`];
    }
    const journal = parseJournal(text);
    if ('problem' in journal)
        throw untrusted(`${STAGING_DIR}/${JOURNAL_FILE} cannot be trusted: ${journal.problem}`);
    const who = `the render of pid ${journal.pid} started at ${journal.started}`;
    try {
        rollForward(sw, journal);
    }
    catch (e) {
        const failed = rollBack(sw, journal);
        if (failed.length > 0 || !discard(sw)) {
            throw new UserError({
                check: 'render/unfinished',
                severity: 'error',
                file: failed[0] ?? STAGING_DIR,
                message: `cannot finish nor roll back ${who}, which was interrupted: ${describeFailure(e)}`,
                hint: `fix the cause (free space, make the files writable), then run \`npm run render\` again; ${STAGING_DIR}/ keeps what it needs`,
            });
        }
        return [`rolled back ${who}, which was interrupted (finishing it failed: ${describeFailure(e)}); the generated files are as before it`];
    }
    const n = (count, what) => `${count} ${what}${count === 1 ? '' : 's'}`;
    const finished = `finished ${who}, which was interrupted (${n(journal.writes.length, 'file')} written, ${n(journal.removes.length, 'file')} removed)`;
    if (!pruneEmpty(sw, journal.removes.map((r) => r.path)))
        return [`${finished}; a folder it emptied could not be removed, the next run tries again`];
    ops.removeTree(sw.staging);
    return [finished];
}
function untrusted(message) {
    return new UserError({
        check: 'render/bad-staging',
        severity: 'error',
        file: STAGING_DIR,
        message: `${message}; nothing of it was done`,
        hint: `remove the ${STAGING_DIR} folder (it is never part of the repository; \`git status\` shows whether the generated files are as committed), then render again`,
    });
}
