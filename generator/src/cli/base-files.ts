/**
 * The base revision's configuration files read from Git on a worker thread while this thread loads
 * and renders the working tree (`diff`, `plan`): the `git` processes take their time on the other
 * core instead of before or after the render. The answer is taken synchronously when needed
 * (`Atomics.wait`, then `receiveMessageOnPort`), so the commands stay synchronous.
 *
 * Running from the TypeScript sources (tests), there is no compiled worker: the files are read on
 * this thread when asked for, which gives the same answer.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { filesAt } from './base-revision.js';

/** What the worker is given: where, which revision, which folders, and which paths to read (a RegExp source). */
export interface BaseFilesJob {
  root: string;
  rev: string;
  dirs: readonly string[];
  keep: string;
}

/** What it answers: the files, or why `git` failed. */
export type BaseFilesReply = { files: [string, string][] } | { error: string };

const WORKER = new URL('./base-files-worker.js', import.meta.url);

/** How long to wait for the worker's answer before reading the files here: `git` takes well under a second. */
const WAIT_MS = 30_000;

/** Starts reading the files of `job`; the function returned waits for them (at most once). */
export function readBaseFiles(job: BaseFilesJob): () => Map<string, string> {
  const keep = new RegExp(job.keep);
  const here = () => filesAt(job.root, job.rev, job.dirs, (p) => keep.test(p));
  if (!existsSync(WORKER)) return here;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { job, done, port: port2 }, transferList: [port2] });
  worker.unref();
  return () => {
    // A worker that died before answering (it cannot start) never wakes us: then read them here.
    Atomics.wait(done, 0, 0, WAIT_MS);
    const reply = receiveMessageOnPort(port1)?.message as BaseFilesReply | undefined;
    port1.close();
    if (!reply) {
      void worker.terminate();
      return here();
    }
    if ('error' in reply) throw new Error(`reading the base revision's files: ${reply.error}`);
    return new Map(reply.files);
  };
}
