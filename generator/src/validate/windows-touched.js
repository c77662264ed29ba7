/**
 * The objects the change-window step compares (windows/touched.ts): per side, the Argo CD objects of
 * `argocd/` (ApplicationSets expanded) and the kustomize builds of the Argo CD paths whose inputs differ.
 *
 * A path whose every input file (what kustomize reads to build it, found as the build cache finds it:
 * kustomize/deps.ts) is byte-identical in the base and the change builds the same objects on both
 * sides, so it is not built at all. The others are built on both sides: the change's from the builds
 * `validate` already made (or the build cache), the base's in a temporary copy of the base revision's
 * files, through the same sealed build cache, so a path built before costs a cache read.
 */
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { DependencyHasher, diskReader } from '../kustomize/deps.js';
import { argoDocuments } from '../argo/documents.js';
import { expandApplications } from '../argo/expand.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import { environmentOf } from '../windows/touched.js';
/** The two sides to compare, with only the paths whose inputs differ built. */
export async function comparedSides(input) {
    const headArgo = argoObjects(input.head);
    const baseArgo = argoObjects(input.base);
    const headPaths = deployedPaths(headArgo, input.envs);
    const basePaths = deployedPaths(baseArgo, input.envs);
    const headKeys = new DependencyHasher(diskReader(input.root));
    const baseKeys = new DependencyHasher(treeReader(input.base));
    const changed = [...new Set([...headPaths.keys(), ...basePaths.keys()])].filter((p) => {
        const a = headPaths.has(p) ? headKeys.key(p, '', []) : undefined;
        const b = basePaths.has(p) ? baseKeys.key(p, '', []) : undefined;
        return a === undefined || a !== b || headPaths.get(p) !== basePaths.get(p);
    });
    const headBuilt = new Map();
    const baseBuilt = new Map();
    if (changed.length === 0)
        return { head: { argo: headArgo, built: headBuilt }, base: { argo: baseArgo, built: baseBuilt } };
    const inHead = changed.filter((p) => headPaths.has(p));
    const inBase = changed.filter((p) => basePaths.has(p));
    const toBuild = inHead.filter((p) => !input.built?.has(p));
    for (const p of inHead)
        if (input.built?.has(p))
            headBuilt.set(p, { objects: input.built.get(p) });
    if (!input.build) {
        const unbuilt = { unbuilt: 'its inputs differ; not built with --no-kustomize' };
        for (const p of toBuild)
            headBuilt.set(p, unbuilt);
        for (const p of inBase)
            baseBuilt.set(p, unbuilt);
    }
    else {
        for (const r of await input.build(input.root, toBuild))
            headBuilt.set(r.path, outcome(r));
        for (const r of await buildInCopy(input.base, inBase, input.build))
            baseBuilt.set(r.path, outcome(r));
    }
    return { head: { argo: headArgo, built: headBuilt }, base: { argo: baseArgo, built: baseBuilt } };
}
function outcome(r) {
    return r.ok ? { objects: r.objects } : { unbuilt: `kustomize build failed: ${r.error}` };
}
/** Applications (ApplicationSets expanded) and ApplicationSets of a tree's `argocd/` files. */
function argoObjects(tree) {
    const files = [...tree].filter(([p]) => p.startsWith(`${ARGOCD_PATH}/`)).map(([path, content]) => ({ path, content }));
    let docs;
    try {
        docs = argoDocuments(files, ARGOCD_PATH);
    }
    catch (e) {
        throw new Error('reading the Argo CD objects to compare with the base revision', { cause: e });
    }
    const { applications } = expandApplications(docs);
    return [...applications.map((a) => a.application), ...docs.filter((d) => d.object['kind'] === 'ApplicationSet').map((d) => d.object)];
}
/** Source path → the environments (joined) whose Applications deploy it. */
function deployedPaths(argo, envs) {
    const out = new Map();
    for (const o of argo) {
        if (o['kind'] !== 'Application')
            continue;
        const env = environmentOf(o, envs);
        const path = o['spec']?.source?.path;
        if (env === undefined || typeof path !== 'string')
            continue;
        (out.get(path) ?? out.set(path, new Set()).get(path)).add(env);
    }
    return new Map([...out].map(([p, s]) => [p, [...s].sort().join(',')]));
}
/** Reads a tree as kustomize/deps.ts reads the disk (a folder is any prefix of a file's path). */
function treeReader(tree) {
    const dirs = new Set(['.', '']);
    for (const p of tree.keys()) {
        const parts = p.split('/');
        for (let i = 1; i < parts.length; i++)
            dirs.add(parts.slice(0, i).join('/'));
    }
    const clean = (rel) => nodePath.posix.normalize(rel).replace(/\/$/, '');
    return {
        read: (rel) => {
            const t = tree.get(clean(rel));
            return t === undefined ? undefined : Buffer.from(t, 'utf8');
        },
        kind: (rel) => (tree.has(clean(rel)) ? 'file' : dirs.has(clean(rel)) ? 'dir' : undefined),
    };
}
/** Builds `paths` of the base revision in a temporary copy of its files (removed afterwards). */
async function buildInCopy(tree, paths, build) {
    if (paths.length === 0)
        return [];
    const dir = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'suoke-base-'));
    try {
        for (const [p, content] of tree) {
            // Git paths never hold `..` or absolute parts; refuse rather than write outside the copy.
            const abs = nodePath.resolve(dir, ...p.split('/'));
            if (!abs.startsWith(`${dir}${nodePath.sep}`))
                throw new Error(`base revision path ${JSON.stringify(p)} leaves the copy`);
            nodeFs.mkdirSync(nodePath.dirname(abs), { recursive: true });
            nodeFs.writeFileSync(abs, content);
        }
        return await build(dir, paths);
    }
    finally {
        nodeFs.rmSync(dir, { recursive: true, force: true });
    }
}
