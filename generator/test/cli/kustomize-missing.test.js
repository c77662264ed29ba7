/**
 * End to end: `validate` without kustomize on PATH is one error saying how to install it, exit 2
 * (regression: one failed build per Argo CD path, 81 identical errors, exit 1).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
/** A PATH holding only node and git, as symbolic links. */
function pathWithoutKustomize() {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-bin-'));
    afterAll(() => fs.rmSync(bin, { recursive: true, force: true }));
    const git = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    fs.symlinkSync(git, path.join(bin, 'git'));
    return bin;
}
const MESSAGE = 'kustomize not found: no `kustomize` or `kubectl` on PATH could be run, and validate builds every path Argo CD builds with it';
const HINT = 'install kubectl 1.14 or newer (it bundles kustomize: `kubectl kustomize`) or the standalone kustomize v5 binary ' +
    '(https://kubectl.docs.kubernetes.io/installation/kustomize/) and put it on PATH; or skip the builds with `--no-kustomize`';
describe('validate with no kustomize on PATH', () => {
    const PATH = pathWithoutKustomize();
    it('text: one error with how to install it, exit 2', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = await runCli(['validate', '--no-cache', '--root', repo.root], { env: { PATH } });
        expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: `error: .: ${MESSAGE}\n  fix: ${HINT}\n1 problem with the installed tools; nothing was written.\n` });
    });
    it('json: the same one finding as a report', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = await runCli(['validate', '-o', 'json', '--root', repo.root], { env: { PATH } });
        expect(r.code).toBe(2);
        expect(JSON.parse(r.stdout).findings).toEqual([{ check: 'kustomize/not-found', severity: 'error', file: '.', message: MESSAGE, hint: HINT }]);
    });
    it('--no-kustomize still validates everything else', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = await runCli(['validate', '--no-kustomize', '--no-cache', '--root', repo.root], { env: { PATH } });
        expect([r.code, r.stderr]).toEqual([0, '']);
    });
});
