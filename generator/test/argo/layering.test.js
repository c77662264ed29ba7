/**
 * Issue 10: validate ↔ simulate was a cycle through the Argo CD semantics both need. They live in
 * argo/, below both; simulate/ imports nothing of validate/, argo/ nothing of either (nor of cli/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, it } from 'vitest';
const SRC = path.resolve(import.meta.dirname, '../../src');
/** The folders of `src` that the modules of `dir` import from. */
function importedFolders(dir) {
    const out = new Map();
    for (const file of fs.readdirSync(path.join(SRC, dir))) {
        if (!file.endsWith('.ts'))
            continue;
        const text = fs.readFileSync(path.join(SRC, dir, file), 'utf8');
        for (const m of text.matchAll(/from '\.\.\/([^/']+)\//g))
            out.set(m[1], [...(out.get(m[1]) ?? []), file]);
    }
    return out;
}
it.each([
    ['simulate', ['validate', 'cli']],
    ['argo', ['validate', 'simulate', 'cli', 'report']],
])('%s/ imports nothing from %j', (dir, forbidden) => {
    const folders = importedFolders(dir);
    expect(Object.fromEntries(forbidden.filter((f) => folders.has(f)).map((f) => [f, folders.get(f)]))).toEqual({});
});
