/**
 * True for a plain-data map: what a YAML or JSON mapping parses to. Arrays and `null` are objects to
 * `typeof` but not maps, so every walker of parsed manifests needs this same three-part test.
 */
export function isPlainObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/**
 * The identity of a Kubernetes object in messages and findings: `apps/v1/Deployment suoke-prod/xiaoai`,
 * `… xiaoai` without a namespace, `… web-*` for an object named by `generateName`, `… (unnamed)` for one
 * with neither. The one spelling for policy, schema and report findings (issue 10: three disagreed).
 */
export function objectId(o) {
    return objectIdOf(`${String(o.apiVersion)}/${String(o.kind)}`, isPlainObject(o.metadata) ? o.metadata : undefined);
}
/** {@link objectId} from a type already spelt (`apps/v1/Deployment`, aliases resolved) and the object's metadata. */
export function objectIdOf(type, meta) {
    const name = typeof meta?.name === 'string' ? meta.name : typeof meta?.generateName === 'string' ? `${meta.generateName}*` : '(unnamed)';
    const ns = typeof meta?.namespace === 'string' && meta.namespace !== '' ? `${meta.namespace}/` : '';
    return `${type} ${ns}${name}`;
}
