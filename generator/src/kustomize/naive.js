import { parseObjects, runKustomize } from './exec.js';
/**
 * The baseline the benchmark compares against: `kubectl kustomize` on each path, one after
 * another, no aggregation, no cache.
 */
export async function buildPathsSequentialNaive(paths, root, command = ['kubectl', 'kustomize']) {
    const results = [];
    for (const path of paths) {
        const r = await runKustomize(command, [], path, root);
        if (!r.ok)
            results.push({ path, ok: false, error: r.error });
        else
            results.push({ path, ok: true, objects: parseObjects(r.stdout), cached: false });
    }
    return results;
}
