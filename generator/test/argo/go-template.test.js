/**
 * The Go text/template subset `validate` expands ApplicationSet templates with (issue 8 item 4): what
 * it parses, what Go refuses, and how values print, as Argo CD's `Replace` would produce them.
 */
import { describe, expect, it } from 'vitest';
import { executeGoTemplate, goValue, parseGoTemplate } from '../../src/argo/go-template.js';
const params = { name: 'prod-xiaoai', n: 5, big: 1000000, small: 0.00001, on: true, none: null, nested: { tier: 'core' }, list: ['a', 1] };
const run = (s) => {
    const p = parseGoTemplate(s);
    return 'error' in p ? { parseError: p.error } : executeGoTemplate(p.nodes, params);
};
describe('templates Argo CD would expand', () => {
    it.each([
        ['plain text', 'main', { text: 'main' }],
        ['a lone closing marker is text', 'a}}b', { text: 'a}}b' }],
        ['a parameter', '{{.name}}', { text: 'prod-xiaoai' }],
        ['a parameter with spaces', 'x-{{ .name }}-y', { text: 'x-prod-xiaoai-y' }],
        ['a field chain into a nested map', '{{.nested.tier}}', { text: 'core' }],
        ['a string literal: the escape of a literal marker', '{{ "{{" }}.name}}', { text: '{{.name}}' }],
        ['a raw string literal', '{{`}}`}}', { text: '}}' }],
        ['a closing marker inside a quoted string does not end the action', '{{ "a}}b" }}', { text: 'a}}b' }],
        ['a comment', 'a{{/* note */}}b', { text: 'ab' }],
        ['trim markers remove the surrounding spaces', 'a  {{- .name -}}  b', { text: 'aprod-xiaoaib' }],
        ['a number prints as Go prints a float64', '{{.n}}', { text: '5' }],
        ['a million prints in exponent form, as in Go', '{{.big}}', { text: '1e+06' }],
        ['a small number prints in exponent form', '{{.small}}', { text: '1e-05' }],
        ['a boolean', '{{.on}}', { text: 'true' }],
        ['a null parameter prints <no value>', '{{.none}}', { text: '<no value>' }],
        ['a map prints as Go prints a map', '{{.nested}}', { text: 'map[tier:core]' }],
        ['a list prints as Go prints a slice', '{{.list}}', { text: '[a 1]' }],
    ])('%s: %s', (_name, template, expected) => {
        expect(run(template)).toEqual(expected);
    });
});
describe('templates Argo CD would refuse or that cannot be expanded offline', () => {
    it.each([
        ['missing key (missingkey=error)', '{{.stableVersion}}', { missing: 'stableVersion' }],
        ['missing key inside a chain', '{{.nested.group}}', { missing: 'nested.group' }],
        ['field of a string', '{{.name.first}}', { error: "{{.name.first}}: can't evaluate field first in type string" }],
        ['unclosed action', 'main-{{.name', { parseError: 'unclosed action in "{{.name"' }],
        ['unterminated string', '{{ "abc }}', { parseError: 'unterminated quoted string in "{{ \\"abc }}"' }],
        ['unclosed comment', '{{/* x }}', { parseError: 'unclosed comment' }],
        ['comment not directly before the closing marker', '{{/* x */ .name}}', { parseError: 'comment ends before closing delimiter' }],
        ['empty action', '{{ }}', { parseError: 'missing value for command in "{{ }}"' }],
        ['a dash without a space is not a trim marker but a number, which is not expanded', 'a {{-3}}', { error: 'unsupported action {{-3}}' }],
        ['a pipeline', '{{.name | upper}}', { error: 'unsupported action {{.name | upper}}' }],
        ['a function (env is removed by Argo CD, others are sprig)', '{{ env "HOME" }}', { error: 'unsupported action {{ env "HOME" }}' }],
    ])('%s: %s', (_name, template, expected) => {
        expect(run(template)).toEqual(expected);
    });
    it('lists the actions of a template, comments aside', () => {
        expect(parseGoTemplate('a{{.x}}b{{/* c */}}{{ "d" }}')).toMatchObject({ actions: ['{{.x}}', '{{ "d" }}'] });
    });
});
describe('goValue prints as fmt.Sprint does', () => {
    it.each([
        [123456, '123456'],
        [1234567, '1.234567e+06'],
        [0.0001, '0.0001'],
        [-2.5, '-2.5'],
        [{ b: 1, a: [true, null] }, 'map[a:[true <nil>] b:1]'],
    ])('%j → %s', (v, expected) => {
        expect(goValue(v)).toBe(expected);
    });
});
