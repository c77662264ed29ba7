/**
 * A full disk, for real: the repository sits on a small tmpfs, filled up before the render. The
 * render must fail with a true message (nothing was changed) and leave the tree byte for byte as it
 * was (no truncated file, no staging folder, no new folder, no lock); once space is freed it succeeds.
 *
 * Mounting needs root (or CAP_SYS_ADMIN); where that is refused the tests are skipped and say why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { FIXTURE_PLATFORM } from '../helpers/platform.js';
import { runCli, snapshotTree } from '../helpers/cli.js';
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-enospc-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { encoding: 'utf8' });
const canMount = mounted.status === 0;
const why = canMount ? '' : ` (skipped: cannot mount a tmpfs here: ${(mounted.stderr || mounted.error?.message || 'not permitted').trim()})`;
afterAll(() => {
    if (canMount)
        spawnSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
});
/** The fixture's configuration (and rendered tree, with `rendered`) in a fresh folder of the tmpfs. */
async function repoOnTmpfs(name, rendered) {
    const root = path.join(mountPoint, name);
    for (const entry of ['apps', 'clusters', 'argocd'])
        fs.cpSync(path.join(FIXTURE_PLATFORM, entry), path.join(root, entry), { recursive: true });
    if (rendered)
        expect((await runCli(['render', '--root', root])).code).toBe(0);
    return root;
}
/** Fills the file system until `leave` bytes are free; returns the filler file (delete it to free the space; it goes after the test anyway). */
function fill(leave) {
    const filler = path.join(mountPoint, `filler-${Math.random().toString(36).slice(2)}`);
    const st = fs.statfsSync(mountPoint);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, st.bavail * st.bsize - leave)));
    onTestFinished(() => fs.rmSync(filler, { force: true }));
    return filler;
}
const NEEDS = /^error: (\S+): cannot write the generated files: ENOSPC: no space left on device; the render needs about \d+ KiB free for the (\d+) files it writes\n {2}fix: free space on the disk, then render again; nothing was changed\n1 problem in writing the generated files; nothing was written\.\n$/;
describe(`render on a full disk${why}`, () => {
    it.skipIf(!canMount)('changing a rendered tree: exit 2, a true message, the tree exactly as it was; then it succeeds', async () => {
        const root = await repoOnTmpfs('changed', true);
        const service = path.join(root, 'apps/gateway/service.yaml');
        fs.writeFileSync(service, fs.readFileSync(service, 'utf8').replace('version: "1.0.0"', 'version: "1.0.1"'));
        const before = snapshotTree(root);
        // One page for the lock file, not enough for the staged files.
        const filler = fill(4096);
        const r = await runCli(['render', '--root', root]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(NEEDS);
        expect(snapshotTree(root)).toEqual(before);
        fs.rmSync(filler);
        const again = await runCli(['render', '--root', root]);
        expect(again.code).toBe(0);
        expect(again.stdout).toMatch(/: [1-9]\d* written, 0 removed, \d+ unchanged\.\n$/);
    });
    it.skipIf(!canMount)('a first render into an empty tree: no truncated file and no new folder left behind', async () => {
        const root = await repoOnTmpfs('fresh', false);
        const before = snapshotTree(root);
        fill(64 * 1024);
        const r = await runCli(['render', '--root', root]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(NEEDS);
        expect(snapshotTree(root)).toEqual(before);
    });
    it.skipIf(!canMount)('no room even for the lock file: exit 2, said so, nothing changed', async () => {
        const root = await repoOnTmpfs('locked-out', true);
        const before = snapshotTree(root);
        fill(0);
        const r = await runCli(['render', '--root', root]);
        expect({ code: r.code, stderr: r.stderr }).toEqual({
            code: 2,
            stderr: 'error: .render.lock: cannot create the lock file: ENOSPC: no space left on device\n' +
                '  fix: free space on the disk, then render again; nothing was changed\n' +
                '1 problem in writing the generated files; nothing was written.\n',
        });
        expect(snapshotTree(root)).toEqual(before);
    });
});
