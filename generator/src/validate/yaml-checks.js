import { duplicateKeys, explainAmbiguity, yaml11Scalars } from '../core/yaml-ambiguity.js';
export const YAML_CHECKS = [
    {
        id: 'ambiguous-scalar',
        severity: 'error',
        description: 'A plain scalar that YAML 1.1 (kubectl apply, Argo CD) and YAML 1.2 (kustomize for booleans, most other tools) read differently: `yes`, `on`, `n`, `010`, `0b1`, `1_000`; quote it.',
    },
    {
        id: 'duplicate-key',
        severity: 'error',
        description: 'A key written twice in one mapping: kubectl apply and Argo CD keep the last value without a word, kustomize refuses the file.',
    },
];
/**
 * One `yaml/ambiguous-scalar` error per plain scalar of `source` that YAML 1.1 and 1.2 read differently.
 * `firstLine` is the 1-based line of the text's first line in `file`. Fast when there is none.
 */
export function ambiguousScalarFindings(file, source, firstLine) {
    return yaml11Scalars(source, firstLine).map((a) => {
        const { message, fix } = explainAmbiguity(a);
        return { check: 'yaml/ambiguous-scalar', severity: 'error', file, line: a.line, ...(a.path !== '' ? { path: a.path } : {}), message, hint: fix };
    });
}
/**
 * One `yaml/duplicate-key` error per repeated key of `source`, naming both lines. It parses the text, so
 * call it only where a duplicate is known to be (js-yaml throws `duplicated mapping key` on one).
 */
export function duplicateKeyFindings(file, source, firstLine) {
    return duplicateKeys(source, firstLine).map((d) => ({
        check: 'yaml/duplicate-key',
        severity: 'error',
        file,
        line: d.lines[1],
        ...(d.path !== '' ? { path: d.path } : {}),
        message: `duplicate key "${d.key}" at lines ${d.lines[0]} and ${d.lines[1]}; kubectl apply and Argo CD keep the last value without a word ` +
            '(sigs.k8s.io/yaml decodes non-strictly), kustomize refuses the file ("mapping key already defined")',
        hint: 'remove one of them',
    }));
}
