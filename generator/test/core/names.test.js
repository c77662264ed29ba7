import { describe, expect, test } from 'vitest';
import { editDistance, isDns1123Label, isDns1123Subdomain, isDockerTag, isEnvVarName, isImageRepository, isLabelKey, isLabelValue, suggest, } from '../../src/core/names.js';
const table = (fn, good, bad) => () => {
    test.each(good)('accepts %j', (s) => expect(fn(s)).toBe(true));
    test.each(bad)('refuses %j', (s) => expect(fn(s)).toBe(false));
};
describe('isDns1123Label', table(isDns1123Label, ['a', 'xiaoai', 'health-data', 'a1', '1a', 'x'.repeat(63)], ['', 'A', 'Health', 'a_b', '-a', 'a-', 'a.b', 'x'.repeat(64), 'a b']));
describe('isDns1123Subdomain', table(isDns1123Subdomain, ['a', 'suoke-vault-dev', 'a.b.c', `${'x'.repeat(63)}.b`], ['', 'a..b', '.a', 'a.', 'A.b', `${'x'.repeat(64)}.b`, `${'a.'.repeat(127)}a`]));
describe('isEnvVarName', table(isEnvVarName, ['A', 'DATABASE_URL', '_x', 'a1', 'logLevel'], ['', '1A', 'A-B', 'A.B', 'A B', 'É']));
describe('isDockerTag', table(isDockerTag, ['1.4.2', '2.2.0-rc.1', 'v1', '_x', 'A', 'x'.repeat(128)], ['', '.1', '-rc', 'a+b', 'a/b', 'x'.repeat(129), '1.0 ']));
describe('isImageRepository', table(isImageRepository, ['nginx', 'registry.suoke-life.com/suoke-life/xiaoai', 'localhost:5000/a/b', 'ghcr.io/a-b/c__d', 'reg.example.com/a.b/c'], ['', 'Nginx', 'reg.example.com/Gamma', 'a:1.0', 'a@sha256:abc', 'a//b', '/a', 'a/', 'reg.example.com:port/a', `${'a'.repeat(256)}`]));
describe('isLabelKey', table(isLabelKey, ['release', 'app.kubernetes.io/name', 'a_b', 'A'], ['', '/a', 'a/', 'bad key!', 'UP.per/a', 'x'.repeat(64)]));
describe('isLabelValue', table(isLabelValue, ['', 'kube-prometheus-stack', 'A.b_c'], ['-x', 'x-', 'a b', 'x'.repeat(64)]));
describe('suggest', () => {
    test.each([
        ['replica', ['replicas', 'resources'], 'replicas'],
        ['readyness', ['liveness', 'readiness'], 'readiness'],
        ['cpus', ['cpu', 'memory'], 'cpu'],
        ['alpah', ['alpha', 'beta'], 'alpha'], // a swap of neighbours counts as one edit
        ['Replicas', ['replicas'], 'replicas'], // case alone always matches
        ['colour', ['namespace', 'tier', 'sizing'], undefined],
        ['x', ['y'], 'y'], // one edit is always allowed
        ['xy', ['ab'], undefined],
        ['same', ['same'], undefined], // never suggests the name itself
        ['prd', ['dev', 'prod', 'staging'], 'prod'],
        ['abcd', ['abce', 'abcf'], 'abce'], // ties go to the first candidate
    ])('suggest(%j, %j) → %j', (name, candidates, want) => expect(suggest(name, candidates)).toBe(want));
    test('editDistance', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('ab', 'ba')).toBe(1);
        expect(editDistance('', 'abc')).toBe(3);
    });
});
