import { Environment } from '@marcbachmann/cel-js';
import { formatPath } from '../../core/finding.js';
import { isPlainObject } from '../../core/objects.js';
class KubeURL {
    url;
    constructor(url) {
        this.url = url;
    }
}
let env;
const programs = new Map();
function environment() {
    if (env)
        return env;
    const e = new Environment({ unlistedVariablesAreDyn: false, homogeneousAggregateLiterals: false });
    e.registerVariable('self', 'dyn');
    e.registerType('net.URL', KubeURL);
    e.registerFunction('isURL(string): bool', (s) => parseUrl(s) !== undefined);
    e.registerFunction('url(string): net.URL', (s) => {
        const u = parseUrl(s);
        if (!u)
            throw new Error(`URL parse error during conversion from string: ${s}`);
        return new KubeURL(u);
    });
    e.registerFunction('net.URL.getScheme(): string', (u) => u.url.protocol.replace(/:$/, ''));
    e.registerFunction('net.URL.getHost(): string', (u) => u.url.host);
    e.registerFunction('net.URL.getHostname(): string', (u) => u.url.hostname.replace(/^\[|\]$/g, ''));
    e.registerFunction('net.URL.getPort(): string', (u) => u.url.port);
    e.registerFunction('net.URL.getEscapedPath(): string', (u) => u.url.pathname);
    e.registerFunction('net.URL.getQuery(): map<string, list<string>>', (u) => {
        const out = new Map();
        for (const [k, v] of u.url.searchParams)
            out.set(k, [...(out.get(k) ?? []), v]);
        return out;
    });
    env = e;
    return e;
}
/** Go's url.ParseRequestURI accepts absolute URLs and absolute paths; JavaScript's URL needs a scheme. */
function parseUrl(s) {
    try {
        return s.startsWith('/') ? new URL(s, 'http://localhost') : new URL(s);
    }
    catch {
        return undefined;
    }
}
function program(rule) {
    let p = programs.get(rule);
    if (p)
        return p;
    try {
        p = environment().parse(rule);
    }
    catch (e) {
        p = { error: firstLine(e) };
    }
    programs.set(rule, p);
    return p;
}
const firstLine = (e) => String(e?.message ?? e).split('\n')[0];
/**
 * CEL's reserved words: a property so named is reached as `__name__` in a rule
 * (kubernetes/apiserver pkg/cel/escaping.go:25-37 @ v0.36.3). Only whole-word escapes are applied here: the
 * character escapes (`__dot__`, `__dash__`...) would also rename the keys of maps (labels), which the
 * API server leaves as they are, and this evaluator cannot tell a map from an object.
 */
const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);
/** JSON values as CEL sees them, defaulted as the API server would: whole numbers are ints (BigInt), objects are maps. */
function toCel(v, d) {
    if (typeof v === 'number')
        return Number.isInteger(v) ? BigInt(v) : v;
    if (Array.isArray(v))
        return v.map((x) => toCel(x, d?.i));
    if (isPlainObject(v)) {
        const out = {};
        for (const k of Object.keys(v))
            out[RESERVED.has(k) ? `__${k}__` : k] = toCel(v[k], d?.p?.[k] ?? d?.m);
        if (d?.p) {
            for (const [k, sub] of Object.entries(d.p)) {
                if (sub.v !== undefined && !(k in v))
                    out[RESERVED.has(k) ? `__${k}__` : k] = toCel(structuredClone(sub.v), sub);
            }
        }
        return out;
    }
    return v;
}
/** Segments of a rule's `fieldPath`: `.a.b`, `.a['k.8s']`, `.a[0]`. */
function fieldPathSegments(fieldPath) {
    const out = [];
    for (const m of fieldPath.matchAll(/\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]/g)) {
        out.push(m[1] ?? (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : Number(m[3])));
    }
    return out;
}
/** Evaluates every rule of `tree` against `value`, appending failures and skips to `out`. */
export function runCelRules(tree, value, ctx, out, path = []) {
    if (value === null || value === undefined)
        return;
    if (tree.r) {
        let self;
        for (const rule of tree.r)
            self = evaluate(rule, value, tree.d, self, ctx, out, path);
    }
    if (Array.isArray(value)) {
        if (tree.i)
            value.forEach((item, n) => runCelRules(tree.i, item, ctx, out, [...path, n]));
        return;
    }
    if (!isPlainObject(value))
        return;
    if (tree.p)
        for (const k of Object.keys(tree.p))
            if (k in value)
                runCelRules(tree.p[k], value[k], ctx, out, [...path, k]);
    if (tree.m)
        for (const k of Object.keys(value))
            if (!tree.p?.[k])
                runCelRules(tree.m, value[k], ctx, out, [...path, k]);
}
/** Runs one rule; returns `self` converted (reused by the next rule of the node). */
function evaluate(rule, value, defaults, converted, ctx, out, path) {
    if (/\boldSelf\b/.test(rule.rule)) {
        add(out, ctx, path, 'schema/cel-skipped', 'info', 'CEL transition rule not evaluated: it compares with the object stored in the cluster (oldSelf)', `rule: ${rule.rule}`);
        return converted;
    }
    const p = program(rule.rule);
    if (typeof p !== 'function') {
        add(out, ctx, path, 'schema/cel-skipped', 'info', `CEL rule not evaluated: ${p.error}`, `rule: ${rule.rule}`);
        return converted;
    }
    const self = converted ?? toCel(value, defaults);
    let result;
    try {
        result = p({ self });
    }
    catch (e) {
        const reason = firstLine(e);
        if (/no such key/i.test(reason))
            add(out, ctx, path, 'schema/cel', 'error', `${reason} evaluating rule: ${rule.message ?? rule.rule}`, `the CRD's rule is: ${rule.rule}`);
        else
            add(out, ctx, path, 'schema/cel-skipped', 'info', `CEL rule not evaluated: ${reason}`, `rule: ${rule.rule}`);
        return self;
    }
    if (result === true)
        return self;
    const at = rule.fieldPath ? [...path, ...fieldPathSegments(rule.fieldPath)] : path;
    add(out, ctx, at, 'schema/cel', 'error', message(rule, self), `the CRD's rule is: ${rule.rule}`);
    return self;
}
function message(rule, self) {
    if (rule.messageExpression) {
        const p = program(rule.messageExpression);
        if (typeof p === 'function') {
            try {
                const m = p({ self });
                if (typeof m === 'string' && m.trim() !== '')
                    return m.trim();
            }
            catch {
                // As the API server: a failing messageExpression falls back to the message.
            }
        }
    }
    return rule.message ?? `failed rule: ${rule.rule.trim()}`;
}
function add(out, ctx, path, check, severity, text, hint) {
    const f = { check, severity, file: ctx.file, object: ctx.object, path: formatPath(path), message: text, hint };
    if (ctx.line !== undefined)
        f.line = ctx.line;
    out.push(f);
}
