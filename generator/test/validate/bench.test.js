import { describe, expect, it } from 'vitest';
import { benchSchema } from '../../src/validate/schema/index.js';
import { benchMix } from './corpus.js';
// Exercises the benchmark entry point (no timing assertion: machines differ).
describe('benchSchema', () => {
    it('returns a positive objects/s figure for the realistic mix', () => {
        expect(benchSchema(benchMix(), 0.05)).toBeGreaterThan(0);
    });
    it('returns 0 for no objects', () => {
        expect(benchSchema([], 0.05)).toBe(0);
    });
});
