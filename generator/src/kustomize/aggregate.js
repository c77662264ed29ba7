import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { normalize } from './deps.js';
import { parseObjects, runKustomize } from './exec.js';
/**
 * Builds `paths` together through a temporary kustomization that lists them as `resources`
 * (relative paths: kustomize refuses absolute ones, and directories outside the kustomization
 * root are allowed under the default load restrictor, so per-path semantics are kept), then
 * splits the output back per path with `owner`.
 */
export async function buildAggregate(paths, owner, ctx) {
    const dir = makeTempDir(ctx.tmpDir);
    let stdout;
    try {
        const rootReal = realRoot(ctx.root);
        const dirReal = nodeFs.realpathSync(dir);
        const resources = paths.map((p) => nodePath.relative(dirReal, nodePath.resolve(rootReal, p)).split(nodePath.sep).join('/'));
        const text = [
            '# Temporary aggregate of several paths, written by generator/src/kustomize; removed after the build.',
            'apiVersion: kustomize.config.k8s.io/v1beta1',
            'kind: Kustomization',
            'resources:',
            ...resources.map((r) => `- ${JSON.stringify(r)}`),
            '',
        ].join('\n');
        nodeFs.writeFileSync(nodePath.join(dir, 'kustomization.yaml'), text);
        const r = await runKustomize(ctx.command, ctx.flags, dir, ctx.root);
        if (!r.ok)
            return { kind: 'failed', error: r.error };
        stdout = r.stdout;
    }
    finally {
        removeTempDir(dir);
    }
    let objects;
    try {
        objects = parseObjects(stdout);
    }
    catch (e) {
        return { kind: 'failed', error: `parsing kustomize output: ${e.message}` };
    }
    return split(paths, objects, owner);
}
/** Attributes each object of an aggregate to the path that produced it. */
function split(paths, objects, owner) {
    const byPath = new Map(paths.map((p) => [p, []]));
    for (const obj of objects) {
        const o = owner(obj);
        const list = o === undefined ? undefined : byPath.get(normalize(o));
        if (list === undefined)
            return { kind: 'unowned' };
        list.push(obj);
    }
    return { kind: 'ok', byPath };
}
const roots = new Map();
function realRoot(root) {
    let r = roots.get(root);
    if (r === undefined) {
        r = nodeFs.realpathSync(root);
        roots.set(root, r);
    }
    return r;
}
/** Temporary directories still on disk, removed at exit if a build was interrupted. */
const live = new Set();
let exitHook = false;
function makeTempDir(parent) {
    nodeFs.mkdirSync(parent, { recursive: true });
    const dir = nodeFs.mkdtempSync(nodePath.join(parent, `suoke-kustomize-agg-${process.pid}-`));
    live.add(dir);
    if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
            for (const d of live)
                nodeFs.rmSync(d, { recursive: true, force: true });
        });
    }
    return dir;
}
function removeTempDir(dir) {
    live.delete(dir);
    nodeFs.rmSync(dir, { recursive: true, force: true });
}
