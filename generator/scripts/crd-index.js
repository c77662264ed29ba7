/**
 * Turns a CRD's structural schema into entries of the schema index (the known-field tree the strict
 * walker follows), as the API server reads a structural schema
 * (kubernetes/apiextensions-apiserver pkg/apiserver/schema/structural.go @ v0.36.3):
 * - `properties` are the known fields; `required` the required ones;
 * - `additionalProperties` (a schema) makes a map; `x-kubernetes-preserve-unknown-fields: true` keeps
 *   unknown fields, so none is reported below it, while declared fields beside it are still walked
 *   (pruning still prunes below them: pkg/apiserver/schema/pruning/algorithm.go:57-59,115-139 @ v0.36.3);
 * - an object with none of these has no field at all: the API server prunes (and with strict field
 *   validation reports) every field of it (pruning/algorithm.go:89-94), so each one is an unknown field here;
 * - `x-kubernetes-int-or-string` is an integer or a string (pkg/apiserver/validation/validation.go:264-267
 *   @ v0.36.3), walked as a quantity leaf;
 * - `x-kubernetes-embedded-resource` gets `apiVersion`, `kind` and an ObjectMeta `metadata`
 *   (pkg/apiserver/schema/objectmeta/validation.go:85-128 @ v0.36.3), as does the resource root;
 * - `x-kubernetes-list-type: map` lists record their `x-kubernetes-list-map-keys` (uniqueness is
 *   checked by the walker, pkg/apiserver/schema/listtype/validation.go:134-186 @ v0.36.3).
 */
import { LEAF, OPEN, QUANTITY } from '../src/validate/schema/index-format.js';
import { TypeTable } from './type-table.js';
/** Fields of ObjectMeta: an object whose fields all come from here is metadata-like (labels, annotations). */
const METADATA_FIELDS = new Set([
    'annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'finalizers',
    'generateName', 'generation', 'labels', 'managedFields', 'name', 'namespace', 'ownerReferences',
    'resourceVersion', 'selfLink', 'uid',
]);
const obj = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
/** Adds CRD schemas to an existing index's type table, interning identical types. */
export class CrdIndexer {
    objectMeta;
    table;
    /**
     * @param types the index's type table (appended to)
     * @param objectMeta reference of ObjectMeta in that table (from kubernetes-models)
     */
    constructor(types, objectMeta) {
        this.objectMeta = objectMeta;
        this.table = new TypeTable(types);
    }
    intern(t) {
        if (t === 'leaf')
            return LEAF;
        if (t === 'open')
            return OPEN;
        if (t === 'quantity')
            return QUANTITY;
        return this.table.intern(t);
    }
    /** The root type of a resource: its schema, with `metadata` as ObjectMeta. */
    root(schema) {
        return this.convert({ ...schema, 'x-kubernetes-embedded-resource': true }, '', false);
    }
    convert(s, field, metadataLike) {
        if (s['x-kubernetes-int-or-string'] === true)
            return QUANTITY;
        const props = obj(s.properties);
        const additional = obj(s.additionalProperties);
        const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
        const embedded = s['x-kubernetes-embedded-resource'] === true;
        if (s.type === 'array') {
            const items = obj(s.items);
            const t = { a: items ? this.convert(items, '', false) : OPEN };
            const keys = s['x-kubernetes-list-map-keys'];
            if (s['x-kubernetes-list-type'] === 'map' && Array.isArray(keys) && keys.length > 0)
                t.u = keys.map(String);
            return this.intern(t);
        }
        if (s.type !== 'object' && !props && !additional && !embedded)
            return preserve || s.type === undefined ? OPEN : LEAF;
        if (!props && !embedded) {
            if (additional)
                return this.intern(this.map(additional, field, metadataLike));
            // preserve-unknown-fields, or `additionalProperties: true`: anything goes below.
            return preserve || s.additionalProperties === true ? OPEN : this.intern({ f: {} });
        }
        const f = {};
        const names = Object.keys(props ?? {}).sort();
        const childrenMetadataLike = names.length > 0 && names.every((n) => METADATA_FIELDS.has(n));
        for (const name of names)
            f[name] = this.convert(obj(props[name]) ?? {}, name, childrenMetadataLike);
        if (embedded) {
            f.apiVersion = LEAF;
            f.kind = LEAF;
            f.metadata = this.objectMeta;
        }
        const sorted = {};
        for (const name of Object.keys(f).sort())
            sorted[name] = f[name];
        const t = { f: sorted };
        const required = Array.isArray(s.required) ? s.required.map(String) : [];
        if (required.length > 0)
            t.r = required;
        if (preserve)
            t.x = OPEN;
        else if (additional)
            t.x = this.convert(additional, '', false);
        return this.intern(t);
    }
    /** A map; string maps named like label selectors, or labels/annotations of a metadata-like object, get the grammar checks. */
    map(additional, field, metadataLike) {
        const value = this.convert(additional, '', false);
        if (value === LEAF && (field === 'matchLabels' || field === 'nodeSelector' || (metadataLike && field === 'labels')))
            return { m: value, l: 1 };
        if (value === LEAF && metadataLike && field === 'annotations')
            return { m: value, k: 1 };
        return { m: value };
    }
}
