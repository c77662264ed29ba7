import { formatPath } from '../../core/finding.js';
import { pointerTokens } from '../../core/json-pointer.js';
/**
 * Turns ajv errors into findings. The compiled validators report every branch of a `oneOf`
 * (Quantity is `number | quantity-string`, nullable refs are `T | null`); we keep the one error that
 * explains the problem: a format or enum error beats the type errors of the other branches, and
 * type errors of the alternatives are merged into "expected number or string".
 */
export function ajvFindings(errors, obj, ctx) {
    const byPath = new Map();
    for (const e of errors) {
        if (e.keyword === 'type' && e.params.type === 'null')
            continue;
        let list = byPath.get(e.instancePath);
        if (!list)
            byPath.set(e.instancePath, (list = []));
        list.push(e);
    }
    const paths = [...byPath.keys()];
    const out = [];
    for (const [pointer, list] of byPath) {
        const branchy = list.some((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
        const deeper = paths.some((p) => p !== pointer && p.startsWith(`${pointer}/`));
        let kept = list.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
        if (branchy) {
            const specific = kept.filter((e) => e.keyword !== 'type');
            if (specific.length > 0 || deeper)
                kept = specific;
            else if (kept.length > 1)
                kept = [mergeTypes(kept)];
        }
        if (kept.length === 0 && branchy && !deeper)
            kept = list.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').slice(0, 1);
        const { segments, value } = resolve(obj, pointer);
        const seen = new Set();
        for (const e of kept) {
            const f = toFinding(e, segments, value, ctx);
            const key = `${f.check}\0${f.path}\0${f.message}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(f);
        }
    }
    return out;
}
function mergeTypes(list) {
    const types = [...new Set(list.flatMap((e) => typeList(e.params.type)))];
    return { instancePath: list[0].instancePath, keyword: 'type', params: { type: types } };
}
function typeList(t) {
    return Array.isArray(t) ? t.map(String) : [String(t)];
}
/** Decodes a JSON pointer against the object, so array indexes print as `[0]`. */
function resolve(obj, pointer) {
    const segments = [];
    let cur = obj;
    if (pointer === '')
        return { segments, value: cur };
    for (const key of pointerTokens(pointer)) {
        if (Array.isArray(cur) && /^\d+$/.test(key)) {
            segments.push(Number(key));
            cur = cur[Number(key)];
        }
        else {
            segments.push(key);
            cur = cur !== null && typeof cur === 'object' ? cur[key] : undefined;
        }
    }
    return { segments, value: cur };
}
function toFinding(e, segments, value, ctx) {
    const p = e.params;
    let check = 'schema/invalid';
    let path = segments;
    let message;
    let hint;
    switch (e.keyword) {
        case 'type': {
            const types = typeList(p.type);
            check = 'schema/type';
            message = `expected ${types.join(' or ')}, got ${describe(value)}`;
            if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
                hint = `quote the value: "${String(value)}"`;
            }
            break;
        }
        case 'required':
            check = 'schema/required';
            path = [...segments, String(p.missingProperty)];
            message = `required field "${String(p.missingProperty)}" is missing`;
            break;
        case 'enum': {
            const allowed = Array.isArray(p.allowedValues) ? p.allowedValues : [];
            check = 'schema/enum';
            message = `${brief(value)} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
            break;
        }
        case 'const':
            check = 'schema/enum';
            message = `${brief(value)} is not the allowed value ${JSON.stringify(p.allowedValue)}`;
            break;
        case 'format':
            check = 'schema/format';
            message = `${brief(value)} is not a valid ${String(p.format)}`;
            if (p.format === 'quantity')
                hint = 'quantities look like "500m", "1", "128Mi", "1.5Gi"';
            break;
        case 'pattern':
            check = 'schema/format';
            message = `${brief(value)} does not match the pattern ${String(p.pattern)}`;
            break;
        case 'additionalProperties':
            check = 'schema/unknown-field';
            path = [...segments, String(p.additionalProperty)];
            message = `unknown field "${String(p.additionalProperty)}"`;
            break;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            check = 'schema/range';
            message = `${brief(value)} must be ${String(p.comparison)} ${String(p.limit)}`;
            break;
        case 'minLength':
        case 'maxLength':
        case 'minItems':
        case 'maxItems':
        case 'minProperties':
        case 'maxProperties':
            check = 'schema/range';
            message = `must have ${e.keyword.startsWith('min') ? 'at least' : 'at most'} ${String(p.limit)} ${unit(e.keyword)}`;
            break;
        case 'uniqueItems':
            check = 'schema/duplicate';
            path = [...segments, Math.max(Number(p.i), Number(p.j))];
            message = `duplicate entry: items [${Math.min(Number(p.i), Number(p.j))}] and [${Math.max(Number(p.i), Number(p.j))}] are equal`;
            hint = 'the items of this list must be unique (x-kubernetes-list-type: set); remove the duplicate';
            break;
        default:
            message = e.message ? `${e.message}` : `fails the "${e.keyword}" rule ${JSON.stringify(p)}`;
    }
    const f = { check, severity: 'error', file: ctx.file, object: ctx.object, path: formatPath(path), message };
    if (ctx.line !== undefined)
        f.line = ctx.line;
    if (hint !== undefined)
        f.hint = hint;
    return f;
}
function unit(keyword) {
    if (keyword.endsWith('Length'))
        return 'characters';
    if (keyword.endsWith('Items'))
        return 'items';
    return 'properties';
}
/** A value as written, for enum and format messages: `"Sometimes"`, `3`. */
function brief(value) {
    if (value !== null && typeof value === 'object')
        return describe(value);
    const s = JSON.stringify(value) ?? 'nothing';
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
/** A short description of a value for messages: strings quoted, objects by kind. */
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string') {
        const s = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return `string ${JSON.stringify(s)}`;
    }
    if (value === undefined)
        return 'nothing';
    return `${typeof value} ${String(value)}`;
}
