/**
 * Test-only cross-check against the upstream schemas in `../shared/upstream-schemas` (relative to the
 * repository root): the Kubernetes 1.31 swagger and the CRDs of the projects we render for, in an old
 * and a new release. They are read at test time only and never copied into the repository; tests
 * using this helper must skip when {@link upstreamAvailable} is false.
 *
 * Schemas are compiled with ajv in strict mode, like `kubeconform -strict`: an object schema with
 * `properties` and neither `additionalProperties` nor `x-kubernetes-preserve-unknown-fields` rejects
 * unknown fields. Formats are not checked; CEL rules (`x-kubernetes-validations`) are ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
/** `../shared/upstream-schemas` relative to the repository root. */
const UPSTREAM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'upstream-schemas');
const SWAGGER = path.join(UPSTREAM_DIR, 'k8s-1.31-swagger.json');
/** Whether the upstream schemas are present (tests skip otherwise). */
export function upstreamAvailable() {
    return fs.existsSync(SWAGGER) && fs.existsSync(path.join(UPSTREAM_DIR, 'crds'));
}
class UpstreamSet {
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    builtins = new Map();
    crds = new Map();
    compiled = new Map();
    constructor(swagger, crdFiles) {
        const definitions = swagger.definitions;
        const strictDefs = {};
        for (const [name, def] of Object.entries(definitions)) {
            strictDefs[name] = strictify(patchBuiltin(name, def));
            for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
                this.builtins.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`, name);
            }
        }
        this.ajv.addSchema({ $id: 'k8s', definitions: strictDefs });
        for (const file of crdFiles) {
            for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
                const crd = doc;
                if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec)
                    continue;
                for (const v of crd.spec.versions ?? []) {
                    if (v.schema?.openAPIV3Schema)
                        this.crds.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
                }
            }
        }
    }
    validate(obj) {
        const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
        const fn = this.validator(key);
        if (!fn)
            return { known: false, errors: [] };
        return { known: true, errors: fn(obj) ? [] : (fn.errors ?? []).map(describeError) };
    }
    validator(key) {
        const hit = this.compiled.get(key);
        if (hit)
            return hit;
        let fn;
        const def = this.builtins.get(key);
        if (def)
            fn = this.ajv.compile({ $ref: `k8s#/definitions/${def}` });
        const crd = this.crds.get(key);
        if (!fn && crd) {
            const schema = strictify(crdSchema(crd), true);
            try {
                fn = this.ajv.compile(schema);
            }
            catch {
                // A few upstream patterns use Go-only regex syntax; compare without patterns then.
                fn = this.ajv.compile(dropPatterns(schema));
            }
        }
        if (fn)
            this.compiled.set(key, fn);
        return fn;
    }
}
/** Kubernetes accepts numbers for IntOrString and Quantity although the swagger says `string`. */
function patchBuiltin(name, def) {
    if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString')
        return { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity')
        return { anyOf: [{ type: 'string' }, { type: 'number' }] };
    return def;
}
/** CRD roots get the embedded ObjectMeta fields Kubernetes adds to every custom resource. */
function crdSchema(schema) {
    const props = { ...(schema.properties ?? {}) };
    props.apiVersion ??= { type: 'string' };
    props.kind ??= { type: 'string' };
    props.metadata = { $ref: 'k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' };
    return { ...schema, properties: props };
}
/** Adds `additionalProperties: false` where Kubernetes would prune unknown fields, and maps x-kubernetes keywords. */
function strictify(node, openapiV3 = false) {
    if (Array.isArray(node))
        return node.map((n) => strictify(n, openapiV3));
    if (node === null || typeof node !== 'object')
        return node;
    const src = node;
    const out = {};
    for (const [k, v] of Object.entries(src)) {
        if (k === 'properties' || k === 'definitions' || k === 'patternProperties') {
            out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, strictify(s, openapiV3)]));
        }
        else if (k.startsWith('x-') || k === 'description' || k === 'example' || k === 'default') {
            continue;
        }
        else
            out[k] = strictify(v, openapiV3);
    }
    if (src['x-kubernetes-int-or-string'] === true) {
        delete out.type;
        return { ...out, anyOf: [{ type: 'integer' }, { type: 'string' }] };
    }
    if (src['x-kubernetes-embedded-resource'] === true && out.properties) {
        const props = out.properties;
        props.apiVersion ??= { type: 'string' };
        props.kind ??= { type: 'string' };
        props.metadata ??= { type: 'object' };
    }
    if (openapiV3 && src.nullable === true && typeof out.type === 'string')
        out.type = [out.type, 'null'];
    delete out.nullable;
    if (out.properties && out.additionalProperties === undefined && src['x-kubernetes-preserve-unknown-fields'] !== true) {
        out.additionalProperties = false;
    }
    return out;
}
function dropPatterns(node) {
    if (Array.isArray(node))
        return node.map(dropPatterns);
    if (node === null || typeof node !== 'object')
        return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string')
            continue;
        out[k] = dropPatterns(v);
    }
    return out;
}
function describeError(e) {
    const where = e.instancePath.slice(1).replace(/\//g, '.');
    if (e.keyword === 'additionalProperties') {
        return `${where ? `${where}.` : ''}${String(e.params.additionalProperty)}: unknown field`;
    }
    return `${where}: ${e.message ?? e.keyword}`;
}
/**
 * CRDs of the per-project folders (`crds/<project>/<tag>/`) added to a set: kinds `crds/new/` lacks,
 * at the tag of its files (prometheus-operator v0.93.0). `crds/old/` has no copy of these kinds.
 */
const EXTRA_CRDS = {
    old: [],
    new: ['prometheus-operator/v0.93.0/monitoring.coreos.com_podmonitors.yaml'],
};
const sets = new Map();
let swagger;
function upstreamSet(set) {
    let s = sets.get(set);
    if (!s) {
        swagger ??= JSON.parse(fs.readFileSync(SWAGGER, 'utf8'));
        const dir = path.join(UPSTREAM_DIR, 'crds', set);
        const files = [...fs.readdirSync(dir).sort().map((f) => path.join(dir, f)), ...EXTRA_CRDS[set].map((f) => path.join(UPSTREAM_DIR, 'crds', f))];
        s = new UpstreamSet(swagger, files);
        sets.set(set, s);
    }
    return s;
}
/**
 * Validates an object against the upstream schemas: Kubernetes 1.31 for built-in kinds, and for
 * custom resources both the old and the new CRD release (an object must be valid against both).
 * Pass `set` to check against one CRD release only.
 */
export function upstreamValidate(obj, set) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
        return { known: false, errors: [] };
    const rec = obj;
    if (set)
        return upstreamSet(set).validate(rec);
    const old = upstreamSet('old').validate(rec);
    const neu = upstreamSet('new').validate(rec);
    const same = old.errors.join('\n') === neu.errors.join('\n');
    const errors = same ? old.errors : [...old.errors.map((e) => `[old] ${e}`), ...neu.errors.map((e) => `[new] ${e}`)];
    return { known: old.known || neu.known, errors };
}
