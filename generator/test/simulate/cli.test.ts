/**
 * End-to-end: `simulate`, and the simulation step of `validate`, run as the CLI on copies of the
 * repository.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';

// Saturday noon in Shanghai: the staging and prod windows are both closed.
const SATURDAY = '2026-12-05T12:00:00+08:00';

describe('the seed repository converges from empty', () => {
  // Issue 9 defects 1–3 (per-environment roots, the health-gate exemption, sidecar sizes and quotas)
  // are what make this pass; on the earlier tree it fails (defects.test.ts).
  it('the seed converges: validate (simulation step included) exits 0 on a Saturday, windows closed', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['validate', '--at', SATURDAY, '--root', repo.root], { timeoutMs: 120_000 });
    expect({ code: r.code, stderr: r.stderr }, r.stdout).toEqual({ code: 0, stderr: '' });
  }, 180_000);
});

describe('simulate', () => {
  it.each([
    [['--at', 'nonsense'], 'error: --at "nonsense" is not an ISO-8601 date and time with a UTC offset, e.g. 2027-03-02T22:30:00+08:00 or 2027-03-02T14:30:00Z\n'],
    [['--at', SATURDAY, '--env', 'nowhere'], 'error: unknown environment "nowhere": expected one of dev, prod, staging, test\n'],
  ])('%j: exit 2 and one message', async (args, stderr) => {
    const repo = tempRepo('repo');
    expect(await runCli(['simulate', ...args, '--root', repo.root], { timeoutMs: 120_000 })).toEqual({ code: 2, signal: null, stdout: '', stderr });
  }, 180_000);

  it('-o json --env dev: exit 0; dev converges on a Saturday, when the prod and staging windows are closed (defect 2)', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['simulate', '--at', SATURDAY, '--env', 'dev', '-o', 'json', '--root', repo.root], { timeoutMs: 120_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const report = JSON.parse(r.stdout) as { findings: { check: string; message: string }[]; summary: { resources: number; valid: number } };
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ resources: 23, valid: 23 });
  }, 180_000);

  it('text: exit 0, the preconditions, then one row per Application: the add-ons wave by wave, dev once they run, prod when its window opens', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['simulate', '--at', SATURDAY, '--root', repo.root], { timeoutMs: 120_000 });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('assumed installed outside this repository:');
    expect(lines).toContain('simulated from 2026-12-05 12:00 +08:00 to 2026-12-08 22:05:30 +08:00');
    expect(lines.find((l) => l.startsWith('APPLICATION'))).toMatch(/^APPLICATION +SYNC +HEALTH +SINCE +BLOCKED BY$/);
    // The add-ons first (platform/addons.yaml), one wave a minute (each operator's pod ready after
    // POD_READY_MS): cert-manager, then what needs it, then the topology operator; then the environments.
    expect(lines.find((l) => l.startsWith('addon-dev-cert-manager '))).toMatch(/^addon-dev-cert-manager +Synced +Healthy +2026-12-05 12:01 \+08:00 \(\+1m\)$/);
    expect(lines.find((l) => l.startsWith('addon-dev-rabbitmq-messaging-topology-operator '))).toMatch(/^addon-dev-rabbitmq-messaging-topology-operator +Synced +Healthy +2026-12-05 12:03 \+08:00 \(\+3m\)$/);
    expect(lines.find((l) => l.startsWith('dev-shared '))).toMatch(/^dev-shared +Synced +Healthy +2026-12-05 12:03 \+08:00 \(\+3m\)$/);
    // Prod's window opens on Tuesday at 22:00 (clusters/prod/cluster.yaml); its root waits for it, and holds nothing else.
    // Its last wave, the verification, waits for the edge's certificate; the smoke test runs in it.
    expect(lines.find((l) => l.startsWith('suoke-prod '))).toMatch(/^suoke-prod +Synced +Healthy +2026-12-08 22:05:30 \+08:00 \(\+82h5m30s\)$/);
    expect(lines.find((l) => l.startsWith('prod-verification '))).toMatch(/^prod-verification +Synced +Healthy +2026-12-08 22:04:30 \+08:00 \(\+82h4m30s\)$/);
    expect(lines.find((l) => l.startsWith('prod-xiaoai '))).toMatch(/^prod-xiaoai +Synced +Healthy +2026-12-08 22:04 \+08:00 \(\+82h4m\)$/);
  }, 180_000);
});
