import * as os from 'node:os';
import * as nodePath from 'node:path';
import { buildAggregate } from './aggregate.js';
import { readEntry, readMemo, writeEntry, writeMemo } from './cache.js';
import { DependencyHasher, diskReader, normalize } from './deps.js';
import { detectKustomize, versionOf } from './detect.js';
import { parseObjects, runKustomize } from './exec.js';
import { drain } from './pool.js';
/**
 * Targets per aggregate build. Measured on synthetic overlays of 7 objects each (README.md beside
 * this file): one kustomize process costs ~150 ms to start and ~12 ms per overlay, and the
 * quadratic term shows from ~100 overlays on; total CPU is lowest between 40 and 70.
 */
const DEFAULT_CHUNK_SIZE = 50;
/** A failed aggregate of fewer paths than this is rebuilt path by path rather than halved. */
const BISECT_MIN = 5;
/** Cache location used when {@link BuildOptions.cacheDir} is not given. */
export function defaultCacheDir(root) {
    return nodePath.join(root, 'node_modules', '.cache', 'suoke-gitops', 'kustomize');
}
/**
 * Builds many kustomize paths fast: cache hits first, then the rest in parallel aggregate builds
 * of `chunkSize` paths, split back per path with `owner`. A chunk whose aggregate fails is split
 * in halves until the failing path is built alone, so every error names its own path and every
 * success equals a build of that path alone (as a set of objects). Results come in target order.
 */
export async function buildPaths(targets, opts) {
    const cache = opts.cacheDir === false || opts.seal === undefined ? undefined : { dir: opts.cacheDir ?? defaultCacheDir(opts.root), seal: opts.seal };
    const tool = await resolveTool(opts, cache);
    const unique = [...new Set(targets.map((t) => normalize(t.path)))].sort();
    const done = new Map();
    if (tool === undefined) {
        const error = 'kustomize not found: install kubectl (it includes kustomize) or kustomize and put it on PATH';
        for (const p of unique)
            done.set(p, { path: p, ok: false, error });
        return targets.map((t) => ({ ...done.get(normalize(t.path)), path: t.path }));
    }
    const flags = opts.flags ?? [];
    const hasher = new DependencyHasher(diskReader(opts.root), cache === undefined ? undefined : readMemo(cache));
    const keys = new Map();
    const together = [];
    const alone = [];
    for (const p of unique) {
        const key = cache === undefined ? undefined : hasher.key(p, tool.version, flags);
        if (key !== undefined && cache !== undefined) {
            keys.set(p, key);
            const objects = readEntry(cache, key, p);
            if (objects !== undefined) {
                done.set(p, { path: p, ok: true, objects, cached: true });
                continue;
            }
        }
        (opts.owner === undefined || hasher.topLevelOnly(p) ? alone : together).push(p);
    }
    if (cache !== undefined && hasher.memoChanged)
        writeMemo(cache, hasher.parsed);
    const finish = (p, r) => {
        if (r.ok) {
            const key = keys.get(p);
            if (key !== undefined && cache !== undefined)
                writeEntry(cache, key, p, r.objects);
            done.set(p, { path: p, ok: true, objects: r.objects, cached: false });
        }
        else
            done.set(p, { path: p, ok: false, error: r.error });
    };
    const ctx = { root: opts.root, command: tool.command, flags, tmpDir: opts.tmpDir ?? os.tmpdir() };
    const concurrency = Math.max(1, opts.concurrency ?? os.availableParallelism());
    const jobs = [...chunk(together, opts.chunkSize ?? DEFAULT_CHUNK_SIZE, concurrency), ...alone.map((p) => [p])];
    await drain(jobs, concurrency, async (job) => {
        if (job.length === 1) {
            finish(job[0], await buildOne(job[0], ctx));
            return [];
        }
        const agg = await buildAggregate(job, opts.owner, ctx);
        if (agg.kind === 'ok') {
            for (const [p, objects] of agg.byPath)
                finish(p, { ok: true, objects });
            return [];
        }
        // An unowned object: only single builds can tell whose it is. A failure: halve to find the
        // culprit, which costs about 2·log2(n) builds for one bad path instead of n; below
        // BISECT_MIN paths single builds are as cheap.
        if (agg.kind === 'unowned' || job.length < BISECT_MIN)
            return job.map((p) => [p]);
        const mid = Math.ceil(job.length / 2);
        return [job.slice(0, mid), job.slice(mid)];
    });
    return targets.map((t) => ({ ...done.get(normalize(t.path)), path: t.path }));
}
/** Builds one path on its own, exactly as `kubectl kustomize <path>` would. */
async function buildOne(path, ctx) {
    const r = await runKustomize(ctx.command, ctx.flags, path, ctx.root);
    if (!r.ok)
        return r;
    try {
        return { ok: true, objects: parseObjects(r.stdout) };
    }
    catch (e) {
        return { ok: false, error: `parsing kustomize output: ${e.message}` };
    }
}
/**
 * Splits paths into balanced chunks of at most `size`. The number of chunks is rounded up to a
 * multiple of `concurrency` (when there are enough paths), so every worker gets an equal share
 * and no round ends with one worker busy and the others idle.
 */
export function chunk(paths, size, concurrency) {
    if (paths.length === 0)
        return [];
    const workers = Math.max(1, concurrency);
    const needed = Math.ceil(paths.length / Math.max(1, size));
    const count = Math.min(paths.length, Math.ceil(needed / workers) * workers);
    const out = [];
    for (let i = 0; i < count; i++) {
        const from = Math.floor((i * paths.length) / count);
        const to = Math.floor(((i + 1) * paths.length) / count);
        out.push(paths.slice(from, to));
    }
    return out;
}
async function resolveTool(opts, cache) {
    if (opts.command !== undefined) {
        const version = opts.version ?? (await versionOf(opts.command, cache)) ?? `unknown ${opts.command.join(' ')}`;
        return { command: opts.command, version };
    }
    const found = await detectKustomize(cache ? { cache } : {});
    return found && { command: found.command, version: opts.version ?? found.version };
}
