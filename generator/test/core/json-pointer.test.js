import { describe, expect, it, test } from 'vitest';
import { decodeToken, encodeToken, pointerTokens } from '../../src/core/json-pointer.js';
describe('JSON pointers (RFC 6901)', () => {
    test.each([
        ['', []],
        ['/', ['']],
        ['/spec/ports/0/name', ['spec', 'ports', '0', 'name']],
        ['/metadata/annotations/a~1b', ['metadata', 'annotations', 'a/b']],
        ['/a~0b', ['a~b']],
        // decoded ~1 before ~0: `~01` is the text `~1`, never `/`
        ['/~01', ['~1']],
    ])('%j → %j', (pointer, tokens) => expect(pointerTokens(pointer)).toEqual(tokens));
    test.each(['a/b', 'a~b', '~1', 'plain', ''])('encode and decode %j round-trips', (key) => expect(decodeToken(encodeToken(key))).toBe(key));
});
describe('JSON Pointer reference tokens, encoded and decoded', () => {
    const cases = [
        ['a plain key is its own token', 'replicas', 'replicas'],
        ['a slash becomes ~1', 'argocd.argoproj.io/sync-wave', 'argocd.argoproj.io~1sync-wave'],
        ['a tilde becomes ~0', 'a~b', 'a~0b'],
        ['a tilde before a 1 stays a tilde (~01, not ~1)', '~1', '~01'],
        ['both, in order', '~/', '~0~1'],
        ['the empty key', '', ''],
    ];
    it.each(cases)('%s', (_name, key, token) => {
        expect(encodeToken(key)).toBe(token);
        expect(decodeToken(token)).toBe(key);
    });
});
