/**
 * `checkWindows`, the pull-request-time verdict, as a pure function on the repository's own
 * configuration: touched environments closed or open, override records (valid, for another
 * environment), the canary fit, and the freeze findings (ended: warning, then error before Argo CD
 * repeats it; declared early).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { ChangeWindowsConfig, PlatformConfig } from '../../src/config/types.js';
import { readYamlSource } from '../../src/config/yaml-source.js';
import { diskFs } from '../../src/core/fs.js';
import type { Finding } from '../../src/core/finding.js';
import { buildModel } from '../../src/model/build.js';
import type { Model } from '../../src/model/types.js';
import { render } from '../../src/render/index.js';
import { checkWindows, nextRepetition, windowFacts } from '../../src/windows/check.js';
import { firstCommonOpening } from '../../src/windows/overlap.js';
import type { OverrideRecord } from '../../src/windows/overrides.js';
import type { Difference } from '../../src/windows/touched.js';
import { REPO_ROOT } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';

let config: PlatformConfig;
let model: Model;
const fs = diskFs(REPO_ROOT);
const lineOf = (file: string, path: (string | number)[]) => readYamlSource(fs, file).lineOf(path);

beforeAll(() => {
  config = loadConfig(fs, loadOptions);
  model = buildModel(config);
  paths = new Set(render(model).targets.map((t) => t.path));
});
let paths: Set<string>;

/** The change: one object of the Argo CD path `path` (of environment `env`) differs. */
const touching = (env: string, path: string, object: string): Map<string, Difference[]> => {
  expect(paths.has(path), path).toBe(true);
  return new Map([[env, [{ description: `changed ${object} (${path})`, path }]]]);
};

// Instants in January 2027: before the Spring Festival freeze, so no freeze finding mixes in.
const PROD_QUOTA = (): Map<string, Difference[]> => touching('prod', 'clusters/prod/prod/shared', 'v1/ResourceQuota suoke-prod/compute');
const KNOWLEDGE_STAGING = (): Map<string, Difference[]> => touching('staging', 'clusters/staging/staging/knowledge', 'v1/ConfigMap suoke-staging/knowledge');

const override = (environments: string[]): OverrideRecord => ({
  file: 'changes/incident.yaml',
  line: 3,
  environments,
  reason: 'CVE-2027-0001: patched gateway image',
  approver: 'Wang Fang (SRE on duty)',
  expires: new Date('2027-01-06T18:00:00+08:00'),
});

const run = (o: { at: string; touched?: Map<string, Difference[]>; overrides?: OverrideRecord[]; cfg?: PlatformConfig }): Finding[] =>
  checkWindows({ config: o.cfg ?? config, model, touched: o.touched, baseName: 'HEAD', at: new Date(o.at), overrides: o.overrides ?? [], lineOf });
