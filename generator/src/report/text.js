import { sortFindings } from '../core/finding.js';
import { printable, printableLines } from '../core/printable.js';
import { isNotable, kindAndName, printableReport, sortedResults, summaryLine } from './result.js';
/**
 * kubeconform-like lines (every value escaped with `printable`: one finding never spans two lines), one per finding of each non-valid resource, the hint indented on the next
 * line, then the summary:
 *
 *     apps/x.yaml - Deployment xiaoai is invalid: spec.replica: unknown field "replica", did you mean "replicas"?
 *       hint: known fields here: minReadySeconds, paused, …
 *     Summary: 3 resources found in 1 file - Valid: 2, Invalid: 1, Errors: 0, Skipped: 0
 */
export const textFormat = {
    name: 'text',
    format(raw, options = {}) {
        // Only what is printed is escaped and sorted: 100,000 valid resources cost their count, not a copy each.
        const report = printableReport(options.verbose ? raw : { ...raw, results: raw.results.filter(isNotable) });
        const lines = [];
        for (const r of sortedResults(report))
            lines.push(...resourceLines(r));
        for (const f of sortFindings(report.findings)) {
            const who = f.object ? `${objectLabel(f.object)} ` : '';
            const where = f.path ? `${f.path}: ` : '';
            lines.push(`${f.file}${f.line ? `:${f.line}` : ''} - ${who}${f.severity}: ${where}${f.message}${f.check ? ` (${f.check})` : ''}`);
            if (f.hint)
                lines.push(`  hint: ${f.hint}`);
        }
        lines.push(summaryLine(raw));
        return printableLines(`${lines.join('\n')}\n`);
    },
    /**
     * The title, then per entry its heading and each detail indented (values escaped: a rule quoting the
     * configuration stays on its line):
     *
     *     Change windows at 2027-03-03T02:00:00.000Z
     *     prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)
     *       rule: outside every allow window (…)
     *       next: opens after 2027-03-04 22:00 +08:00 (2027-03-04T14:00:00.000Z)
     */
    listing(listing) {
        const lines = [printable(listing.title)];
        for (const e of listing.entries)
            lines.push(printable(e.heading), ...e.details.map(([label, text]) => `  ${printable(label)}: ${printable(text)}`));
        return `${lines.join('\n')}\n`;
    },
};
/** `apps/v1/Deployment suoke-prod/xiaoai` → `Deployment suoke-prod/xiaoai`. */
export function objectLabel(object) {
    const space = object.indexOf(' ');
    return space < 0 ? object : `${object.slice(0, space).split('/').pop()} ${object.slice(space + 1)}`;
}
function resourceLines(r) {
    const who = kindAndName(r);
    const subject = who ? `${r.file} - ${who}` : `${r.file} -`;
    if (r.findings.length === 0)
        return [`${subject} is ${r.status === 'skipped' ? 'skipped' : 'valid'}`];
    const out = [];
    for (const f of r.findings) {
        // Without a kind there is no object path to show; the line tells where the document broke.
        const where = f.path ? `${f.path}: ` : !who && f.line !== undefined ? `line ${f.line}: ` : '';
        out.push(`${subject} ${verb(r, f)}: ${where}${f.message}`);
        if (f.hint)
            out.push(`  hint: ${f.hint}`);
    }
    return out;
}
function verb(r, f) {
    if (f.severity !== 'error')
        return r.status === 'skipped' ? 'is skipped' : `has a ${f.severity}`;
    return r.status === 'error' ? 'failed validation' : 'is invalid';
}
