/** The stand-in for Argo Rollouts' measurement verdict (helpers/rollouts-evaluate.ts) on the forms it accepts. */
import { describe, expect, it } from 'vitest';
import { evaluateResult } from '../helpers/rollouts-evaluate.js';
const both = { successCondition: 'result[0] <= 0.01', failureCondition: 'result[0] > 0.01' };
describe('evaluateResult', () => {
    it.each([
        ['below the bound: Successful', both, [0.005], 'Successful'],
        ['on the bound: Successful', both, [0.01], 'Successful'],
        ['above it: Failed', both, [0.02], 'Failed'],
        ['NaN: neither condition holds, Inconclusive', both, [NaN], 'Inconclusive'],
        ['an empty result: result[0] is an evaluation error', both, [], 'Error'],
        ['success condition only: whatever is not a success fails, NaN too', { successCondition: 'result[0] <= 0.01' }, [NaN], 'Failed'],
        ['failure condition only: whatever is not a failure succeeds, NaN too', { failureCondition: 'result[0] > 0.01' }, [NaN], 'Successful'],
        ['no condition: Successful', {}, [NaN], 'Successful'],
        ['regression, the condition rendered before: NaN passed', { successCondition: 'isNaN(result[0]) || result[0] <= 0.01' }, [NaN], 'Successful'],
    ])('%s', (_name, metric, result, phase) => {
        expect(evaluateResult(metric, result)).toBe(phase);
    });
    it('refuses a condition it cannot read, rather than guess', () => {
        expect(() => evaluateResult({ successCondition: 'len(result) > 0 && result[0] < 1' }, [0])).toThrow('condition term "len(result) > 0 && result[0] < 1" is not of the form result[<n>] <op> <number> or isNaN(result[<n>])');
    });
});
