import { describe, expect, test } from 'vitest';
import { formatCpu, formatMemory, parseCpu, parseMemory, parseQuantity, scaleCpu, scaleMemory } from '../../src/core/quantity.js';
const Ki = 1024;
const Mi = 1024 ** 2;
const Gi = 1024 ** 3;
describe('parseQuantity: the Kubernetes grammar, in base units', () => {
    test.each([
        ['1', 1],
        ['0', 0],
        ['250m', 0.25],
        ['1.5', 1.5],
        ['.5', 0.5],
        ['5.', 5],
        ['+2', 2],
        ['-2', -2],
        ['100n', 100e-9],
        ['100u', 100e-6],
        ['1k', 1000],
        ['1M', 1e6],
        ['1G', 1e9],
        ['1T', 1e12],
        ['1P', 1e15],
        ['1E', 1e18],
        ['1Ki', Ki],
        ['1Mi', Mi],
        ['1.5Gi', 1.5 * Gi],
        ['1Ti', 1024 ** 4],
        ['1Pi', 1024 ** 5],
        ['1Ei', 1024 ** 6],
        ['1e3', 1000],
        ['1E3', 1000],
        ['1e-3', 0.001],
        ['2.5e+2', 250],
        [2, 2],
        [0.5, 0.5],
        ['', undefined],
        ['m', undefined],
        ['1 Gi', undefined],
        ['1GB', undefined],
        ['1gi', undefined],
        ['1K', undefined],
        ['1e', undefined],
        ['1e3.5', undefined],
        ['1.2.3', undefined],
        ['.', undefined],
        ['0x10', undefined],
        ['1e400', undefined],
        ['1'.repeat(65), undefined],
        [Number.NaN, undefined],
        [Number.POSITIVE_INFINITY, undefined],
    ])('%j → %j', (q, want) => {
        const got = parseQuantity(q);
        if (want === undefined)
            expect(got).toBeUndefined();
        else
            expect(got).toBeCloseTo(want, 12);
    });
});
describe('parseCpu: whole millicores', () => {
    test.each([
        ['250m', 250],
        ['1000m', 1000],
        ['0.5', 500],
        ['2', 2000],
        ['1.1', 1100],
        ['0.001', 1],
        ['1e-3', 1],
        ['1e2', 100_000],
        [1, 1000],
        [0.25, 250],
        ['0', 0],
        ['0.0005', undefined], // finer than 1m
        ['250.5m', undefined],
        ['100Mi', undefined], // a memory amount in the wrong place
        ['1Gi', undefined],
        ['1k', undefined], // grammatical, but a thousand cores is always a mistake
        ['2G', undefined],
        ['500u', undefined],
        ['-1', undefined],
        ['lots', undefined],
    ])('%j → %j', (q, want) => expect(parseCpu(q)).toBe(want));
});
describe('parseMemory: whole bytes', () => {
    test.each([
        ['512Mi', 512 * Mi],
        ['2Gi', 2 * Gi],
        ['1.5Gi', 1.5 * Gi],
        ['0.5Ki', 512],
        ['1G', 1e9],
        ['1k', 1000],
        ['1e6', 1e6],
        ['1024', 1024],
        [268435456, 268435456],
        ['128m', undefined], // 0.128 bytes: always meant 128Mi
        ['1u', undefined],
        ['1n', undefined],
        ['0.5', undefined], // half a byte
        ['-1Gi', undefined],
        ['8Ei', undefined], // beyond exact integers
        ['1 GB', undefined],
    ])('%j → %j', (q, want) => expect(parseMemory(q)).toBe(want));
});
describe('formatting', () => {
    test.each([
        [250, '250m'],
        [1000, '1'],
        [2000, '2'],
        [1500, '1500m'],
        [62.5, '63m'],
        [0, '0'],
    ])('formatCpu(%j) → %j', (milli, want) => expect(formatCpu(milli)).toBe(want));
    test.each([
        [2 * Gi, '2Gi'],
        [512 * Mi, '512Mi'],
        [1536 * Mi, '1536Mi'],
        [Mi + 1, '2Mi'],
        [1e9, '954Mi'],
        [0, '0'],
    ])('formatMemory(%j) → %j', (bytes, want) => expect(formatMemory(bytes)).toBe(want));
});
describe('scaling rounds up', () => {
    test.each([
        ['1000m', 0.25, '250m'],
        ['250m', 0.25, '63m'],
        ['2', 0.5, '1'],
        ['1000m', 0.3, '300m'], // 300.00000000000006 in floating point
        ['1m', 0.25, '1m'], // never below 1m
        ['500m', 1, '500m'],
    ])('scaleCpu(%j, %j) → %j', (q, f, want) => expect(scaleCpu(q, f)).toBe(want));
    test.each([
        ['2Gi', 0.25, '512Mi'],
        ['4Gi', 0.5, '2Gi'],
        ['1Gi', 0.25, '256Mi'],
        ['128Mi', 0.25, '32Mi'],
        ['100Mi', 0.33, '33Mi'], // 33.0 Mi exactly after rounding noise
        ['100Mi', 0.334, '34Mi'],
        ['1Ki', 0.5, '1Mi'], // never below 1Mi
        ['1G', 1, '954Mi'],
    ])('scaleMemory(%j, %j) → %j', (q, f, want) => expect(scaleMemory(q, f)).toBe(want));
    test('scaling a quantity the loader would have refused is an internal error', () => {
        expect(() => scaleCpu('100Mi', 0.5)).toThrow('scaleCpu: not a CPU quantity: "100Mi"');
        expect(() => scaleMemory('128m', 0.5)).toThrow('scaleMemory: not a memory quantity: "128m"');
        expect(() => scaleCpu('1', 0)).toThrow('scale factor must be a positive number, got 0');
    });
});
