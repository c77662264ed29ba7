/**
 * Characters that can forge or hide output in a terminal or a CI log: C0 controls (ESC starts
 * cursor movements, CR rewinds the line, LF starts a new one), DEL, C1 controls (U+009B is a
 * one-byte CSI in some terminals, U+0085 a line break), the Unicode line and paragraph separators,
 * the bidirectional marks, embeddings, overrides and isolates ("Trojan Source"), and what XML 1.0
 * cannot carry (U+FFFE, U+FFFF, unpaired surrogates).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The same, except the line feed: for text whose lines are already laid out. */
const UNSAFE_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * The escape of one character: `\n`, `\r`, `\t`, else `\uXXXX`. These are valid escapes inside a
 * JSON string and a YAML double-quoted scalar too, so escaping an already serialized document keeps
 * its meaning, and they are readable in plain text.
 */
function escape(c) {
    return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * A user-controlled value (file name, object name, message) made safe to print inside one line:
 * every character above is replaced by its visible escape, so a name cannot end the line, move the
 * cursor, or reorder what follows. A backslash is left as it is: the point is that no raw control
 * reaches the output, and doubling backslashes would garble Windows paths and messages.
 *
 * @example printable('x\u001b[2K\rSummary: 0') === 'x\\u001b[2K\\rSummary: 0'
 */
export function printable(s) {
    return s.replace(UNSAFE, escape);
}
/**
 * A whole output made safe at the boundary, its own line feeds kept: the last line of defence for
 * a format whose serializer leaves some of these characters raw (`JSON.stringify` leaves DEL, C1,
 * U+2028 and the bidi controls) and for text composed from values escaped with {@link printable}.
 */
export function printableLines(text) {
    return text.replace(UNSAFE_BUT_LF, escape);
}
