import { cmp, formatPath } from '../core/finding.js';
import { isPlainObject, objectId } from '../core/objects.js';
/**
 * Step 3 of `validate`: what kustomize built for an Argo CD path must be exactly what the generator
 * meant (same objects, same content; key order aside, as in the API server).
 */
export function compareBuilt(target, built) {
    const findings = [];
    const want = new Map(target.objects.map((o) => [objectId(o), o]));
    const got = new Map(built.map((o) => [objectId(o), o]));
    const fix = 'this is a generator bug or a hand edit of generated files: run `npm run render`; if it persists, report it';
    for (const id of [...new Set([...want.keys(), ...got.keys()])].sort(cmp)) {
        const w = want.get(id);
        const g = got.get(id);
        if (!g) {
            findings.push({ check: 'kustomize/missing-object', severity: 'error', file: target.path, object: id, message: 'kustomize build does not produce this object, but the generator intended it', hint: fix });
        }
        else if (!w) {
            findings.push({ check: 'kustomize/unexpected-object', severity: 'error', file: target.path, object: id, message: 'kustomize build produces an object the generator did not intend', hint: fix });
        }
        else {
            const where = firstDifference(w, g, []);
            if (where) {
                findings.push({
                    check: 'kustomize/differs',
                    severity: 'error',
                    file: target.path,
                    object: id,
                    path: formatPath(where.path),
                    message: `kustomize builds ${JSON.stringify(where.got)} where the generator intended ${JSON.stringify(where.want)}`,
                    hint: fix,
                });
            }
        }
    }
    return findings;
}
function firstDifference(want, got, path) {
    if (want === got)
        return undefined;
    if (Array.isArray(want) && Array.isArray(got)) {
        for (let i = 0; i < Math.max(want.length, got.length); i++) {
            const d = firstDifference(want[i], got[i], [...path, i]);
            if (d)
                return d;
        }
        return undefined;
    }
    if (isPlainObject(want) && isPlainObject(got)) {
        for (const k of [...new Set([...Object.keys(want), ...Object.keys(got)])].sort(cmp)) {
            const d = firstDifference(want[k], got[k], [...path, k]);
            if (d)
                return d;
        }
        return undefined;
    }
    return { path, want, got };
}
