import { describe, expect, test } from 'vitest';
import { checkZone } from '../../src/time/zone.js';
describe('checkZone: what Go time.LoadLocation (Argo CD) loads', () => {
    test.each([
        ['Asia/Shanghai', { ok: true }],
        ['Etc/GMT-8', { ok: true }],
        ['America/Argentina/Buenos_Aires', { ok: true }],
        ['UTC', { ok: true }],
        ['asia/shanghai', { ok: false, suggestion: 'Asia/Shanghai' }],
        ['Asia/Shangai', { ok: false }],
        // UTC offsets: newer ICU accepts them as zones, Go does not.
        ['+08:00', { ok: false }],
        ['UTC+8', { ok: false }],
        ['', { ok: false }],
        ['Local', { ok: false }],
    ])('%j', (name, want) => expect(checkZone(name)).toEqual(want));
});
