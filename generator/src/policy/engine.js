/**
 * The policy engine: rules over rendered (or any) Kubernetes objects, findings as values.
 *
 * Input is a list of scopes (one per Argo CD path, or one per manifest file for `validate PATH`), each
 * with its environment, tier and the cluster's Kubernetes version. Rules see one object at a time and,
 * to resolve references (a Service's pods, an HPA's target), the objects of every scope of the same
 * environment. Severities depend on the tier: `production` (staging, prod) is the strictest.
 *
 * A check is waived on one object by the annotation `policy.suoke-life.com/waive.<id>: "<reason>"`,
 * or in configuration (`waivers` in `apps/<service>/service.yaml` and `clusters/<cluster>/cluster.yaml`),
 * which the engine applies as if it were that annotation. See docs/policies.md.
 */
import { cmp, formatPath, sortFindings } from '../core/finding.js';
import { suggest } from '../core/names.js';
import { isPlainObject, objectId } from '../core/objects.js';
import { MIN_WAIVER_REASON } from '../config/shared/waivers.js';
/** Annotation prefix of a waiver: `policy.suoke-life.com/waive.<id>`. */
const WAIVER_PREFIX = 'policy.suoke-life.com/waive.';
/** Runs every rule on every object of every scope. Pure; findings sorted. */
export function runPolicies(scopes, options) {
    const rules = options.rules;
    const known = new Set(rules.map((r) => r.id));
    const byEnv = new Map();
    const envKey = (s) => (s.env !== undefined ? `env:${s.env}` : `scope:${s.name}`);
    for (const s of scopes) {
        const list = byEnv.get(envKey(s)) ?? [];
        for (const d of s.documents)
            if (isPlainObject(d.object))
                list.push(d.object);
        byEnv.set(envKey(s), list);
    }
    const out = [];
    // A config waiver may cover many scopes (a cluster's, every path of an environment): it is unused
    // only when it waived nothing in any of them.
    const used = new Map();
    for (const scope of scopes) {
        const neighbours = byEnv.get(envKey(scope)) ?? [];
        for (const w of scope.waivers ?? [])
            used.set(w, used.get(w) ?? 0);
        for (const doc of scope.documents) {
            const obj = doc.object;
            if (!isPlainObject(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string')
                continue;
            const where = { file: doc.file, ...(doc.line !== undefined ? { line: doc.line } : {}), object: objectId(obj) };
            const waivers = collectWaivers(obj, scope, known, where, out);
            const suppressed = new Map();
            for (const rule of rules) {
                const severity = rule.severity[scope.tier];
                if (severity === 'off' || !rule.applies(obj))
                    continue;
                const ctx = {
                    tier: scope.tier,
                    kubernetesVersion: scope.kubernetesVersion,
                    ...(scope.env !== undefined ? { env: scope.env } : {}),
                    neighbours,
                    dataServices: scope.dataServices ?? [],
                    report: (path, message, hint, override) => ({
                        check: `policy/${rule.id}`,
                        severity: override ?? severity,
                        ...where,
                        ...(path.length > 0 ? { path: typeof path === 'string' ? path : formatPath(path) } : {}),
                        message,
                        ...(hint !== undefined ? { hint } : {}),
                    }),
                };
                const found = rule.check(obj, ctx);
                if (found.length === 0)
                    continue;
                if (waivers.has(rule.id))
                    suppressed.set(rule.id, (suppressed.get(rule.id) ?? 0) + found.length);
                else
                    out.push(...found);
            }
            for (const [id, w] of waivers) {
                const n = suppressed.get(id) ?? 0;
                if (w.config)
                    used.set(w.config, (used.get(w.config) ?? 0) + n);
                if (n > 0)
                    out.push(waivedFinding(where, id, n, w.reason, w.config?.source));
                else if (!w.config)
                    out.push(unusedFinding(where, id, `annotation ${WAIVER_PREFIX}${id}`));
            }
        }
    }
    for (const [w, n] of used)
        if (n === 0)
            out.push(unusedFinding({ file: w.source, ...(w.line !== undefined ? { line: w.line } : {}) }, w.check, 'a waiver'));
    return sortFindings(dedupe(out));
}
/** The waivers on one object: its annotations, then the scope's config waivers (an annotation wins). */
function collectWaivers(obj, scope, known, where, out) {
    const waivers = new Map();
    const meta = isPlainObject(obj.metadata) ? obj.metadata : {};
    const annotations = isPlainObject(meta.annotations) ? meta.annotations : {};
    for (const key of Object.keys(annotations).sort(cmp)) {
        if (!key.startsWith(WAIVER_PREFIX))
            continue;
        const id = key.slice(WAIVER_PREFIX.length);
        const path = formatPath(['metadata', 'annotations', key]);
        if (!known.has(id)) {
            const near = suggest(id, known);
            out.push({
                check: 'policy/waiver-unknown',
                severity: 'error',
                ...where,
                path,
                message: `waiver for unknown check "${id}"${near ? `, did you mean "${near}"?` : ''}`,
                hint: 'name a check id from docs/policies.md, without the `policy/` prefix',
            });
            continue;
        }
        const reason = annotations[key];
        const text = typeof reason === 'string' ? reason.trim() : '';
        if (text.length < MIN_WAIVER_REASON) {
            out.push({
                check: 'policy/waiver-reason',
                severity: 'error',
                ...where,
                path,
                message: text === '' ? `waiver of policy/${id} has no reason; the check still applies` : `waiver of policy/${id} gives the reason ${JSON.stringify(text)}, too short to tell a reviewer why; the check still applies`,
                hint: `write why the check does not apply here, in a sentence (at least ${MIN_WAIVER_REASON} characters): ${key}: "<reason>"`,
            });
            continue;
        }
        waivers.set(id, { reason: text });
    }
    const kind = String(obj.kind);
    for (const w of scope.waivers ?? []) {
        if (w.kind !== undefined && w.kind !== kind)
            continue;
        if (!waivers.has(w.check))
            waivers.set(w.check, { reason: w.reason, config: w });
    }
    return waivers;
}
function waivedFinding(where, id, n, reason, source) {
    return {
        check: 'policy/waived',
        severity: 'info',
        ...where,
        message: `policy/${id} waived${source ? ` in ${source}` : ''} (${n} finding${n === 1 ? '' : 's'}): ${reason}`,
        hint: 'remove the waiver once the object complies',
    };
}
function unusedFinding(where, id, what) {
    return {
        check: 'policy/waiver-unused',
        severity: 'warning',
        ...where,
        message: `${what} waives policy/${id}, which finds nothing to waive here`,
        hint: 'remove the waiver',
    };
}
/** The same finding twice (a rule reaching one field by two routes) is reported once. */
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const k = JSON.stringify([f.check, f.file, f.line, f.object, f.path, f.message]);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
