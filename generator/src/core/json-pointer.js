/**
 * JSON pointers (RFC 6901), as ajv reports the place of a schema violation and JSON Patch names
 * the place it changes: `/spec/template/metadata/annotations/a~1b` is the key `a/b`.
 */
/** The decoded reference tokens of `pointer`: `/a~1b/0` → `['a/b', '0']`; `''` (the whole document) → `[]`. */
export function pointerTokens(pointer) {
    return pointer === '' ? [] : pointer.slice(1).split('/').map(decodeToken);
}
/** One reference token decoded: `~1` is `/`, `~0` is `~` (in that order, so `~01` is `~1`). */
export function decodeToken(token) {
    return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
/** One key encoded as a reference token: `a/b` → `a~1b`, `a~b` → `a~0b`. */
export function encodeToken(key) {
    return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
