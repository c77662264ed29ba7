import { describe, expect, it } from 'vitest';
import { deepEqual } from '../../src/core/deep-equal.js';
describe('deepEqual of JSON data', () => {
    const cases = [
        ['same scalars', 1, 1, true],
        ['different scalars', 1, '1', false],
        ['key order does not matter', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
        ['array order does', [1, 2], [2, 1], false],
        ['a missing key', { a: 1 }, { a: 1, b: 2 }, false],
        ['an undefined value is not a missing key', { a: undefined }, { b: undefined }, false],
        ['an array is not a map', [], {}, false],
        ['null is not a map', null, {}, false],
        ['nested difference', { spec: { ports: [{ port: 80 }] } }, { spec: { ports: [{ port: 81 }] } }, false],
    ];
    it.each(cases)('%s', (_name, a, b, equal) => {
        expect(deepEqual(a, b)).toBe(equal);
        expect(deepEqual(b, a)).toBe(equal);
    });
});
