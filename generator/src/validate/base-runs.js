/**
 * What the base revision runs, for `canary/first-deploy` (./first-deploy.ts): the base's own
 * configuration read and modelled with this generator. That is the whole loader and model (~250 ms),
 * paid on every `validate`, even when the result cache serves the rest of the report; so the answer is
 * kept in the sealed result cache (./result-cache.ts) beside what it read of the base (./inputs.ts),
 * and reused while the base's files answer the same. The loader and the model are imported only on
 * a miss.
 */
import { memoryFs } from '../core/fs.js';
import { Inputs, recordingFs, unchanged } from './inputs.js';
import { resultCache, resultKey } from './result-cache.js';
/** What the base (its files under apps/, clusters/, argocd/) runs; from `cache` while what it read is unchanged. */
export async function baseRuns(files, cache) {
    const fs = memoryFs(Object.fromEntries(files));
    const store = cache && resultCache(cache.dir, cache.seal, 'base-runs');
    const key = cache ? resultKey(cache.build, { entry: 'base-runs' }) : '';
    const hit = store?.get(key);
    if (hit && Array.isArray(hit.inputs) && unchanged({ fs, path: '' }, hit.inputs)) {
        return Array.isArray(hit.runs) ? { runs: new Map(hit.runs) } : hit.runs;
    }
    const inputs = new Inputs();
    const found = await readRuns(recordingFs(fs, inputs));
    store?.set(key, { runs: 'error' in found ? found : [...found.runs], inputs: inputs.list() });
    return found;
}
async function readRuns(fs) {
    const [{ readConfig }, { buildModel }, { WAIVABLE }] = await Promise.all([import('../config/load.js'), import('../model/build.js'), import('../policy/ids.js')]);
    const { config, findings } = readConfig(fs, { waivable: WAIVABLE });
    if (!config) {
        const f = findings[0];
        return { error: f ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}` : 'argocd/argocd.yaml is missing' };
    }
    const runs = new Map();
    for (const e of buildModel(config).environments) {
        for (const i of e.instances)
            runs.set(`${e.env.name}/${i.service.name}`, { workload: i.workload, version: i.version, path: i.path });
    }
    return { runs };
}
