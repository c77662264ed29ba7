import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { yamlLimits } from '../../src/config/yaml-source.js';
import { withoutSeverity, fixtureFs, alpha } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const A = 'apps/alpha/service.yaml';
/** The classic "billion laughs": nine levels, each nine aliases of the one before (9^9 leaves). */
function aliasBomb() {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i <= 9; i++)
        lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    return `${alpha}${lines.join('\n')}\n`;
}
describe('limits', () => {
    test('an alias bomb is refused without expanding it: one finding per alias name', () => {
        const { findings } = readConfig(fixtureFs([], { [A]: aliasBomb() }), loadOptions);
        expect(withoutSeverity(findings)).toEqual(Array.from({ length: 9 }, (_, i) => ({
            check: 'config/alias',
            file: A,
            line: 11 + i,
            path: `a${i + 1}[0]`,
            message: `YAML alias \`*a${i}\` is not allowed in config`,
            hint: 'write the value out in full; anchors and aliases are refused so that every value is visible where it applies',
        })));
    });
    test('a merge key with an alias is refused as a merge key, its alias never followed', () => {
        const text = alpha.replace('resources:\n  requests: {cpu: 100m, memory: 128Mi}', 'resources:\n  requests: &req {cpu: 100m, memory: 128Mi}\n  limits2:\n    <<: *req');
        const { findings } = readConfig(fixtureFs([], { [A]: text }), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            {
                check: 'config/merge-key',
                file: A,
                line: 8,
                path: 'resources.limits2["<<"]',
                message: '`resources.limits2` uses the merge key `<<`, which config does not accept',
                hint: 'write the keys out in full: YAML 1.2 has no merge keys, and readers disagree about them (Kubernetes tools merge, others keep a key named `<<`)',
            },
        ]);
    });
    test('a file over 1 MiB is refused before it is read', () => {
        const big = `${alpha}# ${'x'.repeat(yamlLimits.maxBytes)}\n`;
        const { findings } = readConfig(fixtureFs([], { [A]: big }), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            {
                check: 'config/too-large',
                file: A,
                message: `${A} is ${Buffer.byteLength(big)} bytes; config files are limited to 1048576 bytes (1 MiB)`,
                hint: 'a service or cluster file is a few kilobytes: check that the right file is in place',
            },
        ]);
    });
    test('a file of exactly 1 MiB is still read', () => {
        const padded = `${alpha}#`.padEnd(yamlLimits.maxBytes - 1, 'x') + '\n';
        expect(Buffer.byteLength(padded)).toBe(yamlLimits.maxBytes);
        expect(readConfig(fixtureFs([], { [A]: padded }), loadOptions).findings).toEqual([]);
    });
    test.each([
        ['flow sequences', `${alpha}deep: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, 10],
        ['block sequences', `${alpha}deep:\n${'- '.repeat(200_000)}x\n`, 11],
        ['block mappings', `${alpha}deep:\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`, 41],
    ])('deep nesting of %s is refused', (_name, text, line) => {
        const { findings } = readConfig(fixtureFs([], { [A]: text }), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            {
                check: 'config/too-deep',
                file: A,
                line,
                message: `nesting is deeper than ${yamlLimits.maxDepth - 1} levels`,
                hint: 'config nests a few levels at most: check the indentation and brackets here',
            },
        ]);
    });
});
