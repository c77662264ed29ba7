import { isPlainObject } from './objects.js';
/**
 * Calls `visit` on every string of a plain-data tree, map keys included (`key` true, with the path of
 * the entry the key names), depth first, keys in their order. Argo CD templates both, so whatever
 * reasons about ApplicationSet templates must see both.
 */
export function eachString(v, path, visit) {
    if (typeof v === 'string')
        visit(path, v, false);
    else if (Array.isArray(v))
        v.forEach((x, i) => eachString(x, [...path, i], visit));
    else if (isPlainObject(v)) {
        for (const [k, x] of Object.entries(v)) {
            visit([...path, k], k, true);
            eachString(x, [...path, k], visit);
        }
    }
}
