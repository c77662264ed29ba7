/**
 * A cache of loaded configurations: the typed configuration of a clean load, kept with every question
 * the loader asked of the file system and its answer (validate/inputs.ts), sealed like the other
 * caches (core/seal.ts). An entry is reused only by the same build of the generator, and only while
 * every question still gets the same answer: a file edited, added or removed under `apps/` or
 * `clusters/` is a miss. Loading the configuration (parsing, the YAML rules, the schemas and every
 * check) is most of the time of a command that only renders (`diff`, `plan`), and `diff` loads two
 * trees: the working tree's and the base revision's. A configuration with findings is never kept.
 *
 * The typed configuration is plain data and survives JSON unchanged
 * (generator/test/validate/config-cache.test.ts holds that for the seed and fixture platforms).
 */
import type { ConfigResult } from '../config/load.js';
import type { PlatformConfig } from '../config/types.js';
import type { FileSystem } from '../core/fs.js';
import type { Seal } from '../core/seal.js';
import { Inputs, recordingFs, unchanged, type Observation } from './inputs.js';
import { buildId, cacheSeal, resultCache, resultCacheDir, resultKey } from './result-cache.js';

/** Where the entries are, under which seal, for which build (validate/result-cache.ts `buildId`). */
export interface ConfigCache {
  dir: string;
  seal: Seal;
  build: string;
}

/**
 * The cache of the repository at `root`, beside validate's (`node_modules/.cache/suoke-gitops/validate`),
 * sealed with the secret in `secretFile`; none when running from the sources (no build id) or when the
 * secret cannot be trusted (validate/result-cache.ts `cacheSeal`).
 */
export function configCacheAt(root: string, secretFile: string | undefined): ConfigCache | undefined {
  const build = buildId();
  const seal = build === undefined ? undefined : cacheSeal(root, secretFile);
  return build !== undefined && seal ? { dir: resultCacheDir(root), seal, build } : undefined;
}

interface Entry {
  observations: Observation[];
  config: PlatformConfig;
}

/** Trees kept: the working tree and a few base revisions (`diff` against HEAD, origin/main, a tag…). */
const KEPT = 6;

/**
 * `load(fs)` (the loader, config/load.ts `readConfig`), or the configuration it returned last time
 * for the same answers. Without `cache`, just `load(fs)`.
 */
export function cachedConfig(fs: FileSystem, load: (fs: FileSystem) => ConfigResult, cache: ConfigCache | undefined): ConfigResult {
  if (!cache) return load(fs);
  const store = resultCache<Entry[]>(cache.dir, cache.seal, 'configs');
  const key = resultKey(cache.build, { cache: 'configs' });
  const entries = store.get(key) ?? [];
  // The entries of other trees mostly ask the same questions (the same files): each is read once.
  const asked = new Map<string, string>();
  const hit = entries.find((e) => unchanged({ fs, path: '' }, e.observations, asked));
  if (hit) return { config: hit.config, findings: [] };
  const inputs = new Inputs();
  const result = load(recordingFs(fs, inputs));
  if (result.config && !inputs.unknown) store.set(key, [{ observations: inputs.list(), config: result.config }, ...entries].slice(0, KEPT));
  return result;
}
