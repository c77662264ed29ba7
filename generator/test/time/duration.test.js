import { describe, expect, test } from 'vitest';
import { durationSeconds } from '../../src/time/duration.js';
describe('durationSeconds', () => {
    test.each([
        ['10m', 600], ['90s', 90], ['1h30m', 5400], ['0s', 0],
        ['', undefined], ['10', undefined], ['1.5h', undefined], ['10 m', undefined], ['1d', undefined], ['30m1h', undefined],
    ])('%s', (v, s) => expect(durationSeconds(v)).toBe(s));
});
