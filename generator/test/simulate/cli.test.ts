/**
 * End-to-end: `simulate`, and the simulation step of `validate`, run as the CLI on copies of the
 * repository.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';

// Saturday noon in Shanghai: the staging and prod windows are both closed.
const SATURDAY = '2026-12-05T12:00:00+08:00';

describe('the seed repository converges from empty', () => {
  // Fails until issue 9 defects 1–3 are merged (per-environment roots and the health-gate exemption;
  // sidecar sizes and quotas): the coordinator turns `it.fails` into `it` then.
  it.fails('the seed converges: validate (simulation step included) exits 0 on a Saturday, windows closed', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['validate', '--at', SATURDAY, '--root', repo.root], { timeoutMs: 120_000 });
    expect({ code: r.code, stderr: r.stderr }, r.stdout).toEqual({ code: 0, stderr: '' });
  }, 180_000);
});
