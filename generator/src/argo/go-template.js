/**
 * The part of Go's text/template that Argo CD's ApplicationSet controller applies to each string of a
 * template (applicationset/utils/utils.go at v3.5.1, `Replace`, lines 402–422: `Parse`, then `Execute`
 * with the generator's parameters), close enough that `validate` expands exactly what Argo CD would
 * or says why it cannot: text, `{{.key}}` and `{{.a.b}}` field chains on the parameter map,
 * string literals (`{{ "{{" }}`, the escape of a literal marker), comments, and the `{{-` / `-}}`
 * trim markers. Anything else (pipelines, functions, variables, control structures) is reported as
 * unsupported rather than guessed at.
 */
import { isPlainObject } from '../core/objects.js';
/** Whether a string holds a Go-template delimiter at all. */
export function hasTemplateMarkers(s) {
    return s.includes('{{') || s.includes('}}');
}
const SPACE = ' \t\r\n';
const FIELD = /^(?:\.[\p{L}_][\p{L}\p{N}_]*)+$/u;
/** Parses `s` as text/template does with the default `{{` `}}` delimiters. */
export function parseGoTemplate(s) {
    const nodes = [];
    const actions = [];
    let i = 0;
    let trimNext = false;
    const text = (t) => {
        const body = trimNext ? t.replace(/^[ \t\r\n]+/, '') : t;
        if (body !== '')
            nodes.push({ kind: 'text', text: body });
    };
    for (;;) {
        const open = s.indexOf('{{', i);
        if (open < 0)
            break;
        let body = open + 2;
        const trimLeft = s[body] === '-' && SPACE.includes(s[body + 1] ?? 'x');
        if (trimLeft)
            body += 2;
        const pre = s.slice(i, open);
        text(trimLeft ? pre.replace(/[ \t\r\n]+$/, '') : pre);
        const end = actionEnd(s, body);
        if ('error' in end)
            return end;
        const source = s.slice(open, end.next);
        const inner = s.slice(body, end.at).trim();
        if (!inner.startsWith('/*')) {
            actions.push(source);
            const node = action(inner, source);
            if ('error' in node)
                return node;
            nodes.push(node);
        }
        trimNext = end.trimRight;
        i = end.next;
    }
    text(s.slice(i));
    return { nodes, actions };
}
/** Where the action starting at `from` ends: Go's lexer skips quoted strings and comments. */
function actionEnd(s, from) {
    if (s.startsWith('/*', from)) {
        const close = s.indexOf('*/', from + 2);
        if (close < 0)
            return { error: 'unclosed comment' };
        const k = close + 2;
        if (s.startsWith('}}', k))
            return { at: k, next: k + 2, trimRight: false };
        if (SPACE.includes(s[k] ?? 'x') && s.startsWith('-}}', k + 1))
            return { at: k, next: k + 4, trimRight: true };
        return { error: 'comment ends before closing delimiter' };
    }
    for (let k = from; k < s.length; k++) {
        const c = s[k];
        if (c === '"' || c === "'" || c === '`') {
            const close = quoteEnd(s, k);
            if (close < 0)
                return { error: `unterminated quoted string in ${JSON.stringify(s.slice(from - 2))}` };
            k = close;
        }
        else if (SPACE.includes(c) && s.startsWith('-}}', k + 1))
            return { at: k, next: k + 4, trimRight: true };
        else if (s.startsWith('}}', k))
            return { at: k, next: k + 2, trimRight: false };
    }
    return { error: `unclosed action in ${JSON.stringify(s.slice(from - 2))}` };
}
function quoteEnd(s, at) {
    const q = s[at];
    for (let k = at + 1; k < s.length; k++) {
        if (s[k] === q)
            return k;
        if (q !== '`' && s[k] === '\\')
            k++;
        else if (q !== '`' && s[k] === '\n')
            return -1;
    }
    return -1;
}
function action(inner, source) {
    if (inner === '')
        return { error: `missing value for command in ${JSON.stringify(source)}` };
    if (FIELD.test(inner))
        return { kind: 'field', chain: inner.slice(1).split('.'), source };
    if (/^`[^`]*`$/.test(inner))
        return { kind: 'text', text: inner.slice(1, -1) };
    if (/^"(?:[^"\\\n]|\\["\\/bfnrt])*"$/.test(inner))
        return { kind: 'text', text: JSON.parse(inner) };
    return { kind: 'unsupported', source };
}
/**
 * Executes `nodes` with `missingkey=error`: a key absent from a map is `missing` (Argo CD generates
 * nothing from the ApplicationSet); a field of something that is not a map is an `error`, as in Go.
 * Values print as Go's `fmt` prints the JSON-decoded parameters (`float64`, `map[...]`, `<no value>`).
 */
export function executeGoTemplate(nodes, data) {
    let out = '';
    for (const n of nodes) {
        if (n.kind === 'text')
            out += n.text;
        else if (n.kind === 'unsupported')
            return { error: `unsupported action ${n.source}` };
        else {
            let cur = data;
            for (const [depth, name] of n.chain.entries()) {
                if (isPlainObject(cur)) {
                    if (!Object.hasOwn(cur, name))
                        return { missing: n.chain.slice(0, depth + 1).join('.') };
                    cur = cur[name];
                }
                else
                    return { error: `${n.source}: can't evaluate field ${name} in type ${goType(cur)}` };
            }
            out += cur === null || cur === undefined ? '<no value>' : goValue(cur);
        }
    }
    return { text: out };
}
function goType(v) {
    if (v === null || v === undefined)
        return 'interface {}';
    if (Array.isArray(v))
        return '[]interface {}';
    return { string: 'string', number: 'float64', boolean: 'bool' }[typeof v] ?? 'interface {}';
}
/** `fmt.Sprint` of a value `encoding/json` decoded into `any`. */
export function goValue(v) {
    if (v === null || v === undefined)
        return '<nil>';
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return goFloat(v);
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v))
        return `[${v.map(goValue).join(' ')}]`;
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, x]) => `${k}:${goValue(x)}`).join(' ')}]`;
}
/**
 * `%v` of a float64 (`strconv` 'g', shortest): exponent form when the decimal exponent is below -4
 * or at least 6 (Go's strconv/ftoa.go uses precision 6 for that decision in shortest mode), so a
 * number parameter 1000000 prints `1e+06`, as Helm users learn.
 */
function goFloat(v) {
    if (!Number.isFinite(v))
        return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    const [mantissa, exp] = v.toExponential().split('e');
    const e = Number(exp);
    if (e < -4 || e >= 6)
        return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    return String(v);
}
