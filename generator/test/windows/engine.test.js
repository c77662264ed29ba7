/** The engine on tables of instants, the emitted windows, override records and the canary fit. */
import { describe, expect, test } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { canaryFits } from '../../src/windows/canary.js';
import { syncWindowsFor } from '../../src/render/argocd-sync-windows.js';
import { stateAt } from '../../src/windows/engine.js';
import { readOverrides } from '../../src/windows/overrides.js';
const prod = {
    alwaysOpen: false,
    timeZone: 'Asia/Shanghai',
    allow: [{ schedule: '0 22 * * 2,4', duration: '2h', description: 'Tue/Thu release' }, { schedule: '0 23 * * 6', duration: '3h', description: 'Saturday night' }],
    deny: [{ schedule: '30 22 * * 4', duration: '30m', description: 'Thursday backup' }],
    freezes: [{ name: 'Spring Festival 2027', from: '2027-02-05', to: '2027-02-13', reason: '春节' }],
};
const ALLOW = 'allow window "Tue/Thu release" (0 22 * * 2,4 for 2h, Asia/Shanghai)';
const OUTSIDE = 'outside every allow window (allow window "Tue/Thu release" (0 22 * * 2,4 for 2h, Asia/Shanghai); allow window "Saturday night" (0 23 * * 6 for 3h, Asia/Shanghai))';
describe('stateAt', () => {
    const cases = [
        ['Tuesday 22:30 inside the allow window', '2027-03-02T22:30:00+08:00', true, ALLOW, '2027-03-02T16:00:00.000Z'],
        ['Tuesday 21:59 before it', '2027-03-02T21:59:00+08:00', false, OUTSIDE, '2027-03-02T14:00:00.000Z'],
        ['exactly 22:00 is still outside (Argo CD compares strictly)', '2027-03-02T22:00:00+08:00', false, OUTSIDE, '2027-03-02T14:00:00.000Z'],
        ['exactly 24:00 is outside again', '2027-03-03T00:00:00+08:00', false, OUTSIDE, '2027-03-04T14:00:00.000Z'],
        ['Saturday 23:00 window crossing midnight, Sunday 01:30', '2027-03-07T01:30:00+08:00', true, 'allow window "Saturday night" (0 23 * * 6 for 3h, Asia/Shanghai)', '2027-03-06T18:00:00.000Z'],
        ['deny over allow: Thursday 22:45', '2027-03-04T22:45:00+08:00', false, 'deny window "Thursday backup" (30 22 * * 4 for 30m, Asia/Shanghai)', '2027-03-04T15:00:00.000Z'],
        ['Thursday 23:15, after the deny, allow again', '2027-03-04T23:15:00+08:00', true, ALLOW, '2027-03-04T16:00:00.000Z'],
        ['freeze beats the allow window: Tuesday 2027-02-09 22:30', '2027-02-09T22:30:00+08:00', false, 'freeze "Spring Festival 2027" (2027-02-05 to 2027-02-13, Asia/Shanghai)', '2027-02-13T16:00:00.000Z'], // the Saturday-night window is open when the freeze ends
        ['the freeze repeats in 2028 (cron has no year)', '2028-02-08T22:30:00+08:00', false, 'freeze "Spring Festival 2027" (2027-02-05 to 2027-02-13, Asia/Shanghai), repeated by Argo CD in 2028 because cron has no year', '2028-02-15T14:00:00.000Z'],
    ];
    for (const [name, at, open, rule, next] of cases) {
        test(name, () => {
            const s = stateAt(prod, new Date(at));
            expect({ open: s.open, rule: s.rule, next: s.nextChange?.toISOString() }).toEqual({ open, rule, next });
        });
    }
    test('always open, no windows, and deny-only environments', () => {
        expect(stateAt({ alwaysOpen: true }, new Date('2027-01-01T00:00:00Z'))).toMatchObject({ open: true, rule: 'always open (`alwaysOpen: true`)', nextChange: undefined });
        expect(stateAt(undefined, new Date('2027-01-01T00:00:00Z'))).toMatchObject({ open: true, rule: 'no change windows configured', nextChange: undefined });
        const denyOnly = { alwaysOpen: false, timeZone: 'Europe/Berlin', allow: [], deny: [{ schedule: '0 0 * * 0', duration: '24h', description: 'Sunday' }], freezes: [] };
        expect(stateAt(denyOnly, new Date('2027-03-03T12:00:00Z'))).toMatchObject({ open: true, rule: 'no deny window or freeze is active, and there are no allow windows' });
        expect(stateAt(denyOnly, new Date('2027-03-07T12:00:00+01:00'))).toMatchObject({ open: false, rule: 'deny window "Sunday" (0 0 * * 0 for 24h, Europe/Berlin)' });
    });
});
describe('syncWindowsFor', () => {
    test('allow, deny and freezes as Argo CD sync windows', () => {
        expect(syncWindowsFor({ changeWindows: prod })).toEqual([
            { kind: 'allow', schedule: '0 22 * * 2,4', duration: '2h', applications: ['*'], manualSync: true, timeZone: 'Asia/Shanghai' },
            { kind: 'allow', schedule: '0 23 * * 6', duration: '3h', applications: ['*'], manualSync: true, timeZone: 'Asia/Shanghai' },
            { kind: 'deny', schedule: '30 22 * * 4', duration: '30m', applications: ['*'], manualSync: false, timeZone: 'Asia/Shanghai' },
            { kind: 'deny', schedule: '0 0 5 2 *', duration: '216h', applications: ['*'], manualSync: false, timeZone: 'Asia/Shanghai' },
        ]);
        expect(syncWindowsFor({ changeWindows: { alwaysOpen: true } })).toEqual([]);
    });
});
describe('override records', () => {
    const at = new Date('2027-03-01T10:00:00+08:00');
    const read = (text) => readOverrides(memoryFs({ 'changes/hotfix.yaml': text, 'changes/README.md': 'not a record' }), ['dev', 'prod', 'staging', 'test'], at);
    const valid = 'environments: [prod]\nreason: "CVE-2027-0001: patched gateway image"\napprover: "王芳 (SRE on duty)"\nexpires: 2027-03-01T18:00:00+08:00\n';
    test('a valid record', () => {
        expect(read(valid)).toEqual({
            records: [{ file: 'changes/hotfix.yaml', line: 3, environments: ['prod'], reason: 'CVE-2027-0001: patched gateway image', approver: '王芳 (SRE on duty)', expires: new Date('2027-03-01T10:00:00Z') }],
            findings: [],
        });
    });
    const bad = [
        ['expired', valid.replace('2027-03-01T18:00', '2027-03-01T09:00'), { check: 'windows/override-expired', line: 4, path: 'expires', message: 'the override expired at 2027-03-01T09:00:00+08:00', hint: 'delete the record: the emergency is over (it stays in Git history)' }],
        ['missing approver', valid.replace(/approver.*\n/, ''), { check: 'windows/override-invalid', line: 1, message: 'missing `approver` in the override record', hint: 'add `approver: "…"`: who approved the emergency change' }],
        ['unknown environment', valid.replace('[prod]', '[prd]'), { check: 'windows/override-invalid', line: 1, path: 'environments[0]', message: '`prd` is not an environment', hint: 'did you mean `prod`?' }],
        ['expiry without offset', valid.replace('18:00:00+08:00', '18:00:00'), { check: 'windows/override-invalid', line: 4, path: 'expires', message: '`expires` is "2027-03-01T18:00:00", not a date and time with a UTC offset', hint: 'add `expires: 2027-03-01T18:00:00+08:00`: when the override ends (at most 7 days ahead)' }],
        ['too far ahead', valid.replace('2027-03-01T18', '2027-04-01T18'), { check: 'windows/override-invalid', line: 4, path: 'expires', message: 'the override runs until 2027-04-01T18:00:00+08:00, more than 7 days ahead', hint: 'an override is for one emergency: let it expire within 7 days' }],
        ['reason too short', valid.replace(/reason.*\n/, 'reason: urgent\n'), { check: 'windows/override-invalid', line: 2, path: 'reason', message: '`reason` is too short to tell a reviewer why this cannot wait for the window', hint: 'add `reason: "…"`: why the change cannot wait for the next window' }],
    ];
    for (const [name, text, finding] of bad) {
        test(`${name} is an error`, () => {
            const r = read(text);
            expect(r.records).toEqual([]);
            expect(r.findings).toEqual([{ severity: 'error', file: 'changes/hotfix.yaml', ...finding }]);
        });
    }
});
describe('canary fit', () => {
    const g = (o) => ({ steps: [5, 20, 50, 100], pause: '10m', control: 'auto', canary: { version: '2.0.0', weight: 5 }, ...o });
    const at = new Date('2027-03-02T23:20:00+08:00');
    const closes = new Date('2027-03-03T00:00:00+08:00');
    test.each([
        ['3 pauses of 10m fit in the 40 minutes left', g({}), true, 1_800_000],
        ['3 pauses of 15m do not', g({ pause: '15m' }), false, 2_700_000],
        ['git control: each step is its own change', g({ control: 'git', pause: '1h' }), true, 0],
        ['no canary in progress', g({ canary: undefined, pause: '1h' }), true, 0],
    ])('%s', (_n, plan, fits, needMs) => {
        expect(canaryFits(plan, at, closes)).toEqual({ fits, needMs });
    });
});
