import { printableLines } from '../core/printable.js';
import { cmp, sortFindings } from '../core/finding.js';
import { listingReport } from './listing.js';
import { sortedResults } from './result.js';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' };
/**
 * SARIF 2.1.0 for code-scanning UIs: one run; the tool's rules are the whole documented catalogue
 * ({@link FormatOptions.catalogue}: policy and change-window checks) and then every other check id the report uses, each with its
 * description, a `help` text naming the document that explains it and, where fixed, its
 * `defaultConfiguration.level` (policy rules: the production level); one result per finding
 * (resource findings and the others alike) with `ruleId` and `ruleIndex`, `level` from the severity,
 * the message with the object, YAML path and how to fix it, and a location: the repository-relative
 * file as `artifactLocation.uri` (percent-encoded, relative to `%SRCROOT%`; an absolute path given on
 * the command line as a `file:` URI; an Argo CD path as the kustomization.yaml in it) and, when known, `region.startLine`; the
 * object and YAML path as a logical location. No URIs of documentation: SARIF requires them absolute,
 * and the repository has no fixed address. Deterministic: no timestamps, rules and results sorted.
 */
export const sarifFormat = {
    name: 'sarif',
    describesChecks: true,
    format(report, options = {}) {
        const findings = sortFindings([...sortedResults(report).flatMap((r) => r.findings), ...report.findings]);
        const known = new Map((options.catalogue ?? []).map((entry) => [entry.id, entry]));
        const others = [...new Set(findings.map((f) => f.check))].filter((c) => !known.has(c)).sort(cmp);
        const ids = [...[...known.keys()].sort(cmp), ...others];
        const index = new Map(ids.map((id, i) => [id, i]));
        const rules = ids.map((id) => {
            const entry = known.get(id);
            return {
                id,
                shortDescription: { text: entry?.description ?? id },
                ...(entry ? { help: { text: `${entry.description} See ${entry.doc} (${id}).` } } : {}),
                ...(entry?.severity ? { defaultConfiguration: { level: LEVEL[entry.severity] } } : {}),
            };
        });
        const results = findings.map((f) => ({
            ruleId: f.check,
            ruleIndex: index.get(f.check),
            level: LEVEL[f.severity],
            message: { text: `${f.object ? `${f.object}: ` : ''}${f.path ? `${f.path}: ` : ''}${f.message}${f.hint ? `\nHow to fix: ${f.hint}` : ''}` },
            locations: [
                {
                    physicalLocation: { artifactLocation: artifactLocation(f.file), ...(f.line !== undefined && f.line >= 1 ? { region: { startLine: f.line } } : {}) },
                    ...(f.object ? { logicalLocations: [{ fullyQualifiedName: f.path ? `${f.object}#${f.path}` : f.object, kind: 'resource' }] } : {}),
                },
            ],
        }));
        const log = {
            $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
            version: '2.1.0',
            runs: [{ tool: { driver: { name: 'suoke-gitops', rules } }, results }],
        };
        // JSON.stringify leaves DEL, C1, U+2028/2029 and the bidi controls raw: escaped, the document means the same.
        return printableLines(`${JSON.stringify(log, null, 2)}\n`);
    },
    listing(listing, options = {}) {
        return sarifFormat.format(listingReport(listing), options);
    },
};
/**
 * A file as SARIF wants it: a URI reference, relative to the repository root unless the path is
 * absolute. An Argo CD path (a folder, named without an extension, e.g. `clusters/prod/prod/xiaoai`)
 * becomes the `kustomization.yaml` Argo CD builds there, so code-scanning UIs can open a file.
 */
export function artifactLocation(file) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    const path = name !== '' && !name.includes('.') ? `${file}/kustomization.yaml` : file;
    const encoded = path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
    if (encoded.startsWith('/'))
        return { uri: `file://${encoded}` };
    return { uri: encoded, uriBaseId: '%SRCROOT%' };
}
