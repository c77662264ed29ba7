/** Sync windows as Argo CD decides them for an Application of a project, and when that changes. */
import { describe, expect, it } from 'vitest';
import { canSync, matching, nextChange, projectWindows } from '../../src/simulate/windows.js';
import { application, project } from './tiny.js';
const allow = { kind: 'allow', schedule: '0 22 * * 2,4', duration: '2h', applications: ['*'], timeZone: 'Asia/Shanghai' };
const deny = { kind: 'deny', schedule: '0 0 9 12 *', duration: '48h', applications: ['*'], timeZone: 'Asia/Shanghai' };
const at = (s) => Date.parse(s);
const windowsOf = (w, app = application('a', 'a')) => matching(projectWindows(project('p', { syncWindows: w })), app);
describe('canSync', () => {
    it.each([
        ['no windows: always', [], '2026-12-05T12:00:00+08:00', false, true],
        ['inside the allow window', [allow], '2026-12-08T22:30:00+08:00', false, true],
        ['outside every allow window', [allow], '2026-12-05T12:00:00+08:00', false, false],
        ['outside, manual sync without manualSync', [allow], '2026-12-05T12:00:00+08:00', true, false],
        ['outside, manual sync with manualSync', [{ ...allow, manualSync: true }], '2026-12-05T12:00:00+08:00', true, true],
        ['a deny window inside the allow window wins', [allow, deny], '2026-12-10T22:30:00+08:00', false, false],
        ['after the deny window ends', [allow, deny], '2026-12-17T22:30:00+08:00', false, true],
    ])('%s', (_name, w, instant, manual, expected) => {
        expect(canSync(windowsOf(w), at(instant), manual)).toBe(expected);
    });
    it('a window for other Applications does not apply', () => {
        expect(windowsOf([{ ...allow, applications: ['prod-*'] }])).toEqual([]);
    });
    it('a window matched by destination namespace applies', () => {
        expect(windowsOf([{ ...allow, applications: [], namespaces: ['app*'] }])).toHaveLength(1);
    });
});
describe('nextChange', () => {
    it.each([
        ['Saturday: the Tuesday window opens', [allow], '2026-12-05T12:00:00+08:00', '2026-12-08T22:00:00.001+08:00'],
        ['inside it: it closes at midnight', [allow], '2026-12-08T22:30:00+08:00', '2026-12-09T00:00:00.001+08:00'],
        ['a deny over Thursday: the next allow after it is the Tuesday after', [allow, deny], '2026-12-09T12:00:00+08:00', '2026-12-15T22:00:00.001+08:00'],
    ])('%s', (_name, w, from, expected) => {
        expect(new Date(nextChange(windowsOf(w), at(from), at(from) + 30 * 86_400_000)).toISOString()).toBe(new Date(expected).toISOString());
    });
});
