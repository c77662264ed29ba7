import { takeRenderLock } from './lock.js';
import { recoverInterrupted } from './recover.js';
/**
 * Opens the repository at `root` for a command that writes generated files (`render`, `canary`):
 * takes the render lock (a user error when another render holds it), then finishes or rolls back
 * what an interrupted render left, before anything else is read.
 */
export function openForWriting(root, o) {
    const lock = takeRenderLock(root, o);
    try {
        const notes = [...(lock.note ? [lock.note] : []), ...recoverInterrupted(root, o.ops)];
        return { notes, close: () => lock.release() };
    }
    catch (e) {
        lock.release();
        throw e;
    }
}
