/**
 * End to end: a configuration error under `validate -o json|junit|tap|sarif` is a report in that
 * format on stdout (regression: stdout was empty), still exit 2, with the usual text on stderr;
 * `-o text` keeps stdout empty.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
import { xmlProblem } from '../helpers/xml.js';
const STDERR = 'error: apps/gateway/service.yaml:14: replica: unknown key `replica`\n' +
    '  fix: did you mean `replicas`?\n' +
    '1 problem in the configuration; nothing was written.\n';
const FINDING = {
    check: 'config/unknown-key',
    severity: 'error',
    file: 'apps/gateway/service.yaml',
    line: 14,
    path: 'replica',
    message: 'unknown key `replica`',
    hint: 'did you mean `replicas`?',
};
/** What each format's stdout must be: parsed and checked for the one finding. */
const formats = [
    ['text', (out) => expect(out).toBe('')],
    [
        'json',
        (out) => {
            const r = JSON.parse(out);
            expect(r.resources).toEqual([]);
            expect(r.findings).toEqual([FINDING]);
            expect(r.summary.errors).toBe(1);
        },
    ],
    [
        'junit',
        (out) => {
            expect(xmlProblem(out)).toBeUndefined();
            expect(out).toContain('<testsuites name="validate" tests="1" failures="0" errors="1" disabled="0">');
            expect(out).toContain('<error message="unknown key `replica`" type="config/unknown-key">');
        },
    ],
    [
        'tap',
        (out) => {
            const lines = out.split('\n');
            expect(lines[0]).toBe('TAP version 13');
            expect(lines).toContain('1..1');
            expect(lines.filter((l) => /^(not )?ok \d+/.test(l))).toEqual(['not ok 1 - apps/gateway/service.yaml:14 config/unknown-key']);
        },
    ],
    [
        'sarif',
        (out) => {
            const s = JSON.parse(out);
            expect(s.version).toBe('2.1.0');
            expect(s.runs).toHaveLength(1);
            const run = s.runs[0];
            expect(run.tool.driver.name).toBe('suoke-gitops');
            expect(run.results).toHaveLength(1);
            const r = run.results[0];
            expect([r.ruleId, r.level, run.tool.driver.rules[r.ruleIndex]?.id]).toEqual(['config/unknown-key', 'error', 'config/unknown-key']);
            expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'apps/gateway/service.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 14 } });
        },
    ],
];
describe('validate -o <format> on a bad configuration', () => {
    it.each(formats)('-o %s: exit 2, the text on stderr, stdout a report in that format (empty for text)', async (format, check) => {
        const repo = tempRepo('fixture', { shareKustomizeCache: false });
        repo.write('apps/gateway/service.yaml', repo.read('apps/gateway/service.yaml').replace('\nreplicas: 2\n', '\nreplica: 2\n'));
        const r = await runCli(['validate', '-o', format, '--root', repo.root]);
        expect([r.code, r.stderr]).toEqual([2, STDERR]);
        check(r.stdout);
    });
});
describe('xmlProblem finds what is not well-formed', () => {
    it.each([
        ['<a><b></a></b>', '</a> closes <b>'],
        ['<a>', '<a> is never closed'],
        ['<a/><b/>', 'second root element <b>'],
        ['<a x=1/>', 'stray "<" at 0'],
        ['<a>x & y</a>', 'unescaped "&" in text: "x & y"'],
        ['<a x="&"/>', 'unescaped "&" in an attribute of <a>'],
        ['<a>1 < 2</a>', 'stray "<" at 5'],
        ['<?xml version="1.0"?>\n<a t="x">&amp; &#1;<!-- c --><b/></a>\n', undefined],
    ])('%j', (xml, problem) => expect(xmlProblem(xml)).toBe(problem));
});
