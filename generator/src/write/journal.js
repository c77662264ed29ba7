/**
 * The journal of a render's switch: written (and flushed) into the staging folder before the first
 * change to the tree, it lists every folder to create, file to put in place and file to take away,
 * so that a run interrupted half way is finished (or rolled back) by the next one.
 *
 * The staging folder sits at the root of the repository, on the same file system as the generated
 * folders (a rename there is atomic), and is ignored by Git. A journal found there is input like any
 * other (a pull request could commit one): every path in it is checked as the index's are.
 */
import { generatedPathProblem, writablePathProblem } from './paths.js';
/** Repository-relative folder of a render in progress: staged files, backups, the journal. */
export const STAGING_DIR = '.render-staging';
/** Name of the journal inside {@link STAGING_DIR}. */
export const JOURNAL_FILE = 'journal.json';
const STAGED_NAME = /^[wbr][0-9]{1,7}$/;
/** What `Date.toISOString` writes; anything else (a terminal escape, a forged line) is not shown. */
export const ISO_INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;
/**
 * The journal in `text`, or a reason it cannot be trusted. A journal of another shape or naming a
 * path outside the generated folders is never acted on.
 */
export function parseJournal(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { problem: 'it is not valid JSON' };
    }
    const j = raw;
    if (j === null || typeof j !== 'object' || j.version !== 1)
        return { problem: 'it is not a version 1 journal' };
    if (!Number.isSafeInteger(j.pid) || typeof j.started !== 'string' || !ISO_INSTANT.test(j.started))
        return { problem: 'it names no process' };
    if (!Array.isArray(j.mkdirs) || !Array.isArray(j.writes) || !Array.isArray(j.removes))
        return { problem: 'it lacks a list of changes' };
    for (const d of j.mkdirs) {
        if (typeof d !== 'string' || generatedPathProblem(d) !== undefined)
            return { problem: `folder ${JSON.stringify(d)} is not inside the generated folders` };
    }
    const names = new Set();
    const nameOk = (n) => typeof n === 'string' && STAGED_NAME.test(n) && !names.has(n) && (names.add(n), true);
    for (const w of j.writes) {
        const e = w;
        if (e === null || typeof e !== 'object' || typeof e.path !== 'string' || writablePathProblem(e.path) !== undefined)
            return { problem: 'a file it writes is not inside the generated folders' };
        if (!nameOk(e.staged) || (e.backup !== undefined && !nameOk(e.backup)))
            return { problem: 'a staged file has a malformed name' };
    }
    for (const r of j.removes) {
        const e = r;
        if (e === null || typeof e !== 'object' || typeof e.path !== 'string' || generatedPathProblem(e.path) !== undefined)
            return { problem: 'a file it removes is not inside the generated folders' };
        if (!nameOk(e.moved))
            return { problem: 'a staged file has a malformed name' };
    }
    return j;
}
