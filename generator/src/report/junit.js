import { cmp, sortFindings } from '../core/finding.js';
import { listingReport } from './listing.js';
import { printable } from '../core/printable.js';
import { kindAndName, printableReport, sortedResults, summarize } from './result.js';
/**
 * JUnit XML: a `testsuite` per file, a `testcase` per resource (valid ones included, as CI test
 * views expect), `failure` for invalid resources, `error` for resources that could not be checked,
 * `skipped` for skipped ones. Findings not tied to a resource become testcases named by their check,
 * in the testsuite of their file (an error as `error`, a warning or info as `system-out`, so every
 * finding shows its check, severity, file, line, object, YAML path, message and hint). No timestamps or durations, so the output is reproducible.
 */
export const junitFormat = {
    name: 'junit',
    format(raw, _options = {}) {
        const report = printableReport(raw);
        const suites = new Map();
        const counts = new Map();
        const suite = (file) => {
            let s = suites.get(file);
            if (!s) {
                suites.set(file, (s = []));
                counts.set(file, { tests: 0, failures: 0, errors: 0, skipped: 0 });
            }
            return { cases: s, count: counts.get(file) };
        };
        for (const r of sortedResults(report)) {
            const { cases, count } = suite(r.file);
            count.tests++;
            if (r.status === 'invalid')
                count.failures++;
            else if (r.status === 'error')
                count.errors++;
            else if (r.status === 'skipped')
                count.skipped++;
            cases.push(resourceCase(r));
        }
        for (const f of sortFindings(report.findings)) {
            const { cases, count } = suite(f.file);
            count.tests++;
            if (f.severity === 'error')
                count.errors++;
            // A warning or info passes, but its finding is still shown (as the test's output).
            const body = f.severity === 'error'
                ? `      <error message="${esc(f.message)}" type="${esc(f.check)}">${esc(findingText(f))}</error>\n`
                : `      <system-out>${esc(findingText(f))}</system-out>\n`;
            cases.push(`    <testcase name="${esc(f.check)}${f.line ? `:${f.line}` : ''}" classname="${esc(f.file)}"${body ? `>\n${body}    </testcase>` : ' />'}`);
        }
        const s = summarize(report);
        const lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            // The Jenkins JUnit schema kubeconform's acceptance test validates against (yannh/kubeconform
            // fixtures/junit.xsd @ v0.7.0, kept in generator/test/fixtures/junit/) has no `skipped` here: `disabled` counts them, as kubeconform's.
            `<testsuites name="validate" tests="${s.resources + report.findings.length}" failures="${s.invalid}" errors="${s.errors}" disabled="${s.skipped}">`,
        ];
        [...suites.keys()].sort(cmp).forEach((file, id) => {
            const c = counts.get(file);
            lines.push(`  <testsuite name="${esc(file)}" id="${id}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}">`);
            lines.push(...suites.get(file));
            lines.push('  </testsuite>');
        });
        lines.push('</testsuites>');
        return `${lines.join('\n')}\n`;
    },
    listing(listing, options = {}) {
        return junitFormat.format(listingReport(listing), options);
    },
};
function resourceCase(r) {
    const who = kindAndName(r) || `document ${r.index + 1}`;
    const classname = r.object ? r.object.slice(0, r.object.indexOf(' ')) : '';
    const open = `    <testcase name="${esc(who)}" classname="${esc(classname)}"`;
    const errors = r.findings.filter((f) => f.severity === 'error');
    // `skipped` is text only in that schema (no attributes): the reason is its content.
    if (r.status === 'skipped')
        return `${open}>\n      <skipped>${esc(r.findings[0]?.message ?? 'skipped')}</skipped>\n    </testcase>`;
    if (errors.length === 0)
        return `${open} />`;
    const tag = r.status === 'error' ? 'error' : 'failure';
    const first = errors[0];
    const message = `${first.path ? `${first.path}: ` : ''}${first.message}`;
    const body = sortFindings(r.findings).map((f) => esc(findingText(f))).join('&#10;');
    return `${open}>\n      <${tag} message="${esc(message)}" type="${esc(first.check)}">${body}</${tag}>\n    </testcase>`;
}
function findingText(f) {
    const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
    return `${f.severity} ${f.check} ${where}${f.object ? ` ${f.object}` : ''}${f.path ? ` ${f.path}` : ''}: ${f.message}${f.hint ? ` (hint: ${f.hint})` : ''}`;
}
/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot carry (most C0 controls,
 * U+FFFE, U+FFFF, unpaired surrogates) and those that forge lines are written as visible escapes
 * (`\u001b`) by `printable`, never dropped silently.
 */
function esc(s) {
    return printable(s)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
