/**
 * Finds, in YAML text or in a document parsed with the `yaml` package, the places whose meaning depends
 * on the reader: plain scalars YAML 1.1 and YAML 1.2 decode differently (core/yaml11.ts), and duplicate
 * keys. Used by the configuration loader (config/yaml-source.ts, on its parsed document) and meant for
 * `validate PATH`'s manifest reader (per document, on its text).
 */
import { Composer, isAlias, isMap, isScalar, isSeq, LineCounter, Parser } from 'yaml';
import { formatPath } from './finding.js';
import { describeReading, yaml11Difference } from './yaml11.js';
/**
 * Every plain (unquoted, untagged) scalar of a composed document whose value differs between YAML 1.1
 * and YAML 1.2, keys included. Block scalars, quoted and tagged scalars are exact and never reported;
 * aliases are not followed (their anchor is reported where it is written).
 */
export function ambiguousScalarsIn(root, lines, firstLine = 1) {
    const out = [];
    const check = (n, segments, key) => {
        if (!isScalar(n) || n.type !== 'PLAIN' || n.tag !== undefined || typeof n.source !== 'string' || !n.range)
            return;
        const diff = yaml11Difference(n.source);
        if (!diff)
            return;
        const pos = lines.linePos(n.range[0]);
        out.push({ line: pos.line + firstLine - 1, column: pos.col, path: formatPath(segments), segments, key, value: n.source, ...diff });
    };
    const visit = (n, segments) => {
        if (isMap(n)) {
            for (const { key, value } of n.items) {
                const name = isScalar(key) ? String(key.value) : isAlias(key) ? `*${key.source}` : '?';
                const at = [...segments, name];
                if (isScalar(key))
                    check(key, at, true);
                else
                    visit(key, at);
                visit(value, at);
            }
        }
        else if (isSeq(n)) {
            n.items.forEach((item, i) => visit(item, [...segments, i]));
        }
        else if (isScalar(n)) {
            check(n, segments, false);
        }
    };
    visit(root, []);
    return out;
}
/** Every key repeated in one mapping (compared as the YAML 1.2 reading gives them), with both lines. */
export function duplicateKeysIn(root, lines, firstLine = 1) {
    const out = [];
    const lineOf = (n) => (n.range ? lines.linePos(n.range[0]).line + firstLine - 1 : firstLine);
    const visit = (n, segments) => {
        if (isMap(n)) {
            const first = new Map();
            for (const { key, value } of n.items) {
                const name = isScalar(key) ? String(key.value) : undefined;
                if (name !== undefined && isScalar(key)) {
                    const seen = first.get(name);
                    if (seen === undefined)
                        first.set(name, lineOf(key));
                    else
                        out.push({ key: name, path: formatPath(segments), segments: [...segments, name], lines: [seen, lineOf(key)] });
                }
                visit(value, [...segments, name ?? '?']);
            }
        }
        else if (isSeq(n)) {
            n.items.forEach((item, i) => visit(item, [...segments, i]));
        }
    };
    visit(root, []);
    return out;
}
const BOOL_1_1 = '[yYnN]|[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF';
/** The start of a number YAML 1.1 may read otherwise: a leading zero or base prefix, an underscore, a huge exponent. */
const NUMBER_1_1 = '[-+]?(?:0[0-9_bBoOxX]|\\.?[0-9][0-9.eE+-]*_|\\.?[0-9][0-9.]*[eE][-+]?[0-9]{3})';
/** What may follow a whole plain scalar: spaces, then the end of the line, a flow indicator, a comment or `: `. */
const SCALAR_END = '(?=[ \\t]*(?:[\\r\\n,\\]}#]|:(?:\\s|$)|$))';
/*
 * Candidates, after a character that may precede a plain scalar. They may also match inside comments,
 * quoted or block scalars; the parse then decides. Two expressions run faster than their union.
 */
