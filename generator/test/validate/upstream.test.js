import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from '../../src/validate/schema/index.js';
import { upstreamAvailable, upstreamValidate } from '../helpers/upstream.js';
import { VALID } from './corpus.js';
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Paths of every mapping (for "add an unknown field") and every scalar (for "wrong type"). */
function paths(v, at = [], out = { objects: [], scalars: [] }) {
    if (Array.isArray(v))
        v.forEach((x, i) => paths(x, [...at, i], out));
    else if (isObj(v)) {
        out.objects.push(at);
        for (const [k, x] of Object.entries(v))
            paths(x, [...at, k], out);
    }
    else if (at.length > 0)
        out.scalars.push(at);
    return out;
}
function mutate(obj, at, f) {
    const copy = structuredClone(obj);
    let cur = copy;
    for (const k of at.slice(0, -1))
        cur = cur[k];
    f(cur, at[at.length - 1]);
    return copy;
}
/**
 * Known, explained disagreements (mutation name prefix → why). Keep this list short: every entry is
 * a gap of ours or a deliberate difference.
 */
const KNOWN_DISAGREEMENTS = {
    // kubernetes-models' compiled JSONSchemaProps validator does not type-check inside
    // openAPIV3Schema (a recursive schema), and our walker checks fields, not leaf types.
    'wrong type at spec.versions.0.schema.openAPIV3Schema.': 'JSONSchemaProps leaf types are not checked',
};
/** Systematic mutations of a valid object: an unknown field in every mapping, a wrong type in every scalar. */
function mutations(base) {
    const { objects, scalars } = paths(base);
    const out = [];
    for (const at of objects) {
        const object = at.length === 0 ? { ...structuredClone(base), zzUnknownField: 1 } : mutate(base, at, (p, k) => {
            p[k].zzUnknownField = 1;
        });
        out.push({ name: `unknown field at ${at.join('.') || '(root)'}`, object });
    }
    for (const at of scalars) {
        if (at.length === 1 && (at[0] === 'apiVersion' || at[0] === 'kind'))
            continue;
        const object = mutate(base, at, (p, k) => {
            const r = p;
            r[k] = typeof r[k] === 'boolean' ? 'true' : true;
        });
        out.push({ name: `wrong type at ${at.join('.')}`, object });
    }
    return out;
}
describe.skipIf(!upstreamAvailable())('agreement with the upstream schemas (Kubernetes 1.31, CRDs old and new)', () => {
    const validator = createSchemaValidator();
    it.each(Object.entries(VALID))('valid %s is valid upstream too', (_name, make) => {
        const obj = make();
        const up = upstreamValidate(obj);
        expect(up.known).toBe(true);
        expect(up.errors).toEqual([]);
        expect(validator.validate(obj, { file: 'x.yaml' }).findings.filter((f) => f.check !== 'schema/cel-skipped')).toEqual([]);
    });
    it.each(Object.entries(VALID))('mutations of %s get the same verdict', (_name, make) => {
        const disagreements = [];
        const all = mutations(make());
        for (const m of all) {
            const ours = validator.validate(m.object, { file: 'x.yaml' });
            const up = upstreamValidate(m.object);
            const oursValid = ours.status === 'valid';
            const upValid = up.errors.length === 0;
            if (oursValid !== upValid && !Object.keys(KNOWN_DISAGREEMENTS).some((k) => m.name.startsWith(k))) {
                disagreements.push(`${m.name}: ours ${oursValid ? 'valid' : `invalid (${ours.findings.map((f) => `${f.path}: ${f.message}`).join('; ')})`}, upstream ${upValid ? 'valid' : `invalid (${up.errors.join('; ')})`}`);
            }
        }
        expect(all.length).toBeGreaterThan(5);
        expect(disagreements).toEqual([]);
    });
    it('upstream knows nothing of an unknown kind', () => {
        expect(upstreamValidate({ apiVersion: 'suoke.life/v1', kind: 'Widget' })).toEqual({ known: false, errors: [] });
    });
    it('upstream rejects the spec.replica typo that plain kubeconform without -strict accepts', () => {
        const d = VALID.deployment();
        d.spec.replica = 3;
        expect(upstreamValidate(d).errors).toEqual(['spec.replica: unknown field']);
    });
});
