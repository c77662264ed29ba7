/**
 * The worker of ./base-files.ts: reads the base revision's files with `git` (./base-revision.ts
 * `filesAt`), posts them, and wakes the waiting thread.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { filesAt } from './base-revision.js';
import type { BaseFilesJob, BaseFilesReply } from './base-files.js';

const { job, done, port } = workerData as { job: BaseFilesJob; done: Int32Array; port: MessagePort };
let reply: BaseFilesReply;
try {
  const keep = new RegExp(job.keep);
  reply = { files: [...filesAt(job.root, job.rev, job.dirs, (p) => keep.test(p))] };
} catch (e) {
  reply = { error: e instanceof Error ? e.message : String(e) };
}
port.postMessage(reply);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
