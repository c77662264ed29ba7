import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeCacheFile, writeFileAtomic } from '../../src/core/atomic-write.js';
const dirs = [];
const tmpDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    dirs.push(d);
    return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
describe('writeFileAtomic', () => {
    test('replaces the file and leaves no temporary file', () => {
        const d = tmpDir();
        const f = path.join(d, 'service.yaml');
        fs.writeFileSync(f, 'old');
        writeFileAtomic(f, 'new');
        expect(fs.readFileSync(f, 'utf8')).toBe('new');
        expect(fs.readdirSync(d)).toEqual(['service.yaml']);
    });
    test('a failed write throws and leaves the old file and no temporary file', () => {
        const d = tmpDir();
        const f = path.join(d, 'target');
        fs.mkdirSync(f); // a folder: the rename over it fails
        expect(() => writeFileAtomic(f, 'new')).toThrow();
        expect(fs.readdirSync(d)).toEqual(['target']);
        expect(fs.statSync(f).isDirectory()).toBe(true);
    });
});
describe('writeCacheFile', () => {
    test('makes the folder and writes', () => {
        const d = tmpDir();
        const f = path.join(d, 'a', 'b', 'entry.json');
        writeCacheFile(f, '{}');
        expect(fs.readFileSync(f, 'utf8')).toBe('{}');
    });
    test('ignores a failure', () => {
        const d = tmpDir();
        fs.writeFileSync(path.join(d, 'file'), '');
        expect(() => writeCacheFile(path.join(d, 'file', 'entry.json'), '{}')).not.toThrow();
    });
});
