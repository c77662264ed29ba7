import { createHash } from 'node:crypto';
import { filesBelow } from '../../core/fs.js';
/** Where the pinned CRDs live, relative to the repository root (see platform/crds/README.md). */
const CRD_DIR = 'platform/crds';
const HINT = 'run `npm run build`: it compiles the schemas of the custom resources from the CRDs under platform/crds/';
/**
 * The custom-resource schemas are compiled by `npm run build` from `platform/crds/`; judging with them
 * after a CRD changed (an add-on bump without a rebuild) would validate against stale schemas. One
 * error per CRD file that differs from what the build compiled: changed, added or removed. A
 * repository without `platform/crds/` is judged by the CRDs compiled in, and nothing is reported.
 * Every file is read through `fs`, so the result cache counts the folder among its inputs.
 * `modified`: files already reported as edited upstream files (`addons/crd-modified`); the edit is
 * the cause to fix, so they get no second error here (a run without the add-on checks passes none).
 */
export function staleCrdFindings(fs, compiled, modified = new Set()) {
    if (!fs.isDir(CRD_DIR))
        return [];
    const built = new Map(compiled.map((c) => [c.file, c.sha256]));
    const out = [];
    const onDisk = filesBelow(fs, CRD_DIR).filter((f) => /\.ya?ml$/.test(f));
    for (const file of onDisk) {
        const text = fs.readText(file);
        const sha = text === undefined ? undefined : createHash('sha256').update(text).digest('hex');
        const was = built.get(file);
        built.delete(file);
        if (was === sha || modified.has(file))
            continue;
        const message = was === undefined
            ? 'this CRD is not in the schemas the validator was built with (added since the last `npm run build`)'
            : `this CRD changed since the last \`npm run build\` (built from sha256 ${was.slice(0, 12)}…, now ${String(sha).slice(0, 12)}…): its kinds would be judged by stale schemas`;
        out.push({ check: 'schema/crds-stale', severity: 'error', file, message, hint: HINT });
    }
    for (const file of built.keys()) {
        out.push({
            check: 'schema/crds-stale',
            severity: 'error',
            file,
            message: 'this CRD was removed since the last `npm run build`, but the validator still judges its kinds by it',
            hint: HINT,
        });
    }
    return out;
}
