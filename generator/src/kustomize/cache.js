import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { writeCacheFile } from '../core/atomic-write.js';
import { isPlainObject } from '../core/objects.js';
/** Bumped when the entry format changes, so old entries are simply never found. */
const FORMAT = 2;
/** Where the entry for a cache key lives. */
function entryFile(cacheDir, key) {
    return nodePath.join(cacheDir, `${key}.json`);
}
/**
 * The objects cached for `path` under `key`, or `undefined` on a miss. A corrupt, foreign or
 * unauthenticated entry (wrong MAC, unparsable, wrong format, another path) counts as a miss and is
 * overwritten by the rebuild.
 */
export function readEntry(cache, key, path) {
    let text;
    try {
        text = cache.seal.open(ENTRY, key, nodeFs.readFileSync(entryFile(cache.dir, key), 'utf8'));
    }
    catch {
        return undefined;
    }
    if (text === undefined)
        return undefined;
    try {
        const e = JSON.parse(text);
        if (e?.format !== FORMAT || e.path !== path || !Array.isArray(e.objects))
            return undefined;
        if (!e.objects.every(isPlainObject))
            return undefined;
        return e.objects;
    }
    catch {
        return undefined;
    }
}
/** Stores the objects built for `path` under `key`. Best effort: a full or read-only disk only costs a rebuild. */
export function writeEntry(cache, key, path, objects) {
    const entry = { format: FORMAT, path, objects };
    writeCacheFile(entryFile(cache.dir, key), cache.seal.seal(ENTRY, key, JSON.stringify(entry)));
}
/** Scopes of the sealed files: an entry of one kind never opens as another. */
const ENTRY = 'kustomize/build';
const MEMO = 'kustomize/kustomizations';
export const VERSIONS = 'kustomize/versions';
/** Most parsed kustomizations remembered; the oldest are dropped beyond it. */
const MEMO_LIMIT = 20_000;
function memoFile(cacheDir) {
    return nodePath.join(cacheDir, `kustomizations-${FORMAT}.json`);
}
/**
 * Parsed kustomizations remembered by earlier runs (see `DependencyHasher`); empty when missing,
 * corrupt or unauthenticated: a forged memo could hide a dependency from the cache keys.
 */
export function readMemo(cache) {
    const memo = new Map();
    try {
        const body = cache.seal.open(MEMO, String(FORMAT), nodeFs.readFileSync(memoFile(cache.dir), 'utf8'));
        if (body === undefined)
            return memo;
        const parsed = JSON.parse(body);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            return memo;
        for (const [hash, k] of Object.entries(parsed)) {
            if (/^[0-9a-f]{64}$/.test(hash) && isPlainObject(k))
                memo.set(hash, k);
        }
    }
    catch {
        // missing or corrupt: start empty
    }
    return memo;
}
/** Saves the memo, newest entries last, at most {@link MEMO_LIMIT}. */
export function writeMemo(cache, memo) {
    const entries = [...memo].slice(-MEMO_LIMIT);
    writeCacheFile(memoFile(cache.dir), cache.seal.seal(MEMO, String(FORMAT), JSON.stringify(Object.fromEntries(entries))));
}
