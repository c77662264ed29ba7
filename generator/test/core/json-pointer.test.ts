import { describe, expect, test } from 'vitest';
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
