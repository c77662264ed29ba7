/**
 * `validate PATH` on special files and links: only regular files are read, and never more than the
 * limit; a link the user names on the command line is followed (as other command-line tools do), a
 * link found inside a folder is reported and not followed (it could lead to a secret).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
const SECRET = 'validate-secret-42b1';
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-validate-hostile-'));
    fs.mkdirSync(path.join(dir, 'manifests'));
    fs.mkdirSync(path.join(dir, 'private'));
    fs.writeFileSync(path.join(dir, 'private/secret.yaml'), `${SECRET}: [\n`);
    fs.writeFileSync(path.join(dir, 'manifests/configmap.yaml'), CONFIGMAP);
    fs.symlinkSync('../private/secret.yaml', path.join(dir, 'manifests/secret.yaml'));
    fs.symlinkSync('../private', path.join(dir, 'manifests/more'));
    execFileSync('mkfifo', [path.join(dir, 'manifests/pipe.yaml')]);
    fs.symlinkSync('manifests/configmap.yaml', path.join(dir, 'named-link.yaml'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (...args) => runCli(['validate', ...args], { cwd: dir, timeoutMs: 30_000 });
describe('validate PATH on hostile input', () => {
    it('regression: /dev/zero is refused unread (exit 2), not read until memory runs out', async () => {
        expect(await run('/dev/zero')).toEqual({
            code: 2,
            signal: null,
            stdout: [
                '/dev/zero - failed validation: is a character device, not a regular file; the generator reads only regular files',
                '  hint: replace it with a regular file (or remove it)',
                'Summary: 1 resource found in 1 file - Valid: 0, Invalid: 0, Errors: 1, Skipped: 0',
                '',
            ].join('\n'),
            stderr: '',
        });
    });
    it('a folder with a link to a secret, a link to a folder and a FIFO: each reported, none followed or read, no hang', async () => {
        const r = await run('manifests');
        expect(r.signal).toBeNull();
        expect(r.code).toBe(2);
        expect(r.stdout.split('\n')).toEqual([
            'manifests/more - failed validation: is a symbolic link (to "../private"); links inside a folder are not followed',
            "  hint: name the link's target on the command line to validate it, or replace the link with the file",
            'manifests/pipe.yaml - failed validation: is a FIFO (named pipe), not a regular file; the generator reads only regular files',
            '  hint: replace it with a regular file (or remove it)',
            'manifests/secret.yaml - failed validation: is a symbolic link (to "../private/secret.yaml"); links inside a folder are not followed',
            "  hint: name the link's target on the command line to validate it, or replace the link with the file",
            'Summary: 4 resources found in 2 files - Valid: 1, Invalid: 0, Errors: 3, Skipped: 0',
            '',
        ]);
        expect(r.stdout).not.toContain(SECRET);
    });
    it('a link named on the command line is followed to its regular file, and named as typed', async () => {
        expect(await run('-v', 'named-link.yaml')).toEqual({
            code: 0,
            signal: null,
            stdout: 'named-link.yaml - ConfigMap settings is valid\nSummary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0\n',
            stderr: '',
        });
    });
    it('a FIFO named on the command line is refused without waiting for a writer', async () => {
        const r = await run('manifests/pipe.yaml');
        expect(r.signal).toBeNull();
        expect(r.code).toBe(2);
        expect(r.stdout.split('\n')[0]).toBe('manifests/pipe.yaml - failed validation: is a FIFO (named pipe), not a regular file; the generator reads only regular files');
    });
});
