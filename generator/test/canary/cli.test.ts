/**
 * End-to-end: `canary start|advance|promote|abort` as a process on a temporary copy of the
 * repository, `validate` after every step, exact output, comments in service.yaml kept, and nothing
 * written by a bad invocation.
 */
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { changedPaths, runCli, tempRepo, type TempRepo } from '../helpers/cli.js';
import { renderOf } from '../helpers/platform.js';

const XIAOKE = 'apps/xiaoke/service.yaml';
const KNOWLEDGE = 'apps/knowledge/service.yaml';

/** Runs one canary command that must succeed, checks its exact output against the tree, then validates. */
async function step(repo: TempRepo, args: string[], file: string, summary: string, diff: string[]): Promise<void> {
  const before = repo.snapshot();
  const r = await runCli(['canary', ...args, '--root', repo.root]);
  const after = repo.snapshot();
  const changed = changedPaths(before, after).filter((p) => p !== file && !p.endsWith('/'));
  const written = changed.filter((p) => after[p] !== undefined);
  const removed = changed.filter((p) => after[p] === undefined);
  const total = renderOf(repo.root).files.length;
  expect(r).toEqual({
    code: 0,
    signal: null,
    stderr: '',
    stdout: [
      summary,
      file,
      ...diff.map((l) => `  ${l}`),
      ...written.map((p) => `wrote ${p}`),
      ...removed.map((p) => `removed ${p}`),
      `Rendered: ${written.length} written, ${removed.length} removed, ${total - written.length} unchanged.`,
      '',
    ].join('\n'),
  });
  expect(changedPaths(before, after)).toContain(file);
  const v = await runCli(['validate', '--no-simulate', '--root', repo.root]);
  expect({ code: v.code, stderr: v.stderr }, v.stdout).toEqual({ code: 0, stderr: '' });
}

/** A command that must fail: exit 2, exactly this message, the tree untouched. */
async function refused(repo: TempRepo, args: string[], message: string): Promise<void> {
  const before = repo.snapshot();
  const r = await runCli(['canary', ...args, '--root', repo.root]);
  expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: `error: ${message}\n` });
  expect(repo.snapshot()).toEqual(before);
}

const comments = (text: string) => text.split('\n').filter((l) => l.includes('#'));

const ROLLOUT = 'apps/xiaoke/base/rollout.yaml';

/** What Argo CD will apply for xiaoke in prod: the pod image tag, the canary steps and the canary annotations of the Rollout. */
function rolloutState(repo: TempRepo, file = ROLLOUT): { image: string; steps: unknown; canary: Record<string, string> } {
  const r = yaml.load(repo.read(file)) as {
    metadata: { annotations: Record<string, string> };
    spec: { template: { spec: { containers: { image: string }[] } }; strategy: { canary: { steps: unknown } } };
  };
  const a = r.metadata.annotations;
  return {
    image: r.spec.template.spec.containers[0]!.image.split(':')[1]!,
    steps: r.spec.strategy.canary.steps,
    canary: Object.fromEntries(Object.entries(a).filter(([k]) => k === 'suoke-life.com/canary-version' || k === 'suoke-life.com/canary-weight')),
  };
}

const held = (version: string, weight: number) => ({
  image: version,
  steps: weight < 100 ? [{ setWeight: weight }, { pause: {} }] : [{ setWeight: 100 }],
  canary: { 'suoke-life.com/canary-version': version, 'suoke-life.com/canary-weight': String(weight) },
});
const stable = (version: string) => ({ image: version, steps: [{ setWeight: 100 }], canary: {} });

