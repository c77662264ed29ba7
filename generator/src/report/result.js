import { cmp, sortFindings } from '../core/finding.js';
import { printable } from '../core/printable.js';
export function summarize(report) {
    const s = { resources: report.results.length, files: fileCount(report), valid: 0, invalid: 0, errors: 0, skipped: 0 };
    for (const r of report.results) {
        if (r.status === 'valid')
            s.valid++;
        else if (r.status === 'invalid')
            s.invalid++;
        else if (r.status === 'error')
            s.errors++;
        else
            s.skipped++;
    }
    for (const f of report.findings)
        if (f.severity === 'error')
            s.errors++;
    return s;
}
function fileCount(report) {
    if (report.files)
        return new Set(report.files).size;
    return new Set(report.results.map((r) => r.file)).size;
}
/**
 * `Summary: N resources found in M files - Valid: a, Invalid: b, Errors: c, Skipped: d` (or `found
 * parsing stdin`), word for word as kubeconform prints it, plurals included: only a count above one
 * takes an "s" ("0 resource found in 1 file"), yannh/kubeconform pkg/output/text.go:72-93 @ v0.7.0.
 */
export function summaryLine(report) {
    const s = summarize(report);
    const found = report.stdin ? 'parsing stdin' : `in ${s.files} file${s.files > 1 ? 's' : ''}`;
    return `Summary: ${s.resources} resource${s.resources > 1 ? 's' : ''} found ${found} - Valid: ${s.valid}, Invalid: ${s.invalid}, Errors: ${s.errors}, Skipped: ${s.skipped}`;
}
/** 0 when the report has no error-severity finding, 1 otherwise. Warnings never fail a run. */
export function exitCode(report) {
    const bad = (f) => f.severity === 'error';
    return report.findings.some(bad) || report.results.some((r) => r.status === 'invalid' || r.status === 'error' || r.findings.some(bad)) ? 1 : 0;
}
/** Results in print order: by file, then position in the file; their findings sorted. */
export function sortedResults(report) {
    return [...report.results]
        .sort((a, b) => cmp(a.file, b.file) || a.index - b.index)
        .map((r) => ({ ...r, findings: sortFindings(r.findings) }));
}
/** Whether a result is printed without `verbose`: invalid, errors, and anything with a warning. */
export function isNotable(r) {
    return r.status === 'invalid' || r.status === 'error' || r.findings.some((f) => f.severity === 'warning');
}
/** `Deployment xiaoai` (namespace left out, like kubeconform), or `''` when the resource has no kind. */
export function kindAndName(r) {
    if (!r.object)
        return '';
    const space = r.object.indexOf(' ');
    const id = space < 0 ? '' : r.object.slice(space + 1);
    const name = id.slice(id.lastIndexOf('/') + 1);
    return `${r.kind ?? r.object.slice(0, space).split('/').pop()} ${name}`;
}
/**
 * The report with every string a manifest or the configuration can influence (file, object, kind,
 * check, path, message, hint) passed through {@link printable}: what the line-oriented formats (text,
 * TAP, JUnit) print, so a name holding ESC, CR or a newline cannot forge a line of the output.
 */
export function printableReport(report) {
    const finding = (f) => {
        const out = { ...f, check: printable(f.check), file: printable(f.file), message: printable(f.message) };
        if (f.object !== undefined)
            out.object = printable(f.object);
        if (f.path !== undefined)
            out.path = printable(f.path);
        if (f.hint !== undefined)
            out.hint = printable(f.hint);
        return out;
    };
    return {
        ...report,
        results: report.results.map((r) => ({
            ...r,
            file: printable(r.file),
            ...(r.object !== undefined ? { object: printable(r.object) } : {}),
            ...(r.kind !== undefined ? { kind: printable(r.kind) } : {}),
            findings: r.findings.map(finding),
        })),
        findings: report.findings.map(finding),
        ...(report.files ? { files: report.files.map(printable) } : {}),
    };
}
