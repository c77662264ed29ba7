import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
/** Golden files live here; `UPDATE_GOLDEN=1 npm test` rewrites them (review the diff like code). */
export const GOLDEN_ROOT = path.resolve(import.meta.dirname, '../golden');
/**
 * Compares rendered files with the golden tree `name` as strings (key order counts), including the
 * set of paths, so a file appearing or disappearing also fails.
 */
export function expectGolden(name, files) {
    const dir = path.join(GOLDEN_ROOT, name);
    if (process.env['UPDATE_GOLDEN'] === '1') {
        fs.rmSync(dir, { recursive: true, force: true });
        for (const f of files) {
            const p = path.join(dir, f.path);
            fs.mkdirSync(path.dirname(p), { recursive: true });
            fs.writeFileSync(p, f.content);
        }
        return;
    }
    const onDisk = listFiles(dir);
    expect(files.map((f) => f.path).sort(), `golden tree ${name}: the set of files (UPDATE_GOLDEN=1 to refresh)`).toEqual(onDisk);
    for (const f of files) {
        expect(f.content, `golden file ${name}/${f.path} (UPDATE_GOLDEN=1 to refresh)`).toBe(fs.readFileSync(path.join(dir, f.path), 'utf8'));
    }
}
function listFiles(dir, prefix = '') {
    if (!fs.existsSync(dir))
        return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
        .sort();
}
