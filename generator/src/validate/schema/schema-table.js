import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_VERSION } from './index-format.js';
/** Node kinds, ordered so that `kind >= OBJECT` means "walk into it". */
const N_LEAF = 0;
const N_OPEN = 1;
export const N_QUANTITY = 2;
export const N_OBJECT = 3;
export const N_ARRAY = 4;
export const N_MAP = 5;
/** One type of the index, materialized lazily: its field map is built the first time it is walked. */
export class SchemaNode {
    kind;
    ref;
    /** Object: known fields (built on first use, see {@link SchemaTable.fields}). */
    fields = null;
    /** Object: sorted field names, for "did you mean" suggestions. */
    names = [];
    /** Array item, map value, or the value type of an object's index signature. */
    item = null;
    /** Array of `x-kubernetes-list-type: map`: the key fields no two items may share. */
    mapKeys = null;
    /** Map whose keys and values follow the label grammar. */
    labels = false;
    /** Map whose keys follow the annotation key grammar. */
    annotations = false;
    constructor(kind, ref) {
        this.kind = kind;
        this.ref = ref;
    }
}
/** The loaded schema index: kinds by `apiVersion/kind`, types materialized on demand. */
export class SchemaTable {
    index;
    dir;
    nodes;
    /** @param dir the folder of the index file: precompiled validators (`g`) are relative to it. */
    constructor(index, dir = '') {
        this.index = index;
        this.dir = dir;
        this.nodes = new Array(index.types.length);
    }
    /** All `apiVersion/kind` keys, sorted. */
    get kindKeys() {
        return Object.keys(this.index.kinds);
    }
    /** The CRD files the custom-resource kinds were compiled from (see {@link SchemaIndex.crds}). */
    get crds() {
        return this.index.crds ?? [];
    }
    kind(key) {
        return Object.prototype.hasOwnProperty.call(this.index.kinds, key) ? this.index.kinds[key] : undefined;
    }
    node(ref) {
        const hit = this.nodes[ref];
        if (hit)
            return hit;
        const t = this.index.types[ref];
        if (t === undefined)
            throw new Error(`schema index: type ${ref} does not exist (corrupt index?)`);
        const n = new SchemaNode(nodeKind(t), ref);
        this.nodes[ref] = n;
        if (typeof t === 'object') {
            if ('a' in t) {
                n.item = this.node(t.a);
                if (t.u)
                    n.mapKeys = t.u;
            }
            else if ('m' in t) {
                n.item = this.node(t.m);
                n.labels = t.l === 1;
                n.annotations = t.k === 1;
            }
            else {
                n.names = Object.keys(t.f);
                if (t.x !== undefined)
                    n.item = this.node(t.x);
            }
        }
        return n;
    }
    /** The field map of an object node, built once. */
    fields(n) {
        if (n.fields)
            return n.fields;
        const t = this.index.types[n.ref];
        const m = new Map();
        for (const name of n.names)
            m.set(name, this.node(t.f[name]));
        n.fields = m;
        return m;
    }
    /** Required field names of an object node. */
    required(n) {
        const t = this.index.types[n.ref];
        return typeof t === 'object' && 'f' in t ? (t.r ?? []) : [];
    }
}
function nodeKind(t) {
    if (t === 'leaf')
        return N_LEAF;
    if (t === 'open')
        return N_OPEN;
    if (t === 'quantity')
        return N_QUANTITY;
    if ('a' in t)
        return N_ARRAY;
    if ('m' in t)
        return N_MAP;
    return N_OBJECT;
}
/**
 * Where `npm run build` writes the index: `generator/dist/schema-index.json`. Works from the compiled
 * file (`generator/dist/src/validate/schema/`) and from the TypeScript source (tests).
 */
export function defaultIndexPath() {
    const here = nodePath.dirname(fileURLToPath(import.meta.url));
    const generator = nodePath.resolve(here, '..', '..', '..');
    return nodePath.basename(generator) === 'dist'
        ? nodePath.join(generator, 'schema-index.json')
        : nodePath.join(generator, 'dist', 'schema-index.json');
}
const cache = new Map();
/** Loads (once per path) the schema index; an internal error when it is missing or stale. */
export function loadSchemaTable(indexPath = defaultIndexPath()) {
    const hit = cache.get(indexPath);
    if (hit)
        return hit;
    let text;
    try {
        text = nodeFs.readFileSync(indexPath, 'utf8');
    }
    catch (cause) {
        throw new Error(`schema index ${indexPath} is missing: run \`npm run build\` to generate it`, { cause });
    }
    const index = JSON.parse(text);
    if (index.version !== INDEX_VERSION) {
        throw new Error(`schema index ${indexPath} has version ${index.version}, expected ${INDEX_VERSION}: run \`npm run build\` to regenerate it`);
    }
    const table = new SchemaTable(index, nodePath.dirname(indexPath));
    cache.set(indexPath, table);
    return table;
}
