import { isPlainObject, objectIdOf } from '../../core/objects.js';
import { ajvFindings } from './ajv-findings.js';
import { runCelRules } from './cel.js';
import { loadCelTree, loadCompiledValidator } from './compiled.js';
import { loadSchemaTable } from './schema-table.js';
import { StrictWalker } from './walker.js';
import { checkNames, checkSelector } from './workload.js';
/**
 * API versions served by newer operators whose schema is the older version's, promoted unchanged
 * (or with only additions we do not render). A kind a pinned CRD under platform/crds serves has its own
 * entry (docs/schemas.md), which is always preferred; only without one do we validate with the older model:
 * - `external-secrets.io/v1` is `v1beta1` promoted (ESO 0.16); @kubernetes-models/external-secrets
 *   0.5.2 ships only v1alpha1/v1beta1.
 * - Istio's `v1` APIs (1.22+) are the `v1beta1` / `v1alpha1` schemas promoted; the istio 2.3.0 models
 *   predate them.
 */
const API_VERSION_ALIASES = {
    'external-secrets.io/v1': 'external-secrets.io/v1beta1',
    'networking.istio.io/v1': 'networking.istio.io/v1beta1',
    'security.istio.io/v1': 'security.istio.io/v1beta1',
    'telemetry.istio.io/v1': 'telemetry.istio.io/v1alpha1',
};
/** Creates the strict validator: unknown fields, the packages' compiled schemas, and our extra rules. */
export function createSchemaValidator(options = {}) {
    const table = loadSchemaTable(options.indexPath);
    const semantic = options.semantic !== false;
    const walker = new StrictWalker(table, semantic);
    const runtimes = new Map();
    function runtime(apiVersion, kind, key) {
        let rt = runtimes.get(key);
        if (rt !== undefined)
            return rt;
        rt = makeRuntime(table, apiVersion, kind, key);
        runtimes.set(key, rt);
        return rt;
    }
    function validate(obj, source) {
        const findings = [];
        const ctx = { file: source.file, object: '' };
        if (source.line !== undefined)
            ctx.line = source.line;
        const rec = isPlainObject(obj) ? obj : undefined;
        const apiVersion = rec?.apiVersion;
        const kind = rec?.kind;
        if (!rec || typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
            const missing = [!rec || typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : '', !rec || typeof kind !== 'string' || kind === '' ? 'kind' : '']
                .filter(Boolean)
                .join(' and ');
            const f = {
                check: 'schema/missing-kind',
                severity: 'error',
                file: source.file,
                message: rec ? `the document has no ${missing}` : `the document is ${Array.isArray(obj) ? 'an array' : `a ${typeof obj}`}, not a Kubernetes object`,
                hint: 'every document must be a Kubernetes object with apiVersion and kind',
            };
            if (source.line !== undefined)
                f.line = source.line;
            return { status: 'error', object: '', findings: [f] };
        }
        const key = `${apiVersion}/${kind}`;
        const meta = rec.metadata !== null && typeof rec.metadata === 'object' ? rec.metadata : undefined;
        ctx.object = objectIdOf(key, meta);
        const rt = runtime(apiVersion, kind, key);
        if (!rt) {
            const f = {
                check: 'schema/no-schema',
                severity: options.ignoreMissingSchemas ? 'info' : 'error',
                file: source.file,
                object: ctx.object,
                message: `could not find a schema for ${kind} (${apiVersion})`,
                hint: 'check apiVersion and kind for typos, or pass --ignore-missing-schemas to skip kinds without a schema',
            };
            if (source.line !== undefined)
                f.line = source.line;
            return { status: options.ignoreMissingSchemas ? 'skipped' : 'error', object: ctx.object, kind, findings: [f] };
        }
        walker.run(rec, rt.root, ctx, findings);
        if (semantic) {
            checkNames(rec, apiVersion, kind, ctx, findings);
            checkSelector(rec, rt.validateAs ? `${rt.validateAs}/${kind}` : key, ctx, findings);
        }
        const fn = rt.validate ?? (rt.validate = rt.load());
        const errors = fn(rt.validateAs ? { ...rec, apiVersion: rt.validateAs } : rec);
        if (errors)
            mergeAjv(findings, ajvFindings(errors, rec, ctx));
        const cel = rt.cel === undefined ? (rt.cel = rt.loadCel()) : rt.cel;
        if (cel)
            runCelRules(cel, rec, ctx, findings);
        const invalid = findings.some((f) => f.severity === 'error');
        return { status: invalid ? 'invalid' : 'valid', object: ctx.object, kind, findings };
    }
    return {
        validate,
        has: (apiVersion, kind) => runtime(apiVersion, kind, `${apiVersion}/${kind}`) !== null,
        kinds: table.kindKeys,
        crds: table.crds,
    };
}
function makeRuntime(table, apiVersion, kind, key) {
    let entry = table.kind(key);
    let validateAs = null;
    const alias = API_VERSION_ALIASES[apiVersion];
    if (!entry && alias) {
        entry = table.kind(`${alias}/${kind}`);
        validateAs = alias;
    }
    if (!entry)
        return null;
    const ref = entry.v;
    return {
        root: table.node(entry.t),
        validate: null,
        validateAs,
        load: () => loadCompiledValidator(ref, table.dir),
        cel: undefined,
        loadCel: () => loadCelTree(ref, table.dir),
    };
}
/** Adds ajv's findings, skipping unknown fields the walker already reported at the same path. */
function mergeAjv(findings, extra) {
    const seen = new Set(findings.map((f) => `${f.check}\0${f.path ?? ''}`));
    for (const f of extra)
        if (!seen.has(`${f.check}\0${f.path ?? ''}`))
            findings.push(f);
}
