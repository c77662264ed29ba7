/**
 * diskFs reads the repository without being led out of it: no symbolic link below the root is
 * followed (at the file or at any folder on the way), only regular files are read, and never more
 * bytes than the limit, whatever size the file claims.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFs, filesBelow, FileRefused, FileTooLarge } from '../../src/core/fs.js';
let parent;
let root;
let repo;
const SECRET = 'outside-secret-d41d8cd9';
beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-diskfs-'));
    root = path.join(parent, 'repo');
    fs.mkdirSync(path.join(parent, 'outside'));
    fs.writeFileSync(path.join(parent, 'outside/secret.yaml'), `${SECRET}\n`);
    fs.mkdirSync(path.join(root, 'apps/a/base'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/a/service.yaml'), 'name: a\n');
    fs.writeFileSync(path.join(root, 'apps/a/base/ten.yaml'), '0123456789');
    fs.symlinkSync('../../../outside/secret.yaml', path.join(root, 'apps/a/link.yaml'));
    fs.symlinkSync('../../outside', path.join(root, 'apps/linked'));
    fs.symlinkSync('/dev/zero', path.join(root, 'apps/a/zero.yaml'));
    execFileSync('mkfifo', [path.join(root, 'apps/a/fifo.yaml')]);
    repo = diskFs(root);
});
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));
/** What reading `p` does: the text, `missing`, or the refusal's check and message. */
function read(p, maxBytes, fsys = repo) {
    try {
        return fsys.readText(p, maxBytes === undefined ? undefined : { maxBytes }) ?? 'missing';
    }
    catch (e) {
        if (e instanceof FileTooLarge)
            return `too large: limit ${e.limit}, size ${e.size ?? 'unknown'}`;
        if (e instanceof FileRefused)
            return `${e.finding.check} ${e.finding.file}: ${e.finding.message}`;
        throw e;
    }
}
const LINK = '; the generator never follows links, so that nothing it reads or writes lies outside the repository';
describe('diskFs reads', () => {
    it.each([
        ['a regular file', 'apps/a/service.yaml', undefined, 'name: a\n'],
        ['a missing file', 'apps/a/nothing.yaml', undefined, 'missing'],
        ['a file below a missing folder', 'apps/zz/service.yaml', undefined, 'missing'],
        ['a file of exactly the limit', 'apps/a/base/ten.yaml', 10, '0123456789'],
        ['a file one byte over the limit', 'apps/a/base/ten.yaml', 9, 'too large: limit 9, size 10'],
        ['a link to a file outside', 'apps/a/link.yaml', undefined, `repository/symlink apps/a/link.yaml: is a symbolic link (to "../../../outside/secret.yaml")${LINK}`],
        ['a file below a linked folder', 'apps/linked/secret.yaml', undefined, `repository/symlink apps/linked: is a symbolic link (to "../../outside")${LINK}`],
        ['a link to /dev/zero', 'apps/a/zero.yaml', undefined, `repository/symlink apps/a/zero.yaml: is a symbolic link (to "/dev/zero")${LINK}`],
        ['a FIFO (would hang a plain read)', 'apps/a/fifo.yaml', undefined, 'repository/not-a-file apps/a/fifo.yaml: is a FIFO (named pipe), not a regular file; the generator reads only regular files'],
        ['a folder', 'apps/a', undefined, 'repository/not-a-file apps/a: is a folder, not a regular file; the generator reads only regular files'],
    ])('%s', (_name, p, max, expected) => {
        expect(read(p, max)).toBe(expected);
    });
    it('an absolute path (named on the command line) that is a device is refused unopened', () => {
        expect(read('/dev/zero')).toBe('repository/not-a-file /dev/zero: is a character device, not a regular file; the generator reads only regular files');
    });
    it('bounds the bytes really read, not the size claimed: /proc/self/status claims 0 bytes', () => {
        expect(fs.statSync('/proc/self/status').size).toBe(0);
        expect(read('/proc/self/status', 100)).toBe('too large: limit 100, size unknown');
        expect(read('/proc/self/status', 1_000_000)).toMatch(/^Name:/);
    });
    it('never shows what a link points to', () => {
        for (const p of ['apps/a/link.yaml', 'apps/linked/secret.yaml'])
            expect(read(p)).not.toContain(SECRET);
    });
});
describe('diskFs listings and walks', () => {
    it('marks links (with their text) and never takes a link to a folder for a folder', () => {
        expect(repo.list('apps')).toEqual([
            { name: 'a', dir: true },
            { name: 'linked', dir: false, link: '../../outside' },
        ]);
        expect(repo.isDir('apps/linked')).toBe(false);
        expect(repo.isDir('apps/a')).toBe(true);
    });
    it('refuses to list through a linked folder', () => {
        expect(() => repo.list('apps/linked')).toThrow(FileRefused);
    });
    it('filesBelow refuses the first link it meets', () => {
        expect(() => filesBelow(repo, 'apps')).toThrow(/^apps\/a\/link\.yaml: is a symbolic link/);
    });
    it('realPath follows the links of a path the user named', () => {
        expect(repo.realPath('apps/a/link.yaml')).toBe(fs.realpathSync(path.join(parent, 'outside/secret.yaml')));
        expect(repo.realPath('apps/a/none.yaml')).toBeUndefined();
    });
});
