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

export interface Journal {
  version: 1;
  /** Process that wrote it, and when it started (ISO-8601), for messages. */
  pid: number;
  started: string;
  /** Folders to create, top down (repository-relative). */
  mkdirs: string[];
  /**
   * Files to put in place: `staged` (a name in the staging folder) is renamed to `path`; when a file
   * is replaced, it is first kept as `backup` (a second name in the staging folder) until the end.
   */
  writes: { path: string; staged: string; backup?: string }[];
  /** Generated files to take away: each is moved to `moved` in the staging folder. */
  removes: { path: string; moved: string }[];
}

const STAGED_NAME = /^[wbr][0-9]{1,7}$/;

/** What `Date.toISOString` writes; anything else (a terminal escape, a forged line) is not shown. */
export const ISO_INSTANT = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;

/**
 * The journal in `text`, or a reason it cannot be trusted. A journal of another shape or naming a
 * path outside the generated folders is never acted on.
 */
export function parseJournal(text: string): Journal | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  const j = raw as Partial<Journal> | null;
  if (j === null || typeof j !== 'object' || j.version !== 1) return { problem: 'it is not a version 1 journal' };
  if (!Number.isSafeInteger(j.pid) || typeof j.started !== 'string' || !ISO_INSTANT.test(j.started)) return { problem: 'it names no process' };
  if (!Array.isArray(j.mkdirs) || !Array.isArray(j.writes) || !Array.isArray(j.removes)) return { problem: 'it lacks a list of changes' };
  for (const d of j.mkdirs) {
    if (typeof d !== 'string' || generatedPathProblem(d) !== undefined) return { problem: `folder ${JSON.stringify(d)} is not inside the generated folders` };
  }
  const names = new Set<string>();
  const nameOk = (n: unknown) => typeof n === 'string' && STAGED_NAME.test(n) && !names.has(n) && (names.add(n), true);
  for (const w of j.writes as unknown[]) {
    const e = w as Journal['writes'][number] | null;
    if (e === null || typeof e !== 'object' || typeof e.path !== 'string' || writablePathProblem(e.path) !== undefined) return { problem: 'a file it writes is not inside the generated folders' };
    if (!nameOk(e.staged) || (e.backup !== undefined && !nameOk(e.backup))) return { problem: 'a staged file has a malformed name' };
  }
  for (const r of j.removes as unknown[]) {
    const e = r as Journal['removes'][number] | null;
    if (e === null || typeof e !== 'object' || typeof e.path !== 'string' || generatedPathProblem(e.path) !== undefined) return { problem: 'a file it removes is not inside the generated folders' };
    if (!nameOk(e.moved)) return { problem: 'a staged file has a malformed name' };
  }
  return j as Journal;
}
