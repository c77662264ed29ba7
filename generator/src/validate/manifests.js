/**
 * Reads the manifests of `validate PATH...` (and of `validate -`, standard input) as a stream: each
 * file in pieces, split into documents as it arrives (document-stream.ts), each document parsed
 * and handed on at once. Nothing holds more than one document: a 30 MB file of 100,000 resources is
 * validated in bounded memory. Bad input becomes error documents, never exceptions.
 */
import yaml from 'js-yaml';
import { FileRefused, FileTooLarge } from '../core/fs.js';
import { DocumentSplitter, DocumentTooLarge, firstContentLine } from './document-stream.js';
import { manifestError, manifestFiles } from './manifest-files.js';
import { duplicateKeyFindings } from './yaml-checks.js';
/** The name findings give standard input (kubeconform's: yannh/kubeconform cmd/kubeconform/main.go:103 @ v0.7.0). */
const STDIN = 'stdin';
const DEFAULT_MAX_DOCUMENT = 64 * 1024 * 1024;
const DEFAULT_MAX_NODES = 1_000_000;
/** YAML 1.2 core types plus `<<` merge keys (which Kubernetes' YAML 1.1 parser accepts); no timestamps. */
const SCHEMA = yaml.CORE_SCHEMA.extend({
    // js-yaml 4 exports its built-in types, but @types/js-yaml does not declare them.
    implicit: [yaml.types.merge],
});
/**
 * Reads every path (files as given, folders recursively, `-` for standard input), document by
 * document, into `sink`. Multi-document YAML is split on `---` lines so each document keeps its
 * starting line; empty documents are skipped; `kind: List` is expanded into its items like kubeconform does.
 */
export async function readManifests(input, sink, options = {}) {
    const stdinAt = input.paths.indexOf('-');
    const paths = input.paths.filter((p) => p !== '-');
    if (stdinAt >= 0) {
        if (!input.stdin)
            throw new Error('validate: "-" given without a standard input');
        sink.file(STDIN);
        await readStream(STDIN, input.stdin(), false, sink, options);
    }
    for (const file of manifestFiles(input.fs, paths)) {
        if ('error' in file) {
            sink.document({ file: file.shown, index: 0, error: file.error });
            continue;
        }
        const fail = (check, message, hint) => sink.document({ file: file.shown, index: 0, error: manifestError(file.shown, check, message, hint) });
        let pieces;
        try {
            pieces = openFile(input.fs, file.real, options.maxFileBytes);
        }
        catch (e) {
            sink.file(file.shown);
            fail(...readFailure(e, options.maxFileBytes));
            continue;
        }
        if (pieces === undefined) {
            fail('manifest/unreadable', 'no such file or directory', 'check the path');
            continue;
        }
        sink.file(file.shown);
        await readStream(file.shown, pieces, file.shown.endsWith('.json'), sink, options);
    }
}
/** The file's text in pieces: streamed when the file system can, else whole. */
function openFile(fs, real, maxBytes) {
    const limit = maxBytes !== undefined ? { maxBytes } : {};
    if (fs.readChunks)
        return fs.readChunks(real, limit);
    const text = fs.readText(real, { maxBytes: maxBytes ?? Number.MAX_SAFE_INTEGER });
    return text === undefined ? undefined : [text];
}
/** The check, message and hint of a read that failed (exit 2: the input could not be read). */
function readFailure(e, maxBytes) {
    if (e instanceof FileTooLarge) {
        const size = e.size !== undefined ? `file is ${e.size} bytes` : `file holds more than ${e.limit} bytes`;
        return ['manifest/too-large', `${size}, more than the limit of ${maxBytes ?? e.limit} bytes`, 'split the file, or raise --max-file-size'];
    }
    if (e instanceof DocumentTooLarge)
        return ['manifest/too-large', `${e.message}, more than --max-document-size`, 'split the document, or raise --max-document-size'];
    if (e instanceof FileRefused)
        return ['manifest/unreadable', e.finding.message, e.finding.hint];
    const cause = e.cause instanceof Error ? e.cause : e;
    return ['manifest/unreadable', `cannot read the file: ${cause.message}`];
}
/** Splits one stream into documents and parses each as it completes. */
async function readStream(name, pieces, json, sink, options) {
    const maxDocument = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT;
    // A JSON file is one document: it is read whole (within the document limit), never split.
    const splitter = new DocumentSplitter(maxDocument);
    let whole = '';
    let index = 0;
    const emit = (text, line) => {
        if (sink.text)
            return sink.text({ file: name, text, line, json, index: 0 });
        for (const doc of parseDocument({ file: name, text, line, json, index }, options)) {
            index++;
            sink.document(doc);
        }
    };
    const max = options.maxFileBytes;
    let bytes = 0;
    try {
        for await (const piece of pieces) {
            // Standard input has no size to check beforehand: its bytes are counted as they come.
            if (max !== undefined && (bytes += Buffer.byteLength(piece)) > max)
                throw new FileTooLarge(name, max, undefined);
            if (json) {
                whole += piece;
                if (whole.length > maxDocument)
                    throw new DocumentTooLarge(1, maxDocument);
            }
            else {
                for (const d of splitter.push(piece))
                    emit(d.text, d.line);
                if (splitter.failed)
                    throw splitter.failed;
            }
            if (sink.drain)
                await sink.drain();
        }
        if (json)
            emit(whole, 0);
        else
            for (const d of splitter.end())
                emit(d.text, d.line);
        if (splitter.failed)
            throw splitter.failed;
    }
    catch (e) {
        const [check, message, hint] = readFailure(e, options.maxFileBytes);
        sink.document({ file: name, index: sink.text ? 0 : index, error: manifestError(name, check, message, hint) });
    }
}
/**
 * The one place a document becomes resources and findings: empty documents are dropped, the
 * detectors run over its text, the YAML is parsed (syntax errors and alias bombs become error
 * documents), and a `kind: List` becomes its items.
 */
