import { describe, expect, it } from 'vitest';
import { DocumentSplitter, DocumentTooLarge } from '../../src/validate/document-stream.js';
/** The documents of `text` fed in pieces of `size` characters (the whole text when 0). */
function split(text, size = 0, max) {
    const s = new DocumentSplitter(max);
    const docs = [];
    const pieces = size === 0 ? [text] : Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
    for (const p of pieces)
        docs.push(...s.push(p));
    docs.push(...s.end());
    return { docs, ...(s.failed ? { failed: s.failed.line } : {}) };
}
describe('DocumentSplitter', () => {
    it.each([
        ['one document', 'a: 1\nb: 2\n', [{ text: 'a: 1\nb: 2\n', line: 0 }]],
        ['a marker on the first line', '---\na: 1\n', [{ text: '', line: 0 }, { text: '\na: 1\n', line: 0 }]],
        ['two documents: the second starts on the line of its marker', 'a: 1\n---\nb: 2\n', [{ text: 'a: 1\n', line: 0 }, { text: '\nb: 2\n', line: 1 }]],
        ['a marker with a comment, and one with content', 'a: 1\n--- # c\nb: 2\n--- |\n  x\n', [{ text: 'a: 1\n', line: 0 }, { text: ' # c\nb: 2\n', line: 1 }, { text: ' |\n  x\n', line: 3 }]],
        ['---x and a --- inside a line are content', 'a: ---\n---x: 1\n', [{ text: 'a: ---\n---x: 1\n', line: 0 }]],
        ['CRLF line ends', 'a: 1\r\n---\r\nb: 2\r\n', [{ text: 'a: 1\r\n', line: 0 }, { text: '\r\nb: 2\r\n', line: 1 }]],
        ['a marker as the last line, without a line break', 'a: 1\n---', [{ text: 'a: 1\n', line: 0 }, { text: '', line: 1 }]],
        ['an empty stream', '', [{ text: '', line: 0 }]],
    ])('%s', (_name, text, expected) => {
        expect(split(text).docs).toEqual(expected);
    });
    it('splits the same whatever the pieces: every piece size from 1 character up', () => {
        const text = '# head\na: 1\n---\nb: "---"\n--- # c\n---x: y\n\n---\r\nc: [1,\n  2]\n---';
        const whole = split(text).docs;
        expect(whole.map((d) => d.line)).toEqual([0, 2, 4, 7, 10]);
        for (let size = 1; size <= text.length; size++)
            expect(split(text, size).docs, `pieces of ${size}`).toEqual(whole);
    });
    it('stops at a document past the limit, after handing over those before it', () => {
        const text = 'a: 1\n---\nb: 123456789\n---\nc: 1\n';
        for (const size of [0, 1, 4, 7]) {
            expect(split(text, size, 12), `pieces of ${size}`).toEqual({ docs: [{ text: 'a: 1\n', line: 0 }], failed: 2 });
        }
        expect(new DocumentTooLarge(2, 12).message).toBe('the document starting on line 2 holds more than 12 characters');
    });
    it('a document without any marker is bounded too (one endless document)', () => {
        expect(split('x'.repeat(100), 10, 50)).toEqual({ docs: [], failed: 1 });
    });
});
