/**
 * Fix hints never suggest a name that is itself invalid (regression: a service in the folder
 * `apps/Five-Diagnosis/` was told to set `name: Five-Diagnosis`).
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { isDns1123Label, toDns1123Label } from '../../src/core/names.js';
import { alpha, beta, fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
/** Bad names as people write them: capitals, `_`, accents, stray `-` and `.`, too long, nothing usable. */
const BAD_NAMES = ['Five_Diagnosis', 'Five-Diagnosis', '-x-', 'ÄBC', 'a..b', 'x'.repeat(64), `${'ab-'.repeat(21)}c`, '__', '健康', 'A', '9_Lives'];
describe('toDns1123Label: the suggestion is a valid label or there is none', () => {
    test.each(BAD_NAMES)('%j', (name) => {
        const s = toDns1123Label(name);
        if (s !== undefined)
            expect(isDns1123Label(s), s).toBe(true);
    });
    test.each([
        ['Five_Diagnosis', 'five-diagnosis'],
        ['-x-', 'x'],
        ['ÄBC', 'abc'],
        ['a..b', 'a-b'],
        ['x'.repeat(64), 'x'.repeat(63)],
        // Cut at 63 characters, where a `-` would end it: the `-` goes too.
        [`${'ab-'.repeat(21)}c`, `${'ab-'.repeat(20)}ab`],
        ['__', undefined],
        ['健康', undefined],
        ['health-data', 'health-data'],
    ])('%j → %j', (name, expected) => expect(toDns1123Label(name)).toBe(expected));
});
/** Every name a hint proposes: `name: X`, `` e.g. `X` ``, `did you mean `X`?` and `apps/X/…` folders. */
function suggestedNames(hint) {
    const out = [];
    for (const m of hint.matchAll(/`name: ([^`]+)`|e\.g\. `([^`]+)`|did you mean `([^`]+)`|(?:apps|clusters)\/([^/\s]+)\//g))
        out.push((m[1] ?? m[2] ?? m[3] ?? m[4]));
    return out;
}
describe('a service in a folder whose name is not a valid label: every suggested name is valid', () => {
    test.each(BAD_NAMES)('folder %j', (folder) => {
        const fs = fixtureFs([], {
            'apps/alpha/service.yaml': undefined,
            [`apps/${folder}/service.yaml`]: alpha,
            // beta depends on `alpha`, which now lives in the misnamed folder: that must not be suggested either.
            'apps/beta/service.yaml': beta.replace('    - alpha\n', `    - ${folder.toLowerCase()}\n`),
        });
        const { findings } = readConfig(fs, loadOptions);
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings)
            for (const name of suggestedNames(f.hint ?? ''))
                expect(isDns1123Label(name), `${f.message} / ${f.hint}`).toBe(true);
    });
});
test('uppercase folder, valid name: move the file, never `name: <folder>`', () => {
    const fs = fixtureFs([], { 'apps/alpha/service.yaml': undefined, 'apps/Alpha/service.yaml': alpha });
    expect(withoutSeverity(readConfig(fs, loadOptions).findings)).toEqual([
        {
            check: 'config/name',
            file: 'apps/Alpha/service.yaml',
            line: 1,
            path: 'name',
            message: '`name` is "alpha" but the file is in apps/Alpha/',
            hint: 'move the file to apps/alpha/service.yaml: the folder name "Alpha" is not a DNS-1123 label',
        },
    ]);
});
test('uppercase folder and name: the example is the name made valid', () => {
    const fs = fixtureFs([], { 'apps/alpha/service.yaml': undefined, 'apps/Five_Diagnosis/service.yaml': alpha.replace('name: alpha', 'name: Five_Diagnosis') });
    const names = withoutSeverity(readConfig(fs, loadOptions).findings).filter((f) => f.check === 'config/name');
    expect(names).toEqual([
        {
            check: 'config/name',
            file: 'apps/Five_Diagnosis/service.yaml',
            line: 1,
            path: 'name',
            message: '`name` is "Five_Diagnosis", not a DNS-1123 label',
            hint: 'use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit, e.g. `five-diagnosis`',
        },
    ]);
});
