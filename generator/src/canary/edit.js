/**
 * The configuration edits of `npm run canary`: pure functions from a service file's text to the
 * edited text, keeping every comment and the formatting of every line they do not change.
 *
 * The `yaml` Document API makes the edit; its output normalises some spacing (e.g. before a trailing
 * comment), so only the lines the edit really changes are taken from it and every other line is
 * kept byte for byte from the original.
 */
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { deepEqual } from '../core/deep-equal.js';
const SERIALIZE = { lineWidth: 0, flowCollectionPadding: false };
/**
 * Applies `edit` to the gray release of `env` in the text of a service file. The file's line ending
 * (CRLF or LF, whichever most of its lines use) is kept on the lines the edit writes, and a byte
 * order mark stays where it was.
 */
export function editServiceText(file, env, edit) {
    const bom = file.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = file.slice(bom.length);
    return bom + editText(text, env, edit);
}
function editText(text, env, edit) {
    const doc = parseDocument(text, { version: '1.2' });
    const before = doc.toString(SERIALIZE);
    const gray = ['environments', env, 'grayRelease'];
    switch (edit.action) {
        case 'start': {
            const grayMap = doc.getIn(gray, true);
            const canary = doc.createNode({ version: quoted(edit.version), weight: edit.weight });
            if (isMap(grayMap) && grayMap.flow)
                canary.flow = true;
            doc.setIn([...gray, 'canary'], canary);
            break;
        }
        case 'advance': {
            const weight = doc.getIn([...gray, 'canary', 'weight'], true);
            if (isScalar(weight))
                weight.value = edit.weight;
            else
                doc.setIn([...gray, 'canary', 'weight'], edit.weight);
            break;
        }
        case 'promote':
            setStableVersion(doc, env, edit.version, edit.serviceVersion);
            doc.deleteIn([...gray, 'canary']);
            break;
        case 'abort':
            doc.deleteIn([...gray, 'canary']);
            break;
    }
    return keepUnchangedLines(text, before, doc.toString(SERIALIZE));
}
/**
 * The environment's stable version becomes `version`. It is written to `environments.<env>.version`
 * only, so promoting in one environment never changes another; when it equals the service-wide
 * `version`, the override is redundant and is removed instead.
 */
function setStableVersion(doc, env, version, serviceVersion) {
    const at = ['environments', env, 'version'];
    const current = doc.getIn(at, true);
    if (version === serviceVersion) {
        if (current !== undefined)
            doc.deleteIn(at);
        return;
    }
    if (isScalar(current)) {
        current.value = version;
        current.type = Scalar.QUOTE_DOUBLE;
        return;
    }
    const envMap = doc.getIn(['environments', env], true);
    if (isMap(envMap)) {
        // First in the environment's block, like the other overrides; a comment above the block stays
        // with the key it was written above.
        const first = envMap.items[0];
        if (envMap.commentBefore && first && isScalar(first.key)) {
            first.key.commentBefore = envMap.commentBefore;
            envMap.commentBefore = undefined;
        }
        envMap.items.unshift(doc.createPair('version', quoted(version)));
    }
    else
        doc.setIn(at, quoted(version));
}
/** Versions are always written quoted, as in every service file (`"2.10"` must not become a number). */
function quoted(v) {
    const s = new Scalar(v);
    s.type = Scalar.QUOTE_DOUBLE;
    return s;
}
/**
 * The original text with only the lines that differ between `before` and `after` replaced. Lines
 * are split at `\n` only, so an unchanged line keeps its `\r`; written lines get one in a CRLF file.
 */
function keepUnchangedLines(original, before, after) {
    const o = original.split('\n');
    const b = before.split('\n');
    const cr = isCrlf(original) ? '\r' : '';
    // Where the Document API's output is taken whole, it gets the file's line ending too.
    const whole = cr ? after.replace(/\r?\n/g, '\r\n') : after;
    if (o.length !== b.length)
        return whole;
    const out = [];
    let added = -1;
    for (const op of diffLines(b, after.split('\n'))) {
        if (op.kind === 'same')
            out.push(o[op.from]);
        else if (op.kind === 'add')
            added = out.push(op.line + cr) - 1;
    }
    // The last piece has no line break after it, so no `\r` either.
    if (added === out.length - 1 && cr)
        out[added] = out[added].slice(0, -1);
    const result = out.join('\n');
    // The stitched text must mean exactly what the Document API produced; else take its output whole.
    return deepEqual(parseDocument(result).toJS(), parseDocument(after).toJS()) ? result : whole;
}
/** Whether most line breaks of `text` are CRLF. */
function isCrlf(text) {
    const crlf = text.split('\r\n').length - 1;
    return crlf > 0 && crlf * 2 >= text.split('\n').length - 1;
}
/** A line diff (longest common subsequence); service files are small, so quadratic is fine. */
function diffLines(a, b) {
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    const ops = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] === b[j])
            ops.push({ kind: 'same', from: i, line: a[i++] }), j++;
        else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1]))
            ops.push({ kind: 'remove', from: i, line: a[i++] });
        else
            ops.push({ kind: 'add', line: b[j++] });
    }
    return ops;
}
/** `-`/`+` lines of what changed between two texts, each hunk headed by its line in the old text. */
export function describeChanges(before, after) {
    const out = [];
    let inHunk = false;
    let line = 0;
    for (const op of diffLines(before.split('\n'), after.split('\n'))) {
        if (op.kind === 'same') {
            inHunk = false;
            line = op.from + 1;
            continue;
        }
        if (!inHunk)
            out.push(`@@ line ${op.kind === 'remove' ? op.from + 1 : line + 1} @@`);
        inHunk = true;
        out.push(`${op.kind === 'remove' ? '-' : '+'}${op.line.replace(/^\uFEFF/, '').replace(/\r$/, '')}`);
    }
    return out;
}
/** The stable version of a service in an environment, as configured. */
export function stableVersion(service, env) {
    return service.environments[env]?.version ?? service.version;
}
/** The weight after `weight` in the plan, or `undefined` at the end. */
export function nextWeight(g, weight) {
    return g.steps.find((w) => w > weight);
}
