/**
 * `validate --env` and `--shard` end to end (issue 14, "when one runner is not enough"): on a copy of
 * the seed with a finding planted in prod, the reports of the parts (`-o json -v`) merged are exactly
 * the whole run's report, for the environment parts and for three shards; each part's exit code is
 * its own findings'; bad usage exits 2 with one line.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo, type TempRepo } from '../helpers/cli.js';

interface JsonReport {
  resources: { file: string; index: number }[];
  findings: { file: string; check: string; message: string; line?: number }[];
  summary: Record<string, number>;
}

const SLOW = { timeout: 600_000 };

async function report(repo: TempRepo, ...args: string[]): Promise<{ code: number | null; json: JsonReport }> {
  const r = await runCli(['validate', '--root', repo.root, '--no-windows', '-o', 'json', '-v', ...args], { timeoutMs: 300_000 });
  expect(r.stderr, args.join(' ')).toBe('');
  return { code: r.code, json: JSON.parse(r.stdout) as JsonReport };
}

/** The parts' reports as one: resources and findings together, in the formats' order; the counts added. */
function merged(parts: readonly JsonReport[]): JsonReport {
  const key = (x: { file: string; index?: number; line?: number; check?: string; message?: string }) => `${x.file}\u0000${String(x.index ?? x.line ?? 0).padStart(8, '0')}\u0000${x.check ?? ''}\u0000${x.message ?? ''}`;
  const sorted = <T extends { file: string }>(xs: T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const summary: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.summary)) summary[k] = (summary[k] ?? 0) + v;
  return { resources: sorted(parts.flatMap((p) => p.resources)), findings: sorted(parts.flatMap((p) => p.findings)), summary };
}
const normal = (r: JsonReport): JsonReport => merged([r]);

describe('validate --env / --shard', () => {
  it('the parts merged are the whole report, by environment and by shard; each part exits on its own findings', SLOW, async () => {
    const repo = tempRepo('repo');
    // A finding in prod only: a generated file there edited by hand (drift).
    const file = 'clusters/prod/prod/xiaoai/kustomization.yaml';
    repo.write(file, `${repo.read(file)}# edited by hand\n`);
    const whole = await report(repo);
    expect(whole.code).toBe(1);
    expect(whole.json.findings.some((f) => f.file === file && f.check.startsWith('drift/'))).toBe(true);

    const envs = ['platform', 'dev', 'test', 'staging', 'prod'];
    const byEnv = await Promise.all(envs.map((env) => report(repo, '--env', env)));
    expect(normal(merged(byEnv.map((p) => p.json)))).toEqual(normal(whole.json));
    expect(Object.fromEntries(envs.map((e, i) => [e, byEnv[i]!.code]))).toEqual({ platform: 0, dev: 0, test: 0, staging: 0, prod: 1 });
    expect(byEnv[4]!.json.resources.every((r) => r.file.startsWith('clusters/prod/prod'))).toBe(true);

    const byShard = await Promise.all([1, 2, 3].map((i) => report(repo, '--shard', `${i}/3`)));
    expect(normal(merged(byShard.map((p) => p.json)))).toEqual(normal(whole.json));
  });

  it('bad usage: exit 2 and one line', async () => {
    const repo = tempRepo('repo');
    const cases: [string[], string][] = [
      [['--env', 'qa'], 'error: --env qa: no such environment; one of platform, dev, prod, staging, test (`platform`: the paths of no environment and the repository-wide checks)\n'],
      [['--shard', '3/2'], "error: option '--shard <i/n>' argument '3/2' is invalid. expected i/n with 1 ≤ i ≤ n, e.g. 2/4.\n"],
      [['--shard', '1/2', '--env', 'prod'], 'error: validate: --env and --shard cut the work two ways; give one\n'],
      [['--env', 'prod', 'apps/'], "error: validate: --env cuts the repository's work into parts; with PATH, give the files of one part instead\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(['validate', '--root', repo.root, '--no-windows', ...args]);
      expect(r.stderr.split('(run with --help')[0], args.join(' ')).toBe(stderr);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
