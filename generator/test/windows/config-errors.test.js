/**
 * Bad `changeWindows` and the exact findings they give (file, line, YAML path, message, fix), on the
 * config fixture's prod cluster (`environments.prod.changeWindows` starts on line 19).
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity } from '../config/fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const P = 'clusters/prod/cluster.yaml';
const STORE = '    secretStore: {kind: ClusterSecretStore, name: vault-prod}\n';
const withWindows = (yaml) => fixtureFs([[P, STORE, `${STORE}    changeWindows:\n${yaml.replace(/^/gm, '      ')}\n`]]);
const W = 'environments.prod.changeWindows';
const cases = [
    {
        name: 'unknown time zone (Argo CD would fall back to UTC)',
        yaml: 'timeZone: Asia/Shangai\nallow: [{schedule: "0 22 * * 2,4", duration: 2h, description: release}]',
        expect: [{ check: 'config/time-zone', file: P, line: 20, path: `${W}.timeZone`, message: '`environments.prod.changeWindows.timeZone` is "Asia/Shangai", not an IANA time zone (Argo CD would silently use UTC)', hint: 'did you mean `Asia/Shanghai`?' }],
    },
    {
        name: 'time zone in the wrong letter case (Go looks zones up case-sensitively)',
        yaml: 'timeZone: asia/shanghai\nallow: [{schedule: "0 22 * * 2,4", duration: 2h, description: release}]',
        expect: [{ check: 'config/time-zone', file: P, line: 20, path: `${W}.timeZone`, message: '`environments.prod.changeWindows.timeZone` is "asia/shanghai", not an IANA time zone (Argo CD would silently use UTC)', hint: 'did you mean `Asia/Shanghai`?' }],
    },
    {
        name: 'descriptor @daily',
        yaml: 'timeZone: UTC\nallow: [{schedule: "@daily", duration: 2h, description: release}]',
        expect: [{ check: 'config/cron', file: P, line: 21, path: `${W}.allow[0].schedule`, message: '`environments.prod.changeWindows.allow[0].schedule` "@daily" is not a schedule Argo CD accepts: descriptors such as `@daily` are not accepted by Argo CD\'s sync-window parser; write five fields', hint: 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays' }],
    },
    {
        name: 'six fields (seconds)',
        yaml: 'timeZone: UTC\nallow: [{schedule: "0 0 22 * * 2", duration: 2h, description: release}]',
        expect: [{ check: 'config/cron', file: P, line: 21, path: `${W}.allow[0].schedule`, message: '`environments.prod.changeWindows.allow[0].schedule` "0 0 22 * * 2" is not a schedule Argo CD accepts: expected exactly 5 fields (minute hour day-of-month month day-of-week), found 6', hint: 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays' }],
    },
    {
        name: 'day of week 7',
        yaml: 'timeZone: UTC\ndeny: [{schedule: "0 0 * * 7", duration: 24h, description: sunday}]',
        expect: [{ check: 'config/cron', file: P, line: 21, path: `${W}.deny[0].schedule`, message: '`environments.prod.changeWindows.deny[0].schedule` "0 0 * * 7" is not a schedule Argo CD accepts: day of week field `7`: 7 is above the maximum 6 (Sunday is 0, not 7)', hint: 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays' }],
    },
    {
        name: 'hour 24',
        yaml: 'timeZone: UTC\nallow: [{schedule: "0 24 * * 1", duration: 1h, description: x}]',
        expect: [{ check: 'config/cron', file: P, line: 21, path: `${W}.allow[0].schedule`, message: '`environments.prod.changeWindows.allow[0].schedule` "0 24 * * 1" is not a schedule Argo CD accepts: hour field `24`: 24 is above the maximum 23', hint: 'write five fields, minute hour day-of-month month day-of-week (Sunday 0), e.g. `"0 22 * * 2,4"` for 22:00 on Tuesdays and Thursdays' }],
    },
    {
        name: 'duration in days',
        yaml: 'timeZone: UTC\ndeny: [{schedule: "0 0 * * 6", duration: 2d, description: weekend}]',
        expect: [{ check: 'config/duration', file: P, line: 21, path: `${W}.deny[0].duration`, message: '`environments.prod.changeWindows.deny[0].duration` "2d" is not a duration Argo CD accepts', hint: 'Go durations have no days: write `48h`' }],
    },
    {
        name: 'fractional duration',
        yaml: 'timeZone: UTC\nallow: [{schedule: "0 22 * * 2", duration: 1.5h, description: x}]',
        expect: [{ check: 'config/duration', file: P, line: 21, path: `${W}.allow[0].duration`, message: '`environments.prod.changeWindows.allow[0].duration` "1.5h" is not a duration Argo CD accepts', hint: 'write whole units: `1h30m`' }],
    },
    {
        name: 'missing time zone',
        yaml: 'allow: [{schedule: "0 22 * * 2", duration: 2h, description: x}]',
        expect: [{ check: 'config/change-windows', file: P, line: 19, path: W, message: 'missing `timeZone` in `environments.prod.changeWindows`', hint: 'add `timeZone: Asia/Shanghai` (an IANA zone; Argo CD would read windows without one in UTC)' }],
    },
    {
        name: 'alwaysOpen with windows',
        yaml: 'alwaysOpen: true\ntimeZone: UTC',
        expect: [{ check: 'config/change-windows', file: P, line: 21, path: `${W}.timeZone`, message: '`environments.prod.changeWindows.timeZone` is given with `alwaysOpen: true`, which ignores it', hint: 'remove `timeZone`, or remove `alwaysOpen` to use the windows' }],
    },
    {
        name: 'no window at all',
        yaml: 'timeZone: UTC\nallow: []',
        expect: [{ check: 'config/change-windows', file: P, line: 19, path: W, message: '`environments.prod.changeWindows` declares no window, freeze or `alwaysOpen`', hint: 'add `allow` windows (e.g. `{schedule: "0 22 * * 2,4", duration: 2h, description: …}`), or write `alwaysOpen: true`' }],
    },
    {
        name: 'freeze on a date that does not exist, and one ending before it starts',
        yaml: 'timeZone: Asia/Shanghai\nfreezes:\n  - {name: a, from: 2027-02-30, to: 2027-03-02, reason: r}\n  - {name: b, from: 2027-10-07, to: 2027-10-01, reason: r}',
        expect: [
            { check: 'config/date', file: P, line: 22, path: `${W}.freezes[0].from`, message: '`environments.prod.changeWindows.freezes[0].from` is "2027-02-30": 2027-02-30 is not a date in the calendar', hint: 'write the first day of the freeze, e.g. `from: 2027-02-05`' },
            { check: 'config/date', file: P, line: 23, path: `${W}.freezes[1].to`, message: '`environments.prod.changeWindows.freezes[1]` ends (2027-10-01) before it starts (2027-10-07)', hint: 'swap `from` and `to`: both days are included' },
        ],
    },
    {
        name: 'freeze longer than a year, duplicate freeze names',
        yaml: 'timeZone: UTC\nfreezes:\n  - {name: a, from: 2027-01-01, to: 2028-01-01, reason: r}\n  - {name: a, from: 2027-05-01, to: 2027-05-03, reason: r}',
        expect: [
            { check: 'config/date', file: P, line: 22, path: `${W}.freezes[0].to`, message: '`environments.prod.changeWindows.freezes[0]` lasts 366 days; a freeze is at most 365 days', hint: 'Argo CD repeats a freeze every year (cron has no year): split it, or use a deny window' },
            { check: 'config/duplicate', file: P, line: 23, path: `${W}.freezes[1].name`, message: 'freeze name "a" is already used by `environments.prod.changeWindows.freezes[0]`', hint: 'give every freeze a name of its own, e.g. with its year' },
        ],
    },
    {
        name: 'unknown key in a window (schema)',
        yaml: 'timeZone: UTC\nallow: [{schedule: "0 22 * * 2", duration: 2h, description: x, timezone: UTC}]',
        expect: [{ check: 'config/unknown-key', file: P, line: 21, path: `${W}.allow[0].timezone`, message: 'unknown key `timezone` in `environments.prod.changeWindows.allow[0]`', hint: 'allowed keys: schedule, duration, description' }],
    },
];
describe('changeWindows configuration errors', () => {
    for (const c of cases) {
        test(c.name, () => {
            const { config, findings } = readConfig(withWindows(c.yaml), loadOptions);
            expect(config).toBeUndefined();
            expect(withoutSeverity(findings)).toEqual(c.expect);
        });
    }
    test('a valid configuration is built with defaults', () => {
        const { config, findings } = readConfig(withWindows('timeZone: Asia/Shanghai\nallow: [{schedule: "0 22 * * 2,4", duration: 2h, description: release}]'), loadOptions);
        expect(findings).toEqual([]);
        expect(config.clusters.find((c) => c.name === 'prod').environments[0].changeWindows).toEqual({
            alwaysOpen: false,
            timeZone: 'Asia/Shanghai',
            allow: [{ schedule: '0 22 * * 2,4', duration: '2h', description: 'release' }],
            deny: [],
            freezes: [],
        });
    });
});
