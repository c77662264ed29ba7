import { sortFindings } from '../core/finding.js';
import { listingReport } from './listing.js';
import { objectLabel } from './text.js';
import { printableLines } from '../core/printable.js';
import { kindAndName, printableReport, sortedResults } from './result.js';
/**
 * TAP version 13: one test per resource (`ok`, `not ok`, `ok … # SKIP`), then one per finding not
 * tied to a resource; findings of a failing test in a YAML diagnostic block; the plan last.
 */
export const tapFormat = {
    name: 'tap',
    format(raw, _options = {}) {
        const report = printableReport(raw);
        const lines = ['TAP version 13'];
        let n = 0;
        for (const r of sortedResults(report)) {
            n++;
            const title = `${r.file}${kindAndName(r) ? ` (${kindAndName(r)})` : ''}`;
            if (r.status === 'skipped')
                lines.push(`ok ${n} - ${line(title)} # SKIP ${line(r.findings[0]?.message ?? 'no schema')}`);
            else if (r.status === 'valid')
                lines.push(`ok ${n} - ${line(title)}`);
            else
                lines.push(`not ok ${n} - ${line(title)}`);
            if (r.findings.length > 0)
                lines.push(...diagnostics(r));
        }
        for (const f of sortFindings(report.findings)) {
            n++;
            const who = f.object ? ` (${objectLabel(f.object)})` : '';
            lines.push(`${f.severity === 'error' ? 'not ok' : 'ok'} ${n} - ${line(`${f.file}${f.line ? `:${f.line}` : ''}${who} ${f.check}`)}`);
            lines.push(...block([f]));
        }
        lines.push(`1..${n}`);
        return printableLines(`${lines.join('\n')}\n`);
    },
    listing(listing, options = {}) {
        return tapFormat.format(listingReport(listing), options);
    },
};
function diagnostics(r) {
    return block(sortFindings(r.findings));
}
function block(findings) {
    const out = ['  ---', '  findings:'];
    for (const f of findings) {
        out.push(`    - check: ${JSON.stringify(f.check)}`);
        out.push(`      severity: ${f.severity}`);
        if (f.line !== undefined)
            out.push(`      line: ${f.line}`);
        if (f.object)
            out.push(`      object: ${JSON.stringify(f.object)}`);
        if (f.path)
            out.push(`      path: ${JSON.stringify(f.path)}`);
        out.push(`      message: ${JSON.stringify(f.message)}`);
        if (f.hint)
            out.push(`      hint: ${JSON.stringify(f.hint)}`);
    }
    out.push('  ...');
    return out;
}
/** A TAP description must not start a directive with `#` (it is on one line: the report is printable). */
function line(s) {
    return s.replace(/#/g, '\\#');
}
