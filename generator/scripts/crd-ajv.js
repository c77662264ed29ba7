/** The formats `crd-formats.cjs` implements; every other format is ignored (see above). */
export const CHECKED_FORMATS = new Set(['date-time', 'datetime', 'date', 'byte', 'ipv4', 'ipv6', 'cidr', 'uuid', 'mac']);
const str = { type: 'string' };
const strMap = { type: 'object', additionalProperties: str };
/** ObjectMeta's fields and types (k8s.io/apimachinery ObjectMeta), for the root and embedded resources. */
const OBJECT_META = {
    type: 'object',
    properties: {
        name: str, generateName: str, namespace: str, uid: str, resourceVersion: str, selfLink: str,
        generation: { type: 'integer' }, deletionGracePeriodSeconds: { type: 'integer' },
        creationTimestamp: { type: ['string', 'null'] }, deletionTimestamp: { type: ['string', 'null'] },
        labels: strMap, annotations: strMap,
        finalizers: { type: 'array', items: str },
        managedFields: { type: 'array', items: { type: 'object' } },
        ownerReferences: {
            type: 'array',
            items: {
                type: 'object',
                required: ['apiVersion', 'kind', 'name', 'uid'],
                properties: { apiVersion: str, kind: str, name: str, uid: str, controller: { type: 'boolean' }, blockOwnerDeletion: { type: 'boolean' } },
            },
        },
    },
};
const COPIED = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf', 'uniqueItems'];
const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
/** The ajv schema of a resource: the CRD schema with the root treated as an embedded resource. */
export function resourceSchema(schema, stats) {
    const out = toAjv({ ...schema, 'x-kubernetes-embedded-resource': true }, stats);
    const meta = obj(obj(schema.properties)?.metadata);
    // The CRD's own `metadata` schema may only restrict name and generateName: both apply, beside ObjectMeta.
    if (meta && obj(meta.properties))
        out.properties.metadata = { allOf: [OBJECT_META, toAjv(meta, stats)] };
    return out;
}
function toAjv(s, stats) {
    const out = {};
    const nullable = s.nullable === true;
    let types = s['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : typeof s.type === 'string' ? [s.type] : undefined;
    if (types && nullable)
        types = [...types, 'null'];
    if (types)
        out.type = types.length === 1 ? types[0] : types;
    for (const k of COPIED)
        if (s[k] !== undefined)
            out[k] = s[k];
    if (typeof s.minimum === 'number')
        out[s.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = s.minimum;
    if (typeof s.maximum === 'number')
        out[s.exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = s.maximum;
    if (Array.isArray(s.enum))
        out.enum = nullable && !s.enum.includes(null) ? [...s.enum, null] : s.enum;
    if (typeof s.pattern === 'string') {
        const p = jsPattern(s.pattern);
        if (p === undefined)
            stats.droppedPatterns.push(s.pattern);
        else
            out.pattern = p;
    }
    if (typeof s.format === 'string' && CHECKED_FORMATS.has(s.format))
        out.format = s.format === 'datetime' ? 'date-time' : s.format;
    if (Array.isArray(s.required) && s.required.length > 0)
        out.required = s.required;
    const props = obj(s.properties);
    if (props)
        out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toAjv(obj(v) ?? {}, stats)]));
    const items = obj(s.items);
    if (items)
        out.items = toAjv(items, stats);
    const additional = obj(s.additionalProperties);
    if (additional)
        out.additionalProperties = toAjv(additional, stats);
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
        if (Array.isArray(s[k]))
            out[k] = s[k].map((x) => toAjv(obj(x) ?? {}, stats));
    }
    const not = obj(s.not);
    if (not)
        out.not = toAjv(not, stats);
    if (s['x-kubernetes-list-type'] === 'set')
        out.uniqueItems = true;
    if (s['x-kubernetes-embedded-resource'] === true) {
        const required = new Set([...(out.required ?? []), 'apiVersion', 'kind']);
        out.required = [...required];
        out.properties = { ...out.properties, apiVersion: { type: 'string', minLength: 1 }, kind: { type: 'string', minLength: 1 }, metadata: OBJECT_META };
    }
    return out;
}
/**
 * A Go RE2 pattern as a JavaScript (`u` flag) pattern, or `undefined` when it has no equivalent.
 * RE2's `(?i)` flag group makes the rest of its group case-insensitive; JavaScript has no such group,
 * so each letter from there to the end of the enclosing group becomes `[xX]`.
 */
