/**
 * Load → model → render, refusing a configuration whose rendered names the API server or Argo CD
 * would refuse (or that would render one object twice) with configuration errors at the values that
 * make them: what `render`, `validate` and `canary` all start with.
 */
import { readConfig, type LoadMemo } from '../config/load.js';
import type { PlatformConfig } from '../config/types.js';
import { configFinding, readYamlSource } from '../config/yaml-source.js';
import { UserError } from '../core/errors.js';
import { sortFindings, type Finding } from '../core/finding.js';
import type { FileSystem } from '../core/fs.js';
import { buildModel } from '../model/build.js';
import type { Model } from '../model/types.js';
import { render, type RenderResult } from '../render/index.js';
import { cachedConfig, type ConfigCache } from './config-cache.js';
import { checkDerivedNames } from './derived-names.js';
import { WAIVABLE } from '../policy/ids.js';

/** A configuration that loads cleanly, its model and its render. */
export interface Rendered {
  config: PlatformConfig;
  model: Model;
  rendered: RenderResult;
}

/** How to read: the memo shared with the read of another tree, the cache of loaded configurations. */
export interface ReadOptions {
  memo?: LoadMemo;
  cache?: ConfigCache;
}

/** The render of the configuration under `fs`, or every finding that stands in its way. */
export function readRendered(fs: FileSystem, o: ReadOptions = {}): { value: Rendered; findings: [] } | { value: undefined; findings: Finding[] } {
  const options = { waivable: WAIVABLE, ...(o.memo ? { memo: o.memo } : {}) };
  const { config, findings } = cachedConfig(fs, (files) => readConfig(files, options), o.cache);
  if (!config) return { value: undefined, findings };
  const model = buildModel(config);
  const rendered = render(model);
  const problems = checkDerivedNames(model, rendered);
  if (problems.length === 0) return { value: { config, model, rendered }, findings: [] };
  // Lines are looked up only now: a clean configuration (the usual case) reads nothing twice.
  const sources = new Map<string, ReturnType<typeof readYamlSource>>();
  const source = (file: string) => sources.get(file) ?? sources.set(file, readYamlSource(fs, file)).get(file)!;
  const out = problems.map((p) => configFinding(p.check, p.place.file, source(p.place.file).lineOf(p.place.path, p.place.anchor), p.place.path, p.message, p.hint));
  return { value: undefined, findings: sortFindings(out) };
}

/** Like {@link readRendered}, but throws a {@link UserError} carrying the findings. */
export function loadRendered(fs: FileSystem, o: ReadOptions = {}): Rendered {
  const r = readRendered(fs, o);
  if (!r.value) throw new UserError(r.findings);
  return r.value;
}
