/**
 * Regression (found by `npm run bench`, issue 10): the simulation step built every Argo CD path again
 * on every `validate` (~10 s on the seed) because it was not given the seal of the kustomize build
 * cache, and kustomize/build.ts neither reads nor writes the cache without one. Given the seal, a
 * second play runs no kustomize at all: here a "kustomize" that always fails proves it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskFs } from '../../src/core/fs.js';
import { requireKustomize } from '../../src/kustomize/detect.js';
import { cacheSeal } from '../../src/validate/result-cache.js';
import { runSimulation } from '../../src/validate/simulation.js';
import { tempRepo } from '../helpers/cli.js';
const AT = new Date('2026-12-05T12:00:00+08:00');
describe('the simulation step and the kustomize build cache', () => {
    it('regression: with the seal, a second play is served from the cache (a failing kustomize is never run)', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        fs.mkdirSync(repo.abs('node_modules'), { recursive: true });
        const seal = cacheSeal(repo.root, path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sim-seal-')), 'secret'));
        expect(seal).toBeDefined();
        const real = await requireKustomize();
        const first = await runSimulation({ root: repo.root, fs: diskFs(repo.root), at: AT, seal: seal, tool: real });
        expect(first.findings).toEqual([]);
        const broken = { command: ['false'], version: real.version };
        const second = await runSimulation({ root: repo.root, fs: diskFs(repo.root), at: AT, seal: seal, tool: broken });
        expect(second.findings).toEqual([]);
        // Control: without the seal the same broken kustomize is run, and the play cannot converge.
        const unsealed = await runSimulation({ root: repo.root, fs: diskFs(repo.root), at: AT, tool: broken });
        expect(unsealed.findings.length).toBeGreaterThan(0);
    }, 120_000);
});
