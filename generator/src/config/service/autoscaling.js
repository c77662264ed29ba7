import { checkReplicaCount, isRaw, q } from '../shared/checks.js';
/** Checks an autoscaling mapping; returns its range when it is consistent. */
export function checkAutoscaling(r, path, v) {
    if (!isRaw(v))
        return undefined;
    const min = checkReplicaCount(r, [...path, 'minReplicas'], v.minReplicas, 'an HPA keeps at least one replica; use `autoscaling: false` for a fixed count');
    const max = checkReplicaCount(r, [...path, 'maxReplicas'], v.maxReplicas, 'set it to at least `minReplicas`');
    if (min === undefined || max === undefined)
        return undefined;
    if (max < min) {
        r.report('replicas-range', [...path, 'maxReplicas'], `${q([...path, 'maxReplicas'])} (${max}) is less than ${q([...path, 'minReplicas'])} (${min})`, 'raise `maxReplicas` or lower `minReplicas`');
        return undefined;
    }
    return { min, max };
}
export function checkReplicasInRange(r, path, replicas, range, rangePath) {
    if (replicas >= range.min && replicas <= range.max)
        return;
    r.report('replicas-range', path, `${q(path)} (${replicas}) is outside the range ${range.min}–${range.max} of ${q(rangePath)}`, `set \`replicas\` between \`minReplicas\` and \`maxReplicas\`, or change the range`);
}
