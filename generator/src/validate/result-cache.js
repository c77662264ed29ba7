import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { filesBelow } from '../core/fs.js';
import { loadSeal } from '../core/seal.js';
import { INDEX_FILE } from '../core/generated-files.js';
import { GENERATED_ROOTS } from '../write/tree.js';
/**
 * Folders whose files a repository validation reads once, into the snapshot its steps read
 * (configuration and generated output), and the tree the windows step compares with the base
 * revision. Which of them a step really reads is what keys the cache (validate/inputs.ts).
 */
export const INPUT_ROOTS = GENERATED_ROOTS;
/** Files outside {@link INPUT_ROOTS} read into the same snapshot: the index of generated files. */
export const INPUT_FILES = [INDEX_FILE];
/**
 * The build of the generator that is running (`generator/dist/build-id`, written by `npm run build`),
 * or undefined when running from the TypeScript sources (tests), where results are never cached.
 */
export function buildId() {
    try {
        return fs.readFileSync(new URL('../../build-id', import.meta.url), 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The files of the snapshot: path → content, for the files under apps/, clusters/ and argocd/ and
 * the index of generated files, in walk order (directories listed sorted). `folders`, when given,
 * gains every folder below apps/, clusters/ and argocd/ the walk met.
 */
export function inputFiles(fsys, folders) {
    const files = new Map();
    for (const file of [...INPUT_ROOTS.flatMap((root) => filesBelow(fsys, root, folders)), ...INPUT_FILES]) {
        const text = fsys.readText(file);
        if (text !== undefined)
            files.set(file, text);
    }
    return files;
}
/**
 * The key of a cached result: the generator build and the options of the steps (the whole object
 * they are given). Which files and programs they read is kept in the entry (validate/inputs.ts):
 * an entry is reused only while every one still reads the same.
 */
export function resultKey(build, options) {
    return createHash('sha256').update(build).update('\0').update(JSON.stringify(options)).digest('hex');
}
/** The folder of the result cache entries of the repository at `root` (absolute). */
export function resultCacheDir(root) {
    return path.join(root, 'node_modules', '.cache', 'suoke-gitops', 'validate');
}
/**
 * A one-entry cache of the last repository validation (its report and what else it keeps), in `dir`,
 * sealed with `seal` (core/seal.ts) to its key: an entry someone else wrote or swapped in (the report
 * of a clean tree beside a drifted one) does not open, and the validation runs again. `name` names
 * the entry (its file `<name>.json`, and its scope `validate/<name>` in the MAC, so that an entry of
 * one kind never opens as another, nor as a kustomize build entry), e.g. `base-runs` for the
 * first-deploy check's reading of the base revision (validate/base-runs.ts). Default `last-report`.
 */
export function resultCache(dir, seal, name = 'last-report') {
    const file = path.join(dir, `${name}.json`);
    const scope = `validate/${name}`;
    return {
        get(key) {
            try {
                const body = seal.open(scope, key, fs.readFileSync(file, 'utf8'));
                const entry = body === undefined ? undefined : JSON.parse(body);
                return entry?.key === key ? entry.value : undefined;
            }
            catch {
                return undefined;
            }
        },
        set(key, value) {
            try {
                fs.mkdirSync(dir, { recursive: true });
                writeFileAtomic(file, seal.seal(scope, key, JSON.stringify({ key, value })));
            }
            catch {
                // A cache that cannot be written only costs time next run.
            }
        },
    };
}
/** The seal of the caches, when a secret file is given outside the repository and can be trusted. */
export function cacheSeal(root, secretFile) {
    if (secretFile === undefined || !path.isAbsolute(secretFile))
        return undefined;
    const rel = path.relative(root, secretFile);
    const outside = rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
    if (!outside)
        return undefined;
    return loadSeal(secretFile);
}
