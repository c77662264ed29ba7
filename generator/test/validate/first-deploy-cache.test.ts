/**
 * Regression (issue 10, start-up time): `canary/first-deploy` read and modelled the base revision's
 * whole configuration on every `validate` (~250 ms), even when the result cache served the rest of the
 * report. What the base runs is now kept in the sealed result cache with what the loader read of the
 * base: a second run with the same base does not load the configuration again; a changed base file,
 * another seal or no cache does.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readYamlSource } from '../../src/config/yaml-source.js';
import { diskFs } from '../../src/core/fs.js';
import type { BaseRunsCache } from '../../src/validate/base-runs.js';
import { checkFirstDeploys } from '../../src/validate/first-deploy.js';
import { cacheSeal } from '../../src/validate/result-cache.js';
import { configFiles } from '../helpers/cli.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

/** Every call of the loader, whoever makes it. */
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/config/load.js', async (actual) => {
  const real = await actual<typeof import('../../src/config/load.js')>();
  return { ...real, readConfig: (...args: Parameters<typeof real.readConfig>) => (loads.count++, real.readConfig(...args)) };
});

const model = modelOf(REPO_ROOT);
const lineOf = (file: string, at: (string | number)[]) => readYamlSource(diskFs(REPO_ROOT), file).lineOf(at);
const XIAOKE = 'apps/xiaoke/service.yaml';
const seed = new Map(configFiles(REPO_ROOT).map((rel) => [rel, fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8')]));
/** The seed with xiaoke a plain Deployment everywhere: its canary in prod would create the Rollout. */
const asDeployment = new Map(seed).set(XIAOKE, seed.get(XIAOKE)!.replace(/^environments:\n[\s\S]*$/m, ''));

function cache(secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'base-runs-seal-')), dir = fs.mkdtempSync(path.join(os.tmpdir(), 'base-runs-cache-'))): BaseRunsCache {
  const seal = cacheSeal(REPO_ROOT, path.join(secretDir, 'secret'));
  expect(seal).toBeDefined();
  return { dir, seal: seal!, build: 'test-build' };
}

/** The checks of `canary/first-deploy` against `base`, and how many times the loader ran meanwhile. */
async function check(base: Map<string, string>, c?: BaseRunsCache): Promise<{ checks: string[]; loads: number }> {
  const before = loads.count;
  const found = await checkFirstDeploys({ model, base, baseName: 'HEAD', lineOf, ...(c ? { cache: c } : {}) });
  return { checks: found.map((f) => `${f.severity} ${f.check} ${f.file}:${f.line}`), loads: loads.count - before };
}

const REFUSED = [`error canary/first-deploy ${XIAOKE}:40`];

describe('canary/first-deploy and the sealed result cache', () => {
  beforeEach(() => {
    loads.count = 0;
  });

  it('regression: a second run with the same base is served from the cache (the base configuration is not loaded again)', async () => {
    const c = cache();
    expect(await check(seed, c)).toEqual({ checks: [], loads: 1 });
    expect(await check(seed, c)).toEqual({ checks: [], loads: 0 });
    expect(fs.readdirSync(c.dir)).toEqual(['base-runs.json']);
  });

  it('a base file that changed is loaded again, and judged as it is now', async () => {
    const c = cache();
    expect(await check(seed, c)).toEqual({ checks: [], loads: 1 });
    expect(await check(asDeployment, c)).toEqual({ checks: REFUSED, loads: 1 });
    expect(await check(asDeployment, c)).toEqual({ checks: REFUSED, loads: 0 });
  });

  it('a base whose configuration does not load is cached as such (its warnings again, without loading)', async () => {
    const c = cache();
    const broken = new Map(seed).set(XIAOKE, seed.get(XIAOKE)!.replace('group: agent', 'group: agents'));
    const first = await check(broken, c);
    expect(first.loads).toBe(1);
    expect(first.checks.length).toBeGreaterThan(0);
    expect(await check(broken, c)).toEqual({ ...first, loads: 0 });
  });

  it.each([
    ['no cache: the base is loaded on every run', () => [undefined, undefined] as const],
    ['an entry sealed under another secret is a miss', () => [cache(), 'other-secret'] as const],
    ['an entry of another generator build is a miss', () => [cache(), 'other-build'] as const],
  ])('%s', async (_name, setup) => {
    const [c, change] = setup();
    await check(asDeployment, c);
    const again =
      change === 'other-secret' ? cache(undefined, c!.dir) : change === 'other-build' ? { ...c!, build: 'another-build' } : c;
    expect(await check(asDeployment, again)).toEqual({ checks: REFUSED, loads: 1 });
  });
});
