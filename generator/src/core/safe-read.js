/**
 * Reading a file the repository (that is: a pull request) controls, without being led astray by it:
 * a symbolic link is never followed, only a regular file is read (a FIFO would hang the run,
 * `/dev/zero` would fill the memory), and no more than a limit of bytes is ever read, whatever size
 * the file claims (`/proc` files say 0).
 */
import * as nodeFs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from './errors.js';
/** Read at most this much when the caller names no limit: generated and config files are kilobytes. */
export const DEFAULT_MAX_READ_BYTES = 64 * 1024 * 1024;
// O_NOFOLLOW: the last component must not be a link; O_NONBLOCK: opening a FIFO must not wait for a writer.
const OPEN_FLAGS = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NOFOLLOW ?? 0) | (nodeFs.constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;
/** Piece size of {@link readRegularFileChunks}: large enough that a piece is a few thousand documents. */
const STREAM_CHUNK = 1024 * 1024;
/** A file the generator will not read: a symbolic link, or not a regular file. Exit 2, like any user error. */
export class FileRefused extends UserError {
    finding;
    constructor(finding) {
        super(finding);
        this.finding = finding;
        this.name = 'FileRefused';
    }
}
/** A file holding more than the reader's limit. `size` is what the file system claims, when that is over the limit. */
export class FileTooLarge extends UserError {
    file;
    limit;
    size;
    constructor(file, limit, size) {
        super({
            check: 'repository/too-large',
            severity: 'error',
            file,
            message: `${size !== undefined ? `file is ${size} bytes` : `file holds more than ${limit} bytes (more than its size claims)`}; the generator reads at most ${limit} bytes of a file`,
            hint: 'replace it with the real file: configuration and generated files are a few kilobytes',
        });
        this.file = file;
        this.limit = limit;
        this.size = size;
        this.name = 'FileTooLarge';
    }
}
/** What kind of thing stands at a path, in words, for messages: `a FIFO`, `a folder`, … */
function describeKind(st) {
    if (st.isFile())
        return 'a regular file';
    if (st.isDirectory())
        return 'a folder';
    if (st.isSymbolicLink())
        return 'a symbolic link';
    if (st.isFIFO())
        return 'a FIFO (named pipe)';
    if (st.isCharacterDevice())
        return 'a character device';
    if (st.isBlockDevice())
        return 'a block device';
    if (st.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * The finding for a symbolic link where the generator reads or writes. `target` is the link's text,
 * shown quoted (it is input too, and may hold anything); the link is never followed.
 */
export function symlinkFinding(file, target) {
    return {
        check: 'repository/symlink',
        severity: 'error',
        file,
        message: `is a symbolic link${target !== undefined ? ` (to ${JSON.stringify(target)})` : ''}; the generator never follows links, so that nothing it reads or writes lies outside the repository`,
        hint: 'replace the link with the real folder or file (remove the link, copy the content in its place) and commit that',
    };
}
/** The finding for something that is not a regular file where a file is read. */
function notRegularFinding(file, kind) {
    return {
        check: 'repository/not-a-file',
        severity: 'error',
        file,
        message: `is ${kind}, not a regular file; the generator reads only regular files`,
        hint: 'replace it with a regular file (or remove it)',
    };
}
/** The text of the link at `abs`, for messages; `undefined` when it cannot be read. */
export function linkTarget(abs) {
    try {
        return nodeFs.readlinkSync(abs);
    }
    catch {
        return undefined;
    }
}
/**
 * Reads the regular file at `abs` as UTF-8, never following a link at its last component and never
 * reading more than `maxBytes` (+1, to notice the excess). `undefined` when nothing is there (or a
 * parent is not a folder). Throws {@link FileRefused} for a link or a special file (named `shown` in
 * the message) and {@link FileTooLarge} past the limit. Parent components are the caller's to check.
 */
export function readRegularFile(abs, shown, maxBytes = DEFAULT_MAX_READ_BYTES) {
    const opened = openRegularFile(abs, shown, maxBytes);
    if (opened === undefined)
        return undefined;
    try {
        return readBounded(opened.fd, shown, maxBytes, opened.size);
    }
    finally {
        nodeFs.closeSync(opened.fd);
    }
}
/**
 * {@link readRegularFile} in pieces of about 1 MiB, UTF-8 decoded across piece boundaries, for files
 * read as a stream (`validate PATH` of a 30 MB manifest never holds it whole). The file is opened and
 * checked now (`undefined` when missing; a link, a special file or a file over `maxBytes` throws now);
 * its bytes are read as the pieces are consumed, and the limit is held against the bytes really read.
 * The file stays open until the iteration ends: iterate it (a `for…of` that breaks closes it too).
 */
export function readRegularFileChunks(abs, shown, maxBytes = Infinity) {
    const opened = openRegularFile(abs, shown, maxBytes);
    if (opened === undefined)
        return undefined;
    return (function* pieces() {
        const decoder = new StringDecoder('utf8');
        const buf = Buffer.allocUnsafe(STREAM_CHUNK);
        let total = 0;
        try {
            for (;;) {
                const n = nodeFs.readSync(opened.fd, buf, 0, buf.length, null);
                if (n === 0)
                    break;
                total += n;
                if (total > maxBytes)
                    throw new FileTooLarge(shown, maxBytes, undefined);
                yield decoder.write(buf.subarray(0, n));
            }
            const rest = decoder.end();
            if (rest !== '')
                yield rest;
        }
        finally {
            nodeFs.closeSync(opened.fd);
        }
    })();
}
/** Opens the regular file at `abs` as {@link readRegularFile} describes; `undefined` when nothing is there. */
function openRegularFile(abs, shown, maxBytes) {
    // lstat first, so that a device or FIFO is never even opened (opening some devices does something).
    let before;
    try {
        before = nodeFs.lstatSync(abs, { throwIfNoEntry: false });
    }
    catch (e) {
        if (isMissing(e))
            return undefined;
        throw e;
    }
    if (before === undefined)
        return undefined;
    if (before.isSymbolicLink())
        throw new FileRefused(symlinkFinding(shown, linkTarget(abs)));
    if (!before.isFile())
        throw new FileRefused(notRegularFinding(shown, describeKind(before)));
    let fd;
    try {
        fd = nodeFs.openSync(abs, OPEN_FLAGS);
    }
    catch (e) {
        const code = e.code;
        if (isMissing(e))
            return undefined;
        // Swapped for a link between the lstat and the open.
        if (code === 'ELOOP' || code === 'EMLINK')
            throw new FileRefused(symlinkFinding(shown, linkTarget(abs)));
        throw e;
    }
    try {
        // What was opened is what was checked (not something swapped in since), and is still a regular file.
        const st = nodeFs.fstatSync(fd);
        if (!st.isFile() || st.ino !== before.ino || st.dev !== before.dev)
            throw new FileRefused(notRegularFinding(shown, describeKind(st)));
        if (st.size > maxBytes)
            throw new FileTooLarge(shown, maxBytes, st.size);
        return { fd, size: st.size };
    }
    catch (e) {
        nodeFs.closeSync(fd);
        throw e;
    }
}
/** Reads to the end or to `maxBytes` + 1 bytes, whichever comes first; the size claimed only sizes the buffer. */
function readBounded(fd, shown, maxBytes, claimed) {
    const chunks = [];
    let total = 0;
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(claimed + 1, CHUNK)));
    let filled = 0;
    for (;;) {
        if (filled === buf.length) {
            chunks.push(buf);
            buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
            filled = 0;
        }
        const n = nodeFs.readSync(fd, buf, filled, buf.length - filled, null);
        if (n === 0)
            break;
        filled += n;
        total += n;
        if (total > maxBytes)
            throw new FileTooLarge(shown, maxBytes, undefined);
    }
    chunks.push(buf.subarray(0, filled));
    return Buffer.concat(chunks, total).toString('utf8');
}
function isMissing(e) {
    const code = e?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
