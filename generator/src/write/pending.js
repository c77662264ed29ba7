import { JOURNAL_FILE, parseJournal, STAGING_DIR } from './journal.js';
import { findDebris } from './tree.js';
/**
 * What an interrupted render left, as findings: its staging folder (with the journal's pid and
 * start, when it has one) and the temporary files of older versions. `render --check` and `validate`
 * report them: a tree with them is not known to be the render, whatever the files say.
 */
export function interruptedRenderFindings(fsys, check) {
    const findings = [];
    const fix = 'run `npm run render`: it finishes (or rolls back) the interrupted render and removes what it left, then renders';
    if (fsys.size(STAGING_DIR) !== undefined) {
        // A staging folder that is a link is refused (as `render` refuses it), never looked into.
        fsys.list(STAGING_DIR);
        let who = '';
        try {
            const j = parseJournal(fsys.readText(`${STAGING_DIR}/${JOURNAL_FILE}`) ?? '');
            if (!('problem' in j))
                who = ` (pid ${j.pid}, started ${j.started}) was interrupted while switching the generated files: some may be new, some old`;
        }
        catch {
            // A staging folder we cannot read is reported all the same.
        }
        findings.push({
            check: check('unfinished'),
            severity: 'error',
            file: `${STAGING_DIR}/`,
            message: who ? `a render${who}` : 'a render was interrupted before it changed anything; its staging folder is left',
            hint: fix,
        });
    }
    for (const p of findDebris(fsys)) {
        findings.push({ check: check('temporary-file'), severity: 'error', file: p, message: 'temporary file left by an interrupted render', hint: fix });
    }
    return findings;
}
