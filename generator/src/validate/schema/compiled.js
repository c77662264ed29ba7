import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
const require = createRequire(import.meta.url);
const roots = new Map();
function packageRoot(pkg) {
    let root = roots.get(pkg);
    if (root === undefined) {
        // Every indexed package has its `main` (index.js) at the package root.
        root = nodePath.dirname(require.resolve(pkg));
        roots.set(pkg, root);
    }
    return root;
}
/**
 * Loads the validator of one kind. Called lazily, the first time the kind is seen, so a cold start
 * only pays for the kinds actually present.
 */
export function loadCompiledValidator(ref, indexDir) {
    if ('crd' in ref) {
        // Compiled from a pinned CRD by `npm run build` (scripts/build-crd-schemas.ts).
        const fn = require(nodePath.join(indexDir, ref.g)).validate;
        return (obj) => (fn(obj) ? null : (fn.errors ?? []));
    }
    if ('g' in ref && ref.g !== undefined) {
        // Precompiled by `npm run build` (scripts/build-model-validators.ts), with the options of the
        // package's @kubernetes-models/validate 3; its errors are filtered as that package does.
        const fn = require(nodePath.join(indexDir, ref.g)).validate;
        return (obj) => (fn(obj) ? null : withoutNullableRefErrors(fn.errors ?? []));
    }
    const root = packageRoot(ref.p);
    if ('s' in ref) {
        const mod = require(nodePath.join(root, ref.s));
        const fn = mod.validate;
        return (obj) => (fn(obj) ? null : (fn.errors ?? []));
    }
    // @kubernetes-models/base 4: the model class compiles its JSON schema with ajv at first use and
    // validates `this`, throwing an error that carries ajv's `errors`.
    const mod = require(nodePath.join(root, ref.m));
    const cls = mod[ref.c];
    if (!cls)
        throw new Error(`schema index: ${ref.p}/${ref.m} does not export ${ref.c} (stale index? run \`npm run build\`)`);
    const proto = cls.prototype;
    return (obj) => {
        const inst = Object.assign(Object.create(proto), obj);
        try {
            inst.validate();
            return null;
        }
        catch (e) {
            const errors = e.errors;
            if (!Array.isArray(errors))
                throw e;
            return errors;
        }
    };
}
/** The CEL rule tree of a CRD kind's module (loaded with its validator), or `null` when it has none. */
export function loadCelTree(ref, indexDir) {
    if (!('crd' in ref))
        return null;
    return require(nodePath.join(indexDir, ref.g)).cel ?? null;
}
/**
 * @kubernetes-models/validate 3 models write a nullable `$ref` as `oneOf: [{ $ref }, { type: 'null' }]`;
 * when the value is not null, the `null` branch's error and the `oneOf` error say nothing useful. The
 * package drops them; so do we, to give the same errors as its runtime-compiled validators.
 */
function withoutNullableRefErrors(errors) {
    const excluded = new Set();
    const kept = [];
    for (const e of errors) {
        if (e.keyword === 'oneOf' && Array.isArray(e.schema)) {
            const nullBranch = e.schema.findIndex((x) => x?.type === 'null');
            if (nullBranch > -1) {
                excluded.add(`${e.schemaPath}/${nullBranch}/type`);
                continue;
            }
        }
        kept.push(e);
    }
    return kept.filter((e) => e.schemaPath === undefined || !excluded.has(e.schemaPath));
}
