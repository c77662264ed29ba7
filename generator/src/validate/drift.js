import { existingGenerated } from '../write/tree.js';
const FIX = 'run `npm run render` and commit the result';
/**
 * drift, a step of `validate` (steps.ts): the committed output must equal a fresh render. Names every file that
 * differs, is missing, or is generated but no longer produced.
 */
export function driftStep(fsys, files) {
    const findings = [];
    const wanted = new Set();
    for (const f of files) {
        wanted.add(f.path);
        const onDisk = fsys.readText(f.path);
        if (onDisk === undefined) {
            findings.push({ check: 'drift/missing', severity: 'error', file: f.path, message: 'generated file is missing from the repository', hint: FIX });
        }
        else if (onDisk !== f.content) {
            findings.push({
                check: 'drift/differs',
                severity: 'error',
                file: f.path,
                line: firstDifferentLine(onDisk, f.content),
                message: 'committed file differs from a fresh render (edited by hand, or the configuration changed without re-rendering)',
                hint: FIX,
            });
        }
    }
    for (const p of existingGenerated(fsys, wanted)) {
        if (!wanted.has(p)) {
            findings.push({ check: 'drift/stale', severity: 'error', file: p, message: 'generated file is no longer produced by the render', hint: FIX });
        }
    }
    return findings;
}
function firstDifferentLine(a, b) {
    const la = a.split('\n');
    const lb = b.split('\n');
    let i = 0;
    while (i < la.length && i < lb.length && la[i] === lb[i])
        i++;
    return i + 1;
}
