/**
 * `npm run bench:kustomize`: the measurements behind the defaults of generator/src/kustomize (chunk
 * size, concurrency), on a synthetic repository of plain overlays. Prints a table of timings; checks
 * every grid point builds exactly what per-path builds do (exit 1 if not). Nothing is asserted on time.
 *   KUSTOMIZE_MEASURE_SERVICES (default 100)   services × 4 environments
 *   KUSTOMIZE_MEASURE_GRID (default 5x2,10x2,20x2,40x2,100x2,20x1,20x4)   chunk×concurrency points
 *   KUSTOMIZE_MEASURE_SEQUENTIAL=0              skip the sequential per-path reference
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sealWith } from '../src/core/seal.js';
import { buildPaths, buildPathsSequentialNaive, detectKustomize } from '../src/kustomize/index.js';
import { syntheticOwner, writeSyntheticRepo } from './kustomize-synthetic.js';
const comparable = (r) => r.ok
    ? { path: r.path, ok: true, objects: r.objects.map((o) => JSON.stringify(o)).sort() }
    : { path: r.path, ok: false, error: r.error };
async function main() {
    const tool = await detectKustomize();
    if (!tool) {
        console.error('kustomize not found: install kubectl (it includes kustomize) or kustomize');
        return 2;
    }
    const services = Number(process.env.KUSTOMIZE_MEASURE_SERVICES ?? 100);
    const grid = (process.env.KUSTOMIZE_MEASURE_GRID ?? '5x2,10x2,20x2,40x2,100x2,20x1,20x4').split(',').map((s) => s.split('x').map(Number));
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'suoke-kustomize-grid-'));
    const root = nodePath.join(dir, 'repo');
    const paths = writeSyntheticRepo(root, services, ['dev', 'test', 'staging', 'prod']);
    const targets = paths.map((path) => ({ path }));
    console.log(`${paths.length} overlays, kustomize ${tool.version}`);
    const time = async (label, f) => {
        const start = performance.now();
        const r = await f();
        console.log(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
        return r;
    };
    let wrong = 0;
    try {
        let reference;
        if (process.env.KUSTOMIZE_MEASURE_SEQUENTIAL !== '0') {
            reference = (await time('sequential kubectl kustomize, no cache', () => buildPathsSequentialNaive(paths, root, tool.command))).map(comparable);
        }
        for (const [n, [chunkSize, concurrency]] of grid.entries()) {
            const opts = { root, owner: syntheticOwner, chunkSize, concurrency, cacheDir: nodePath.join(dir, `cache-${n}`), seal: sealWith(randomBytes(32)) };
            const cold = await time(`chunk ${chunkSize}, concurrency ${concurrency}, cold cache`, () => buildPaths(targets, opts));
            if (!cold.every((r) => r.ok) || (reference && !isDeepStrictEqual(cold.map(comparable), reference))) {
                console.log(`  chunk ${chunkSize}, concurrency ${concurrency}: builds differ from per-path builds`);
                wrong++;
            }
            const warm = await time(`chunk ${chunkSize}, concurrency ${concurrency}, warm cache`, () => buildPaths(targets, opts));
            if (!warm.every((r) => r.ok && r.cached)) {
                console.log(`  chunk ${chunkSize}, concurrency ${concurrency}: warm run missed the cache`);
                wrong++;
            }
        }
    }
    finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
    return wrong === 0 ? 0 : 1;
}
process.exitCode = await main();
