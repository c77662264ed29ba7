/**
 * End-to-end: `render` and `render --check` run as a process on temporary copies of the repository
 * and of the fixture platform, checking exit code, exact output and the tree on disk.
 *
 * Which files a configuration renders to is the golden tests' business; here the expected plan is
 * derived from the tree before the run and the in-memory render of the same configuration, so these
 * tests pin what the command does with them (write, remove, report), not the layout.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, changedPaths, filesOf, renderedWhat, runCli, snapshotTree, tempRepo, type TreeSnapshot } from '../helpers/cli.js';
import { GOLDEN_ROOT } from '../helpers/golden.js';
import { renderOf } from '../helpers/platform.js';
import { GENERATED_MARKDOWN_MARKER } from '../../src/core/generated-files.js';

const HEADER = (sources: string) => `${GENERATED_HEADER} from ${sources}. Do not edit: change the source and re-render.\n`;

/** What `render` should do to a tree: files whose content it changes and generated files it drops. */
function expectedPlan(root: string, before: TreeSnapshot): { write: string[]; remove: string[]; unchanged: number; total: number } {
  const files = renderOf(root).files;
  const wanted = new Set(files.map((f) => f.path));
  const write = files.filter((f) => before[f.path] !== f.content).map((f) => f.path);
  const remove = Object.keys(before).filter(
    (p) =>
      ((/^(apps|clusters|argocd)\/.*\.ya?ml$/.test(p) && before[p]!.startsWith(GENERATED_HEADER)) ||
        (/^docs\/runbooks\/.*\.md$/.test(p) && before[p]!.startsWith(GENERATED_MARKDOWN_MARKER))) &&
      !wanted.has(p),
  );
  return { write, remove, unchanged: files.length - write.length, total: files.length };
}

describe('render on a copy of the repository', () => {
  it('exits 0, prints the one-line summary and changes nothing (the committed tree is the render)', async () => {
    const repo = tempRepo('repo');
    const before = repo.snapshot();
    const total = renderOf(repo.root).files.length;

    const r = await runCli(['render', '--root', repo.root]);

    expect(r).toEqual({ code: 0, signal: null, stdout: `${renderedWhat(repo.root)}: 0 written, 0 removed, ${total} unchanged.\n`, stderr: '' });
    expect(repo.snapshot()).toEqual(before);
  });

  it('render --check exits 0 and lists nothing when the tree is up to date; the root defaults to the current directory', async () => {
    const repo = tempRepo('repo');
    const before = repo.snapshot();
    const total = renderOf(repo.root).files.length;

    const r = await runCli(['render', '--check'], { cwd: repo.root });

    expect(r).toEqual({ code: 0, signal: null, stdout: `render --check: 0 to write, 0 to remove, ${total} unchanged\n`, stderr: '' });
    expect(repo.snapshot()).toEqual(before);
  });
});

