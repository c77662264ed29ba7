/**
 * A small, deterministic YAML emitter for JSON-shaped data (objects, arrays, strings, numbers,
 * booleans, null). Keys keep insertion order, so callers decide the order once, by construction.
 *
 * Why not `yaml.stringify`: rendering 1,000 services means ~40 MB of YAML, and the `yaml` package
 * emits ~8 MB/s. This emitter only ever writes two string styles — plain when provably safe, JSON
 * double-quoted otherwise (JSON strings are valid YAML) — plus literal blocks for multi-line text,
 * which keeps it short enough to trust and fast enough not to matter.
 */
import { isPlainObject } from '../core/objects.js';
/** Emits one YAML document (without `---`), ending with a newline. */
export function toYaml(value) {
    const out = [];
    emit(value, 0, out, true);
    return out.join('');
}
/** Emits several documents separated by `---`. */
export function toYamlDocuments(values) {
    return values.map((v) => toYaml(v)).join('---\n');
}
const INDENT = '  ';
function emit(value, depth, out, inSeq) {
    if (Array.isArray(value)) {
        if (value.length === 0) {
            out.push('[]\n');
            return;
        }
        if (!inSeq)
            out.push('\n');
        let first = inSeq;
        for (const item of value) {
            out.push(first ? '- ' : `${INDENT.repeat(depth)}- `);
            first = false;
            emitItem(item, depth + 1, out);
        }
        return;
    }
    if (isPlainObject(value)) {
        const keys = Object.keys(value).filter((k) => value[k] !== undefined);
        if (keys.length === 0) {
            out.push('{}\n');
            return;
        }
        if (!inSeq)
            out.push('\n');
        let first = inSeq;
        for (const key of keys) {
            out.push(first ? '' : INDENT.repeat(depth));
            first = false;
            out.push(scalarKey(key), ':');
            const v = value[key];
            if ((Array.isArray(v) && v.length > 0) || (isPlainObject(v) && Object.keys(v).length > 0)) {
                // Sequences under a mapping key are not indented further (the Kubernetes style).
                emit(v, Array.isArray(v) ? depth : depth + 1, out, false);
            }
            else {
                out.push(' ');
                emitScalar(v, depth + 1, out);
            }
        }
        return;
    }
    emitScalar(value, depth, out);
}
function emitItem(item, depth, out) {
    if ((Array.isArray(item) && item.length > 0) || (isPlainObject(item) && Object.keys(item).length > 0)) {
        emit(item, depth, out, true);
    }
    else {
        emitScalar(item, depth, out);
    }
}
function emitScalar(value, depth, out) {
    if (value === null)
        out.push('null\n');
    else if (typeof value === 'boolean')
        out.push(value ? 'true\n' : 'false\n');
    else if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`cannot emit non-finite number ${value}`);
        out.push(`${value}\n`);
    }
    else if (typeof value === 'string')
        out.push(scalarString(value, depth), '\n');
    else if (Array.isArray(value))
        out.push('[]\n');
    else if (isPlainObject(value))
        out.push('{}\n');
    else
        throw new Error(`cannot emit ${typeof value} as YAML`);
}
// Plain scalars that YAML 1.1 or 1.2 would read as something other than a string must be quoted.
const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$/;
// Go's strconv.ParseInt (base 0), which go-yaml v2 uses, takes upper-case prefixes too: `0X1F` is 31 for
// kubectl apply (kubernetes-sigs/yaml goyaml.v2/resolve.go:151 @ v1.4.0; core/yaml11.ts).
const NUMBERISH = /^[-+]?(?:\.?[0-9][0-9_.:eE+-]*|\.(?:inf|Inf|INF|nan|NaN|NAN)|0[xobXOB][0-9a-fA-F_]+)$/;
// Conservative plain-safe set: starts with a letter, digit, slash or dot-path character and contains
// no indicator that could start a comment, mapping, flow collection, alias, tag or directive.
const PLAIN = /^[A-Za-z0-9_/.$][A-Za-z0-9_/.$@%()=+-]*(?: [A-Za-z0-9_/.$@%()=+-]+)*$/;
function scalarKey(key) {
    return isPlainSafe(key) ? key : JSON.stringify(key);
}
function scalarString(s, depth) {
    // Literal blocks for multi-line text; the first line must not start with a space (that would need an
    // indentation indicator) and control characters other than newline are left to JSON escapes.
    if (s.includes('\n') && !s.startsWith(' ') && !s.startsWith('\n') && !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s)) {
        return literalBlock(s, depth);
    }
    return isPlainSafe(s) ? s : JSON.stringify(s);
}
function isPlainSafe(s) {
    return s !== '' && PLAIN.test(s) && !RESERVED.test(s) && !NUMBERISH.test(s);
}
/** `|` block, with the chomping indicator that reproduces the trailing newlines exactly. */
function literalBlock(s, depth) {
    const trailing = /\n*$/.exec(s)[0].length;
    const body = s.slice(0, s.length - trailing);
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const pad = INDENT.repeat(Math.max(depth, 1));
    const lines = (trailing > 1 ? `${body}${'\n'.repeat(trailing - 1)}` : body).split('\n');
    return `|${chomp}\n${lines.map((l) => (l === '' ? '' : pad + l)).join('\n')}`;
}
