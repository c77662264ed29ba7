import { deepEqual } from '../core/deep-equal.js';
import { decodeToken, encodeToken } from '../core/json-pointer.js';
import { isPlainObject } from '../core/objects.js';
/**
 * The JSON Patch that turns `from` into `to`: objects are compared key by key, arrays of equal
 * length element by element, anything else is replaced whole. Operations come in a fixed order
 * (removals, then changes and additions in `to`'s key order), so the same inputs give the same patch.
 */
export function jsonDiff(from, to, path = '') {
    const ops = [];
    walk(from, to, path, ops);
    return ops;
}
function walk(a, b, path, ops) {
    if (a === b)
        return;
    if (isPlainObject(a) && isPlainObject(b)) {
        for (const key of Object.keys(a))
            if (!(key in b))
                ops.push({ op: 'remove', path: `${path}/${encodeToken(key)}` });
        for (const key of Object.keys(b)) {
            if (key in a)
                walk(a[key], b[key], `${path}/${encodeToken(key)}`, ops);
            else
                ops.push({ op: 'add', path: `${path}/${encodeToken(key)}`, value: b[key] });
        }
        return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        a.forEach((item, index) => walk(item, b[index], `${path}/${index}`, ops));
        return;
    }
    // Each subtree is compared once, on the way down: the walk stays linear in the document size.
    if (!deepEqual(a, b))
        ops.push({ op: 'replace', path, value: b });
}
/** Applies a patch produced by {@link jsonDiff} (used by tests and to double-check the renderer). */
export function applyPatch(doc, ops) {
    const root = structuredClone(doc);
    for (const op of ops) {
        const keys = op.path.split('/').slice(1).map(decodeToken);
        const last = keys.pop();
        let parent = root;
        for (const k of keys)
            parent = parent[k];
        if (op.op === 'remove') {
            if (Array.isArray(parent))
                parent.splice(Number(last), 1);
            else
                delete parent[last];
        }
        else if (Array.isArray(parent))
            parent[Number(last)] = structuredClone(op.value);
        else
            parent[last] = structuredClone(op.value);
    }
    return root;
}
