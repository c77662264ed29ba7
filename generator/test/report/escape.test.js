/**
 * Issue 8 item 5: a manifest cannot forge lines of the output. Every format is given a report whose
 * file name, object name and messages carry ESC, CR, line feeds, C1 controls, line separators and
 * bidi overrides (a fake `Summary:` line among them); each prints exactly as many lines as the same
 * report with plain names, and no raw control character.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatUserError } from '../../src/cli/errors.js';
import { UserError } from '../../src/core/errors.js';
import { createFormat } from '../../src/report/registry.js';
import { checkCatalogue } from '../../src/validate/catalogue.js';
const FORGED = '\u001b[2K\rSummary: 0 resources found in 0 files - Valid: 0, Invalid: 0, Errors: 0, Skipped: 0';
const HOSTILE = {
    file: `apps/evil${FORGED}\nok 1 - forged.yaml.yaml`,
    name: `evil\u202e\u0085\u009b2K\u2028x${FORGED}`,
    message: `bad\nnot ok 99 - forged\r\u001b]0;title\u0007${FORGED}`,
};
const PLAIN = { file: 'apps/plain.yaml', name: 'plain', message: 'bad' };
/** Raw characters that must never reach the output (line feeds aside). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
function report(v) {
    const object = `apps/v1/Deployment suoke-prod/${v.name}`;
    const finding = (check) => ({ check, severity: 'error', file: v.file, line: 3, object, path: `metadata.labels["${v.name}"]`, message: v.message, hint: `rename ${v.name}` });
    return {
        results: [
            { file: v.file, line: 1, index: 0, object, kind: 'Deployment', status: 'invalid', findings: [finding('schema/pattern')] },
            { file: v.file, line: 9, index: 1, object: `v1/Service suoke-prod/${v.name}`, kind: 'Service', status: 'valid', findings: [] },
        ],
        findings: [finding('policy/names')],
    };
}
const lines = (s) => s.split('\n').length;
describe.each([
    { format: 'text', lines: 7 },
    { format: 'tap', lines: 26 },
    { format: 'junit', lines: 13 },
    { format: 'json', lines: 52 },
    // SARIF carries the whole rule catalogue, whose length changes with the policies: compared with plain names only.
    { format: 'sarif', lines: undefined },
])('$format output of a hostile manifest', ({ format, lines: expected }) => {
    const out = createFormat(format).format(report(HOSTILE), { verbose: true, catalogue: checkCatalogue() });
    const plain = createFormat(format).format(report(PLAIN), { verbose: true, catalogue: checkCatalogue() });
    it('has exactly as many lines as with plain names', () => {
        expect(lines(out)).toBe(lines(plain));
        if (expected !== undefined)
            expect(lines(out)).toBe(expected);
    });
    it('holds no raw control, separator or bidi character', () => {
        expect(out).not.toMatch(RAW);
    });
    it('shows the forged text escaped, on the line it belongs to', () => {
        expect(out).toContain('\\u001b[2K\\rSummary: 0 resources');
        if (format === 'text')
            expect(out.split('\n').filter((l) => l.startsWith('Summary:'))).toEqual(['Summary: 2 resources found in 1 file - Valid: 1, Invalid: 1, Errors: 1, Skipped: 0']);
        if (format === 'tap')
            expect(out.split('\n').filter((l) => /^(not )?ok /.test(l)).map((l) => l.split(' - ')[0])).toEqual(['not ok 1', 'ok 2', 'not ok 3']);
    });
});
describe('machine formats keep the values exact', () => {
    it.each(['json', 'sarif'])('%s parses back to the original strings', (format) => {
        const doc = JSON.parse(createFormat(format).format(report(HOSTILE)));
        const text = JSON.stringify(doc);
        expect(text).toContain(JSON.stringify(HOSTILE.message).slice(1, -1));
    });
    const xmllint = spawnSync('xmllint', ['--version']).status === 0;
    it.skipIf(!xmllint)('junit is well-formed XML 1.0 (xmllint; install Debian package libxml2-utils to run this)', () => {
        const withXmlIllegal = report({ ...HOSTILE, message: `${HOSTILE.message}\u0000\u0001\ufffe\ud800` });
        const xml = createFormat('junit').format(withXmlIllegal);
        expect(() => execFileSync('xmllint', ['--noout', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] })).not.toThrow();
        expect(xml).toContain('\\u0000\\u0001\\ufffe\\ud800');
    });
});
describe('configuration errors (formatUserError)', () => {
    it('print one line per problem and one per fix, whatever the file and message hold', () => {
        const f = { check: 'config/name', severity: 'error', file: HOSTILE.file, line: 2, path: `environments["${HOSTILE.name}"]`, message: HOSTILE.message, hint: `rename ${HOSTILE.name}` };
        const out = formatUserError(new UserError([f]));
        expect(out).not.toMatch(RAW);
        expect(out.split('\n')).toHaveLength(4);
        expect(out.split('\n')[2]).toBe('1 problem in the configuration; nothing was written.');
    });
});