const BOOL_CANDIDATE = new RegExp(`[\\s[{,](?:${BOOL_1_1})${SCALAR_END}`, 'g');
const NUMBER_CANDIDATE = new RegExp(`[\\s[{,]${NUMBER_1_1}`, 'g');
const START_CANDIDATE = new RegExp(`^(?:(?:${BOOL_1_1})${SCALAR_END}|${NUMBER_1_1})`);
/** The whole number-like token at a position, and that it ends the scalar. */
const NUMBER_TOKEN = new RegExp(`[-+]?\\.?[0-9][0-9a-zA-Z_.+-]*${SCALAR_END}`, 'y');
/**
 * Whether `source` may hold a plain scalar YAML 1.1 and 1.2 read differently: a fast test over the
 * text, never a false "no", so that documents without any (nearly all) are never parsed.
 */
export function mayHoldYaml11Scalars(source) {
    if (START_CANDIDATE.test(source))
        return true;
    BOOL_CANDIDATE.lastIndex = 0;
    if (BOOL_CANDIDATE.test(source))
        return true;
    NUMBER_CANDIDATE.lastIndex = 0;
    for (let m = NUMBER_CANDIDATE.exec(source); m; m = NUMBER_CANDIDATE.exec(source)) {
        NUMBER_TOKEN.lastIndex = m.index + 1;
        const token = NUMBER_TOKEN.exec(source);
        if (token && yaml11Difference(token[0]))
            return true;
    }
    return false;
}
/** Parses YAML text with the `yaml` package (YAML 1.2, positions kept, errors tolerated): every document. */
function parseAll(source) {
    const lines = new LineCounter();
    const parser = new Parser(lines.addNewLine);
    const composer = new Composer({ version: '1.2', uniqueKeys: false, resolveKnownTags: false });
    return { docs: [...composer.compose(parser.parse(source), true, source.length)], lines };
}
/**
 * The ambiguous plain scalars of YAML text (one document, or several separated by `---`): `firstLine` is
 * the 1-based line of the text's first line in its file. Fast on text without any candidate token (no
 * parse at all). Example, per document of a stream: `yaml11Scalars(chunk.text, chunk.line + 1)`.
 */
export function yaml11Scalars(source, firstLine = 1) {
    if (!mayHoldYaml11Scalars(source))
        return [];
    const { docs, lines } = parseAll(source);
    return docs.flatMap((doc) => ambiguousScalarsIn(doc.contents, lines, firstLine));
}
/** The duplicate keys of YAML text (`firstLine` as in {@link yaml11Scalars}). */
export function duplicateKeys(source, firstLine = 1) {
    const { docs, lines } = parseAll(source);
    return docs.flatMap((doc) => duplicateKeysIn(doc.contents, lines, firstLine));
}
/** `FEATURE: yes`, `- yes` or the key `on`: how a message names the scalar. */
export function scalarShown(a) {
    if (a.key)
        return `the key ${a.value}`;
    const last = a.segments[a.segments.length - 1];
    return typeof last === 'string' ? `${last}: ${a.value}` : `- ${a.value}`;
}
/**
 * What each reader makes of an ambiguous scalar, and the fix: e.g. `FEATURE: yes is the boolean true for
 * kubectl apply and Argo CD (YAML 1.1) but the string "yes" for kustomize (YAML 1.2)` and `quote it:
 * FEATURE: "yes" (or write true if the boolean is meant)`.
 */
export function explainAmbiguity(a) {
    const same = (x, y) => x.kind === y.kind && x.value === y.value;
    const kustomize11 = same(a.kustomize, a.yaml11);
    const message = `${scalarShown(a)} is ${describeReading(a.yaml11)} for kubectl apply${kustomize11 ? ', Argo CD and kustomize' : ' and Argo CD'} (YAML 1.1)` +
        ` but ${describeReading(a.yaml12)} for ${kustomize11 ? 'YAML 1.2 readers' : 'kustomize (YAML 1.2)'}`;
    const last = a.segments[a.segments.length - 1];
    const quoted = a.key ? `"${a.value}":` : typeof last === 'string' ? `${last}: "${a.value}"` : `- "${a.value}"`;
    let other = '';
    if (a.key || a.yaml11.kind === 'string')
        other = '';
    else if (a.yaml12.kind === 'number')
        other = ` if it is text, or write the number meant: ${a.yaml11.value} or ${a.yaml12.value}`;
    else
        other = ` (or write ${a.yaml11.value} if ${describeReading(a.yaml11)} is meant)`;
    return { message, fix: `quote it: ${quoted}${other}` };
}
