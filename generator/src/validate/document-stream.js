/**
 * Splits a multi-document YAML stream into its documents as the text arrives, so that `validate PATH`
 * holds one document at a time, never the file: a 30 MB stream of 100,000 resources (kubeconform's
 * acceptance case "Pass when parsing a very large file", yannh/kubeconform acceptance.bats:339 @ v0.7.0)
 * is read in pieces of a megabyte.
 */
/** A document that grows past the limit without a `---` line: the stream is abandoned there. */
export class DocumentTooLarge extends Error {
    line;
    limit;
    constructor(
    /** 1-based line the document starts on. */
    line, limit) {
        super(`the document starting on line ${line} holds more than ${limit} characters`);
        this.line = line;
        this.limit = limit;
        this.name = 'DocumentTooLarge';
    }
}
/** A line made of `---` alone or followed by a blank or a comment/content (YAML's document-start marker). */
function isMarkerEnd(c) {
    return c === undefined || c === '\n' || c === '\r' || c === ' ' || c === '\t';
}
/**
 * Feed it pieces of text ({@link push}), then {@link end}: each call returns the documents completed
 * so far, in order. A document is split off at every line that starts with a `---` marker, as the YAML
 * stream grammar has it; what a document means is for the parser. `maxChars` bounds the document held
 * (hostile input: a file of one endless document), default no bound: past it, {@link failed} is set.
 */
export class DocumentSplitter {
    maxChars;
    /**
     * The current document's text so far (after its marker). It starts as a line break standing for a
     * line before the file's first one, so that a marker on line 0 is found as any other (`\n---`).
     */
    pending = '\n';
    /** Whether `pending` still starts with that line break (nothing split off yet). */
    virtual = true;
    /** Where in `pending` the search for the next marker resumes. */
    from = 0;
    /** 0-based file line of `pending`'s first line (-1 for the line break standing before the file). */
    line = -1;
    constructor(maxChars = Infinity) {
        this.maxChars = maxChars;
    }
    /**
     * Set when a document grows past `maxChars`: the documents returned with it are the last ones, the
     * caller stops there (and reports it).
     */
    failed;
    push(piece) {
        if (this.failed)
            return [];
        this.pending += piece;
        return this.split(false);
    }
    end() {
        if (this.failed)
            return [];
        const out = this.split(true);
        if (this.failed)
            return out;
        out.push(this.take(this.pending));
        this.pending = '';
        return out;
    }
    split(final) {
        const out = [];
        const text = this.pending;
        let start = 0;
        let from = this.from;
        for (;;) {
            const nl = text.indexOf('\n---', from);
            if (nl < 0) {
                // A marker cut by the end of the piece starts at one of the last three characters.
                from = Math.max(start, text.length - 3);
                break;
            }
            const at = nl + 1;
            // `---x` is content: the character after the marker decides, so wait for it unless the text has ended.
            if (at + 3 >= text.length && !final) {
                from = nl;
                break;
            }
            if (!isMarkerEnd(text[at + 3])) {
                from = at + 3;
                continue;
            }
            const doc = text.slice(start, at);
            if (doc.length > this.maxChars) {
                // The documents before it are handed over; nothing after it is read.
                this.failed = new DocumentTooLarge(Math.max(this.line, 0) + 1, this.maxChars);
                return out;
            }
            out.push(this.take(doc));
            this.line += countLines(doc);
            start = at + 3;
            from = start;
        }
        this.pending = start > 0 ? text.slice(start) : text;
        this.from = from - start;
        if (this.pending.length > this.maxChars)
            this.failed = new DocumentTooLarge(Math.max(this.line, 0) + 1, this.maxChars);
        return out;
    }
    /** The document `text` begins (with the file's first document, the line break standing before the file is dropped). */
    take(text) {
        if (!this.virtual)
            return { text, line: this.line };
        this.virtual = false;
        return { text: text.slice(1), line: 0 };
    }
}
function countLines(text) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
/** 0-based index of the first line of `text` that is not blank, a comment or a directive, or -1. */
export function firstContentLine(text) {
    let line = 0;
    let offset = 0;
    while (offset < text.length) {
        const nl = text.indexOf('\n', offset);
        const l = text.slice(offset, nl < 0 ? text.length : nl).trim();
        if (l !== '' && !l.startsWith('#') && !l.startsWith('%') && l !== '...')
            return line;
        if (nl < 0)
            break;
        offset = nl + 1;
        line++;
    }
    return -1;
}