describe('canary on a copy of the repository', () => {
  it('git control: abort the seed canary, start → advance → advance → advance → promote, validating after each step', async () => {
    const repo = tempRepo('repo');
    const original = repo.read(XIAOKE);

    expect(rolloutState(repo)).toEqual(held('2.1.0', 20));
    await step(repo, ['abort', 'xiaoke', '--env', 'prod'], XIAOKE, 'Aborted canary 2.1.0 of xiaoke in prod: all traffic back to stable 2.0.3.', [
      '@@ line 40 @@', '-      canary:', '-        version: "2.1.0"', '-        weight: 20',
    ]);
    // Abort: the pod template is the stable one again, which the controller recognises as the stable
    // ReplicaSet and moves all traffic back at once.
    expect(rolloutState(repo)).toEqual(stable('2.0.3'));
    await step(repo, ['start', 'xiaoke', '--env', 'prod', '--image', '2.1.1'], XIAOKE, 'Started canary 2.1.1 of xiaoke in prod at 5% (stable 2.0.3, git control).', [
      '@@ line 40 @@', '+      canary:', '+        version: "2.1.1"', '+        weight: 5',
    ]);
    // Each reviewed step holds exactly its weight: the controller resets to step 0 whenever the steps
    // change, so step 0 must be the new weight (no walk back through the lower ones).
    expect(rolloutState(repo)).toEqual(held('2.1.1', 5));
    await step(repo, ['advance', 'xiaoke', '--env', 'prod'], XIAOKE, 'Advanced canary 2.1.1 of xiaoke in prod from 5% to 20%.', ['@@ line 42 @@', '-        weight: 5', '+        weight: 20']);
    expect(rolloutState(repo)).toEqual(held('2.1.1', 20));
    await step(repo, ['advance', 'xiaoke', '--env', 'prod'], XIAOKE, 'Advanced canary 2.1.1 of xiaoke in prod from 20% to 50%.', ['@@ line 42 @@', '-        weight: 20', '+        weight: 50']);
    expect(rolloutState(repo)).toEqual(held('2.1.1', 50));
    await step(repo, ['advance', 'xiaoke', '--env', 'prod'], XIAOKE, 'Advanced canary 2.1.1 of xiaoke in prod from 50% to 100%.', ['@@ line 42 @@', '-        weight: 50', '+        weight: 100']);
    expect(rolloutState(repo)).toEqual(held('2.1.1', 100));
    await refused(repo, ['advance', 'xiaoke', '--env', 'prod'], 'the canary 2.1.1 of xiaoke in prod is already at 100%; promote it to make it the stable version');
    await step(repo, ['promote', 'xiaoke', '--env', 'prod'], XIAOKE, 'Promoted 2.1.1 of xiaoke in prod: now the stable version at 100% (was 2.0.3).', [
      '@@ line 30 @@', '+    version: "2.1.1"', '@@ line 40 @@', '-      canary:', '-        version: "2.1.1"', '-        weight: 100',
    ]);
    // The new version is stable at 100 %: same pod template and steps as at 100 %, so nothing restarts.
    expect(rolloutState(repo)).toEqual(stable('2.1.1'));

    const final = repo.read(XIAOKE);
    expect(comments(final)).toEqual(comments(original));
    // Promoting in prod sets prod's version only; the service-wide version (dev, test, staging) stays.
    expect(final).toContain('\nversion: "2.0.3"\n');
    expect(final).toContain('environments:\n  prod:\n    version: "2.1.1"\n    # Gray release');
    expect(repo.read('apps/xiaoke/base/rollout.yaml')).not.toContain('suoke-life.com/canary-version');
  }, 180_000); // six CLI runs and five full validations: slow on a loaded 2-core runner

  it('auto control: advancing is refused, abort → start → abort returns to stable, validating after each step', async () => {
    const repo = tempRepo('repo');
    const original = repo.read(KNOWLEDGE);

    await refused(repo, ['start', 'knowledge', '--env', 'staging', '--image', '1.5.0'], 'a canary of 1.4.0 is already in progress for knowledge in staging (at 10%); promote or abort it first');
    await step(repo, ['abort', 'knowledge', '--env', 'staging'], KNOWLEDGE, 'Aborted canary 1.4.0 of knowledge in staging: all traffic back to stable 1.3.0.', [
      '@@ line 31 @@', '-      canary: {version: "1.4.0"}',
    ]);
    const aborted = repo.read(KNOWLEDGE);
    const AUTO_STEPS = [{ setWeight: 10 }, { pause: { duration: '5m' } }, { setWeight: 25 }, { pause: { duration: '5m' } }, { setWeight: 50 }, { pause: { duration: '5m' } }];
    const KNOWLEDGE_ROLLOUT = 'clusters/staging/staging/knowledge/rollout.yaml';
    expect(rolloutState(repo, KNOWLEDGE_ROLLOUT)).toEqual({ image: '1.3.0', steps: AUTO_STEPS, canary: {} });
    await step(repo, ['start', 'knowledge', '--env', 'staging', '--image', '1.5.0'], KNOWLEDGE, 'Started canary 1.5.0 of knowledge in staging at 10% (stable 1.3.0, auto control).', [
      '@@ line 31 @@', '+      canary:', '+        version: "1.5.0"', '+        weight: 10',
    ]);
    expect(rolloutState(repo, KNOWLEDGE_ROLLOUT)).toEqual({
      image: '1.5.0',
      steps: AUTO_STEPS,
      canary: { 'suoke-life.com/canary-version': '1.5.0', 'suoke-life.com/canary-weight': '10' },
    });
    await refused(
      repo,
      ['advance', 'knowledge', '--env', 'staging'],
      'knowledge in staging uses `control: auto`: the Rollouts controller advances the weights itself (10 → 25 → 50 → 100, pause 5m); set `control: git` to advance by reviewed commits, or promote or abort the canary',
    );
    await step(repo, ['abort', 'knowledge', '--env', 'staging'], KNOWLEDGE, 'Aborted canary 1.5.0 of knowledge in staging: all traffic back to stable 1.3.0.', [
      '@@ line 31 @@', '-      canary:', '-        version: "1.5.0"', '-        weight: 10',
    ]);
    expect(repo.read(KNOWLEDGE)).toBe(aborted);
    expect(comments(aborted)).toEqual(comments(original));
  });
});

