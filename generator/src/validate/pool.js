/**
 * `validate PATH...` on worker threads, as kubeconform validates with `-n` workers
 * (yannh/kubeconform cmd/kubeconform/main.go `cfg.NumberOfWorkers` @ v0.7.0): this thread reads and
 * splits the files, the workers (pool-worker.ts) parse, check and judge batches of document texts,
 * and the results are put back in the order read, numbered as the in-process reader numbers them,
 * so the report is the same. At most two batches per worker are in flight: memory stays bounded.
 * A worker that fails is an internal error (the run rejects with its stack), never a hang.
 */
import { Worker } from 'node:worker_threads';
const BATCH_DOCUMENTS = 256;
/** Runs the documents handed to it on `size` workers; {@link finish} gives the results in input order. */
export class JudgePool {
    workers = [];
    idle = [];
    waiting = [];
    /** In input order: a batch's results once its reply came, or results judged here (read failures). */
    slots = [];
    batch = [];
    pending = 0;
    failure;
    wake;
    closing = false;
    constructor(size, job) {
        const url = new URL('./pool-worker.js', import.meta.url);
        for (let i = 0; i < size; i++) {
            const worker = new Worker(url, { workerData: job });
            worker.on('message', (reply) => {
                this.slots[reply.id] = reply.results;
                this.pending--;
                this.idle.push(worker);
                this.dispatch();
                this.notify();
            });
            worker.on('error', (e) => this.fail(e));
            // Any exit before the pool stops it (even code 0) would leave its batch unanswered: a failure, not a wait.
            worker.on('exit', (code) => {
                if (!this.closing)
                    this.fail(new Error(`a validate worker thread exited with code ${code}`));
            });
            this.workers.push(worker);
            this.idle.push(worker);
        }
    }
    /** A document to parse and judge on a worker. */
    add(src) {
        this.batch.push(src);
        if (this.batch.length >= BATCH_DOCUMENTS)
            this.flush();
    }
    /** A result already known here (a file that could not be read), kept in its place. */
    addJudged(result) {
        this.flush();
        this.slots.push([[result]]);
    }
    /** Resolves once few enough batches are in flight (at most two per worker). */
    async drain() {
        this.flush();
        while (!this.failure && this.pending > 2 * this.workers.length)
            await new Promise((r) => (this.wake = r));
        if (this.failure)
            throw this.failure;
    }
    /** Every result, in input order, each file's resources numbered from 0; the workers are stopped. */
    async finish() {
        try {
            this.flush();
            while (!this.failure && this.pending > 0)
                await new Promise((r) => (this.wake = r));
            if (this.failure)
                throw this.failure;
        }
        finally {
            await this.close();
        }
        const out = [];
        const next = new Map();
        for (const slot of this.slots) {
            for (const doc of slot ?? []) {
                const base = next.get(doc[0]?.file ?? '') ?? 0;
                for (const r of doc) {
                    r.index += base;
                    out.push(r);
                }
                if (doc[0])
                    next.set(doc[0].file, base + doc.length);
            }
        }
        return out;
    }
    /** Stops the workers (after a failure of the reader). */
    async close() {
        this.closing = true;
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
    flush() {
        if (this.batch.length === 0)
            return;
        this.waiting.push({ id: this.slots.length, docs: this.batch });
        this.slots.push(undefined);
        this.pending++;
        this.batch = [];
        this.dispatch();
    }
    dispatch() {
        while (this.idle.length > 0 && this.waiting.length > 0)
            this.idle.pop()?.postMessage(this.waiting.shift());
    }
    fail(e) {
        this.failure ??= e;
        this.notify();
    }
    notify() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
}
