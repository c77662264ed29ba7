/** Formats a YAML path from segments: `['spec', 'ports', 0, 'name']` → `spec.ports[0].name`. */
export function formatPath(segments) {
    let out = '';
    for (const s of segments) {
        if (typeof s === 'number')
            out += `[${s}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s))
            out += out === '' ? s : `.${s}`;
        else
            out += `[${JSON.stringify(s)}]`;
    }
    return out;
}
/** Sorts findings by file, line, path, check: the order every output format prints them in. */
export function sortFindings(findings) {
    return [...findings].sort((a, b) => cmp(a.file, b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        cmp(a.object ?? '', b.object ?? '') ||
        cmp(a.path ?? '', b.path ?? '') ||
        cmp(a.check, b.check) ||
        cmp(a.message, b.message));
}
/** Locale-independent string comparison (code-unit order), for deterministic sorting everywhere. */
export function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
