/** Issue 8 item 5: the one escaping helper every output goes through. */
import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../src/core/printable.js';
describe('printable escapes every character that can forge or hide output', () => {
    it.each([
        ['ESC and CR: a fake summary', 'x\u001b[2K\rSummary: 0', 'x\\u001b[2K\\rSummary: 0'],
        ['line feed and tab', 'a\nb\tc', 'a\\nb\\tc'],
        ['NUL and the other C0 controls', '\u0000\u0007\u001f', '\\u0000\\u0007\\u001f'],
        ['DEL', 'a\u007fb', 'a\\u007fb'],
        ['C1: NEL and the one-byte CSI', '\u0085\u009b2K', '\\u0085\\u009b2K'],
        ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
        ['bidi embeddings and overrides (Trojan Source)', '\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
        ['bidi isolates and marks', '\u2066\u2067\u2068\u2069\u200e\u200f\u061c', '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c'],
        ['what XML 1.0 cannot carry', '\ufffe\uffff\ud800x\udc00', '\\ufffe\\uffff\\ud800x\\udc00'],
        ['printable text, a backslash, CJK and an emoji stay as they are', 'C:\\x 索克 🚀 ✓', 'C:\\x 索克 🚀 ✓'],
    ])('%s', (_name, input, expected) => {
        expect(printable(input)).toBe(expected);
    });
    it('printableLines keeps line feeds and escapes the rest', () => {
        expect(printableLines('a\u001b[2K\r\nb\u2028\n')).toBe('a\\u001b[2K\\r\nb\\u2028\n');
    });
    it('escapes are valid JSON string escapes: an escaped JSON document parses to the same value', () => {
        const value = { name: 'x\u007f\u0085\u2028\u202e' };
        expect(JSON.parse(printableLines(JSON.stringify(value)))).toEqual(value);
    });
});
