/**
 * The pull-request verdict equals Argo CD's: for a year of instants (every 15 minutes of 2027, plus
 * instants around every window edge and every UTC-offset change), `stateAt` on the configuration
 * and an independent emulation of Argo CD's documented decision on the emitted `syncWindows` agree.
 * `nextChange` is checked against the emulation too: the verdict holds on every grid instant before
 * it and flips just after it.
 */
import { describe, expect, it } from 'vitest';
import { syncWindowsFor } from '../../src/render/argocd-sync-windows.js';
import { stateAt } from '../../src/windows/engine.js';
import { ArgoEmulation, offsetChangeInstants } from './argo-emulation.js';
const rule = (schedule, duration, description = schedule) => ({ schedule, duration, description });
const freeze = (name, from, to) => ({ name, from, to, reason: 'test' });
const scheduled = (timeZone, w) => ({
    alwaysOpen: false,
    timeZone,
    allow: w.allow ?? [],
    deny: w.deny ?? [],
    freezes: w.freezes ?? [],
});
const SETS = {
    'prod: Tue/Thu 22:00-24:00 Shanghai with Spring Festival and National Day freezes': scheduled('Asia/Shanghai', {
        allow: [rule('0 22 * * 2,4', '2h')],
        freezes: [freeze('Spring Festival 2027', '2027-02-05', '2027-02-13'), freeze('National Day 2027', '2027-10-01', '2027-10-07')],
    }),
    'Berlin: office hours, lunch deny overlapping, Friday night across midnight, Sunday 01:30 across the DST hour, freeze across DST start': scheduled('Europe/Berlin', {
        allow: [rule('0 9 * * 1-5', '8h'), rule('0 23 * * 5', '3h'), rule('30 1 * * 0', '2h')],
        deny: [rule('30 12 * * *', '1h')],
        freezes: [freeze('Easter 2027', '2027-03-26', '2027-04-02')],
    }),
    'New York: deny only (weekends), freeze across DST end, freeze across the year end': scheduled('America/New_York', {
        deny: [rule('0 0 * * 6,0', '24h'), rule('0 2 * * *', '30m')],
        freezes: [freeze('Election week 2027', '2027-11-05', '2027-11-08'), freeze('New Year 2028', '2027-12-30', '2028-01-02')],
    }),
    'UTC: day-of-month OR day-of-week, steps, names, back-to-back windows': scheduled('UTC', {
        allow: [rule('0 6 1,15 * MON', '1h'), rule('*/20 8-10 * * 1-5', '20m'), rule('0 12 * JAN-MAR/2 *', '90m'), rule('0 * 10 * *', '1h')],
        deny: [rule('0 9 ? * 3', '30m')],
    }),
    'Lord Howe (30-minute DST) and Kathmandu (+05:45) style offsets': scheduled('Australia/Lord_Howe', {
        allow: [rule('0 1 * * *', '2h'), rule('45 23 * * 6', '1h30m')],
    }),
    'Kathmandu: allow with a deny inside it': scheduled('Asia/Kathmandu', { allow: [rule('0 22 * * *', '4h')], deny: [rule('15 0 * * *', '15m')] }),
};
const FROM = Date.UTC(2027, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const STEP = 15 * 60_000;
describe('stateAt agrees with Argo CD (emulated) on the emitted syncWindows for every instant of 2027', () => {
    for (const [name, config] of Object.entries(SETS)) {
        it(name, () => {
            const env = { changeWindows: config };
            const windows = syncWindowsFor(env);
            // The emulation covers far enough beyond the year for the next changes found near its end.
            const emu = new ArgoEmulation(windows, FROM - 40 * 86_400_000, TO + 40 * 86_400_000);
            const grid = [];
            for (let ms = FROM; ms < TO; ms += STEP)
                grid.push(ms);
            const zone = config.timeZone;
            const extra = [...emu.edgeInstants(), ...offsetChangeInstants(zone, FROM, TO)].filter((ms) => ms >= FROM && ms < TO);
            const mismatches = [];
            const wrong = [];
            const check = (ms) => {
                const s = stateAt(config, new Date(ms));
                if (s.open !== emu.canSync(ms))
                    mismatches.push(`${new Date(ms).toISOString()}: stateAt ${s.open ? 'open' : 'closed'}`);
                return s;
            };
            for (const ms of extra)
                check(ms);
            // nextChange on the grid: the verdict holds up to it and flips just after it. An instant exactly
            // on the edge between back-to-back windows is outside both (Argo CD's strict comparisons), a
            // zero-length flip that nextChange does not count: the grid is compared on the open interval
            // just after each instant.
            const after = grid.map((ms) => emu.canSync(ms + 1));
            const firstAfter = { true: new Array(grid.length), false: new Array(grid.length) };
            let [nextTrue, nextFalse] = [Infinity, Infinity];
            for (let i = grid.length - 1; i >= 0; i--) {
                firstAfter.true[i] = nextTrue;
                firstAfter.false[i] = nextFalse;
                if (after[i])
                    nextTrue = grid[i];
                else
                    nextFalse = grid[i];
            }
            grid.forEach((ms, i) => {
                const s = check(ms);
                const flip = s.open ? firstAfter.false[i] : firstAfter.true[i];
                const c = s.nextChange?.getTime();
                const at = new Date(ms).toISOString();
                if (c === undefined) {
                    if (flip !== Infinity)
                        wrong.push(`${at}: no next change, but the verdict flips by ${new Date(flip).toISOString()}`);
                    return;
                }
                if (c >= emu.toMs)
                    return;
                if (c > flip)
                    wrong.push(`${at}: next change ${new Date(c).toISOString()} after a flip on the grid at ${new Date(flip).toISOString()}`);
                if (emu.canSync(c + 1) === s.open)
                    wrong.push(`${at}: verdict does not flip after ${new Date(c).toISOString()}`);
                if (c - 1 > ms && emu.canSync(c - 1) !== s.open)
                    wrong.push(`${at}: verdict flips before ${new Date(c).toISOString()}`);
            });
            expect(mismatches.slice(0, 10)).toEqual([]);
            expect(wrong.slice(0, 10)).toEqual([]);
            expect(grid.length + extra.length).toBeGreaterThan(35_000);
        });
    }
});
