/**
 * How Argo Rollouts judges one measurement of an AnalysisTemplate metric, for the conditions the
 * generator renders and has rendered (`result[<n>] <= <number>`, `result[<n>] > <number>`, the other
 * comparisons, `isNaN(result[<n>])`, joined by `||`).
 *
 * - `EvaluateResult` (argo-rollouts `utils/evaluate/evaluate.go:18-58 @ v1.8.4`, `:17-57 @ v1.7.2`):
 *   both conditions are evaluated; a true failure condition fails the measurement; neither true is
 *   Inconclusive; otherwise Successful. A condition that cannot be evaluated is an Error.
 * - The Prometheus provider hands over a vector's values as `[]float64`
 *   (`metricproviders/prometheus/prometheus.go:174-183 @ v1.8.4`), so `result[0]` of an empty result
 *   is an index error (Error), not a number.
 * - `expr` v1.15.5 (pinned in argo-rollouts go.mod) compares two float64 with Go's operators
 *   (`vm/runtime/generated.go:1003-1028` for `>`, `:1348-1373` for `<=`): every comparison with NaN
 *   is false, as in JavaScript.
 *
 * Anything else in a condition is refused: the test must fail rather than guess.
 */
export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** `result[n]` past the end of the result: `expr` fails at run time, so the measurement is an Error. */
class IndexOutOfRange extends Error {}

const COMPARISON = /^result\[(\d+)\] (<=|<|>=|>|==|!=) (-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;
const IS_NAN = /^isNaN\(result\[(\d+)\]\)$/;

function at(result: readonly number[], index: number): number {
  if (index >= result.length) throw new IndexOutOfRange(`index out of range [${index}] with length ${result.length}`);
  return result[index]!;
}

/**
 * Evaluates one condition on a measurement: terms `result[<n>] <op> <number>` or `isNaN(result[<n>])`,
 * joined by `||` (evaluated left to right, stopping at the first true term, as `expr` does). Throws
 * on any other form, and on an index past the result.
 */
function evalCondition(condition: string, result: readonly number[]): boolean {
  return condition.split(' || ').some((term) => evalTerm(term, result));
}

function evalTerm(term: string, result: readonly number[]): boolean {
  const nan = IS_NAN.exec(term);
  if (nan) return Number.isNaN(at(result, Number(nan[1])));
  const m = COMPARISON.exec(term);
  if (!m) throw new Error(`condition term ${JSON.stringify(term)} is not of the form result[<n>] <op> <number> or isNaN(result[<n>])`);
  const [a, b] = [at(result, Number(m[1])), Number(m[3])];
  switch (m[2]) {
    case '<=': return a <= b;
    case '<': return a < b;
    case '>=': return a >= b;
    case '>': return a > b;
    case '==': return a === b;
    default: return a !== b;
  }
}

/** The phase of one measurement, as `EvaluateResult` decides it. */
export function evaluateResult(metric: { successCondition?: string; failureCondition?: string }, result: readonly number[]): MeasurementPhase {
  let success = false;
  let failure = false;
  try {
    if (metric.successCondition) success = evalCondition(metric.successCondition, result);
    if (metric.failureCondition) failure = evalCondition(metric.failureCondition, result);
  } catch (e) {
    if (e instanceof IndexOutOfRange) return 'Error';
    throw e;
  }
  if (!metric.successCondition && !metric.failureCondition) return 'Successful';
  if (metric.successCondition && !metric.failureCondition) failure = !success;
  if (!metric.successCondition && metric.failureCondition) success = !failure;
  if (failure) return 'Failed';
  if (!success) return 'Inconclusive';
  return 'Successful';
}