export function parseDocument(src, options = {}) {
    const first = firstContentLine(src.text);
    if (first < 0)
        return [];
    const { file, text } = src;
    const line = src.line + first + 1;
    const detected = (options.detectors ?? []).flatMap((detect) => detect({ file, text, firstLine: src.line + 1 }));
    const withFindings = (doc) => (detected.length > 0 ? { ...doc, findings: detected } : doc);
    let parsed;
    try {
        parsed = yaml.load(text, { schema: SCHEMA, filename: file, json: src.json });
    }
    catch (e) {
        const mark = e.mark;
        const reason = e.reason ?? e.message;
        const at = mark ? src.line + mark.line + 1 : line;
        // js-yaml names one place of a repeated key; the duplicate-key check names the key and both lines.
        const duplicate = /duplicated mapping key/.test(reason) ? duplicateKeyFindings(file, text, src.line + 1)[0] : undefined;
        if (duplicate)
            return [withFindings({ file, index: src.index, line: duplicate.line ?? at, error: duplicate })];
        return [withFindings({ file, index: src.index, line: at, error: manifestError(file, 'manifest/yaml', `YAML syntax error: ${reason}`, undefined, at) })];
    }
    if (parsed === null || parsed === undefined)
        return [];
    const maxNodes = options.maxExpandedNodes ?? DEFAULT_MAX_NODES;
    if (text.includes('*') && !withinExpansion(parsed, maxNodes)) {
        const message = `document refused: its YAML aliases expand to more than ${maxNodes} nodes (or refer to themselves)`;
        return [withFindings({ file, index: src.index, line, error: manifestError(file, 'manifest/alias-expansion', message, 'write the values out instead of using anchors and aliases, or raise --max-alias-nodes', line) })];
    }
    const items = listItems(parsed) ?? [parsed];
    return items.map((object, n) => (n === 0 ? withFindings({ file, index: src.index, line, object }) : { file, index: src.index + n, line, object }));
}
/** Counts nodes as if aliases were copied, with memoization so the count itself stays linear. */
function withinExpansion(root, max) {
    const sizes = new Map();
    const active = new Set();
    const size = (v) => {
        if (v === null || typeof v !== 'object')
            return 1;
        const known = sizes.get(v);
        if (known !== undefined)
            return known;
        if (active.has(v))
            return Infinity;
        active.add(v);
        let n = 1;
        for (const child of Array.isArray(v) ? v : Object.values(v)) {
            n += size(child);
            if (n > max)
                break;
        }
        active.delete(v);
        sizes.set(v, n);
        return n;
    };
    return size(root) <= max;
}
/** Items of a `kind: List` (any apiVersion), as kubeconform expands them; `undefined` otherwise. */
function listItems(doc) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        return undefined;
    const rec = doc;
    return rec.kind === 'List' && Array.isArray(rec.items) ? rec.items : undefined;
}
