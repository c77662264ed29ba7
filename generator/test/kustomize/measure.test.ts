/**
 * Measurements behind the defaults of generator/src/kustomize (not a test: run by hand with
 * `KUSTOMIZE_MEASURE=1 npx vitest run generator/test/kustomize/measure.test.ts`; add
 * `KUSTOMIZE_MEASURE_SERVICES=1000` for the large case). Prints a table of timings.
 */
import * as nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPaths, buildPathsSequentialNaive, detectKustomize } from '../../src/kustomize/index.js';
import { comparable, tempDir } from './helpers.js';
import { syntheticOwner, writeSyntheticRepo } from './synthetic.js';

const tool = await detectKustomize();
const enabled = process.env.KUSTOMIZE_MEASURE === '1' && tool !== undefined;
const services = Number(process.env.KUSTOMIZE_MEASURE_SERVICES ?? 100);
const grid = (process.env.KUSTOMIZE_MEASURE_GRID ?? '5x2,10x2,20x2,40x2,100x2,20x1,20x4')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);

describe.skipIf(!enabled)(`kustomize build timings (${services} services x 4 environments)`, () => {
  it('measures', async () => {
    const t = tempDir('kustomize-measure');
    const root = nodePath.join(t.dir, 'repo');
    const paths = writeSyntheticRepo(root, services, ['dev', 'test', 'staging', 'prod']);
    const targets = paths.map((path) => ({ path }));
    const lines: string[] = [`${paths.length} overlays, kustomize ${tool!.version}`];
    const time = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      const r = await f();
      lines.push(`${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
      return r;
    };
    try {
      let reference: unknown[] | undefined;
      if (process.env.KUSTOMIZE_MEASURE_SEQUENTIAL !== '0') {
        const seq = await time('sequential kubectl kustomize, no cache', () => buildPathsSequentialNaive(paths, root, tool!.command));
        reference = seq.map(comparable);
      }
      for (const [n, [chunkSize, concurrency]] of grid.entries()) {
        const cacheDir = nodePath.join(t.dir, `cache-${n}`);
        const opts = { root, owner: syntheticOwner, chunkSize, concurrency, cacheDir };
        const cold = await time(`chunk ${chunkSize}, concurrency ${concurrency}, cold cache`, () => buildPaths(targets, opts));
        expect(cold.every((r) => r.ok)).toBe(true);
        if (reference) expect(cold.map(comparable)).toEqual(reference);
        const warm = await time(`chunk ${chunkSize}, concurrency ${concurrency}, warm cache`, () => buildPaths(targets, opts));
        expect(warm.every((r) => r.ok && r.cached)).toBe(true);
      }
    } finally {
      t.remove();
      console.log(lines.join('\n'));
    }
  }, 3_600_000);
});
