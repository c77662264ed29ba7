import { printableLines } from '../core/printable.js';
import { sortFindings } from '../core/finding.js';
import { isNotable, sortedResults, summarize } from './result.js';
/**
 * Stable JSON, two-space indented, keys in this order:
 *
 *     {
 *       "resources": [
 *         { "file", "line"?, "index", "object"?, "kind"?, "status",
 *           "findings": [{ "check", "severity", "line"?, "path"?, "message", "hint"? }] }
 *       ],
 *       "findings": [{ "check", "severity", "file", "line"?, "object"?, "path"?, "message", "hint"? }],
 *       "summary": { "resources", "files", "valid", "invalid", "errors", "skipped" }
 *     }
 *
 * `resources` lists the resources that are not valid or have findings, or all with `verbose`
 * (kubeconform's `-output json` does the same); `findings` are those not tied to one resource.
 */
export const jsonFormat = {
    name: 'json',
    format(report, options = {}) {
        // Filtered before sorting: 100,000 valid resources cost their count, not a sorted copy.
        const resources = sortedResults(options.verbose ? report : { ...report, results: report.results.filter(isNotable) })
            .map((r) => clean({
            file: r.file,
            line: r.line,
            index: r.index,
            object: r.object,
            kind: r.kind,
            status: r.status,
            findings: r.findings.map((f) => findingJson(f, false)),
        }));
        const findings = sortFindings(report.findings).map((f) => findingJson(f, true));
        const s = summarize(report);
        const summary = { resources: s.resources, files: s.files, valid: s.valid, invalid: s.invalid, errors: s.errors, skipped: s.skipped };
        // JSON.stringify leaves DEL, C1, U+2028/2029 and the bidi controls raw: escaped, the document means the same.
        return printableLines(`${JSON.stringify({ resources, findings, summary }, null, 2)}\n`);
    },
    /** The listing's own document ({@link Listing.data}), two-space indented. */
    listing(listing) {
        return printableLines(`${JSON.stringify(listing.data, null, 2)}\n`);
    },
};
function findingJson(f, standalone) {
    return clean({
        check: f.check,
        severity: f.severity,
        file: standalone ? f.file : undefined,
        line: f.line,
        object: standalone ? f.object : undefined,
        path: f.path,
        message: f.message,
        hint: f.hint,
    });
}
/** Drops undefined values, keeping key order. */
function clean(o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (v !== undefined)
            out[k] = v;
    return out;
}
