/**
 * Instants where the user writes them: an override's `expires` and `--at` (regressions: they
 * accepted the offset `+25:00`, and read the year 0027 as 1927). The grammar itself: test/time/dates.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { readOverrides } from '../../src/windows/overrides.js';
import { runCli, tempRepo } from '../helpers/cli.js';
describe('an override record with a bad `expires` is an error at its line', () => {
    const at = new Date('2027-03-01T02:00:00Z');
    const record = (expires) => `environments: [prod]\nreason: "CVE-2027-0001: patched gateway image"\napprover: "王芳 (SRE on duty)"\nexpires: ${expires}\n`;
    const read = (expires) => readOverrides(memoryFs({ 'changes/hotfix.yaml': record(expires) }), ['prod'], at);
    const hint = 'add `expires: 2027-03-01T18:00:00+08:00`: when the override ends (at most 7 days ahead)';
    test.each([
        ['2027-03-01T18:00:00+25:00', 'windows/override-invalid', '`expires` is "2027-03-01T18:00:00+25:00", which has the UTC offset +25:00, but offsets run from -14:00 to +14:00', hint],
        ['2027-02-30T18:00:00+08:00', 'windows/override-invalid', '`expires` is "2027-02-30T18:00:00+08:00", which names the day 2027-02-30, not a day of the calendar (years 0001–9999)', hint],
        // Read as the year 27 (long expired), not 1927 nor 2027.
        ['0027-03-01T18:00:00+08:00', 'windows/override-expired', 'the override expired at 0027-03-01T18:00:00+08:00', 'delete the record: the emergency is over (it stays in Git history)'],
    ])('%s', (expires, check, message, fix) => {
        expect(read(expires)).toEqual({ records: [], findings: [{ check, severity: 'error', file: 'changes/hotfix.yaml', line: 4, path: 'expires', message, hint: fix }] });
    });
});
describe('--at end to end: a bad instant is bad usage, exit 2', () => {
    test.each([
        [['windows'], '2027-03-02T22:30:00+25:00', 'error: --at "2027-03-02T22:30:00+25:00" has the UTC offset +25:00, but offsets run from -14:00 to +14:00\n'],
        [['validate', '--no-kustomize', '--no-cache'], '2027-02-29T22:30:00+08:00', 'error: --at "2027-02-29T22:30:00+08:00" names the day 2027-02-29, not a day of the calendar (years 0001–9999)\n'],
    ])('%j --at %s', async (command, at, stderr) => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        expect(await runCli([...command, '--at', at, '--root', repo.root])).toMatchObject({ code: 2, stdout: '', stderr });
    });
    test('windows --at 0027-…: the year 27, not 1927', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const r = await runCli(['windows', '--env', 'dev', '--at', '0027-03-02T14:30:00Z', '--output', 'json', '--root', repo.root]);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).at).toBe('0027-03-02T14:30:00.000Z');
    });
});
