/**
 * A worker thread of {@link JudgePool} (pool.ts): parses, checks and judges the batches of document
 * texts it is sent, exactly as `validate PATH...` does in-process (manifests.ts `parseDocument`, judge.ts),
 * and replies with the results. An exception escapes to the pool as the worker's error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { judge } from './judge.js';
import { parseDocument } from './manifests.js';
import { createSchemaValidator } from './schema/index.js';
import { ambiguousScalarFindings } from './yaml-checks.js';
const job = workerData;
const validator = createSchemaValidator({ ignoreMissingSchemas: job.ignoreMissingSchemas, semantic: !job.schemaOnly });
const match = { skip: new Set(job.skip), reject: new Set(job.reject) };
const options = {
    ...job.limits,
    ...(job.ambiguousScalars ? { detectors: [({ file, text, firstLine }) => ambiguousScalarFindings(file, text, firstLine)] } : {}),
};
parentPort?.on('message', (batch) => {
    const results = batch.docs.map((src) => parseDocument(src, options).map((doc) => judge(doc, validator, match)));
    parentPort?.postMessage({ id: batch.id, results });
});
