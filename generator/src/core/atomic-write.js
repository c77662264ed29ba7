import * as fs from 'node:fs';
import * as path from 'node:path';
/**
 * Replaces `file` with `data` through a temporary sibling renamed over it, so a reader (another
 * process) sees the old content or the new, never half. On failure the temporary file is removed and
 * the error thrown. The temporary name `<file>.tmp-<pid>` is the one write/tree.ts recognizes as the
 * debris of a run killed between the two steps.
 *
 * The render itself does not use this: write/ changes the tree through its journal and `WriteOps`
 * (write/ops.ts), durable and fault-injectable step by step.
 */
export function writeFileAtomic(file, data) {
    const tmp = `${file}.tmp-${process.pid}`;
    try {
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, file);
    }
    catch (e) {
        try {
            fs.rmSync(tmp, { force: true });
        }
        catch {
            // the first error is the one to report
        }
        throw e;
    }
}
/**
 * {@link writeFileAtomic} for a cache file: makes its folder, and ignores any failure (a cache that
 * cannot be written only costs time on the next run).
 */
export function writeCacheFile(file, data) {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, data);
    }
    catch {
        // nothing to do: the next run computes the answer again
    }
}
