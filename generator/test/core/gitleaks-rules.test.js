/**
 * The vendored gitleaks rule set: the generated module is exactly the conversion of the vendored
 * file, the RE2 → JavaScript conversion keeps each construct's meaning, and the engine follows
 * gitleaks' order (keywords, pattern, secret group, entropy, allowlists).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { GITLEAKS_COMMIT, GITLEAKS_VERSION, gitleaksRulesModule, re2ToJs, SECRET_RULE_FILES } from '../../scripts/build-secret-rules.js';
import { gitleaksConfig } from '../../src/core/secrets/gitleaks-rules.generated.js';
import { gitleaksMatch } from '../../src/core/secrets/gitleaks.js';
const root = path.resolve(import.meta.dirname, '../../..');
const read = (p) => fs.readFileSync(path.join(root, p), 'utf8');
describe('the vendored rules', () => {
    test('the generated module is the conversion of generator/vendor/gitleaks/gitleaks.toml (npm run secret-rules)', () => {
        expect(read(SECRET_RULE_FILES.module)).toBe(gitleaksRulesModule(read(SECRET_RULE_FILES.toml)));
    });
    test('the vendored README and the module name the same upstream release and commit', () => {
        const readme = read('generator/vendor/gitleaks/README.md');
        expect(readme).toContain(`**${GITLEAKS_VERSION}**`);
        expect(readme).toContain(GITLEAKS_COMMIT);
        expect(gitleaksConfig.version).toBe(GITLEAKS_VERSION);
        expect(read('generator/vendor/gitleaks/LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) 2019 Zachary Rice/);
    });
    test('all 222 rules are kept; the 5 that need a file path are marked, and every pattern compiles', () => {
        expect(gitleaksConfig.rules).toHaveLength(222);
        expect(gitleaksConfig.rules.filter((r) => r.path).map((r) => r.id)).toEqual(['freemius-secret-key', 'hashicorp-tf-password', 'kubernetes-secret-yaml', 'nuget-config-password', 'pkcs12-file']);
        for (const r of gitleaksConfig.rules)
            if (r.regex)
                expect(() => new RegExp(r.regex.source, r.regex.flags)).not.toThrow();
    });
});
describe('RE2 → JavaScript', () => {
    test.each([
        ['case-insensitive throughout: the i flag', '(?i)key=[a-z]+', 'key=[a-z]+', 'i'],
        ['a case-insensitive group: letters spelled out', 'a(?i:bc)d', 'a(?:[bB][cC])d', ''],
        ['a case-sensitive group inside (?i)', '(?i)x(?-i:Ab)', '[xX](?:Ab)', ''],
        ['(?i) in the middle: from there to the end of the group', '\\b(p8e-(?i)[a-z0-9]{32})', '\\b(p8e-[a-z0-9A-Z]{32})', ''],
        ['dot-all group', '(?s:a.b).', '(?:a[\\s\\S]b).', ''],
        ['named group', '(?P<alg>x)', '(?<alg>x)', ''],
        ['end of input', 'x\\z', 'x(?![\\s\\S])', ''],
        ['POSIX class', 'pat[[:alnum:]]{14}', 'pat[0-9A-Za-z]{14}', ''],
        ['a negated class under (?i)', '(?i)x(?-i:y)[^a-c]', '[xX](?:y)[^a-cA-C]', ''],
    ])('%s', (_, re2, source, flags) => {
        expect(re2ToJs(re2)).toEqual({ source, flags });
    });
    test('(?i) and (?-i) match as RE2 would', () => {
        const { source, flags } = re2ToJs('(?i)[\\w.-]{0,50}?(?:(?-i:[Aa]pi|API)|token)[ =]+([a-z0-9]{8})');
        const re = new RegExp(source, flags);
        expect(['API = abcd1234', 'Api = ABCD1234', 'TOKEN = abcd1234'].map((s) => re.test(s))).toEqual([true, true, true]);
        expect(re.test('aPI = abcd1234')).toBe(false);
    });
});
describe('the engine', () => {
    const j = (...parts) => parts.join('');
    test.each([
        ['a specific rule', j('X: ghp_', 'R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI'), 'github-pat'],
        ['below the rule entropy (3.0)', j('X: ghp_', 'a'.repeat(36)), undefined],
        ['no keyword, no run', 'X: R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI', undefined],
        ['the generic rule, when nothing specific fires', 'x_auth: 7Hq2Lm9Xc4Vb8Nz1', 'generic-api-key'],
        ['the generic rule wants more than letters (its allowlist)', 'x_auth: abcdefghijkLMNOPQ', undefined],
        ['a global stopword', j('X: ghp_', 'abcdefghijklmnopqrstuvwxyz0123456789'), undefined],
        ['a rule allowlist (the AWS documentation key)', j('X: AKIA', 'IOSFODNN7EXAMPLE'), undefined],
    ])('%s', (_, text, rule) => {
        expect(gitleaksMatch(text)).toBe(rule);
    });
});
