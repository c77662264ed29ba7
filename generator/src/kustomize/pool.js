/**
 * Runs jobs with at most `concurrency` at once. A job may hand back follow-up jobs (a failed
 * aggregate split in halves); they join the queue and the pool ends when nothing is left.
 * A job that throws rejects the whole run: jobs report expected failures as values.
 */
export function drain(jobs, concurrency, run) {
    const queue = [...jobs];
    let active = 0;
    let failed = false;
    return new Promise((resolve, reject) => {
        const pump = () => {
            if (failed)
                return;
            if (queue.length === 0 && active === 0) {
                resolve();
                return;
            }
            while (active < concurrency && queue.length > 0) {
                const job = queue.shift();
                active++;
                run(job).then((more) => {
                    active--;
                    // Follow-ups first: they finish a chunk whose paths are otherwise all waiting.
                    queue.unshift(...more);
                    pump();
                }, (e) => {
                    failed = true;
                    reject(e instanceof Error ? e : new Error(String(e)));
                });
            }
        };
        pump();
    });
}
