import { formatPath } from '../../core/finding.js';
import { isPlainObject } from '../../core/objects.js';
import { dns1123Label, nameRule } from './grammar.js';
/** Kinds whose `spec.selector` must select the pods of their own `spec.template` (kubeconform #132). */
const TEMPLATED_WORKLOADS = new Set([
    'apps/v1/Deployment',
    'apps/v1/StatefulSet',
    'apps/v1/DaemonSet',
    'apps/v1/ReplicaSet',
    'argoproj.io/v1alpha1/Rollout',
    'batch/v1/Job',
    'v1/ReplicationController',
]);
/**
 * Checks `metadata.name` and `metadata.namespace` against the API server's rules for the kind.
 * A missing name is reported too (unless `generateName` is set): every manifest we apply needs one.
 */
export function checkNames(obj, apiVersion, kind, ctx, out) {
    const meta = obj.metadata;
    if (!isPlainObject(meta)) {
        if (meta === undefined)
            out.push(finding(ctx, 'schema/name', 'metadata', 'metadata.name is required', 'add metadata.name'));
        return;
    }
    const name = meta.name;
    if (name === undefined || name === '') {
        if (typeof meta.generateName !== 'string') {
            out.push(finding(ctx, 'schema/name', 'metadata.name', 'metadata.name is required', 'add metadata.name'));
        }
    }
    else if (typeof name === 'string') {
        const bad = nameRule(apiVersion, kind)(name);
        if (bad)
            out.push(finding(ctx, 'schema/name', 'metadata.name', `${kind} name "${name}" ${bad}`));
    }
    const ns = meta.namespace;
    if (typeof ns === 'string' && ns !== '') {
        const bad = dns1123Label(ns);
        if (bad)
            out.push(finding(ctx, 'schema/name', 'metadata.namespace', `namespace "${ns}" ${bad}`));
    }
}
/** Checks that a workload's selector matches its pod template labels. */
export function checkSelector(obj, key, ctx, out) {
    if (!TEMPLATED_WORKLOADS.has(key))
        return;
    const spec = obj.spec;
    if (!isPlainObject(spec))
        return;
    // A Job picks its own selector unless manualSelector is set; a Rollout may reference a workload.
    if (key === 'batch/v1/Job' && spec.manualSelector !== true)
        return;
    if (key === 'argoproj.io/v1alpha1/Rollout' && spec.workloadRef !== undefined)
        return;
    const template = spec.template;
    if (!isPlainObject(template))
        return;
    const labels = isPlainObject(template.metadata) && isPlainObject(template.metadata.labels) ? template.metadata.labels : {};
    const selector = spec.selector;
    if (selector === undefined)
        return; // a missing required selector is ajv's to report
    if (!isPlainObject(selector))
        return;
    // ReplicationController's selector is a plain map; the others are LabelSelectors.
    const plain = key === 'v1/ReplicationController';
    const matchLabels = plain ? selector : isPlainObject(selector.matchLabels) ? selector.matchLabels : {};
    const expressions = !plain && Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
    if (Object.keys(matchLabels).length === 0 && expressions.length === 0) {
        out.push(finding(ctx, 'schema/selector-mismatch', 'spec.selector', 'selector is empty; it must select the pods of spec.template', 'set spec.selector.matchLabels to labels of spec.template.metadata.labels'));
        return;
    }
    const base = plain ? ['spec', 'selector'] : ['spec', 'selector', 'matchLabels'];
    for (const [k, v] of Object.entries(matchLabels)) {
        const actual = labels[k];
        if (actual !== v) {
            const got = actual === undefined ? 'spec.template.metadata.labels has no such label' : `spec.template.metadata.labels has ${JSON.stringify(actual)}`;
            out.push(finding(ctx, 'schema/selector-mismatch', formatPath([...base, k]), `selector requires ${k}=${JSON.stringify(v)} but ${got}; the workload would select none of its own pods`, 'make spec.selector and spec.template.metadata.labels agree'));
        }
    }
    expressions.forEach((e, i) => {
        if (!isPlainObject(e) || typeof e.key !== 'string')
            return;
        const value = labels[e.key];
        const values = Array.isArray(e.values) ? e.values : [];
        const ok = e.operator === 'In' ? values.includes(value) :
            e.operator === 'NotIn' ? !values.includes(value) :
                e.operator === 'Exists' ? value !== undefined :
                    e.operator === 'DoesNotExist' ? value === undefined : true;
        if (!ok) {
            out.push(finding(ctx, 'schema/selector-mismatch', `spec.selector.matchExpressions[${i}]`, `selector expression "${e.key} ${String(e.operator)}${values.length ? ` (${values.join(', ')})` : ''}" does not match spec.template.metadata.labels`, 'make spec.selector and spec.template.metadata.labels agree'));
        }
    });
}
function finding(ctx, check, path, message, hint) {
    const f = { check, severity: 'error', file: ctx.file, object: ctx.object, path, message };
    if (ctx.line !== undefined)
        f.line = ctx.line;
    if (hint !== undefined)
        f.hint = hint;
    return f;
}
