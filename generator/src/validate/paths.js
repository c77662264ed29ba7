import { checkManifests } from '../policy/repository.js';
import { judge } from './judge.js';
import { readManifests } from './manifests.js';
import { JudgePool } from './pool.js';
import { createSchemaValidator, staleCrdFindings } from './schema/index.js';
import { ambiguousScalarFindings } from './yaml-checks.js';
/** Below this many bytes of input files a pool costs more (worker start-up, ~100 ms each) than it saves. */
const POOL_MIN_BYTES = 1024 * 1024;
/** The report of `validate PATH...`: one result per resource, in the order read. */
export async function validatePaths(world, o) {
    const validator = world.validator ?? createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas === true, semantic: o.schemaOnly !== true });
    const jobs = poolSize(world, o);
    if (jobs > 1)
        return validatePooled(world, o, validator, jobs);
    const match = { skip: new Set(o.skip ?? []), reject: new Set(o.reject ?? []) };
    const detectors = [...(o.detectors ?? []), ...(o.ambiguousScalars ? [ambiguousScalars] : [])];
    const results = [];
    const files = [];
    // Only `--policies` keeps objects (the policies look across resources); otherwise each is dropped once judged.
    const forPolicies = [];
    await readManifests({ fs: world.fs, paths: o.paths, ...(world.stdin ? { stdin: world.stdin } : {}) }, {
        file: (name) => void files.push(name),
        document(doc) {
            const result = judge(doc, validator, match);
            results.push(result);
            if (o.policies && result.status === 'valid')
                forPolicies.push(doc);
        },
    }, { ...o.limits, ...(detectors.length > 0 ? { detectors } : {}) });
    return reportOf(world, o, validator, results, files, o.policies ? checkManifests(forPolicies, o.policies) : []);
}
const ambiguousScalars = ({ file, text, firstLine }) => ambiguousScalarFindings(file, text, firstLine);
function reportOf(world, o, validator, results, files, policy) {
    // Schemas compiled from CRD files that have changed since `npm run build` would judge by the old ones.
    const findings = [...staleCrdFindings(world.fs, validator.crds), ...policy];
    return { results, findings, files, ...(o.paths.length === 1 && o.paths[0] === '-' ? { stdin: true } : {}) };
}
/** How many workers judge: 1 (in-process) unless the input is large or `jobs` asks for more. */
function poolSize(world, o) {
    if (o.policies || world.validator || (o.detectors ?? []).length > 0 || o.paths.includes('-'))
        return 1;
    if (o.jobs !== undefined)
        return o.jobs;
    const bytes = o.paths.reduce((sum, p) => sum + (world.fs.size(p) ?? 0), 0);
    const workers = Math.min((o.parallelism ?? 1) - 1, 4);
    return bytes < POOL_MIN_BYTES || workers < 2 ? 1 : workers;
}
/** {@link validatePaths} with the documents parsed and judged on `jobs` worker threads (pool.ts). */
async function validatePooled(world, o, validator, jobs) {
    const job = { schemaOnly: o.schemaOnly === true, ignoreMissingSchemas: o.ignoreMissingSchemas === true, skip: [...(o.skip ?? [])], reject: [...(o.reject ?? [])], limits: { ...o.limits }, ambiguousScalars: o.ambiguousScalars === true };
    const pool = new JudgePool(jobs, job);
    const match = { skip: new Set(job.skip), reject: new Set(job.reject) };
    const files = [];
    try {
        await readManifests({ fs: world.fs, paths: o.paths }, {
            file: (name) => void files.push(name),
            document: (doc) => pool.addJudged(judge(doc, validator, match)),
            text: (src) => pool.add(src),
            drain: () => pool.drain(),
        }, { ...o.limits });
    }
    catch (e) {
        await pool.close();
        throw e;
    }
    return reportOf(world, o, validator, await pool.finish(), files, []);
}
