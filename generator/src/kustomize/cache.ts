import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';

/** Bumped when the entry format changes, so old entries are simply never found. */
const FORMAT = 1;

interface Entry {
  format: number;
  path: string;
  objects: Record<string, unknown>[];
}

/** Where the entry for a cache key lives. */
export function entryFile(cacheDir: string, key: string): string {
  return nodePath.join(cacheDir, `${key}.json`);
}

/**
 * The objects cached for `path` under `key`, or `undefined` on a miss. A corrupt or foreign
 * entry (unparsable, wrong format, another path) counts as a miss and is overwritten by the rebuild.
 */
export function readEntry(cacheDir: string, key: string, path: string): Record<string, unknown>[] | undefined {
  let text: string;
  try {
    text = nodeFs.readFileSync(entryFile(cacheDir, key), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const e = JSON.parse(text) as Partial<Entry> | null;
    if (e?.format !== FORMAT || e.path !== path || !Array.isArray(e.objects)) return undefined;
    if (!e.objects.every((o) => o !== null && typeof o === 'object' && !Array.isArray(o))) return undefined;
    return e.objects;
  } catch {
    return undefined;
  }
}

/** Stores the objects built for `path` under `key`. Best effort: a full or read-only disk only costs a rebuild. */
export function writeEntry(cacheDir: string, key: string, path: string, objects: Record<string, unknown>[]): void {
  const entry: Entry = { format: FORMAT, path, objects };
  writeAtomic(entryFile(cacheDir, key), JSON.stringify(entry));
}

let tmpCounter = 0;

/**
 * Writes a file by writing a temporary sibling and renaming it over the target, so a reader
 * (another process validating at the same time) sees either the old or the new content, never half.
 * Errors are swallowed: callers use this only for caches.
 */
export function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  try {
    nodeFs.mkdirSync(nodePath.dirname(file), { recursive: true });
    nodeFs.writeFileSync(tmp, data);
    nodeFs.renameSync(tmp, file);
  } catch {
    try {
      nodeFs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to clean
    }
  }
}
