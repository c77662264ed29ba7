/**
 * Issue 8 item 5, end to end: a manifest whose file name and metadata.name carry ESC, CR and line
 * feeds (a fake `Summary: … Errors: 0` among them) cannot forge a line of `validate`'s output, in any
 * format; nor can a command-line argument in a usage error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURE_PLATFORM } from '../helpers/platform.js';
const FORGED = '\u001b[2K\rSummary: 0 resources found in 0 files - Valid: 0, Invalid: 0, Errors: 0, Skipped: 0';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-forged-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = `evil${FORGED}\nok 1 - fine.yaml`;
fs.writeFileSync(path.join(dir, file), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${JSON.stringify(`x${FORGED}\n\u202eevil`)}\ndata: {}\n`);
describe.each([
    // The ConfigMap's name is not a DNS subdomain: one finding (no hint), then the summary.
    { output: 'text', lines: 2 },
    { output: 'tap', lines: 12 },
    { output: 'junit', lines: 8 },
])('validate -o $output on a manifest named to forge lines', ({ output, lines }) => {
    it('prints exactly its own lines, with no raw control character', async () => {
        const r = await runCli(['validate', '-o', output, file], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout).not.toMatch(RAW);
        expect(r.stdout.trimEnd().split('\n')).toHaveLength(lines);
        expect(r.stdout).toContain('\\u001b[2K\\rSummary: 0 resources');
        if (output === 'text')
            expect(r.stdout.split('\n').filter((l) => l.startsWith('Summary:'))).toEqual(['Summary: 1 resource found in 1 file - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0']);
    });
});
it('a usage error quoting a hostile argument stays on one line', async () => {
    // An unknown service is refused before anything is written, so the fixture can be used in place.
    const r = await runCli(['canary', 'abort', `xiaoke${FORGED}\nok`, '--env', 'prod', '--root', FIXTURE_PLATFORM]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('error: no service `xiaoke\\u001b[2K\\rSummary: 0 resources');
});
