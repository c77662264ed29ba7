/**
 * The parts of a repository `validate` (validate/partition.ts): over the seed's rendered paths, the
 * parts of `--env` and of `--shard i/n` are disjoint and cover every path, exactly one part runs the
 * repository-wide checks, and every finding has exactly one owner (by the path holding its file).
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Finding } from '../../src/core/finding.js';
import { ownership, partName, PLATFORM_PART, type Part } from '../../src/validate/partition.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

const targets = renderOf(REPO_ROOT).targets.map((t) => ({ path: t.path, env: t.env }));
const ENV_PARTS: Part[] = ['platform', 'dev', 'test', 'staging', 'prod'].map((env) => ({ env }));
const shards = (of: number): Part[] => Array.from({ length: of }, (_, i) => ({ shard: i + 1, of }));
const finding = (file: string): Finding => ({ check: 'x/y', severity: 'error', file, message: file });

describe('ownership', () => {
  it.each([
    ['--env', ENV_PARTS],
    ['--shard n/1', shards(1)],
    ['--shard n/3', shards(3)],
    ['--shard n/7', shards(7)],
    ['--shard n/200 (more shards than paths: some are empty)', shards(200)],
  ])('%s: every path in exactly one part, exactly one part global', (_name, parts) => {
    const owns = parts.map((p) => ownership(p, targets));
    for (const t of targets) expect(owns.filter((o) => o.owns(t.path)), t.path).toHaveLength(1);
    expect(owns.filter((o) => o.global)).toHaveLength(1);
  });

  it('a finding belongs to the part of the innermost path holding its file, else to the global part', () => {
    const files = ['clusters/prod/prod/xiaoke', 'clusters/prod/prod/xiaoke/rollout.yaml', 'apps/xiaoke/base/deployment.yaml', 'clusters/prod/cluster.yaml', 'argocd/platform/app.yaml', '.'];
    const expected: Record<string, string> = {
      'clusters/prod/prod/xiaoke': 'prod',
      'clusters/prod/prod/xiaoke/rollout.yaml': 'prod',
      'apps/xiaoke/base/deployment.yaml': PLATFORM_PART,
      'clusters/prod/cluster.yaml': PLATFORM_PART,
      'argocd/platform/app.yaml': PLATFORM_PART,
      '.': PLATFORM_PART,
    };
    for (const file of files) {
      const owners = ENV_PARTS.filter((p) => ownership(p, targets).ownsFinding(finding(file))).map((p) => ('env' in p ? p.env : ''));
      expect(owners, file).toEqual([expected[file]]);
    }
    for (const of of [2, 5]) {
      for (const file of files) expect(shards(of).filter((p) => ownership(p, targets).ownsFinding(finding(file))), file).toHaveLength(1);
    }
  });

  it('--env: the paths of that environment; platform: those of none', () => {
    const prod = ownership({ env: 'prod' }, targets);
    expect(targets.filter((t) => prod.owns(t.path)).every((t) => t.env === 'prod')).toBe(true);
    const platform = ownership({ env: PLATFORM_PART }, targets);
    expect(targets.filter((t) => platform.owns(t.path)).map((t) => t.env)).toEqual(targets.filter((t) => t.env === '').map(() => ''));
    expect(platform.owns('argocd')).toBe(true);
  });

  it('shards deal the sorted paths round-robin: sizes differ by at most one', () => {
    const sizes = shards(4).map((p) => targets.filter((t) => ownership(p, targets).owns(t.path)).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(targets.length);
  });

  it('an unknown environment is a usage error naming the parts', () => {
    expect(() => ownership({ env: 'qa' }, targets)).toThrow(UsageError);
    expect(() => ownership({ env: 'qa' }, targets)).toThrow(
      '--env qa: no such environment; one of platform, dev, prod, staging, test (`platform`: the paths of no environment and the repository-wide checks)',
    );
  });

  it('names', () => {
    expect([partName(undefined), partName({ env: 'prod' }), partName({ shard: 2, of: 4 })]).toEqual(['all', 'env prod', 'shard 2/4']);
  });
});
