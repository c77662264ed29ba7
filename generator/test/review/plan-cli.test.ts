/**
 * `plan` end to end (issue 14) on a Git copy of the seed, the clock fixed (helpers/clock-hook.mjs):
 * the seed unchanged, a version bump, a canary advance, a window edit and a new service, each with
 * its exact screen and exit code; markdown, JSON and --output-file; bad usage exits 2.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedRepo, runCli, tempRepo } from '../helpers/cli.js';

const HOOK = path.join(import.meta.dirname, '../helpers/clock-hook.mjs');
/** Monday 2026-12-07 14:00 in Shanghai: staging's weekday window is open, prod's Tuesday/Thursday window closed. */
const MONDAY = '2026-12-07T06:00:00Z';
/** Tuesday 22:30 in Shanghai: prod's release window is open. */
const TUESDAY_NIGHT = '2026-12-08T14:30:00Z';
/** Runs long: the seed is rendered twice and simulated from three weeks back. */
const SLOW = { timeout: 120_000 };

const plan = (root: string, at: string, ...args: string[]) => runCli(['plan', '--base', 'HEAD', '--root', root, ...args], { nodeArgs: ['--import', HOOK], env: { SUOKE_TEST_NOW: at }, timeoutMs: 110_000 });

const GRAY = (touched: { xiaoke?: boolean; knowledge?: boolean; xiaokeWeight?: number } = {}) => [
  'Gray releases in flight:',
  `  ${touched.xiaoke ? '*' : ' '} prod/xiaoke: canary 2.1.0 at ${touched.xiaokeWeight ?? 20}% (stable 2.0.3; steps 5 → 20 → 50 → 100, git control)`,
  `  ${touched.knowledge ? '*' : ' '} staging/knowledge: canary 1.4.0 at 10% (stable 1.3.0; steps 10 → 25 → 50 → 100, auto control)`,
  ...(touched.xiaoke || touched.knowledge ? ['  (* touched by the change)'] : []),
];
const NO_FINDINGS = 'Policy findings: no errors or warnings (107 infos not shown: `npm run validate` lists them)';
const PROD_CLOSED = 'closed (Asia/Shanghai): outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai))';
const STAGING_OPEN = 'open (Asia/Shanghai): allow window "Weekdays 10:00-18:00, while QA is on hand" (0 10 * * 1-5 for 8h, Asia/Shanghai); closes after 2026-12-07 18:00 +08:00 (2026-12-07T10:00:00.000Z)';