const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.check} ${f.file}${f.line ? `:${f.line}` : ''} ${f.path ?? '-'}`);

describe('touched environments against the window', () => {
  test('a prod change inside the Tuesday window: nothing', () => {
    expect(run({ at: '2027-01-05T22:30:00+08:00', touched: PROD_QUOTA() })).toEqual([]);
  });

  test('a prod change on Wednesday morning: windows/closed with the rule and the next opening', () => {
    const [f, ...rest] = run({ at: '2027-01-06T10:00:00+08:00', touched: PROD_QUOTA() });
    expect(rest).toEqual([]);
    expect(f).toEqual({
      check: 'windows/closed',
      severity: 'error',
      file: 'clusters/prod/cluster.yaml',
      line: 28,
      path: 'environments.prod.changeWindows',
      message:
        `the change touches prod (1 object differs from HEAD, e.g. changed v1/ResourceQuota suoke-prod/compute (clusters/prod/prod/shared)), and prod is closed at 2027-01-06 10:00 +08:00 (2027-01-06T02:00:00.000Z): ` +
        'outside every allow window (allow window "Release window Tuesday and Thursday 22:00-24:00" (0 22 * * 2,4 for 2h, Asia/Shanghai)); ' +
        'it next opens after 2027-01-07 22:00 +08:00 (2027-01-07T14:00:00.000Z)',
      hint: 'merge it inside a window (check with `npm run validate -- --at <ISO-8601>`), or for an emergency commit changes/<id>.yaml with environments: [prod], reason, approver, expires (docs/change-windows.md)',
    });
  });

  test('a valid override for prod: a loud warning on the record instead', () => {
    const found = run({ at: '2027-01-06T10:00:00+08:00', touched: PROD_QUOTA(), overrides: [override(['prod'])] });
    expect(brief(found)).toEqual(['warning windows/override changes/incident.yaml:3 approver']);
    expect(found[0]!.message).toMatch(/^EMERGENCY OVERRIDE: the change touches prod .*Let through by Wang Fang \(SRE on duty\): CVE-2027-0001: patched gateway image \(override expires 2027-01-06T10:00:00.000Z\)$/);
  });

  test('regression: an override for another environment (staging) does not let a prod change through', () => {
    const found = run({ at: '2027-01-06T10:00:00+08:00', touched: PROD_QUOTA(), overrides: [override(['staging'])] });
    expect(brief(found)).toEqual(['error windows/closed clusters/prod/cluster.yaml:28 environments.prod.changeWindows']);
  });

  test('a change of always-open dev: nothing, at any time', () => {
    expect(run({ at: '2027-01-06T10:00:00+08:00', touched: touching('dev', 'clusters/dev/dev/shared', 'v1/ResourceQuota suoke-dev/compute') })).toEqual([]);
  });

  test('no base (outside Git): no window verdict, only the freeze checks', () => {
    expect(run({ at: '2027-01-06T10:00:00+08:00' })).toEqual([]);
  });
});

describe('a change to environments whose windows never meet: the message says how to stage it', () => {
  /** knowledge changed in staging and prod (e.g. a new setting in its base). */
  const both = (): Map<string, Difference[]> =>
    new Map([
      ['prod', [{ description: 'changed v1/ConfigMap suoke-prod/knowledge (clusters/prod/prod/knowledge)', path: 'clusters/prod/prod/knowledge', service: 'knowledge' }]],
      ['staging', [{ description: 'changed v1/ConfigMap suoke-staging/knowledge (clusters/staging/staging/knowledge)', path: 'clusters/staging/staging/knowledge', service: 'knowledge' }]],
    ]);
  const STAGE =
    '; staging and prod are never open at the same time in the next 8 weeks, so no single change can land in both: stage it one environment at a time, ' +
    "`npm run stage -- knowledge --env staging` (a change to staging alone) merged inside staging's window, then `npm run stage -- knowledge --env prod --from staging` inside prod's";
  const closed = (cfg: PlatformConfig, at: string) =>
    checkWindows({ ...windowFacts(cfg, buildModel(cfg)), touched: both(), baseName: 'HEAD', at: new Date(at), overrides: [], lineOf }).filter((f) => f.check === 'windows/closed');

  test.each([
    ['Wednesday 10:30: staging open, prod closed', '2027-01-06T10:30:00+08:00', ['prod']],
    ['Tuesday 22:30: prod open, staging closed', '2027-01-05T22:30:00+08:00', ['staging']],
    ['Saturday noon: both closed', '2027-01-09T12:00:00+08:00', ['prod', 'staging']],
  ])('%s: every windows/closed names `npm run stage -- knowledge --env staging`', (_name, at, envs) => {
    const found = closed(config, at);
    expect(found.map((f) => f.path)).toEqual(envs.map((e) => `environments.${e}.changeWindows`));
    for (const f of found) expect(f.message.endsWith(STAGE), f.message).toBe(true);
  });

  test('windows that do meet (staging open until 23:00): closed now, but no staging advice', () => {
    const cfg = structuredClone(config);
    const staging = cfg.clusters.find((c) => c.name === 'staging')!.environments.find((e) => e.name === 'staging')!;
    const w = staging.changeWindows as Extract<ChangeWindowsConfig, { alwaysOpen: false }>;
    w.allow = [{ ...w.allow[0]!, duration: '13h' }];
    const [f, ...rest] = closed(cfg, '2027-01-06T10:30:00+08:00');
    expect(rest).toEqual([]);
    expect(f!.message).toMatch(/it next opens after 2027-01-07 22:00 \+08:00 \(2027-01-07T14:00:00.000Z\)$/);
  });
});

describe('firstCommonOpening', () => {
  const env = (name: string) => config.clusters.flatMap((c) => c.environments).find((e) => e.name === name)!.changeWindows;
  test.each([
    ['staging and prod (seed): never', ['staging', 'prod'], '2027-01-06T10:30:00+08:00', undefined],
    ['prod alone: its next window, just after it opens', ['prod'], '2027-01-06T10:30:00+08:00', '2027-01-07T14:00:00.001Z'],
    ['staging and always-open dev: now, staging being open', ['staging', 'dev'], '2027-01-06T10:30:00+08:00', '2027-01-06T02:30:00.000Z'],
    ['inside the Spring Festival freeze, prod: after the freeze, on the first Tuesday or Thursday evening', ['prod'], '2027-02-05T12:00:00+08:00', '2027-02-16T14:00:00.001Z'],
  ])('%s', (_name, envs, at, want) => {
    expect(firstCommonOpening(envs.map(env), new Date(at))?.toISOString()).toBe(want);
  });
});

describe('a gray release must fit the window (knowledge in staging: 3 pauses of 5m, auto)', () => {
  test('started at 17:40, 20 minutes before staging closes: fits', () => {
    expect(run({ at: '2027-01-06T17:40:00+08:00', touched: KNOWLEDGE_STAGING() })).toEqual([]);
  });

  test('started at 17:50: windows/canary-too-long', () => {
    expect(run({ at: '2027-01-06T17:50:00+08:00', touched: KNOWLEDGE_STAGING() })).toEqual([
      {
        check: 'windows/canary-too-long',
        severity: 'error',
        file: 'apps/knowledge/service.yaml',
        line: 27,
        path: 'environments.staging.grayRelease',
        message:
          'the gray release of knowledge in staging needs 3 steps × 5m = 15m, but staging closes after 2027-01-06 18:00 +08:00 (2027-01-06T10:00:00.000Z) ' +
          '(allow window "Weekdays 10:00-18:00, while QA is on hand" (0 10 * * 1-5 for 8h, Asia/Shanghai)), 10m after 2027-01-06 17:50 +08:00 (2027-01-06T09:50:00.000Z)',
        hint: 'start it earlier in the window, use fewer steps or a shorter `pause`, or `control: git` to advance each step in a change of its own',
      },
    ]);
  });

  test('a change elsewhere in staging at 17:50 does not start the canary: nothing', () => {
    expect(run({ at: '2027-01-06T17:50:00+08:00', touched: touching('staging', 'clusters/staging/staging/shared', 'v1/ResourceQuota suoke-staging/compute') })).toEqual([]);
  });
});

describe('freezes', () => {
  const SPRING = 'environments.prod.changeWindows.freezes[0]';
  const freezeFindings = (at: string, cfg?: PlatformConfig) => run({ at, ...(cfg ? { cfg } : {}) }).filter((f) => f.check.startsWith('windows/freeze'));

  test('quiet: today (2026-11-26), before both freezes of 2027', () => {
    expect(freezeFindings('2026-11-26T09:00:00+08:00')).toEqual([]);
  });

  test('the day after it ends: a warning, naming the repetition and when it becomes an error', () => {
    expect(freezeFindings('2027-02-15T09:00:00+08:00')).toEqual([
      {
        check: 'windows/freeze-ended',
        severity: 'warning',
        file: 'clusters/prod/cluster.yaml',
        line: 36,
        path: SPRING,
        message:
          'freeze "Spring Festival 2027" ended on 2027-02-14; Argo CD applies it again from 2028-02-03 to 2028-02-14 (its cron has no year), holding every sync of prod; this becomes an error on 2028-01-04',
        hint: 'delete the freeze from clusters/prod/cluster.yaml (the change touches no environment, so it can land at any time)',
      },
    ]);
  });

  test('the last day of the freeze (in Shanghai, already the 15th in no other sense): quiet', () => {
    expect(freezeFindings('2027-02-14T23:59:00+08:00')).toEqual([]);
  });

  test('30 days before the repetition: an error', () => {
    const [spring, national] = freezeFindings('2028-01-04T09:00:00+08:00');
    expect([spring!.severity, spring!.message]).toEqual([
      'error',
      'freeze "Spring Festival 2027" ended on 2027-02-14; Argo CD applies it again from 2028-02-03 to 2028-02-14 (its cron has no year), holding every sync of prod in 30 days',
    ]);
    expect([national!.severity, national!.check, national!.path]).toEqual(['warning', 'windows/freeze-ended', 'environments.prod.changeWindows.freezes[1]']);
  });

  test('31 days before: still a warning', () => {
    expect(freezeFindings('2028-01-03T09:00:00+08:00').map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  test('during the repetition: an error', () => {
    expect(freezeFindings('2028-02-05T09:00:00+08:00')[0]!.message).toMatch(/holding every sync of prod now$/);
  });

  test('a freeze declared a year early also closes the same dates this year: freeze-early', () => {
    const cfg = structuredClone(config);
    const prod = cfg.clusters.find((c) => c.name === 'prod')!.environments.find((e) => e.name === 'prod')!;
    const w = prod.changeWindows as Extract<ChangeWindowsConfig, { alwaysOpen: false }>;
    w.freezes = [{ name: 'Spring Festival 2028', from: '2028-01-24', to: '2028-02-02', reason: '春节封网' }];
    expect(freezeFindings('2026-11-26T09:00:00+08:00', cfg)).toEqual([
      {
        check: 'windows/freeze-early',
        severity: 'warning',
        file: 'clusters/prod/cluster.yaml',
        line: 36,
        path: SPRING,
        message: 'freeze "Spring Festival 2028" (2028-01-24 to 2028-02-02) also closes prod from 2027-01-24 to 2027-02-02: Argo CD repeats it every year (its cron has no year)',
        hint: 'add the freeze after 2027-02-02, or accept the earlier closing',
      },
    ]);
  });
});

describe('nextRepetition', () => {
  test.each([
    ['next year', '2027-02-03', '2027-02-14', '2027-03-01', '2028-02-03..2028-02-14'],
    ['the year after, once next year’s has passed too', '2027-02-03', '2027-02-14', '2028-02-15', '2029-02-03..2029-02-14'],
    ['29 February repeats in leap years only', '2028-02-29', '2028-03-01', '2028-03-02', '2032-02-29..2032-03-01'],
  ])('%s', (_n, from, to, today, want) => {
    const day = (s: string) => ({ year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) });
    const r = nextRepetition(day(from), day(to), day(today));
    const fmt = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    expect(`${fmt(r.from)}..${fmt(r.to)}`).toBe(want);
  });
});