describe('bad invocations: exit 2, a clear message, nothing written', () => {
  it.each([
    ['an unknown service', ['advance', 'xiaok', '--env', 'prod'], 'no service `xiaok` (no apps/xiaok/service.yaml); did you mean `xiaoke`?'],
    ['an unknown environment', ['advance', 'xiaoke', '--env', 'production'], 'no environment `production`; environments: dev, test, staging, prod'],
    ['no gray release in that environment', ['start', 'xiaoke', '--env', 'dev', '--image', '2.3.0'],
      'xiaoke in dev has no gray release: add `environments.dev.grayRelease` to apps/xiaoke/service.yaml (steps, pause, control, analysis; see docs/gray-releases.md)'],
    ['start while a canary is in progress', ['start', 'xiaoke', '--env', 'prod', '--image', '2.3.0'],
      'a canary of 2.1.0 is already in progress for xiaoke in prod (at 20%); promote or abort it first'],
    ['--image with advance', ['advance', 'xiaoke', '--env', 'prod', '--image', '2.3.0'], '--image is for `start` only; `advance` works on the canary in progress'],
  ])('%s', async (_name, args, message) => {
    await refused(tempRepo('repo', { shareKustomizeCache: false }), args, message);
  });

  it('start without --image, with latest, or with the stable version', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    await step(repo, ['abort', 'xiaoke', '--env', 'prod'], XIAOKE, 'Aborted canary 2.1.0 of xiaoke in prod: all traffic back to stable 2.0.3.', [
      '@@ line 40 @@', '-      canary:', '-        version: "2.1.0"', '-        weight: 20',
    ]);
    await refused(repo, ['start', 'xiaoke', '--env', 'prod'], '`start` needs --image <version>: the image tag to release, e.g. --image 2.2.0');
    await refused(repo, ['start', 'xiaoke', '--env', 'prod', '--image', 'latest'], '--image "latest" is not a pinned image tag: expected 1–128 letters, digits, `_`, `.` or `-`, never `latest`');
    await refused(repo, ['start', 'xiaoke', '--env', 'prod', '--image', '2.0.3'], '--image 2.0.3 is already the stable version of xiaoke in prod; a canary releases a different version');
    await refused(repo, ['promote', 'xiaoke', '--env', 'prod'], 'no canary in progress for xiaoke in prod; start one with `npm run canary -- start xiaoke --env prod --image <version>`');
  });

  it('an unknown action is a usage error', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const before = repo.snapshot();
    const r = await runCli(['canary', 'pause', 'xiaoke', '--env', 'prod', '--root', repo.root]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain("'pause' is invalid for argument 'action'. Allowed choices are start, advance, promote, abort, status.");
    expect(repo.snapshot()).toEqual(before);
  });
});
