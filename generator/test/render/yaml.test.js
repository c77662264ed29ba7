import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { toYaml } from '../../src/render/yaml.js';
const cases = [
    ['plain strings stay plain', { a: 'hello', b: 'registry.suoke-life.com/suoke-life/web' }, 'a: hello\nb: registry.suoke-life.com/suoke-life/web\n'],
    ['YAML 1.1 booleans are quoted', { a: 'yes', b: 'on', c: 'N' }, 'a: "yes"\nb: "on"\nc: "N"\n'],
    ['number-like strings are quoted', { a: '1.31', b: '8080', c: '1e3', d: '0x1F' }, 'a: "1.31"\nb: "8080"\nc: "1e3"\nd: "0x1F"\n'],
    ['numbers and booleans are plain', { a: 1, b: true, c: null }, 'a: 1\nb: true\nc: null\n'],
    ['keys with slashes and dots', { metadata: { labels: { 'app.kubernetes.io/name': 'web' } } }, 'metadata:\n  labels:\n    app.kubernetes.io/name: web\n'],
    ['sequences of maps, Kubernetes style', { ports: [{ name: 'http', port: 8080 }] }, 'ports:\n- name: http\n  port: 8080\n'],
    ['empty collections', { a: [], b: {} }, 'a: []\nb: {}\n'],
    ['multi-line text as a literal block', { s: 'line one\nline two\n' }, 's: |\n  line one\n  line two\n'],
    ['text without final newline keeps it that way', { s: 'a\nb' }, 's: |-\n  a\n  b\n'],
    ['strings with indicators are quoted', { a: '- x', b: 'a: b', c: '#c', d: '*', e: '' }, 'a: "- x"\nb: "a: b"\nc: "#c"\nd: "*"\ne: ""\n'],
    ['unicode is quoted but kept', { d: '小艾 agent' }, 'd: "小艾 agent"\n'],
];
describe('toYaml', () => {
    it.each(cases)('%s', (_name, value, expected) => {
        expect(toYaml(value)).toBe(expected);
        expect(load(expected)).toEqual(value);
    });
    it('round-trips nested data through both YAML parsers', () => {
        const value = {
            apiVersion: 'v1',
            list: [[1, 2], ['a', { b: ['c', { d: 'multi\n  indented\nlines\n' }] }], []],
            odd: ['true', 'null', '~', '-1', '.5', '+1', '1:30', 'x #y', 'a\tb', ' lead', 'trail ', '@at', '`bq', "'q'", '"dq"', '!tag', '&anc', '%pct', '{f}', '[s]', '? q', '|', '>'],
            deep: { a: { b: { c: [{ d: { e: 'f' } }] } } },
        };
        const text = toYaml(value);
        expect(load(text)).toEqual(value);
        expect(parse(text)).toEqual(value);
    });
});
