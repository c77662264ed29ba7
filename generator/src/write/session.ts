import { takeRenderLock, type LockOptions } from './lock.js';
import { recoverInterrupted } from './recover.js';

/** A repository opened for writing: locked, with any interrupted render finished or rolled back. */
export interface WriteSession {
  /** What opening it did beyond the usual (a stale lock taken over, an interrupted render finished), one sentence each. */
  notes: string[];
  /** Releases the lock. */
  close(): void;
}

/**
 * Opens the repository at `root` for a command that writes generated files (`render`, `canary`):
 * takes the render lock (a user error when another render holds it), then finishes or rolls back
 * what an interrupted render left, before anything else is read.
 */
export function openForWriting(root: string, o: LockOptions): WriteSession {
  const lock = takeRenderLock(root, o);
  try {
    const notes = [...(lock.note ? [lock.note] : []), ...recoverInterrupted(root, o.ops)];
    return { notes, close: () => lock.release() };
  } catch (e) {
    lock.release();
    throw e;
  }
}
