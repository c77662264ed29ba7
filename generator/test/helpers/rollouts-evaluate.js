/** `result[n]` past the end of the result: `expr` fails at run time, so the measurement is an Error. */
class IndexOutOfRange extends Error {
}
const COMPARISON = /^result\[(\d+)\] (<=|<|>=|>|==|!=) (-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;
const IS_NAN = /^isNaN\(result\[(\d+)\]\)$/;
function at(result, index) {
    if (index >= result.length)
        throw new IndexOutOfRange(`index out of range [${index}] with length ${result.length}`);
    return result[index];
}
/**
 * Evaluates one condition on a measurement: terms `result[<n>] <op> <number>` or `isNaN(result[<n>])`,
 * joined by `||` (evaluated left to right, stopping at the first true term, as `expr` does). Throws
 * on any other form, and on an index past the result.
 */
function evalCondition(condition, result) {
    return condition.split(' || ').some((term) => evalTerm(term, result));
}
function evalTerm(term, result) {
    const nan = IS_NAN.exec(term);
    if (nan)
        return Number.isNaN(at(result, Number(nan[1])));
    const m = COMPARISON.exec(term);
    if (!m)
        throw new Error(`condition term ${JSON.stringify(term)} is not of the form result[<n>] <op> <number> or isNaN(result[<n>])`);
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
export function evaluateResult(metric, result) {
    let success = false;
    let failure = false;
    try {
        if (metric.successCondition)
            success = evalCondition(metric.successCondition, result);
        if (metric.failureCondition)
            failure = evalCondition(metric.failureCondition, result);
    }
    catch (e) {
        if (e instanceof IndexOutOfRange)
            return 'Error';
        throw e;
    }
    if (!metric.successCondition && !metric.failureCondition)
        return 'Successful';
    if (metric.successCondition && !metric.failureCondition)
        failure = !success;
    if (!metric.successCondition && metric.failureCondition)
        success = !failure;
    if (failure)
        return 'Failed';
    if (!success)
        return 'Inconclusive';
    return 'Successful';
}
