import { Reporter, isRaw } from './checks.js';
import { didYouMean } from './names.js';
/**
 * Shortest written reason a waiver may give, in characters after trimming, in configuration and (through
 * policy/engine.ts) in an annotation: a reason reviewers can judge is a sentence.
 */
export const MIN_WAIVER_REASON = 10;
/** Checks `waivers` of one file; `environments` are the names the waivers may restrict to, `waivable` the check ids. */
export function checkWaivers(f, environments, waivable, out) {
    const list = f.data.waivers;
    if (!Array.isArray(list))
        return;
    const r = new Reporter(f.source, out);
    const cluster = f.source.file.startsWith('clusters/');
    list.forEach((w, i) => {
        if (!isRaw(w))
            return;
        const at = (...p) => ['waivers', i, ...p];
        if (typeof w.check === 'string') {
            const id = w.check;
            if (id.startsWith('policy/') && waivable.includes(id.slice(7))) {
                r.report('waiver', at('check'), `\`waivers[${i}].check\` is ${JSON.stringify(id)}; write the id without \`policy/\``, `\`check: ${id.slice(7)}\``);
            }
            else if (!waivable.includes(id)) {
                const near = didYouMean(id, waivable);
                r.report('waiver', at('check'), `\`waivers[${i}].check\` is ${JSON.stringify(id)}, not a policy check${near ? `; ${near}` : ''}`, 'see the check ids in docs/policies.md');
            }
            else if (id === 'capacity' && !cluster) {
                r.report('waiver', at('check'), '`capacity` is a check of the cluster: waive it in clusters/<cluster>/cluster.yaml', 'move this waiver to the cluster file');
            }
            else if (id === 'capacity' && (w.environments !== undefined || w.kind !== undefined)) {
                r.report('waiver', at('check'), '`capacity` is checked per cluster: a waiver of it takes no `environments` or `kind`', 'remove `environments` and `kind`');
            }
        }
        if (typeof w.reason === 'string' && w.reason.trim().length < MIN_WAIVER_REASON) {
            r.report('waiver', at('reason'), `\`waivers[${i}].reason\` is ${JSON.stringify(w.reason)}; a waiver needs a written reason`, 'say why the check does not apply here, in a sentence reviewers can judge');
        }
        if (environments && Array.isArray(w.environments)) {
            w.environments.forEach((e, j) => {
                if (typeof e === 'string' && !environments.includes(e)) {
                    const near = didYouMean(e, environments);
                    r.report('unknown-environment', at('environments', j), `\`waivers[${i}].environments\` names \`${e}\`, which is not an environment here${near ? `; ${near}` : ''}`, `known: ${environments.join(', ')}`);
                }
            });
        }
    });
}
/** Every environment name declared by the cluster files (for the service files' waivers). */
export function environmentNames(clusters) {
    return clusters.flatMap((c) => (isRaw(c.data.environments) ? Object.keys(c.data.environments) : [])).sort();
}
/** Environments of one cluster file. */
export function clusterEnvironments(f) {
    return isRaw(f.data.environments) ? Object.keys(f.data.environments).sort() : [];
}
/** The checked `waivers`, reasons trimmed; `lineOf(i)`: the line of `waivers[i]` in its file, for findings. */
export function buildWaivers(list, lineOf) {
    return list.map((w, i) => ({ line: lineOf(i), ...w, reason: w.reason.trim() }));
}
