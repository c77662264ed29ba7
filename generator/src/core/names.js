/**
 * Name grammars shared by the config checks and the renderers, and "did you mean" suggestions.
 * Every predicate is total: any string in, a boolean out, no exceptions.
 */
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A Kubernetes DNS-1123 label (namespace, Service, environment name): `suoke-prod`, at most 63 characters. */
export function isDns1123Label(s) {
    return s.length <= 63 && dns1123Label.test(s);
}
/**
 * A DNS-1123 label made from `s`, for a fix hint: accents dropped, lower-cased, every run of other
 * characters turned into one `-`, cut to 63 characters, no `-` at either end. `undefined` when
 * nothing is left. The result always passes {@link isDns1123Label}.
 * Example: `toDns1123Label('Five_Diagnosis')` → `'five-diagnosis'`.
 */
export function toDns1123Label(s) {
    const plain = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const label = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 63).replace(/-+$/, '');
    return isDns1123Label(label) ? label : undefined;
}
/** A Kubernetes DNS-1123 subdomain (most object names): dot-separated labels, at most 253 characters. */
export function isDns1123Subdomain(s) {
    return s.length <= 253 && s.split('.').every((label) => label.length <= 63 && dns1123Label.test(label));
}
/** A name a container environment variable can safely have (POSIX shell-compatible): `DATABASE_URL`. */
export function isEnvVarName(s) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}
/** A Docker image tag: `1.4.2`, `2.2.0-rc.1`; 1 to 128 characters of `[A-Za-z0-9_.-]`, not starting with `.` or `-`. */
export function isDockerTag(s) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(s);
}
// From the distribution/reference grammar: domain[:port]/path-component(/path-component)*.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?`;
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const repository = new RegExp(`^(?:${domain}/)?${pathComponent}(?:/${pathComponent})*$`);
/**
 * An image repository without tag or digest, as Docker's reference grammar allows it:
 * `registry.suoke-life.com/suoke-life/xiaoai`, `nginx`, `localhost:5000/a/b`. At most 255 characters.
 */
export function isImageRepository(s) {
    return s.length <= 255 && repository.test(s);
}
const labelName = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
/** A Kubernetes label key: optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function isLabelKey(s) {
    const slash = s.indexOf('/');
    const prefix = slash < 0 ? undefined : s.slice(0, slash);
    const name = slash < 0 ? s : s.slice(slash + 1);
    if (prefix !== undefined && (prefix === '' || !isDns1123Subdomain(prefix)))
        return false;
    return name.length <= 63 && labelName.test(name);
}
/** A Kubernetes label value: empty, or at most 63 characters of `[A-Za-z0-9-_.]` starting and ending alphanumeric. */
export function isLabelValue(s) {
    return s === '' || (s.length <= 63 && labelName.test(s));
}
/**
 * The candidate closest to `name` by edit distance (insertions, deletions, substitutions and swaps of
 * neighbours), or `undefined` when none is close enough to be a plausible typo: at most a third of
 * the longer name may differ, and at least one character. A case-insensitive match always wins.
 * Ties go to the candidate listed first. Example: `suggest('replica', ['replicas', 'resources'])` →
 * `'replicas'`.
 */
export function suggest(name, candidates) {
    let best;
    let bestDistance = Infinity;
    const lower = name.toLowerCase();
    for (const c of candidates) {
        if (c === name)
            continue;
        if (c.toLowerCase() === lower)
            return c;
        const limit = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
        const d = editDistance(lower, c.toLowerCase());
        if (d <= limit && d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a, b) {
    // Names in config are short; bail out on absurd inputs rather than spend quadratic time.
    if (a.length > 256 || b.length > 256)
        return Math.max(a.length, b.length);
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                row.push(j);
                continue;
            }
            const prev = rows[i - 1];
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d = Math.min(d, rows[i - 2][j - 2] + 1);
            row.push(d);
        }
        rows.push(row);
    }
    return rows[a.length][b.length];
}
