/**
 * Strict ISO-8601 instants and calendar days (regressions: `--at` and an override's `expires`
 * accepted the offset `+25:00`, and read the year 0027 as 1927).
 */
import { describe, expect, test } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { addDays, daysBetween, parseDay, parseInstant } from '../../src/windows/dates.js';
import { readOverrides } from '../../src/windows/overrides.js';
import { runCli, tempRepo } from '../helpers/cli.js';

const FORM = 'is not an ISO-8601 date and time with a UTC offset, e.g. 2027-03-02T22:30:00+08:00 or 2027-03-02T14:30:00Z';

describe('parseInstant accepts ISO-8601 instants, read as written', () => {
  test.each([
    ['2027-03-02T22:30:00+08:00', '2027-03-02T14:30:00.000Z'],
    ['2027-03-02T14:30Z', '2027-03-02T14:30:00.000Z'],
    ['2027-03-02T14:30:00.5Z', '2027-03-02T14:30:00.500Z'],
    // A fraction finer than a millisecond is cut, never rounded into the next second.
    ['2027-03-02T14:30:59.999999999Z', '2027-03-02T14:30:59.999Z'],
    ['2027-03-02T22:30:00+14:00', '2027-03-02T08:30:00.000Z'],
    ['2027-03-02T02:30:00-12:00', '2027-03-02T14:30:00.000Z'],
    ['2027-03-02T20:00:00+05:45', '2027-03-02T14:15:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    // Years below 100 are the years written, not 1900 + year.
    ['0027-03-02T14:30:00Z', '0027-03-02T14:30:00.000Z'],
    ['0099-12-31T23:59:59Z', '0099-12-31T23:59:59.000Z'],
    ['0001-01-01T00:00:00+01:00', '0000-12-31T23:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    const r = parseInstant(text);
    expect('instant' in r ? r.instant.toISOString() : r.error).toBe(iso);
  });
});

describe('parseInstant refuses what is not one, saying why', () => {
  test.each([
    ['2027-03-02T22:30:00+25:00', 'has the UTC offset +25:00, but offsets run from -14:00 to +14:00'],
    ['2027-03-02T22:30:00+14:01', 'has the UTC offset +14:01, but offsets run from -14:00 to +14:00'],
    ['2027-03-02T22:30:00-14:30', 'has the UTC offset -14:30, but offsets run from -14:00 to +14:00'],
    ['2027-03-02T22:30:00+08:60', 'has the UTC offset +08:60, but offsets run from -14:00 to +14:00'],
    ['2027-02-29T10:00:00Z', 'names the day 2027-02-29, not a day of the calendar (years 0001–9999)'],
    ['2027-13-01T10:00:00Z', 'names the day 2027-13-01, not a day of the calendar (years 0001–9999)'],
    ['0000-01-01T10:00:00Z', 'names the day 0000-01-01, not a day of the calendar (years 0001–9999)'],
    ['2027-03-02T24:00:00Z', 'has the time 24:00:00, not a time of day (hours 00–23, minutes and seconds 00–59)'],
    ['2027-03-02T23:60Z', 'has the time 23:60, not a time of day (hours 00–23, minutes and seconds 00–59)'],
    ['2027-03-02T23:59:60Z', 'has the time 23:59:60, not a time of day (hours 00–23, minutes and seconds 00–59)'],
    ['2027-03-02T22:30:00', FORM],
    ['2027-03-02 22:30:00Z', FORM],
    ['2027-03-02T22:30:00z', FORM],
    ['2027-03-02T22:30:00+0800', FORM],
    ['2027-03-02T22:30:00+8:00', FORM],
    ['27-03-02T22:30:00Z', FORM],
    ['+02027-03-02T22:30:00Z', FORM],
    ['2027-03-02', FORM],
    ['Tue, 02 Mar 2027 14:30:00 GMT', FORM],
    ['', FORM],
  ])('%j', (text, error) => expect(parseInstant(text)).toEqual({ error }));
});

describe('calendar days: years as written', () => {
  test.each([
    ['0027-02-05', { year: 27, month: 2, day: 5 }],
    ['0004-02-29', { year: 4, month: 2, day: 29 }],
    ['1900-02-29', { error: '1900-02-29 is not a date in the calendar' }],
    ['0000-01-01', { error: '0000-01-01 is not a date in the calendar' }],
  ])('%s', (text, want) => expect(parseDay(text)).toEqual(want));

  test('days between and after, across years below 100', () => {
    expect(daysBetween({ year: 27, month: 12, day: 31 }, { year: 28, month: 1, day: 1 })).toBe(1);
    expect(addDays({ year: 4, month: 2, day: 28 }, 1)).toEqual({ year: 4, month: 2, day: 29 });
  });
});

describe('an override record with a bad `expires` is an error at its line', () => {
  const at = new Date('2027-03-01T02:00:00Z');
  const record = (expires: string) => `environments: [prod]\nreason: "CVE-2027-0001: patched gateway image"\napprover: "王芳 (SRE on duty)"\nexpires: ${expires}\n`;
  const read = (expires: string) => readOverrides(memoryFs({ 'changes/hotfix.yaml': record(expires) }), ['prod'], at);
  const hint = 'add `expires: 2027-03-01T18:00:00+08:00`: when the override ends (at most 7 days ahead)';
  test.each([
    ['2027-03-01T18:00:00+25:00', 'windows/override-invalid', '`expires` is "2027-03-01T18:00:00+25:00", which has the UTC offset +25:00, but offsets run from -14:00 to +14:00', hint],
    ['2027-02-30T18:00:00+08:00', 'windows/override-invalid', '`expires` is "2027-02-30T18:00:00+08:00", which names the day 2027-02-30, not a day of the calendar (years 0001–9999)', hint],
    // Read as the year 27 (long expired), not 1927 nor 2027.
    ['0027-03-01T18:00:00+08:00', 'windows/override-expired', 'the override expired at 0027-03-01T18:00:00+08:00', 'delete the record: the emergency is over (it stays in Git history)'],
  ])('%s', (expires, check, message, fix) => {
    expect(read(expires)).toEqual({ records: [], findings: [{ check, severity: 'error', file: 'changes/hotfix.yaml', line: 4, path: 'expires', message, hint: fix }] });
  });
});

describe('--at end to end: a bad instant is bad usage, exit 2', () => {
  test.each([
    [['windows'], '2027-03-02T22:30:00+25:00', 'error: --at "2027-03-02T22:30:00+25:00" has the UTC offset +25:00, but offsets run from -14:00 to +14:00\n'],
    [['validate', '--no-kustomize', '--no-cache'], '2027-02-29T22:30:00+08:00', 'error: --at "2027-02-29T22:30:00+08:00" names the day 2027-02-29, not a day of the calendar (years 0001–9999)\n'],
  ])('%j --at %s', async (command, at, stderr) => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    expect(await runCli([...command, '--at', at, '--root', repo.root])).toMatchObject({ code: 2, stdout: '', stderr });
  });

  test('windows --at 0027-…: the year 27, not 1927', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    const r = await runCli(['windows', '--env', 'dev', '--at', '0027-03-02T14:30:00Z', '--output', 'json', '--root', repo.root]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { at: string }).at).toBe('0027-03-02T14:30:00.000Z');
  });
});
