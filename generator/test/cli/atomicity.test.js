/**
 * End-to-end: a render that fails while writing leaves the tree exactly as it was.
 *
 * The guarantee (write/apply.ts `applyWrite`): everything that can fail for a configuration reason
 * happens before anything is written; every folder on the way to every target is checked first;
 * then every new content is staged in `.render-staging/` and a journal is flushed, and only then are
 * the files renamed into place (each rename atomic, so no reader sees half a file) with backups of
 * the replaced ones, undone from those backups if a step fails. Killed runs and full disks:
 * generator/test/write/kill.test.ts and enospc.test.ts.
 *
 * Tests run as root, where permission bits do not stop a write; a plain file standing where the
 * render needs a folder does, for root too, so that is how these tests make a write fail.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
import { renderOf } from '../helpers/platform.js';
/** The fixture, rendered, then reconfigured so that a render has several existing files to replace. */
async function renderedThenChanged() {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    // A new gateway version: its base Deployment and its overlay in every environment change.
    repo.write('apps/gateway/service.yaml', repo.read('apps/gateway/service.yaml').replace('version: "1.0.0"', 'version: "1.0.1"'));
    return repo;
}
function pending(repo) {
    const before = repo.snapshot();
    return renderOf(repo.root).files.filter((f) => before[f.path] !== f.content).map((f) => f.path);
}
describe('a render that fails while writing', () => {
    it('replaces no file when a folder it needs is a file (existing tree)', async () => {
        const repo = await renderedThenChanged();
        // The prod overlay of the gateway is the last of its files to be written: all the others (the
        // base, the dev and test overlays) are staged before the failure.
        repo.remove('clusters/prod/prod/gateway');
        repo.write('clusters/prod/prod/gateway', 'a file where the overlay folder belongs\n');
        const writes = pending(repo);
        expect(writes).toEqual(expect.arrayContaining(['apps/gateway/base/deployment.yaml', 'clusters/prod/prod/gateway/kustomization.yaml']));
        expect(writes.indexOf('apps/gateway/base/deployment.yaml')).toBeLessThan(writes.indexOf('clusters/prod/prod/gateway/kustomization.yaml'));
        const before = repo.snapshot();
        const r = await runCli(['render', '--root', repo.root]);
        // The file system's refusal is the user's to fix: a clear message and exit 2, no stack trace.
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('error: clusters/prod/prod/gateway: cannot write the generated files: ENOTDIR: a file stands where the folder clusters/prod/prod/gateway must be\n' +
            '  fix: make the path writable (move away what stands there), then render again; nothing was changed\n' +
            '1 problem in writing the generated files; nothing was written.\n');
        // Byte for byte the tree it was: no file replaced, no temporary file or new folder left behind.
        expect(repo.snapshot()).toEqual(before);
    });
    it('leaves no new file or folder behind when it fails on an empty tree', async () => {
        const repo = tempRepo('fixture');
        repo.write('clusters/prod/prod', 'a file where the environment folder belongs\n');
        const before = repo.snapshot();
        const r = await runCli(['render', '--root', repo.root]);
        expect(r.code).toBe(2);
        expect(r.stderr.split('\n')[0]).toMatch(/^error: clusters\/prod\/prod(\/[a-z-]+)?: cannot write the generated files: ENOTDIR/);
        expect(repo.snapshot()).toEqual(before);
    });
    it('succeeds once the obstacle is gone', async () => {
        const repo = await renderedThenChanged();
        repo.remove('clusters/prod/prod/gateway');
        repo.write('clusters/prod/prod/gateway', 'obstacle\n');
        expect((await runCli(['render', '--root', repo.root])).code).toBe(2);
        repo.remove('clusters/prod/prod/gateway');
        const r = await runCli(['render', '--root', repo.root]);
        expect(r.code).toBe(0);
        const after = repo.snapshot();
        for (const f of renderOf(repo.root).files)
            expect(after[f.path], f.path).toBe(f.content);
        expect(Object.keys(after).filter((p) => p.includes('.tmp-'))).toEqual([]);
    });
    // Regression (write/tree.ts `applyWrite`, fixed): a dangling symbolic link where a generated file
    // goes reads as "missing", so the file is created with the exclusive flag, which fails (EEXIST) on
    // the link; the clean-up then deletes the path it meant to create, i.e. the user's link, and the
    // error says "nothing was changed". Reproduce: render the fixture, `ln -sf nowhere
    // apps/gateway/base/service.yaml`, `npm run render` → the link was gone. Now the link is only recorded as
    // created once the exclusive write succeeded, so the clean-up never touches it.
    // Either outcome would be sound: replace the link (as a plain write would), or fail and keep it.
    it('regression: a dangling symlink where a generated file goes survives a failed render', async () => {
        const repo = tempRepo('fixture');
        expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
        repo.remove('apps/gateway/base/service.yaml');
        fs.symlinkSync('nowhere', repo.abs('apps/gateway/base/service.yaml'));
        const before = repo.snapshot();
        const r = await runCli(['render', '--root', repo.root]);
        if (r.code === 0)
            expect(repo.read('apps/gateway/base/service.yaml')).toBe(renderOf(repo.root).files.find((f) => f.path === 'apps/gateway/base/service.yaml')?.content);
        else
            expect(repo.snapshot()).toEqual(before);
    });
    it('a configuration error stops the run before any write, even with an obstacle in place', async () => {
        const repo = await renderedThenChanged();
        repo.write('apps/records/service.yaml', repo.read('apps/records/service.yaml').replace('replicas: 3', 'replica: 3'));
        repo.remove('clusters/prod/prod/gateway');
        repo.write('clusters/prod/prod/gateway', 'obstacle\n');
        const before = repo.snapshot();
        const r = await runCli(['render', '--root', repo.root]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^error: apps\/records\/service\.yaml:\d+: replica: unknown key `replica`\n/);
        expect(repo.snapshot()).toEqual(before);
    });
});
