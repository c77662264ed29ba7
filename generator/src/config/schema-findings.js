import { formatPath } from '../core/finding.js';
import { pointerTokens } from '../core/json-pointer.js';
import { didYouMean } from './shared/names.js';
import { configFinding } from './yaml-source.js';
/** One ajv error as a finding: what is wrong where, in words, with a hint to fix it. */
export function schemaFinding(e, source, at) {
    const file = source.file;
    const where = at.length > 0 ? `\`${formatPath(at)}\`` : 'the file';
    const parent = e.parentSchema;
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const path = [...at, key];
            const allowed = Object.keys(parent?.properties ?? {});
            return configFinding('unknown-key', file, source.lineOf(path), path, `unknown key \`${key}\`${at.length > 0 ? ` in ${where}` : ''}`, didYouMean(key, allowed) ?? `allowed keys: ${allowed.join(', ')}`);
        }
        case 'required': {
            const key = String(e.params.missingProperty);
            const schema = parent?.properties?.[key];
            const example = schema?.examples?.[0];
            return configFinding('required', file, source.lineOf(at), [...at, key], `missing required key \`${key}\`${at.length > 0 ? ` in ${where}` : ''}`, example === undefined ? `add \`${key}:\`` : `add \`${key}: ${inlineYaml(example)}\``);
        }
        case 'type': {
            const expected = [].concat(e.params.type);
            return typeFinding(source, at, expected.map(typeName).join(' or '), expected);
        }
        case 'const':
            return typeFinding(source, at, '`false` or a mapping', ['object'], 'e.g. `autoscaling: {minReplicas: 2, maxReplicas: 10, cpu: 70}`, or `false` for a fixed replica count');
        case 'enum': {
            const allowed = e.params.allowedValues.map(String);
            const found = String(e.data);
            return configFinding('enum', file, source.lineOf(at, 'value'), at, `${where} must be one of ${allowed.join(', ')}; found \`${found}\``, didYouMean(found, allowed) ?? `use one of: ${allowed.join(', ')}`);
        }
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum': {
            const limit = e.params.limit;
            const relation = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[e.keyword];
            return configFinding('range', file, source.lineOf(at, 'value'), at, `${where} must be ${relation} ${limit}; found ${String(e.data)}`, rangeHint(parent));
        }
        case 'minLength':
        case 'minItems':
        case 'minProperties':
            return configFinding('empty', file, source.lineOf(at, 'value'), at, `${where} must not be empty`, exampleHint(parent, at));
        case 'uniqueItems': {
            const path = [...at, e.params.i];
            const item = e.data[e.params.i];
            return configFinding('duplicate', file, source.lineOf(path), path, `${where} lists \`${String(item)}\` more than once`, 'remove the repeated entry');
        }
        case 'pattern': {
            // A pattern says nothing to a reader: show the value, the form, and the declaration's example or default.
            const value = valueAt(source.data, at);
            const example = parent?.examples?.[0] ?? parent?.default;
            const key = at[at.length - 1];
            return configFinding('pattern', file, source.lineOf(at, 'value'), at, `${where} is \`${String(value)}\`, not of the form ${String(e.params.pattern)}`, example !== undefined && typeof key === 'string' ? `e.g. \`${key}: ${inlineYaml(example)}\`` : undefined);
        }
        default:
            return configFinding('schema', file, source.lineOf(at), at, `${where} ${e.message ?? 'is invalid'}`);
    }
}
function typeFinding(source, at, expected, types, fallbackHint) {
    const where = at.length > 0 ? `\`${formatPath(at)}\`` : 'the file';
    const value = valueAt(source.data, at);
    const text = source.sourceOf(at);
    const key = at[at.length - 1];
    let hint = fallbackHint;
    if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
        hint = `quote it: \`${String(key)}: "${text ?? String(value)}"\`${typeof value === 'number' && text !== String(value) ? ` (unquoted, YAML reads ${text} as the number ${value})` : ''}`;
    }
    else if ((types.includes('integer') || types.includes('number')) && typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value)) {
        hint = `write the number without quotes: \`${String(key)}: ${value}\``;
    }
    else if (types.includes('array') && value !== null && typeof value !== 'object') {
        hint = `write a list: \`${String(key)}: [${text ?? String(value)}]\``;
    }
    else if (types.includes('boolean') && typeof value === 'string') {
        hint = `write \`true\` or \`false\` without quotes`;
    }
    else if (value === null) {
        hint = `give \`${String(key)}\` a value, or remove the key to use the default`;
    }
    else if (at.length === 0) {
        hint = 'the top level of a config file is a mapping of keys such as `name:`';
    }
    return configFinding('type', source.file, source.lineOf(at, 'value'), at, `${where} must be ${expected}; found ${describe(value, text)}`, hint);
}
function typeName(t) {
    return ({ string: 'a string', integer: 'a whole number', number: 'a number', boolean: '`true` or `false`', object: 'a mapping', array: 'a list' }[t] ??
        t);
}
function describe(v, text) {
    if (v === null || v === undefined)
        return 'no value';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    return `${typeof v === 'number' ? 'the number' : 'the boolean'} ${text ?? String(v)}`;
}
function rangeHint(schema) {
    const n = (k) => schema?.[k];
    const [min, xmin, max, xmax] = [n('minimum'), n('exclusiveMinimum'), n('maximum'), n('exclusiveMaximum')];
    if (min !== undefined && max !== undefined)
        return `use a value from ${min} to ${max}`;
    const parts = [
        min !== undefined ? `at least ${min}` : xmin !== undefined ? `above ${xmin}` : '',
        max !== undefined ? `at most ${max}` : xmax !== undefined ? `below ${xmax}` : '',
    ].filter(Boolean);
    return parts.length > 0 ? `use a value ${parts.join(' and ')}` : undefined;
}
function exampleHint(schema, at) {
    const example = schema?.examples?.[0];
    const key = at[at.length - 1];
    return example === undefined || typeof key !== 'string' ? undefined : `e.g. \`${key}: ${inlineYaml(example)}\``;
}
/** A value as one line of flow YAML, for hints: `{cpu: 250m, memory: 512Mi}`. */
function inlineYaml(v) {
    if (Array.isArray(v))
        return `[${v.map(inlineYaml).join(', ')}]`;
    if (v !== null && typeof v === 'object') {
        return `{${Object.entries(v).map(([k, x]) => `${k}: ${inlineYaml(x)}`).join(', ')}}`;
    }
    if (typeof v === 'string' && /^[\d.]+$/.test(v))
        return JSON.stringify(v);
    return String(v);
}
/** JSON pointer → YAML path segments; array indexes become numbers. */
export function toSegments(pointer, data) {
    const out = [];
    let node = data;
    for (const seg of pointerTokens(pointer)) {
        if (Array.isArray(node)) {
            out.push(Number(seg));
            node = node[Number(seg)];
        }
        else {
            out.push(seg);
            node = node !== null && typeof node === 'object' ? node[seg] : undefined;
        }
    }
    return out;
}
function valueAt(data, path) {
    let node = data;
    for (const seg of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[seg];
    }
    return node;
}
