import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { createFormat, FORMAT_NAMES } from '../../src/report/registry.js';
import { checkCatalogue } from '../../src/validate/catalogue.js';
import { exitCode, summaryLine } from '../../src/report/result.js';
const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
/** Compares with `golden/<name>` as a string; `UPDATE_GOLDEN=1` rewrites the file instead. */
function golden(name, actual) {
    const file = path.join(GOLDEN, name);
    if (process.env.UPDATE_GOLDEN === '1')
        fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
/** A report with one of everything, given out of order to prove the formats sort. */
function sample() {
    return {
        files: ['apps/xiaoai/deployment.yaml', 'apps/xiaoai/broken.yaml', 'apps/xiaoai/widget.yaml'],
        results: [
            {
                file: 'apps/xiaoai/deployment.yaml',
                line: 12,
                index: 1,
                object: 'apps/v1/Deployment suoke-prod/xiaoai',
                kind: 'Deployment',
                status: 'invalid',
                findings: [
                    {
                        check: 'schema/unknown-field',
                        severity: 'error',
                        file: 'apps/xiaoai/deployment.yaml',
                        line: 12,
                        object: 'apps/v1/Deployment suoke-prod/xiaoai',
                        path: 'spec.replica',
                        message: 'unknown field "replica", did you mean "replicas"?',
                        hint: 'known fields here: replicas, selector, template',
                    },
                    {
                        check: 'schema/enum',
                        severity: 'error',
                        file: 'apps/xiaoai/deployment.yaml',
                        line: 12,
                        object: 'apps/v1/Deployment suoke-prod/xiaoai',
                        path: 'spec.template.spec.containers[0].imagePullPolicy',
                        message: '"Sometimes" is not one of "Always", "IfNotPresent", "Never"',
                    },
                ],
            },
            {
                file: 'apps/xiaoai/deployment.yaml',
                line: 1,
                index: 0,
                object: 'v1/Service suoke-prod/xiaoai',
                kind: 'Service',
                status: 'valid',
                findings: [],
            },
            {
                file: 'apps/xiaoai/deployment.yaml',
                line: 40,
                index: 2,
                object: 'apps/v1/StatefulSet suoke-prod/db',
                kind: 'StatefulSet',
                status: 'valid',
                findings: [
                    {
                        check: 'schema/quantity-unit',
                        severity: 'warning',
                        file: 'apps/xiaoai/deployment.yaml',
                        line: 40,
                        object: 'apps/v1/StatefulSet suoke-prod/db',
                        path: 'spec.template.spec.containers[0].resources.limits.memory',
                        message: 'memory quantity "512m" is in millibytes; "m" is the milli suffix, not mega',
                        hint: 'use "512Mi" (mebibytes) or "512M" (megabytes)',
                    },
                ],
            },
            {
                file: 'apps/xiaoai/broken.yaml',
                line: 3,
                index: 0,
                status: 'error',
                findings: [
                    { check: 'manifest/yaml', severity: 'error', file: 'apps/xiaoai/broken.yaml', line: 3, message: 'YAML syntax error: bad indentation of a mapping entry' },
                ],
            },
            {
                file: 'apps/xiaoai/widget.yaml',
                line: 1,
                index: 0,
                object: 'suoke.life/v1/Widget w',
                kind: 'Widget',
                status: 'skipped',
                findings: [
                    { check: 'schema/no-schema', severity: 'info', file: 'apps/xiaoai/widget.yaml', line: 1, object: 'suoke.life/v1/Widget w', message: 'could not find a schema for Widget (suoke.life/v1)' },
                ],
            },
        ],
        findings: [
            {
                check: 'drift/differs',
                severity: 'error',
                file: 'apps/xiaoai/base/kustomization.yaml',
                line: 7,
                message: 'committed file differs from a fresh render <"edited" & re-rendered>',
                hint: 'run `npm run render` and commit the result',
            },
        ],
    };
}
describe('output formats (golden)', () => {
    it.each(FORMAT_NAMES)('%s', (name) => {
        golden(`${name}.txt`, createFormat(name).format(sample(), { catalogue: checkCatalogue() }));
    });
    it.each(FORMAT_NAMES)('%s --verbose', (name) => {
        golden(`${name}-verbose.txt`, createFormat(name).format(sample(), { verbose: true, catalogue: checkCatalogue() }));
    });
    it.each(FORMAT_NAMES)('%s is deterministic whatever the input order', (name) => {
        const shuffled = sample();
        shuffled.results.reverse();
        expect(createFormat(name).format(shuffled)).toBe(createFormat(name).format(sample()));
    });
    it('json parses and has resources and summary', () => {
        const parsed = JSON.parse(createFormat('json').format(sample()));
        expect(parsed.resources).toHaveLength(3);
        expect(parsed.summary).toEqual({ resources: 5, files: 3, valid: 2, invalid: 1, errors: 2, skipped: 1 });
    });
});
describe('format factory', () => {
    it('lists the formats', () => {
        expect(FORMAT_NAMES).toEqual(['text', 'json', 'junit', 'tap', 'sarif']);
    });
    it('rejects an unknown name, listing the valid ones', () => {
        expect(() => createFormat('yaml')).toThrow(new UsageError('unknown output format "yaml": expected one of text, json, junit, tap, sarif'));
    });
});
describe('summary and exit code', () => {
    it('counts findings not tied to a resource as Errors', () => {
        expect(summaryLine(sample())).toBe('Summary: 5 resources found in 3 files - Valid: 2, Invalid: 1, Errors: 2, Skipped: 1');
    });
    it('uses singulars for one resource in one file', () => {
        const r = { results: [{ file: 'a.yaml', index: 0, status: 'valid', findings: [] }], findings: [] };
        expect(summaryLine(r)).toBe('Summary: 1 resource found in 1 file - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0');
    });
    // kubeconform's plurals, word for word: only a count above one takes an "s" (pkg/output/text.go:77-84 @ v0.7.0).
    it('an empty run: "0 resource found in 0 file", as kubeconform prints it', () => {
        expect(summaryLine({ results: [], findings: [] })).toBe('Summary: 0 resource found in 0 file - Valid: 0, Invalid: 0, Errors: 0, Skipped: 0');
        expect(exitCode({ results: [], findings: [] })).toBe(0);
    });
    it('standard input: "found parsing stdin", as kubeconform prints it', () => {
        const r = { results: [{ file: 'stdin', index: 0, status: 'valid', findings: [] }], findings: [], files: ['stdin'], stdin: true };
        expect(summaryLine(r)).toBe('Summary: 1 resource found parsing stdin - Valid: 1, Invalid: 0, Errors: 0, Skipped: 0');
    });
    it('exits 1 on any error finding', () => {
        expect(exitCode(sample())).toBe(1);
    });
    it('warnings and skipped resources do not fail the run', () => {
        const r = sample();
        r.results = r.results.filter((x) => x.status === 'valid' || x.status === 'skipped');
        r.findings = [];
        expect(exitCode(r)).toBe(0);
    });
    it('a report-level error alone fails the run', () => {
        const r = sample();
        r.results = [];
        expect(exitCode(r)).toBe(1);
    });
});
describe('every field of a finding in every format', () => {
    // A warning and an error not tied to one resource, each with every field set.
    const fields = (severity, check, line) => ({
        check,
        severity,
        file: 'clusters/prod/prod/xiaoai',
        line,
        object: 'apps/v1/Deployment suoke-prod/xiaoai',
        path: 'spec.template.spec.containers[0].image',
        message: `message of ${check}`,
        hint: `hint of ${check}`,
    });
    const report = { files: [], results: [], findings: [fields('warning', 'policy/image-digest', 7), fields('error', 'policy/image-tag', 9)] };
    it.each(FORMAT_NAMES.map((n) => [n]))('%s', (name) => {
        const out = createFormat(name).format(report);
        for (const f of report.findings) {
            for (const value of [f.check, f.file, f.path, f.message, f.hint, 'suoke-prod/xiaoai', String(f.line)]) {
                expect(out, `${name}: ${f.check} ${value}`).toContain(value);
            }
        }
        expect(out).toContain('warning');
        expect(out).toContain('error');
    });
});
