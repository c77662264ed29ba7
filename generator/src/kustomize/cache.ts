import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { writeCacheFile } from '../core/atomic-write.js';
import type { Seal } from '../core/seal.js';
import { isPlainObject } from '../core/objects.js';

/** Bumped when the entry format changes, so old entries are simply never found. */
const FORMAT = 2;

/**
 * Where and under what seal builds are cached. Every file of the cache (build entries, the parsed
 * kustomizations, the tool versions) is sealed (core/seal.ts): an entry written by anyone without
 * the per-user secret, e.g. the intended objects of a path whose real build fails, is a miss.
 */
export interface BuildCache {
  dir: string;
  seal: Seal;
}

interface Entry {
  format: number;
  path: string;
  objects: Record<string, unknown>[];
}

/** Where the entry for a cache key lives. */
function entryFile(cacheDir: string, key: string): string {
  return nodePath.join(cacheDir, `${key}.json`);
}

/**
 * The objects cached for `path` under `key`, or `undefined` on a miss. A corrupt, foreign or
 * unauthenticated entry (wrong MAC, unparsable, wrong format, another path) counts as a miss and is
 * overwritten by the rebuild.
 */
export function readEntry(cache: BuildCache, key: string, path: string): Record<string, unknown>[] | undefined {
  let text: string | undefined;
  try {
    text = cache.seal.open(ENTRY, key, nodeFs.readFileSync(entryFile(cache.dir, key), 'utf8'));
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    const e = JSON.parse(text) as Partial<Entry> | null;
    if (e?.format !== FORMAT || e.path !== path || !Array.isArray(e.objects)) return undefined;
    if (!e.objects.every(isPlainObject)) return undefined;
    return e.objects;
  } catch {
    return undefined;
  }
}

/** Stores the objects built for `path` under `key`. Best effort: a full or read-only disk only costs a rebuild. */
export function writeEntry(cache: BuildCache, key: string, path: string, objects: Record<string, unknown>[]): void {
  const entry: Entry = { format: FORMAT, path, objects };
  writeCacheFile(entryFile(cache.dir, key), cache.seal.seal(ENTRY, key, JSON.stringify(entry)));
}

/** Scopes of the sealed files: an entry of one kind never opens as another. */
const ENTRY = 'kustomize/build';
const MEMO = 'kustomize/kustomizations';
export const VERSIONS = 'kustomize/versions';

/** Most parsed kustomizations remembered; the oldest are dropped beyond it. */
const MEMO_LIMIT = 20_000;

function memoFile(cacheDir: string): string {
  return nodePath.join(cacheDir, `kustomizations-${FORMAT}.json`);
}

/**
 * Parsed kustomizations remembered by earlier runs (see `DependencyHasher`); empty when missing,
 * corrupt or unauthenticated: a forged memo could hide a dependency from the cache keys.
 */
export function readMemo(cache: BuildCache): Map<string, Record<string, unknown>> {
  const memo = new Map<string, Record<string, unknown>>();
  try {
    const body = cache.seal.open(MEMO, String(FORMAT), nodeFs.readFileSync(memoFile(cache.dir), 'utf8'));
    if (body === undefined) return memo;
    const parsed: unknown = JSON.parse(body);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return memo;
    for (const [hash, k] of Object.entries(parsed)) {
      if (/^[0-9a-f]{64}$/.test(hash) && isPlainObject(k)) memo.set(hash, k);
    }
  } catch {
    // missing or corrupt: start empty
  }
  return memo;
}

/** Saves the memo, newest entries last, at most {@link MEMO_LIMIT}. */
export function writeMemo(cache: BuildCache, memo: ReadonlyMap<string, Record<string, unknown>>): void {
  const entries = [...memo].slice(-MEMO_LIMIT);
  writeCacheFile(memoFile(cache.dir), cache.seal.seal(MEMO, String(FORMAT), JSON.stringify(Object.fromEntries(entries))));
}
