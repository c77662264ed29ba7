import { isPlainObject, objectIdOf } from '../core/objects.js';
/**
 * Whether `--skip`/`--reject` name the resource: its kind alone or `apiVersion/kind`, as kubeconform
 * matches (`GroupVersionKind()` is `apiVersion/kind`, yannh/kubeconform pkg/resource/resource.go:26-28
 * and pkg/validator/validator.go:150-164 @ v0.7.0): `v1/ReplicationController` matches, `v2/…` does not.
 */
function named(set, apiVersion, kind) {
    return set.size > 0 && (set.has(`${apiVersion}/${kind}`) || set.has(kind));
}
/** One resource read (or why it could not be) → its result. */
export function judge(doc, validator, match) {
    const detected = doc.findings ?? [];
    if (doc.error)
        return result(doc, undefined, undefined, 'error', [doc.error, ...detected]);
    const obj = doc.object;
    if ((match.skip.size > 0 || match.reject.size > 0) && isPlainObject(obj) && typeof obj.apiVersion === 'string' && typeof obj.kind === 'string' && obj.apiVersion !== '' && obj.kind !== '') {
        const { apiVersion, kind } = obj;
        const meta = isPlainObject(obj.metadata) ? obj.metadata : undefined;
        const object = objectIdOf(`${apiVersion}/${kind}`, meta);
        const at = (f) => (doc.line !== undefined ? { ...f, line: doc.line } : f);
        if (named(match.skip, apiVersion, kind)) {
            const f = at({ check: 'manifest/skipped', severity: 'info', file: doc.file, object, message: `${kind} is named by --skip` });
            return result(doc, object, kind, 'skipped', [f, ...detected]);
        }
        if (named(match.reject, apiVersion, kind)) {
            // kubeconform's wording: "prohibited resource kind ReplicationController" (pkg/validator/validator.go:194 @ v0.7.0).
            const f = at({ check: 'manifest/rejected', severity: 'error', file: doc.file, object, message: `prohibited resource kind ${kind}`, hint: `${kind} is named by --reject` });
            return result(doc, object, kind, 'error', [f, ...detected]);
        }
    }
    const v = validator.validate(obj, doc.line !== undefined ? { file: doc.file, line: doc.line } : { file: doc.file });
    const findings = detected.length > 0 ? [...v.findings, ...detected] : v.findings;
    const status = v.status === 'valid' && detected.some((f) => f.severity === 'error') ? 'invalid' : v.status;
    return result(doc, v.object || undefined, v.kind, status, findings);
}
/**
 * One resource's result, built field by field in the report's key order (file, index, line, object,
 * kind, status, findings) without spreads: 100,000 of them are kept, so each stays a small object.
 */
function result(doc, object, kind, status, findings) {
    const r = { file: doc.file, index: doc.index };
    if (doc.line !== undefined)
        r.line = doc.line;
    if (object !== undefined)
        r.object = object;
    if (kind !== undefined)
        r.kind = kind;
    r.status = status;
    r.findings = findings;
    return r;
}
