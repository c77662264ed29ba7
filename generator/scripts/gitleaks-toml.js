/**
 * Reads the subset of TOML that gitleaks' rule file uses: `[allowlist]`, `[[rules]]` and
 * `[[rules.allowlists]]` tables of `key = value`, where a value is a string (`"…"` without escapes
 * or `'''…'''` on one line), a number, or an array of strings over one or more lines. Anything else
 * is an error, so an upstream change of format is noticed when the file is updated.
 */
const TOKEN = /\s+|#[^\n]*|\[\[[a-z.]+\]\]|\[[a-z.]+\](?=\s*\n)|'''[^\n]*?'''|"[^"\n\\]*"|[A-Za-z][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|[=[\],]/y;
export function parseGitleaksToml(text) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
        const at = TOKEN.lastIndex;
        const m = TOKEN.exec(text);
        if (!m)
            throw new Error(`gitleaks.toml: cannot read at line ${text.slice(0, at).split('\n').length}: ${text.slice(at, at + 40)}`);
        if (!/^\s|^#/.test(m[0]))
            tokens.push(m[0]);
    }
    const doc = {};
    let table = {};
    let i = 0;
    const value = () => {
        const t = tokens[i++];
        if (t.startsWith("'''"))
            return t.slice(3, -3);
        if (t.startsWith('"'))
            return t.slice(1, -1);
        if (/^-?\d/.test(t))
            return Number(t);
        if (t !== '[')
            throw new Error(`gitleaks.toml: unexpected ${t}`);
        const items = [];
        while (tokens[i] !== ']') {
            const v = value();
            if (typeof v !== 'string')
                throw new Error('gitleaks.toml: arrays hold strings only');
            items.push(v);
            if (tokens[i] === ',')
                i++;
        }
        i++;
        return items;
    };
    while (i < tokens.length) {
        const t = tokens[i++];
        if (t === '[allowlist]')
            doc.allowlist = table = {};
        else if (t === '[[rules]]')
            (doc.rules ??= []).push({ fields: (table = {}), allowlists: [] });
        else if (t === '[[rules.allowlists]]') {
            const rule = doc.rules?.[doc.rules.length - 1];
            if (!rule)
                throw new Error('gitleaks.toml: [[rules.allowlists]] before any rule');
            rule.allowlists.push((table = {}));
        }
        else if (/^[A-Za-z]/.test(t) && tokens[i] === '=') {
            i++;
            table[t] = value();
        }
        else
            throw new Error(`gitleaks.toml: unexpected ${t}`);
    }
    return doc;
}
