/**
 * Issue 14 (`diff` in well under a second): the cache of loaded configurations. The typed
 * configuration survives JSON unchanged (else a hit would render something else than a load); an
 * unchanged tree is a hit that runs no loader; any edit, added or removed file is a miss; an entry
 * written under another secret or another build, or edited, does not open; a configuration with
 * findings is never kept; both trees of a `diff` are kept side by side.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadMemo, readConfig, type ConfigResult } from '../../src/config/load.js';
import { diskFs, memoryFs, type FileSystem } from '../../src/core/fs.js';
import { sealWith } from '../../src/core/seal.js';
import { WAIVABLE } from '../../src/policy/ids.js';
import { cachedConfig, type ConfigCache } from '../../src/validate/config-cache.js';
import { FIXTURE_PLATFORM, REPO_ROOT } from '../helpers/platform.js';

const CONFIG_FILE = /^(apps\/[^/]+\/service\.yaml|clusters\/[^/]+\/cluster\.yaml|argocd\/argocd\.yaml|platform\/addons\.yaml)$/;

/** The configuration files of a tree, in memory (what the loader reads, and no rendered output). */
function configOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const posix = rel.split(path.sep).join('/');
    if (CONFIG_FILE.test(posix)) files[posix] = fs.readFileSync(path.join(root, rel), 'utf8');
  }
  return files;
}

function newCache(o: Partial<ConfigCache> = {}): ConfigCache {
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'config-cache-')), seal: sealWith(Buffer.alloc(32, 7)), build: 'build-1', ...o };
}

/** The loader, counting its runs. */
function countingLoader() {
  const loader = (files: FileSystem): ConfigResult => {
    loader.runs += 1;
    return readConfig(files, { waivable: WAIVABLE });
  };
  loader.runs = 0;
  return loader;
}

const SEED_FILES = configOf(REPO_ROOT);

describe('the cache of loaded configurations', () => {
  it.each([
    ['the seed platform', REPO_ROOT],
    ['the fixture platform', FIXTURE_PLATFORM],
  ])('%s: the typed configuration survives JSON unchanged, so a hit renders what a load renders', (_name, root) => {
    const { config } = readConfig(diskFs(root), { waivable: WAIVABLE });
    expect(config).toBeDefined();
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(config)), config)).toBe(true);
  });

  it('an unchanged tree is a hit: the loader does not run, and the configuration is the same', () => {
    const cache = newCache();
    const load = countingLoader();
    const first = cachedConfig(memoryFs(SEED_FILES), load, cache);
    const second = cachedConfig(memoryFs(SEED_FILES), load, cache);
    expect(load.runs).toBe(1);
    expect(second).toEqual(first);
    expect(second.findings).toEqual([]);
  });

  it.each([
    ['a file edited', (f: Record<string, string>) => ({ ...f, 'apps/xiaoai/service.yaml': f['apps/xiaoai/service.yaml']!.replace('version: "2.1.0"', 'version: "2.2.0"') })],
    ['a service removed', (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([p]) => !p.startsWith('apps/xiaoke/')))],
    ['a service added', (f: Record<string, string>) => ({ ...f, 'apps/xiaoai-copy/service.yaml': f['apps/xiaoai/service.yaml']!.replace('name: xiaoai', 'name: xiaoai-copy') })],
    ['a service file renamed to service.yml', (f: Record<string, string>) => {
      const { ['apps/xiaoai/service.yaml']: text, ...rest } = f;
      return { ...rest, 'apps/xiaoai/service.yml': text! };
    }],
  ])('%s: a miss, loaded again, with what the tree now says', (_name, change) => {
    const cache = newCache();
    const load = countingLoader();
    cachedConfig(memoryFs(SEED_FILES), load, cache);
    const changed = change(SEED_FILES);
    const got = cachedConfig(memoryFs(changed), load, cache);
    expect(load.runs).toBe(2);
    expect(got).toEqual(readConfig(memoryFs(changed), { waivable: WAIVABLE }));
  });

  it('both trees of a diff are kept: after one run of each, neither loads again', () => {
    const cache = newCache();
    const load = countingLoader();
    const bumped = { ...SEED_FILES, 'apps/xiaoai/service.yaml': SEED_FILES['apps/xiaoai/service.yaml']!.replace('version: "2.1.0"', 'version: "2.2.0"') };
    for (let i = 0; i < 3; i++) {
      cachedConfig(memoryFs(SEED_FILES), load, cache);
      cachedConfig(memoryFs(bumped), load, cache);
    }
    expect(load.runs).toBe(2);
  });

  it.each([
    ['another secret', (c: ConfigCache) => ({ ...c, seal: sealWith(Buffer.alloc(32, 8)) })],
    ['another build of the generator', (c: ConfigCache) => ({ ...c, build: 'build-2' })],
  ])('an entry written under %s does not open', (_name, other) => {
    const cache = newCache();
    const load = countingLoader();
    cachedConfig(memoryFs(SEED_FILES), load, cache);
    cachedConfig(memoryFs(SEED_FILES), load, other(cache));
    expect(load.runs).toBe(2);
  });

  it('an entry edited on disk (a configuration swapped in) does not open', () => {
    const cache = newCache();
    const load = countingLoader();
    cachedConfig(memoryFs(SEED_FILES), load, cache);
    const entry = path.join(cache.dir, 'configs.json');
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('"replicas":3', '"replicas":30'));
    const got = cachedConfig(memoryFs(SEED_FILES), load, cache);
    expect(load.runs).toBe(2);
    expect(got).toEqual(readConfig(memoryFs(SEED_FILES), { waivable: WAIVABLE }));
  });

  it('a configuration with findings is never kept: each run reports them again', () => {
    const cache = newCache();
    const load = countingLoader();
    const broken = { ...SEED_FILES, 'apps/xiaoai/service.yaml': `${SEED_FILES['apps/xiaoai/service.yaml']}\nreplicas: many\n` };
    const first = cachedConfig(memoryFs(broken), load, cache);
    const second = cachedConfig(memoryFs(broken), load, cache);
    expect(first.config).toBeUndefined();
    expect(second.findings.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(load.runs).toBe(2);
    expect(fs.existsSync(path.join(cache.dir, 'configs.json'))).toBe(false);
  });

  it('without a cache the loader runs every time', () => {
    const load = countingLoader();
    cachedConfig(memoryFs(SEED_FILES), load, undefined);
    cachedConfig(memoryFs(SEED_FILES), load, undefined);
    expect(load.runs).toBe(2);
  });
});

describe('the memo shared by the loads of two trees (diff, plan)', () => {
  it('the second tree, loaded with the memo of the first, gives what its own load gives, and its unchanged files are parsed once', () => {
    const memo = loadMemo();
    const bumped = { ...SEED_FILES, 'apps/xiaoai/service.yaml': SEED_FILES['apps/xiaoai/service.yaml']!.replace('version: "2.1.0"', 'version: "2.2.0"') };
    const first = readConfig(memoryFs(SEED_FILES), { waivable: WAIVABLE, memo });
    const parsed = memo.sources.size;
    const second = readConfig(memoryFs(bumped), { waivable: WAIVABLE, memo });
    expect(first).toEqual(readConfig(memoryFs(SEED_FILES), { waivable: WAIVABLE }));
    expect(second).toEqual(readConfig(memoryFs(bumped), { waivable: WAIVABLE }));
    expect(parsed).toBe(Object.keys(SEED_FILES).length);
    expect(memo.sources.size).toBe(parsed + 1);
  });
});
