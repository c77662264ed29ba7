/**
 * Runs the vendored gitleaks rules (gitleaks-rules.generated.ts) on one piece of text, the way
 * gitleaks' detector does (detect/detect.go, `detectRule`, v8.30.1): keyword prefilter, the rule's
 * pattern, its secret group, its entropy floor, then the global and the rule's allowlists.
 *
 * Left out, because there is no file here to name: rules and allowlists restricted to file paths
 * (`.php`, `.tf`, `nuget.config`; an AND allowlist with paths never applies). Left out too: gitleaks'
 * decoding of base64/hex/percent-encoded segments before a second pass.
 */
import { shannonEntropy } from './entropy.js';
import { gitleaksConfig } from './gitleaks-rules.generated.js';
// Compiled on first use: `render` of a configuration without settings never pays for it.
let compiled;
function compile(config) {
    const list = (l) => ({ list: l, regexes: l.regexes.map((r) => new RegExp(r.source, r.flags)) });
    const rules = config.rules.filter((r) => r.regex && !r.path);
    return {
        global: list(config.allowlist),
        rules: rules.map((r) => ({ rule: r, all: new RegExp(r.regex.source, `${r.regex.flags}g`), groups: new RegExp(r.regex.source, r.regex.flags), allowlists: r.allowlists.map(list) })),
    };
}
/**
 * The id of the first gitleaks rule that finds a secret in `text`, or `undefined`. Generic rules
 * (`generic-api-key`) count only when no specific rule fires, as in gitleaks' own filter.
 */
export function gitleaksMatch(text) {
    compiled ??= compile(gitleaksConfig);
    const lower = text.toLowerCase();
    let generic;
    for (const c of compiled.rules) {
        if (c.rule.keywords.length > 0 && !c.rule.keywords.some((k) => lower.includes(k)))
            continue;
        if (!finds(c, text, compiled.global))
            continue;
        if (!c.rule.id.includes('generic'))
            return c.rule.id;
        generic ??= c.rule.id;
    }
    return generic;
}
function finds(c, text, global) {
    for (const m of text.matchAll(c.all)) {
        const match = m[0].replace(/^\n+|\n+$/g, '');
        // As gitleaks: the secret is the rule's group, else the first non-empty group, else the match.
        const groups = c.groups.exec(match);
        let secret = match;
        if (groups && groups.length >= 2) {
            if (c.rule.secretGroup)
                secret = groups[c.rule.secretGroup] ?? '';
            else
                secret = groups.slice(1).find((g) => g !== undefined && g.length > 0) ?? match;
        }
        if (c.rule.entropy !== undefined && shannonEntropy(secret) <= c.rule.entropy)
            continue;
        const start = m.index ?? 0;
        const end = text.indexOf('\n', start + m[0].length);
        const line = text.slice(text.lastIndexOf('\n', start) + 1, end < 0 ? text.length : end);
        if ([global, ...c.allowlists].some((a) => allowed(a, secret, match, line)))
            continue;
        return true;
    }
    return false;
}
function allowed(a, secret, match, line) {
    const target = a.list.regexTarget === 'match' ? match : a.list.regexTarget === 'line' ? line : secret;
    const regex = target !== '' && a.regexes.some((r) => r.test(target));
    const stop = secret !== '' && a.list.stopwords.some((w) => secret.toLowerCase().includes(w));
    if (a.list.condition === 'AND') {
        // Every kind of condition the list names must hold; a path never does here.
        if (a.list.paths)
            return false;
        const checks = [...(a.regexes.length > 0 ? [regex] : []), ...(a.list.stopwords.length > 0 ? [stop] : [])];
        return checks.length > 0 && checks.every(Boolean);
    }
    return regex || stop;
}