describe('render on the fixture platform (configuration only)', () => {
  it('writes every file, exactly the golden tree plus the configuration; a second run writes nothing', async () => {
    const repo = tempRepo('fixture');
    const config = filesOf(repo.snapshot());
    const total = renderOf(repo.root).files.length;

    const first = await runCli(['render', '--root', repo.root]);
    expect(first).toEqual({ code: 0, signal: null, stdout: `${renderedWhat(repo.root)}: ${total} written, 0 removed, 0 unchanged.\n`, stderr: '' });
    // The golden tree (generator/test/golden/platform) is what the renderer produces in memory;
    // the CLI must put exactly those bytes on disk, next to the untouched configuration.
    expect(filesOf(repo.snapshot())).toEqual({ ...config, ...filesOf(snapshotTree(path.join(GOLDEN_ROOT, 'platform'))) });

    const after = repo.snapshot();
    const second = await runCli(['render', '--root', repo.root]);
    expect(second).toEqual({ code: 0, signal: null, stdout: `${renderedWhat(repo.root)}: 0 written, 0 removed, ${total} unchanged.\n`, stderr: '' });
    expect(repo.snapshot()).toEqual(after);
  });

  it('render --check on the empty tree exits 1, lists every file it would write and writes nothing', async () => {
    const repo = tempRepo('fixture');
    const before = repo.snapshot();
    const files = renderOf(repo.root).files.map((f) => f.path);

    const r = await runCli(['render', '--check', '--root', repo.root]);

    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([...files.map((p) => `would write ${p}`), `render --check: ${files.length} to write, 0 to remove, 0 unchanged`, '']);
    expect(repo.snapshot()).toEqual(before);
  });

  it('removes stale generated files and the folders they leave empty; --check lists them first', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    // A generated file the render never produced (not in the index, found by its header) ...
    repo.write('apps/gateway/base/foo.yaml', `${HEADER('apps/gateway/service.yaml')}kind: ConfigMap\n`);
    // ... and a whole service removed from the configuration: its base and overlays are leftovers.
    repo.remove('apps/scheduler/service.yaml');
    repo.write('apps/gateway/service.yaml', repo.read('apps/gateway/service.yaml').replace('services: [records, scheduler]', 'services: [records]'));
    const before = repo.snapshot();
    const plan = expectedPlan(repo.root, before);
    const schedulerFiles = Object.keys(before).filter((p) => p.includes('/scheduler/') && !p.endsWith('/'));
    // The scheduler runs in dev and prod: a base and two overlays, at least a kustomization each.
    expect(schedulerFiles).toEqual(expect.arrayContaining(['apps/scheduler/base/kustomization.yaml', 'clusters/dev/dev/scheduler/kustomization.yaml', 'clusters/prod/prod/scheduler/kustomization.yaml']));
    expect(plan.remove).toEqual(expect.arrayContaining(['apps/gateway/base/foo.yaml', ...schedulerFiles]));
    // The gateway no longer calls the scheduler, and the index changes.
    expect(plan.write).toEqual(expect.arrayContaining(['.generated-files', 'apps/gateway/base/networkpolicy.yaml']));

    const check = await runCli(['render', '--check', '--root', repo.root]);
    expect(check).toEqual({
      code: 1,
      signal: null,
      stdout: [
        ...plan.write.map((p) => `would write ${p}`),
        ...plan.remove.map((p) => `would remove ${p}`),
        `render --check: ${plan.write.length} to write, ${plan.remove.length} to remove, ${plan.unchanged} unchanged`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(repo.snapshot()).toEqual(before);

    const r = await runCli(['render', '--root', repo.root]);
    expect(r).toEqual({
      code: 0,
      signal: null,
      stdout: `${renderedWhat(repo.root)}: ${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged.\n`,
      stderr: '',
    });
    const after = repo.snapshot();
    // Every folder left empty goes, up to the first one still holding something: apps/scheduler/
    // too, since its only other file was the service.yaml deleted above.
    const emptied = ['apps/scheduler/', 'apps/scheduler/base/', 'clusters/dev/dev/scheduler/', 'clusters/prod/prod/scheduler/'];
    expect(changedPaths(before, after)).toEqual([...plan.write, ...plan.remove, ...emptied].sort());
    expect(Object.keys(after).filter((p) => p.includes('scheduler') || p.includes('foo.yaml'))).toEqual([]);
    expect(after['clusters/dev/dev/']).toBe('<dir>');
    expect(after['clusters/prod/prod/']).toBe('<dir>');
    for (const p of plan.write) expect(after[p], p).toBe(renderOf(repo.root).files.find((f) => f.path === p)?.content);

    expect(await runCli(['render', '--check', '--root', repo.root])).toEqual({
      code: 0,
      signal: null,
      stdout: `render --check: 0 to write, 0 to remove, ${plan.total} unchanged\n`,
      stderr: '',
    });
  });

  it('never removes a hand-written file (no generated header), nor the folder that holds it', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    repo.write('apps/scheduler/base/notes.yaml', '# hand-written notes\nkind: Notes\n');
    repo.write('clusters/dev/dev/scheduler/extra.yaml', 'kind: Extra\n');
    // A markdown file is taken for a generated one only by the markdown marker (the runbooks'), never by the YAML one.
    repo.write('clusters/prod/prod/scheduler/README.md', HEADER('nothing'));
    repo.remove('apps/scheduler/service.yaml');
    repo.write('apps/gateway/service.yaml', repo.read('apps/gateway/service.yaml').replace('services: [records, scheduler]', 'services: [records]'));
    const before = repo.snapshot();
    const plan = expectedPlan(repo.root, before);

    const r = await runCli(['render', '--root', repo.root]);

    expect(r).toEqual({
      code: 0,
      signal: null,
      stdout: `${renderedWhat(repo.root)}: ${plan.write.length} written, ${plan.remove.length} removed, ${plan.unchanged} unchanged.\n`,
      stderr: '',
    });
    const after = repo.snapshot();
    expect(Object.entries(after).filter(([p]) => p.includes('scheduler'))).toEqual([
      ['apps/scheduler/', '<dir>'],
      ['apps/scheduler/base/', '<dir>'],
      ['apps/scheduler/base/notes.yaml', '# hand-written notes\nkind: Notes\n'],
      ['clusters/dev/dev/scheduler/', '<dir>'],
      ['clusters/dev/dev/scheduler/extra.yaml', 'kind: Extra\n'],
      ['clusters/prod/prod/scheduler/', '<dir>'],
      ['clusters/prod/prod/scheduler/README.md', HEADER('nothing')],
    ]);
  });

  it('keeps a hand-written file that the index of generated files names', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    repo.write('.generated-files', `${repo.read('.generated-files')}apps/gateway/base/handwritten.yaml\n`);
    repo.write('apps/gateway/base/handwritten.yaml', 'kind: Hand\n');

    const r = await runCli(['render', '--root', repo.root]);

    expect(r.code).toBe(0);
    expect(repo.read('apps/gateway/base/handwritten.yaml')).toBe('kind: Hand\n');
  });

  // Regression (write/tree.ts `planWrite`, fixed): a hand-written file (no generated header) that
  // `.generated-files` names is, correctly, never deleted, but the plan still counts it as a removal:
  // `render --check` prints `would remove apps/gateway/base/handwritten.yaml` and exits 1, `render`
  // prints `1 removed` although nothing was removed, and `validate` reports it as `drift/stale`
  // ("generated file is no longer produced by the render"). Only files with the header should count.
  it('regression: a hand-written file named by the index is neither reported as removed nor removed', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    repo.write('.generated-files', `${repo.read('.generated-files')}apps/gateway/base/handwritten.yaml\n`);
    repo.write('apps/gateway/base/handwritten.yaml', 'kind: Hand\n');
    const total = renderOf(repo.root).files.length;

    const check = await runCli(['render', '--check', '--root', repo.root]);
    expect(check.stdout).toBe(`would write .generated-files\nrender --check: 1 to write, 0 to remove, ${total - 1} unchanged\n`);
    const r = await runCli(['render', '--root', repo.root]);
    expect(r.stdout).toBe(`${renderedWhat(repo.root)}: 1 written, 0 removed, ${total - 1} unchanged.\n`);
  });

  it('render --check exits 1 and names a hand-edited and a missing generated file, writing nothing', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    repo.write('apps/records/base/service.yaml', `${repo.read('apps/records/base/service.yaml')}# edited\n`);
    repo.remove('clusters/prod/prod/shared/kustomization.yaml');
    const before = repo.snapshot();
    const total = renderOf(repo.root).files.length;

    const r = await runCli(['render', '--check', '--root', repo.root]);

    expect(r).toEqual({
      code: 1,
      signal: null,
      stdout: `would write apps/records/base/service.yaml\nwould write clusters/prod/prod/shared/kustomization.yaml\nrender --check: 2 to write, 0 to remove, ${total - 2} unchanged\n`,
      stderr: '',
    });
    expect(repo.snapshot()).toEqual(before);
  });
});
