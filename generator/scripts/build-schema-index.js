/**
 * Build step: turns the `.d.ts` files of kubernetes-models and the @kubernetes-models CRD packages into
 * `generator/dist/schema-index.json`, the tree of known fields the strict validator walks.
 *
 * Run by `npm run build` (and so by `npm ci` through `prepare`). The compiled ajv validators in those
 * packages check types, enums and formats but accept unknown fields; the `.d.ts` files are the only
 * offline, machine-readable list of every field, so we read them with the TypeScript compiler API.
 *
 * Index shape (see `src/validate/schema/index-format.ts`): `types[0..2]` are the leaf, open and
 * quantity leaves; every other entry is an object (`f` fields, `r` required names), array (`a`) or
 * map (`m`, with `l` for label maps and `k` for annotation maps). Types are interned structurally so
 * the many identical inline CRD types are stored once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { TypeTable } from './type-table.js';
import { INDEX_VERSION, LEAF, OPEN, QUANTITY, } from '../src/validate/schema/index-format.js';
const require = createRequire(import.meta.url);
/** Packages whose models are indexed; the CRD packages keep their own (older) base/validate copies. */
export const MODEL_PACKAGES = [
    'kubernetes-models',
    '@kubernetes-models/argo-cd',
    '@kubernetes-models/argo-rollouts',
    '@kubernetes-models/cert-manager',
    '@kubernetes-models/cloudnative-pg',
    '@kubernetes-models/external-secrets',
    '@kubernetes-models/gateway-api',
    '@kubernetes-models/istio',
    '@kubernetes-models/prometheus-operator',
];
/** Fields of ObjectMeta: an inline object whose fields all come from here is metadata-like. */
const METADATA_FIELDS = new Set([
    'annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'finalizers',
    'generateName', 'generation', 'labels', 'managedFields', 'name', 'namespace', 'ownerReferences',
    'resourceVersion', 'selfLink', 'uid',
]);
function packageRoot(pkg) {
    // Every indexed package has its `main` (index.js) at the package root.
    return path.dirname(require.resolve(pkg));
}
function listModelFiles(pkg) {
    const pkgRoot = packageRoot(pkg);
    const out = [];
    const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    // Sorted everywhere: type numbers depend on the visiting order, and the index must be reproducible.
    for (const group of fs.readdirSync(pkgRoot, { withFileTypes: true }).sort(byName)) {
        if (!group.isDirectory() || group.name.startsWith('_') || group.name === 'node_modules')
            continue;
        const groupDir = path.join(pkgRoot, group.name);
        // kubernetes-models keeps the core group directly in `v1/`; the others use `<group>/<version>/`.
        const versionDirs = /^v\d/.test(group.name)
            ? [groupDir]
            : fs.readdirSync(groupDir, { withFileTypes: true }).filter((d) => d.isDirectory()).sort(byName).map((d) => path.join(groupDir, d.name));
        for (const dir of versionDirs) {
            for (const f of fs.readdirSync(dir).sort()) {
                if (f.endsWith('.d.ts') && f !== 'index.d.ts')
                    out.push({ pkg, pkgRoot, dts: path.join(dir, f) });
            }
        }
    }
    return out;
}
/** Finds how the package's model validates: a compiled `_schemas` function, or a runtime-compiled schema. */
function validatorOf(file, kind) {
    const js = file.dts.replace(/\.d\.ts$/, '.js');
    const src = fs.readFileSync(js, 'utf8');
    const m = /setValidateFunc\)\((\w+),\s*(\w+)\.validate\)/.exec(src);
    if (m) {
        const req = new RegExp(`\\b${m[2]}\\s*=\\s*require\\("([^"]+)"\\)`).exec(src);
        if (req?.[1]?.startsWith('.')) {
            const abs = path.resolve(path.dirname(js), req[1]);
            const rel = path.relative(file.pkgRoot, abs).split(path.sep).join('/');
            if (!rel.startsWith('..'))
                return { p: file.pkg, s: rel };
        }
    }
    return { p: file.pkg, m: path.relative(file.pkgRoot, js).split(path.sep).join('/'), c: kind };
}
class IndexBuilder {
    checker;
    table = new TypeTable(['leaf', 'open', 'quantity']);
    types = this.table.types;
    byTypeId = new Map();
    constructor(checker) {
        this.checker = checker;
    }
    intern(t) {
        return this.table.intern(t);
    }
    /** Converts a TypeScript type into an index reference. `field` is the property name it appears under. */
    convert(type, field = '') {
        const c = this.checker;
        if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))
            return OPEN;
        if (type.isUnion()) {
            const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
            const objects = members.filter((t) => t.flags & ts.TypeFlags.Object);
            if (objects.length === 0) {
                const num = members.some((t) => t.flags & ts.TypeFlags.NumberLike);
                const str = members.some((t) => t.flags & ts.TypeFlags.StringLike);
                return num && str ? QUANTITY : LEAF;
            }
            // A union of several object shapes cannot be walked precisely: leave it to ajv.
            return objects.length === 1 ? this.convert(objects[0], field) : OPEN;
        }
        if (!(type.flags & ts.TypeFlags.Object))
            return LEAF;
        if (c.isArrayType(type)) {
            const elem = c.getTypeArguments(type)[0];
            return this.intern({ a: elem ? this.convert(elem) : OPEN });
        }
        const id = type.id;
        const named = Boolean(type.getSymbol()?.flags && type.getSymbol().flags & ts.SymbolFlags.Interface);
        if (named && id !== undefined) {
            const hit = this.byTypeId.get(id);
            if (hit !== undefined)
                return hit;
            // Reserve the slot first: named types can be recursive (JSONSchemaProps).
            const slot = this.types.length;
            this.types.push(OPEN_PLACEHOLDER);
            this.byTypeId.set(id, slot);
            this.types[slot] = this.objectType(type, field);
            return slot;
        }
        const t = this.objectType(type, field);
        return typeof t === 'string' ? (t === 'open' ? OPEN : LEAF) : this.intern(t);
    }
    objectType(type, field) {
        const c = this.checker;
        const props = c.getPropertiesOfType(type);
        const index = c.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
        if (props.length === 0 && !index)
            return 'open';
        if (props.length === 0 && index) {
            const value = this.convert(index.type);
            const map = { m: value };
            if (value === LEAF && (field === 'matchLabels' || field === 'nodeSelector'))
                map.l = 1;
            return map;
        }
        const names = props.map((p) => p.name).sort();
        const metadataLike = names.every((n) => METADATA_FIELDS.has(n));
        const f = {};
        const r = [];
        for (const name of names) {
            const p = props.find((x) => x.name === name);
            const decl = p.valueDeclaration ?? p.declarations?.[0];
            const pt = decl ? c.getTypeOfSymbolAtLocation(p, decl) : c.getDeclaredTypeOfSymbol(p);
            let ref = this.convert(pt, name);
            ref = this.flagMetadataMap(ref, name, metadataLike);
            f[name] = ref;
            if (!(p.flags & ts.SymbolFlags.Optional))
                r.push(name);
        }
        const obj = { f };
        if (r.length)
            obj.r = r;
        if (index)
            obj.x = this.convert(index.type);
        return obj;
    }
    /** `labels` and `annotations` of metadata-like objects get the grammar checks; other maps stay plain. */
    flagMetadataMap(ref, name, metadataLike) {
        if (!metadataLike || (name !== 'labels' && name !== 'annotations'))
            return ref;
        const t = this.types[ref];
        if (typeof t !== 'object' || !('m' in t) || t.m !== LEAF)
            return ref;
        return this.intern(name === 'labels' ? { m: LEAF, l: 1 } : { m: LEAF, k: 1 });
    }
}
const OPEN_PLACEHOLDER = 'open';
/** Reads the literal type of a property of the model interface (apiVersion, kind). */
function literalOf(checker, type, name) {
    const p = type.getProperty(name);
    if (!p)
        return undefined;
    const t = checker.getTypeOfSymbol(p);
    return t.isStringLiteral() ? t.value : undefined;
}
export function buildSchemaIndex() {
    const files = MODEL_PACKAGES.flatMap(listModelFiles);
    const program = ts.createProgram({
        rootNames: files.map((f) => f.dts),
        options: { noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es5.d.ts'], module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
    });
    const checker = program.getTypeChecker();
    const builder = new IndexBuilder(checker);
    const kinds = {};
    for (const file of files) {
        const sf = program.getSourceFile(file.dts);
        if (!sf)
            continue;
        const kind = path.basename(file.dts, '.d.ts');
        const moduleSymbol = checker.getSymbolAtLocation(sf);
        const iface = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === `I${kind}`);
        if (!iface)
            continue;
        const type = checker.getDeclaredTypeOfSymbol(iface);
        const apiVersion = literalOf(checker, type, 'apiVersion');
        if (literalOf(checker, type, 'kind') !== kind || !apiVersion)
            continue;
        const key = `${apiVersion}/${kind}`;
        if (kinds[key])
            continue;
        kinds[key] = { t: builder.convert(type), v: validatorOf(file, kind) };
    }
    const sorted = {};
    for (const k of Object.keys(kinds).sort())
        sorted[k] = kinds[k];
    return { version: INDEX_VERSION, types: builder.types, kinds: sorted };
}
function main() {
    const started = Date.now();
    const index = buildSchemaIndex();
    const here = path.dirname(fileURLToPath(import.meta.url));
    // Compiled to generator/dist/scripts/; the index goes to generator/dist/.
    const out = path.resolve(here, '..', 'schema-index.json');
    fs.writeFileSync(out, JSON.stringify(index));
    const kinds = Object.keys(index.kinds).length;
    process.stdout.write(`schema index: ${kinds} kinds, ${index.types.length} types, ${fs.statSync(out).size} bytes in ${Date.now() - started} ms -> ${path.relative(process.cwd(), out)}\n`);
}
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
    main();
