/**
 * The configuration layer and the time grammars sit low in the one-way graph of folders: config
 * imports only core/ and time/ (never what renders or checks it: policy/, windows/, render/,
 * model/), and time/ imports nothing of ours but core/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
const src = fileURLToPath(new URL('../../src', import.meta.url));
function files(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
/** The top folders under src/ that a folder's files import from (relative imports only). */
function importedFolders(folder) {
    const out = new Map();
    for (const file of files(path.join(src, folder))) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)) {
            const target = path.relative(src, path.resolve(path.dirname(file), m[1])).split(path.sep)[0];
            out.set(target, [...(out.get(target) ?? []), path.relative(src, file)]);
        }
    }
    return out;
}
describe.each([
    ['config', ['config', 'core', 'time']],
    ['time', ['time', 'core']],
])('%s/ imports only from %j', (folder, allowed) => {
    test('no upward import', () => {
        const upward = [...importedFolders(folder)].filter(([target]) => !allowed.includes(target));
        expect(upward).toEqual([]);
    });
});