describe('plan', () => {
  it('the seed unchanged: no environment touched, the gray releases in flight, exit 0', SLOW, async () => {
    const repo = committedRepo();
    const r = await plan(repo.root, MONDAY);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([`Plan against HEAD at 2026-12-07T06:00:00.000Z: no object changes`, '', 'Touched environments: none', '', ...GRAY(), '', NO_FINDINGS, '', 'nothing blocks', ''].join('\n'));
    expect(r.code).toBe(0);
  });

  it('a version bump: three environments touched; a closed production environment blocks (exit 1) unless an override record names it; the simulation waits for the window', SLOW, async () => {
    const repo = committedRepo();
    repo.write('apps/xiaoai/service.yaml', repo.read('apps/xiaoai/service.yaml').replace('version: "2.1.0"', 'version: "2.2.0"'));
    const r = await plan(repo.root, MONDAY);
    expect(r.stdout).toBe(
      [
        'Plan against HEAD at 2026-12-07T06:00:00.000Z: 9 objects (0 added, 0 removed, 9 changed) in 9 paths of 3 environments; image 6',
        '',
        'Touched environments:',
        '  prod (production, cluster prod): 3 objects; services: xiaoai',
        `    window       ${PROD_CLOSED}; opens after 2026-12-08 22:00 +08:00 (2026-12-08T14:00:00.000Z)`,
        '    simulation   converges in 32h1m (23 Applications)',
        '  staging (production, cluster staging): 3 objects; services: xiaoai',
        `    window       ${STAGING_OPEN}`,
        '    simulation   converges in 1m (23 Applications)',
        '  test (development, cluster dev): 3 objects; services: xiaoai',
        '    window       open: always open (`alwaysOpen: true`); no change ahead',
        '    simulation   converges in 1m (23 Applications)',
        '',
        ...GRAY(),
        '',
        NO_FINDINGS,
        '',
        `BLOCKED: prod (production) is closed: ${PROD_CLOSED.replace('closed (Asia/Shanghai): ', '')}; opens after 2026-12-08 22:00 +08:00`,
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);

    // Inside prod's window staging is the one closed (its QA hours are over): it blocks instead.
    const tuesday = await plan(repo.root, TUESDAY_NIGHT, '-o', 'json');
    expect(JSON.parse(tuesday.stdout).blockers).toEqual([expect.stringMatching(/^staging \(production\) is closed: outside every allow window /)]);
    expect(tuesday.code).toBe(1);
    // An override record for prod lets the Monday change through: nothing blocks.
    repo.write('changes/cve-xiaoai.yaml', 'environments: [prod]\nreason: "CVE in the model loader, patched in 2.2.0"\napprover: "王芳 (SRE on duty)"\nexpires: 2026-12-08T18:00:00+08:00\n');
    const overridden = await plan(repo.root, MONDAY, '-o', 'json');
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout).environments[0].window).toMatchObject({ open: false, override: 'changes/cve-xiaoai.yaml' });
  });

  it('a canary advance in prod\'s window: prod touched, its gray release marked, exit 0', SLOW, async () => {
    const repo = committedRepo();
    repo.write('apps/xiaoke/service.yaml', repo.read('apps/xiaoke/service.yaml').replace('        weight: 20', '        weight: 50'));
    const r = await plan(repo.root, TUESDAY_NIGHT);
    expect(r.stdout).toBe(
      [
        'Plan against HEAD at 2026-12-08T14:30:00.000Z: 2 objects (0 added, 0 removed, 2 changed) in 2 paths of 1 environment; weight 1',
        '',
        'Touched environments:',
        '  prod (production, cluster prod): 2 objects; services: xiaoke',
        '    window       open (Asia/Shanghai): allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai); closes after 2026-12-09 00:00 +08:00 (2026-12-08T16:00:00.000Z)',
        '    simulation   converges in 1m (23 Applications)',
        '',
        ...GRAY({ xiaoke: true, xiaokeWeight: 50 }),
        '',
        NO_FINDINGS,
        '',
        'nothing blocks',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('a window edit, in markdown: staging listed with its new window; it blocks nothing (the platform project syncs windows)', SLOW, async () => {
    const repo = committedRepo();
    repo.write('clusters/staging/cluster.yaml', repo.read('clusters/staging/cluster.yaml').replace('"0 10 * * 1-5", duration: 8h', '"0 9 * * 1-5", duration: 9h'));
    const r = await plan(repo.root, MONDAY, '-o', 'markdown');
    expect(r.stdout).toBe(
      [
        '### Plan against HEAD',
        '',
        'At 2026-12-07T06:00:00.000Z: 1 object (0 added, 0 removed, 1 changed) in 1 path; windows 2.',
        '',
        '**nothing blocks**',
        '',
        '#### Touched environments',
        '',
        '| environment | tier | change | window | next change | simulation |',
        '|---|---|---|---|---|---|',
        '| staging | production | 0 objects; change windows edited | open: allow window "Weekdays 10:00-18:00, while QA is on hand" (0 9 * * 1-5 for 9h, Asia/Shanghai) | closes after 2026-12-07 18:00 +08:00 | converges in 0s (23 Applications) |',
        '',
        '#### Gray releases in flight',
        '',
        '| environment | service | canary | weight | stable | steps | control | touched |',
        '|---|---|---|---|---|---|---|---|',
        '| prod | xiaoke | 2.1.0 | 20% | 2.0.3 | 5 → 20 → 50 → 100 | git | no |',
        '| staging | knowledge | 1.4.0 | 10% | 1.3.0 | 10 → 25 → 50 → 100 | auto | no |',
        '',
        '#### Policy findings',
        '',
        'no errors or warnings (107 infos not shown: `npm run validate` lists them).',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('a new service in JSON (and the text to a file): every environment touched, with the services whose policies admit it', SLOW, async () => {
    const repo = committedRepo();
    repo.write('apps/tongue/service.yaml', repo.read('apps/look/service.yaml').replace(/\blook\b/g, 'tongue'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plan-')), 'plan.txt');
    const r = await plan(repo.root, MONDAY, '-o', 'json', '--output-file', `text=${file}`);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['base', 'at', 'summary', 'environments', 'grayReleases', 'findings', 'infos', 'blockers']);
    expect(json.environments.map((e: { name: string; services: string[] }) => [e.name, e.services.includes('tongue')])).toEqual([
      ['dev', true],
      ['prod', true],
      ['staging', true],
      ['test', true],
    ]);
    expect(json.environments.every((e: { convergence: { converged: boolean } }) => e.convergence.converged)).toBe(true);
    expect(json.blockers[0]).toMatch(/^prod \(production\) is closed: /);
    expect(r.code).toBe(1);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`Plan against HEAD at 2026-12-07T06:00:00.000Z: ${json.summary}`);
    expect(text).toContain(`\nBLOCKED: ${json.blockers.join('; ')}\n`);
  });

  it('bad usage exits 2: an unknown revision, an unknown format, a malformed --output-file', async () => {
    const repo = tempRepo('repo', { configOnly: true });
    expect(await runCli(['plan', '--base', 'no-such-rev', '--root', repo.root])).toMatchObject({ code: 2, stdout: '' });
    const format = await runCli(['plan', '-o', 'yaml', '--root', repo.root]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("option '-o, --output <format>' argument 'yaml' is invalid. Allowed choices are text, markdown, json.");
    const file = await runCli(['plan', '--output-file', 'sarif=x.sarif', '--root', repo.root]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('expected FORMAT=FILE with FORMAT one of text, markdown, json');
  });
});
