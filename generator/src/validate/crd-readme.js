/**
 * The table of platform/crds/README.md: one row per pinned CRD file with the repository, tag,
 * upstream path, licence and sha256 it was taken with. It is the record the add-on checks hold the
 * files to (validate/addons.ts): a file it does not list, or whose bytes differ, is not upstream's.
 */
/** Where the pinned CRD files live, one folder per add-on and version. */
export const CRDS_DIR = 'platform/crds';
/** The record of the pinned CRD files. */
export const CRDS_README = `${CRDS_DIR}/README.md`;
/** The columns a row is read from, by their header text (lower case). */
const COLUMNS = { file: 'file', repository: 'repository', tag: 'tag', licence: 'licence', sha256: 'sha256' };
const cells = (line) => line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
const unquoted = (cell) => (cell ?? '').replace(/^`|`$/g, '').trim();
/**
 * The rows of the first table whose header has the columns File, Repository, Tag, Licence and
 * sha256 (in any order, among others); none when there is no such table.
 */
export function readmeRows(text) {
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.trimStart().startsWith('|') && Object.values(COLUMNS).every((c) => cells(l).some((h) => h.toLowerCase() === c)));
    if (header < 0)
        return [];
    const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, c]) => [k, cells(lines[header]).findIndex((h) => h.toLowerCase() === c)]));
    const rows = [];
    // The row after the header is the |---| delimiter; the table ends at the first line that is not a row.
    for (let n = header + 2; n < lines.length && lines[n].trimStart().startsWith('|'); n++) {
        const c = cells(lines[n]);
        rows.push({
            file: `${CRDS_DIR}/${unquoted(c[at.file])}`,
            line: n + 1,
            repository: unquoted(c[at.repository]),
            tag: unquoted(c[at.tag]),
            licence: unquoted(c[at.licence]).split(/\s/)[0] ?? '',
            sha256: unquoted(c[at.sha256]).toLowerCase(),
        });
    }
    return rows;
}
