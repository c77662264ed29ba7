import { isPlainObject } from './objects.js';
/** Structural equality of JSON data; key order does not matter, array order does. */
export function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a))
        return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (isPlainObject(a) && isPlainObject(b)) {
        const ka = Object.keys(a);
        if (ka.length !== Object.keys(b).length)
            return false;
        return ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}
