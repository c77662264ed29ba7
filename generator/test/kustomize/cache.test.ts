import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPaths, detectKustomize, type BuildOptions, type BuildResult } from '../../src/kustomize/index.js';
import { comparable, copyFixture, FIXTURE_PATHS, fixtureOwner, loggedRuns, loggingCommand } from './helpers.js';

const tool = await detectKustomize();

describe.skipIf(!tool)('buildPaths cache', () => {
  let repo: ReturnType<typeof copyFixture>;
  let opts: BuildOptions;
  let log: string;
  const targets = FIXTURE_PATHS.map((path) => ({ path }));
  const cachedBy = (rs: BuildResult[]) => Object.fromEntries(rs.map((r) => [r.path, r.ok ? r.cached : 'error']));
  const edit = (rel: string, from: string, to: string) => {
    const file = nodePath.join(repo.root, rel);
    const text = nodeFs.readFileSync(file, 'utf8');
    expect(text).toContain(from);
    nodeFs.writeFileSync(file, text.replace(from, to));
  };

  beforeEach(() => {
    repo = copyFixture();
    log = nodePath.join(repo.root, '..', 'runs.log');
    opts = {
      root: repo.root,
      cacheDir: nodePath.join(repo.root, '..', 'cache'),
      owner: fixtureOwner,
      command: loggingCommand(nodePath.join(repo.root, '..'), tool!.command, log),
      version: tool!.version,
      chunkSize: 3,
      concurrency: 2,
    };
  });
  afterEach(() => repo.remove());

  it('a second run is served from the cache with the same objects, and only the failing path is rebuilt', async () => {
    const first = await buildPaths(targets, opts);
    expect(Object.values(cachedBy(first)).filter((c) => c === true)).toEqual([]);
    nodeFs.rmSync(log);
    const second = await buildPaths(targets, opts);
    expect(cachedBy(second)).toEqual({ ...cachedBy(first), ...Object.fromEntries(FIXTURE_PATHS.map((p) => [p, true])), 'overlays/prod/broken': 'error' });
    expect(second.map(comparable)).toEqual(first.map(comparable));
    expect(loggedRuns(log)).toEqual(['overlays/prod/broken']);
  });

  it('changing a file a base reads rebuilds exactly the paths that use it', async () => {
    await buildPaths(targets, opts);
    edit('bases/web/config/env.txt', 'MODE=base', 'MODE=base\nEXTRA=1');
    const after = await buildPaths(targets, opts);
    expect(cachedBy(after)).toEqual({
      'overlays/dev/api': true,
      'overlays/dev/dup-namespace': true,
      'overlays/dev/web': false,
      'overlays/prod/annotated': true,
      'overlays/prod/api': true,
      'overlays/prod/broken': 'error',
      'overlays/prod/web': false,
      'overlays/shared': true,
    });
    const prodWeb = after.find((r) => r.path === 'overlays/prod/web');
    const config = prodWeb?.ok ? prodWeb.objects.find((o) => o.kind === 'ConfigMap') : undefined;
    expect((config?.data as Record<string, string> | undefined)?.EXTRA).toBe('1');
  });

  it('changing any file a build reads invalidates exactly the paths that read it', async () => {
    const edits: [string, string, string, string[]][] = [
      ['components/monitoring/scrape.yaml', '"true"', '"false"', ['overlays/dev/web', 'overlays/prod/web']],
      ['overlays/dev/api/image-pull.yaml', 'Always', 'IfNotPresent', ['overlays/dev/api']],
      ['overlays/dev/api/resources.yaml', 'debug', 'info', ['overlays/dev/api']],
      ['bases/web/config/settings.json', 'true', 'false', ['overlays/dev/web', 'overlays/prod/web']],
      ['bases/api/resources.yaml', 'replicas: 1', 'replicas: 5', ['overlays/dev/api', 'overlays/prod/annotated', 'overlays/prod/api']],
      ['overlays/shared/kustomization.yaml', 'namespaces.yaml', 'namespaces.yaml\nnamePrefix: x-', ['overlays/shared']],
    ];
    await buildPaths(targets, opts);
    for (const [file, from, to, rebuilt] of edits) {
      edit(file, from, to);
      const after = await buildPaths(targets, opts);
      expect({ file, rebuilt: after.filter((r) => r.ok && !r.cached).map((r) => r.path) }).toEqual({ file, rebuilt });
    }
  });

  it('a corrupt or foreign cache entry is ignored and rewritten', async () => {
    const first = await buildPaths(targets, opts);
    const memo = nodePath.join(opts.cacheDir as string, 'kustomizations-1.json');
    expect(nodeFs.existsSync(memo)).toBe(true);
    nodeFs.writeFileSync(memo, '{"0000000000000000000000000000000000000000000000000000000000000000": 1, "x');
    const entries = nodeFs.readdirSync(opts.cacheDir as string).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
    expect(entries).toHaveLength(FIXTURE_PATHS.length - 1);
    const garbage = ['{"format":1,"path":', '', '{"format":1,"path":"elsewhere","objects":[]}', '{"format":1,"path":"x","objects":[1]}'];
    entries.forEach((f, i) => nodeFs.writeFileSync(nodePath.join(opts.cacheDir as string, f), garbage[i % garbage.length]!));
    const second = await buildPaths(targets, opts);
    expect(second.filter((r) => r.ok && r.cached)).toEqual([]);
    expect(second.map(comparable)).toEqual(first.map(comparable));
    const third = await buildPaths(targets, opts);
    expect(third.filter((r) => r.ok && r.cached)).toHaveLength(FIXTURE_PATHS.length - 1);
  });

  it('another kustomize version or other flags miss the cache', async () => {
    await buildPaths(targets, opts);
    const other = await buildPaths(targets, { ...opts, version: 'kustomize v0.0.0-test' });
    expect(other.filter((r) => r.ok && r.cached)).toEqual([]);
    const flagged = await buildPaths(targets, { ...opts, flags: ['--load-restrictor', 'LoadRestrictionsRootOnly'] });
    expect(flagged.filter((r) => r.ok && r.cached)).toEqual([]);
  });

  it('leaves no temporary files in the cache directory', async () => {
    await buildPaths(targets, opts);
    expect(nodeFs.readdirSync(opts.cacheDir as string).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
