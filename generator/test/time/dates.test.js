/**
 * Strict ISO-8601 instants and calendar days (regressions: `--at` and an override's `expires`
 * accepted the offset `+25:00`, and read the year 0027 as 1927).
 */
import { describe, expect, test } from 'vitest';
import { addDays, daysBetween, parseDay, parseInstant } from '../../src/time/dates.js';
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
