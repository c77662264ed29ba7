import { describe, expect, it } from 'vitest';
import { memoryFs, snapshotFs } from '../../src/core/fs.js';
describe('snapshotFs', () => {
    const disk = memoryFs({
        'apps/a/service.yaml': 'on disk',
        'apps/a/base/deployment.yaml': 'old',
        'changes/x.yaml': 'override',
        '.generated-files': 'disk index',
    });
    const snapshot = new Map([
        ['apps/a/service.yaml', 'snap'],
        ['apps/b/base/service.yaml', 'new'],
        ['.generated-files', 'snap index'],
    ]);
    const fs = snapshotFs(disk, snapshot, ['apps'], ['.generated-files']);
    it('serves files under its roots from the snapshot, absent ones as missing', () => {
        expect(fs.readText('apps/a/service.yaml')).toBe('snap');
        expect(fs.readText('apps/a/base/deployment.yaml')).toBeUndefined();
        expect(fs.readText('.generated-files')).toBe('snap index');
        expect(fs.size('apps/b/base/service.yaml')).toBe(3);
    });
    it('lists folders of the snapshot, sorted, with sub-folders marked', () => {
        expect(fs.list('apps')).toEqual([
            { name: 'a', dir: true },
            { name: 'b', dir: true },
        ]);
        expect(fs.list('apps/a')).toEqual([{ name: 'service.yaml', dir: false }]);
        expect(fs.list('apps/zzz')).toEqual([]);
    });
    it('reads everything else from the file system below', () => {
        expect(fs.readText('changes/x.yaml')).toBe('override');
        expect(fs.list('changes')).toEqual([{ name: 'x.yaml', dir: false }]);
    });
    it('asks the file system below whether a path is a folder, unless given the folders the walk met', () => {
        expect(fs.isDir('apps/a/base')).toBe(true);
        const walked = snapshotFs(disk, snapshot, ['apps'], ['.generated-files'], new Set(['apps/a', 'apps/b', 'apps/b/base', 'apps/empty']));
        expect(['apps/a', 'apps/a/base', 'apps/b/base', 'apps/empty', 'apps/a/service.yaml'].map((p) => walked.isDir(p))).toEqual([true, false, true, true, false]);
        // The roots themselves, paths outside them, and paths not written as the walk writes them: below.
        const below = ['apps', 'changes', 'apps/a/base/', 'apps/./a/base', 'apps//a/base'];
        expect(below.map((p) => walked.isDir(p))).toEqual(below.map((p) => disk.isDir(p)));
        expect(walked.isDir('apps/a/base/')).toBe(true);
    });
});