export function jsPattern(pattern) {
    if (compiles(pattern))
        return pattern;
    if (!pattern.includes('(?i)'))
        return undefined;
    let out = '';
    let depth = 0;
    let foldUntil = -1; // fold letters while depth >= foldUntil
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            out += c + (pattern[i + 1] ?? '');
            i++;
            continue;
        }
        if (!inClass && pattern.startsWith('(?i)', i)) {
            if (foldUntil < 0 || depth < foldUntil)
                foldUntil = depth;
            i += 3;
            continue;
        }
        if (c === '[' && !inClass)
            inClass = true;
        else if (c === ']' && inClass)
            inClass = false;
        else if (c === '(' && !inClass)
            depth++;
        else if (c === ')' && !inClass) {
            depth--;
            if (depth < foldUntil)
                foldUntil = -1;
        }
        const fold = foldUntil >= 0 && !inClass && /[a-z]/i.test(c);
        out += fold ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
    }
    return compiles(out) ? out : undefined;
}
function compiles(pattern) {
    try {
        new RegExp(pattern, 'u');
        return true;
    }
    catch {
        return false;
    }
}
/** The places a subschema sits: under these keys (maps of schemas, a schema, or lists of schemas). */
const SCHEMA_MAPS = ['properties'];
const SCHEMA_ONE = ['items', 'additionalProperties', 'not'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
/**
 * Moves every subschema that occurs more than once and is not tiny into `definitions`, referenced by
 * `$ref`, so ajv (with `inlineRefs: false`) compiles it once. The Argo CD ApplicationSet schema repeats
 * the Application template in every generator: inlined, its validator is 7 MB of code and takes
 * 0.6 s to load; shared, a fraction of that.
 */
export function shareRepeats(root, minSize = 500) {
    const ids = new Map();
    const info = [];
    const idOf = new Map();
    const visit = (s) => {
        const parts = [];
        let size = 0;
        const child = (c) => {
            const id = visit(c);
            size += info[id].size;
            return id;
        };
        for (const [k, v] of Object.entries(s)) {
            if (SCHEMA_MAPS.includes(k) && v && typeof v === 'object') {
                parts.push([k, Object.entries(v).map(([n, c]) => [n, child(c)])]);
            }
            else if (SCHEMA_ONE.includes(k) && v && typeof v === 'object')
                parts.push([k, child(v)]);
            else if (SCHEMA_LISTS.includes(k) && Array.isArray(v))
                parts.push([k, v.map((c) => child(c))]);
            else
                parts.push([k, v]);
        }
        const key = JSON.stringify(parts);
        let id = ids.get(key);
        if (id === undefined) {
            id = info.length;
            ids.set(key, id);
            // The size of the whole subschema, as written out: its own keywords and its children's.
            info.push({ count: 0, size: size + key.length });
        }
        info[id].count++;
        idOf.set(s, id);
        return id;
    };
    visit(root);
    const definitions = {};
    const rewrite = (s, top) => {
        const id = idOf.get(s);
        const shared = !top && info[id].count > 1 && info[id].size >= minSize;
        const name = `s${id}`;
        if (shared && definitions[name])
            return { $ref: `#/definitions/${name}` };
        const out = {};
        for (const [k, v] of Object.entries(s)) {
            if (SCHEMA_MAPS.includes(k) && v && typeof v === 'object') {
                out[k] = Object.fromEntries(Object.entries(v).map(([n, c]) => [n, rewrite(c, false)]));
            }
            else if (SCHEMA_ONE.includes(k) && v && typeof v === 'object')
                out[k] = rewrite(v, false);
            else if (SCHEMA_LISTS.includes(k) && Array.isArray(v))
                out[k] = v.map((c) => rewrite(c, false));
            else
                out[k] = v;
        }
        if (!shared)
            return out;
        definitions[name] = out;
        return { $ref: `#/definitions/${name}` };
    };
    const out = rewrite(root, true);
    if (Object.keys(definitions).length > 0)
        out.definitions = definitions;
    return out;
}
