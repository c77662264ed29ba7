import { UserError } from '../core/errors.js';
import { INDEX_FILE } from '../core/generated-files.js';
import { generatedPathProblem, GENERATED_ROOTS_TEXT, quotePath } from './paths.js';
/**
 * The paths listed in the index of generated files (`.generated-files`), which tells a render what it
 * wrote last time and may remove. The index is input like any other (a pull request can edit it), so
 * every entry must be a canonical path inside the generated folders; a bad entry is a user error
 * naming its line, raised before anything is written or removed. A missing index lists nothing.
 */
export function readIndex(fsys) {
    const text = fsys.readText(INDEX_FILE);
    if (text === undefined)
        return [];
    const entries = [];
    const bad = [];
    text.split('\n').forEach((line, i) => {
        if (line === '' || line.startsWith('#'))
            return;
        const problem = generatedPathProblem(line);
        if (problem === undefined)
            entries.push(line);
        else
            bad.push(badEntry(i + 1, line, problem));
    });
    if (bad.length > 0)
        throw new UserError(bad);
    return entries;
}
function badEntry(line, entry, problem) {
    return {
        check: 'repository/bad-index-entry',
        severity: 'error',
        file: INDEX_FILE,
        line,
        message: `entry ${quotePath(entry)} is not a generated file: ${problem}; every entry must be a relative path inside ${GENERATED_ROOTS_TEXT} such as apps/<service>/base/deployment.yaml`,
        hint: `remove the line (or delete ${INDEX_FILE}: \`npm run render\` writes it again and finds generated files by their header)`,
    };
}
