/**
 * What the base revision runs, for `canary/first-deploy` (./first-deploy.ts): the base's own
 * configuration read and modelled with this generator. That is the whole loader and model (~250 ms),
 * paid on every `validate`, even when the result cache serves the rest of the report; so the answer is
 * kept in the sealed result cache (./result-cache.ts) beside what it read of the base (./inputs.ts),
 * and reused while the base's files answer the same. The loader and the model are imported only on
 * a miss.
 */
import { memoryFs, type FileSystem } from '../core/fs.js';
import type { Seal } from '../core/seal.js';
import { Inputs, recordingFs, unchanged, type Observation } from './inputs.js';
import { resultCache, resultKey } from './result-cache.js';

/** How the base runs a service in an environment: the workload kind, the stable version, and where. */
interface BaseRun {
  workload: 'Deployment' | 'Rollout';
  version: string;
  path: string;
}

/** What the base runs, by `<env>/<service>`; or why its configuration cannot be read. */
export type BaseRuns = { runs: Map<string, BaseRun> } | { error: string };

/** Where the answer is cached: the result cache's folder and seal, under the generator build that computed it. */
export interface BaseRunsCache {
  /** Folder of the result cache, e.g. `<root>/node_modules/.cache/suoke-gitops/validate`. */
  dir: string;
  seal: Seal;
  /** The generator build (`generator/dist/build-id`): another build models the base anew. */
  build: string;
}

/** The cache entry: JSON-safe runs (or the error), and every question the loader asked of the base's files. */
interface Entry {
  runs: [string, BaseRun][] | { error: string };
  inputs: Observation[];
}

/** What the base (its files under apps/, clusters/, argocd/) runs; from `cache` while what it read is unchanged. */
export async function baseRuns(files: ReadonlyMap<string, string>, cache?: BaseRunsCache): Promise<BaseRuns> {
  const fs = memoryFs(Object.fromEntries(files));
  const store = cache && resultCache<Entry>(cache.dir, cache.seal, 'base-runs');
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

async function readRuns(fs: FileSystem): Promise<BaseRuns> {
  const [{ readConfig }, { buildModel }, { WAIVABLE }] = await Promise.all([import('../config/load.js'), import('../model/build.js'), import('../policy/ids.js')]);
  const { config, findings } = readConfig(fs, { waivable: WAIVABLE });
  if (!config) {
    const f = findings[0];
    return { error: f ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}` : 'argocd/argocd.yaml is missing' };
  }
  const runs = new Map<string, BaseRun>();
  for (const e of buildModel(config).environments) {
    for (const i of e.instances) runs.set(`${e.env.name}/${i.service.name}`, { workload: i.workload, version: i.version, path: i.path });
  }
  return { runs };
}
