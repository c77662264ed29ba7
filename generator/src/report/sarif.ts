import { cmp, sortFindings, type Finding } from '../core/finding.js';
import { ENGINE_CHECKS, RULES } from '../policy/rules/index.js';
import type { FormatOptions, OutputFormat } from './format.js';
import { sortedResults, type Report } from './result.js';

const LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code-scanning UIs: one run, the tool's rules (the whole policy catalogue, then every
 * other check id the report uses), one result per finding (resource findings and the others alike)
 * with `level` from the severity and a location (file, and line when known). Deterministic: no
 * timestamps, rules and results sorted.
 */
export const sarifFormat: OutputFormat = {
  name: 'sarif',
  format(report: Report, _options: FormatOptions = {}): string {
    const findings = sortFindings([...sortedResults(report).flatMap((r) => r.findings), ...report.findings]);
    const catalogue = new Map<string, string>();
    for (const r of RULES) catalogue.set(`policy/${r.id}`, r.description);
    for (const c of ENGINE_CHECKS) catalogue.set(`policy/${c.id}`, c.description);
    const others = [...new Set(findings.map((f) => f.check))].filter((c) => !catalogue.has(c)).sort(cmp);
    const ids = [...[...catalogue.keys()].sort(cmp), ...others];
    const index = new Map(ids.map((id, i) => [id, i]));
    const rules = ids.map((id) => ({ id, shortDescription: { text: catalogue.get(id) ?? id }, ...(id.startsWith('policy/') ? { helpUri: `docs/policies.md#${id.slice(7)}` } : {}) }));
    const results = findings.map((f) => ({
      ruleId: f.check,
      ruleIndex: index.get(f.check)!,
      level: LEVEL[f.severity],
      message: { text: `${f.object ? `${f.object}: ` : ''}${f.path ? `${f.path}: ` : ''}${f.message}${f.hint ? `\nHow to fix: ${f.hint}` : ''}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: f.file }, ...(f.line !== undefined ? { region: { startLine: f.line } } : {}) },
          ...(f.object ? { logicalLocations: [{ fullyQualifiedName: f.path ? `${f.object}#${f.path}` : f.object, kind: 'resource' }] } : {}),
        },
      ],
    }));
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'suoke-gitops', informationUri: 'docs/policies.md', rules } }, results }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
