/**
 * Argo CD's project matching: glob patterns as gobwas/glob compiles them without separators (`*`
 * any run of characters, `?` one character, `[a-z]` / `[!a-z]` classes, `{a,b}` alternatives, `\`
 * escapes), and a leading `!` that turns a destination or source entry into a deny rule
 * [pkg/apis/application/v1alpha1/types.go: isDestinationMatched, IsSourcePermitted].
 */
const cache = new Map();
/** Whether `text` matches the glob `pattern`; an invalid pattern matches nothing (Argo CD logs and refuses it). */
export function globMatch(pattern, text) {
    if (pattern === '*')
        return true;
    let re = cache.get(pattern);
    if (!cache.has(pattern)) {
        re = compile(pattern);
        cache.set(pattern, re);
    }
    return re !== undefined && re.test(text);
}
function compile(pattern) {
    let out = '';
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            const next = pattern[++i];
            if (next === undefined)
                return undefined;
            out += escape(next);
        }
        else if (c === '*') {
            out += '[\\s\\S]*';
        }
        else if (c === '?') {
            out += '[\\s\\S]';
        }
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                return undefined;
            let body = pattern.slice(i + 1, end);
            const negate = body.startsWith('!');
            if (negate)
                body = body.slice(1);
            out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
            i = end;
        }
        else if (c === '{') {
            depth++;
            out += '(?:';
        }
        else if (c === '}' && depth > 0) {
            depth--;
            out += ')';
        }
        else if (c === ',' && depth > 0) {
            out += '|';
        }
        else {
            out += escape(c);
        }
    }
    if (depth !== 0)
        return undefined;
    return new RegExp(`^${out}$`);
}
function escape(c) {
    return c.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
}
/** `!pattern`: a deny entry. */
function isDeny(pattern) {
    return pattern.startsWith('!');
}
/** A pattern with Argo CD's negation: `!p` matches what `p` does not. */
function matchAllowingNegation(pattern, text) {
    return isDeny(pattern) ? !globMatch(pattern.slice(1), text) : globMatch(pattern, text);
}
/**
 * Whether a project permits a destination: some entry matches (server or name, and namespace) and no
 * deny entry excludes it.
 */
export function destinationPermitted(entries, dst) {
    let any = false;
    for (const e of entries) {
        const nameOk = !!dst.name && matchAllowingNegation(e.name ?? '', dst.name);
        const serverOk = !!dst.server && matchAllowingNegation(e.server ?? '', dst.server);
        const nsOk = matchAllowingNegation(e.namespace ?? '', dst.namespace ?? '');
        if ((serverOk || nameOk) && nsOk) {
            any = true;
        }
        else if ((!nameOk && isDeny(e.name ?? '')) || (!serverOk && isDeny(e.server ?? '')) || (!nsOk && isDeny(e.namespace ?? ''))) {
            return false;
        }
    }
    return any;
}
/** Git URLs as Argo CD compares them: case-insensitive, without a trailing `.git` or `/`. */
function normalizeRepo(url) {
    return url.toLowerCase().replace(/\/+$/, '').replace(/\.git$/, '');
}
/** Whether a project's `sourceRepos` permit a repository URL. */
export function sourcePermitted(sourceRepos, repoURL) {
    const url = normalizeRepo(repoURL);
    let any = false;
    for (const p of sourceRepos) {
        if (isDeny(p)) {
            if (globMatch(normalizeRepo(p.slice(1)), url))
                return false;
        }
        else if (p === '*' || globMatch(normalizeRepo(p), url)) {
            any = true;
        }
    }
    return any;
}
