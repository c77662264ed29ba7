/**
 * Issue 8 item 7, end to end with the built CLI: the validate result cache is authenticated. A report
 * swapped in from a clean tree does not hide the drift of this one; an entry with a wrong MAC is a
 * miss; with `CI` set even a valid entry is not used; a secret inside the repository seals nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealWith } from '../../src/core/seal.js';
import { runCli, secretHome, tempRepo } from '../helpers/cli.js';
const REPORT = 'node_modules/.cache/suoke-gitops/validate/last-report.json';
const DRIFTED = 'apps/xiaoai/base/service.yaml';
const DRIFT = `${DRIFTED}:`;
/** A copy of the repository validated clean once (its report cached), then drifted by a hand edit. */
async function cleanThenDrifted() {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const first = await runCli(['validate', '--no-kustomize', '--root', repo.root]);
    expect(first.code).toBe(0);
    const clean = repo.read(REPORT);
    repo.write(DRIFTED, `${repo.read(DRIFTED)}# tuned by hand\n`);
    const second = await runCli(['validate', '--no-kustomize', '--root', repo.root]);
    expect(second.code).toBe(1);
    return { repo, clean, drifted: repo.read(REPORT) };
}
/**
 * What someone who can write the cache folder but not read the secret does: keep the drifted tree's
 * entry (its key and MAC) and put the clean tree's report in it. (Before issue 8 an entry was JSON
 * `{key, value}` and this made validate print Errors: 0.)
 */
function splice(drifted, clean) {
    if (drifted.startsWith('{'))
        return JSON.stringify({ ...JSON.parse(drifted), value: JSON.parse(clean).value });
    const body = (s) => JSON.parse(s.slice(s.indexOf('\n') + 1));
    return `${drifted.slice(0, drifted.indexOf('\n'))}\n${JSON.stringify({ key: body(drifted).key, value: body(clean).value })}`;
}
/** The seal of the CLI runs of this file: the tests know the secret, an attacker does not. */
function userSeal() {
    return sealWith(Buffer.from(fs.readFileSync(path.join(secretHome(), 'suoke-gitops', 'secret'), 'utf8').trim(), 'hex'));
}
const validate = (repo, env = {}) => runCli(['validate', '--no-kustomize', '--root', repo.root], { env });
describe('the validate result cache', () => {
    it('a clean report swapped into the cache of a drifted tree gives the real findings (exit 1)', async () => {
        const { repo, clean, drifted } = await cleanThenDrifted();
        for (const swapped of [clean, splice(drifted, clean)]) {
            repo.write(REPORT, swapped);
            const r = await validate(repo);
            expect(r.code).toBe(1);
            expect(r.stdout).toContain(`${DRIFT}`);
            expect(r.stdout).toMatch(/Errors: 1, Skipped: 0\n$/);
        }
    });
    it('an entry with a wrong MAC is a miss, and is replaced by the real report', async () => {
        const { repo, drifted } = await cleanThenDrifted();
        const [head, ...rest] = drifted.split('\n');
        repo.write(REPORT, [head.replace(/[0-9a-f]{8}$/, '00000000'), ...rest].join('\n'));
        const r = await validate(repo);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(DRIFT);
        expect(repo.read(REPORT)).toBe(drifted);
    });
    it('with CI set, a valid entry is not used (nor written)', async () => {
        const { repo, clean, drifted } = await cleanThenDrifted();
        // An entry for this tree's key holding the clean report, sealed with the real secret (as if the
        // secret had been restored with the cache): believed on a laptop, never in CI.
        // The entry keeps what the validation read (its inputs): this tree's, so that the entry is one for this tree.
        const { key, value: mine } = JSON.parse(drifted.slice(drifted.indexOf('\n') + 1));
        const { value: theirs } = JSON.parse(clean.slice(clean.indexOf('\n') + 1));
        const forged = userSeal().seal('validate/last-report', key, JSON.stringify({ key, value: { ...theirs, inputs: mine.inputs } }));
        repo.write(REPORT, forged);
        const laptop = await validate(repo);
        expect(laptop.code).toBe(0);
        const ci = await validate(repo, { CI: 'true' });
        expect(ci.code).toBe(1);
        expect(ci.stdout).toContain(DRIFT);
        expect(repo.read(REPORT)).toBe(forged);
    });
    it('a secret inside the repository seals nothing: no cache is written', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const env = { XDG_CACHE_HOME: repo.abs('.cache') };
        expect((await validate(repo, env)).code).toBe(0);
        expect(fs.existsSync(repo.abs(REPORT))).toBe(false);
    });
});
