/**
 * `canary/first-deploy` (pull-request time, like the change windows): a canary only runs as a canary
 * on a Rollout that already runs its stable version. Argo Rollouts does not follow the steps on a
 * Rollout's first deploy: with no stable ReplicaSet, `shouldFullPromote` returns "Initial deploy" and
 * the new ReplicaSet is scaled to 100 % at once, without the steps' pauses, and without the background
 * analysis, which waits for a stable ReplicaSet (argo-rollouts `rollout/sync.go:937-940`,
 * `rollout/analysis.go:345-348 @ v1.8.4`; FAQ "Rollouts does not follow the strategy parameters on the
 * initial deploy", `docs/FAQ.md:59-60`). A Rollout is new when the base revision does not run the
 * service in that environment and cluster, or runs it as a Deployment.
 *
 * The base revision's files in, findings out. What the base runs is read from its own configuration,
 * rendered with this generator's model (what Argo CD was given is that render: the base's committed
 * output equals it, or its own `validate` failed), by ./base-runs.ts, from the sealed cache when given.
 */
import { formatPath } from '../core/finding.js';
import { baseRuns } from './base-runs.js';
export async function checkFirstDeploys(input) {
    const canaries = input.model.environments.flatMap((e) => e.instances.flatMap((i) => (i.grayRelease?.canary ? [{ env: e.env.name, i, canary: i.grayRelease.canary.version }] : [])));
    if (!input.base || canaries.length === 0)
        return [];
    const base = await baseRuns(input.base, input.cache);
    return canaries.flatMap((c) => {
        const f = judge(c, base, input);
        return f ? [f] : [];
    });
}
function judge({ env, i, canary }, base, input) {
    const svc = i.service.name;
    const at = ['environments', env, 'grayRelease', 'canary'];
    const line = input.lineOf(i.service.file, at);
    const where = { check: 'canary/first-deploy', file: i.service.file, ...(line !== undefined ? { line } : {}), path: formatPath(at) };
    if ('error' in base) {
        return {
            ...where,
            severity: 'warning',
            message: `cannot tell whether ${input.baseName} runs ${svc} ${i.version} as a Rollout in ${env}: its configuration does not load with this generator (${base.error})`,
            hint: `make sure it does before merging: on a new Rollout the canary ${canary} would go to 100 % unobserved (docs/gray-releases.md, "The first deploy")`,
        };
    }
    const run = base.runs.get(`${env}/${svc}`);
    const unobserved = `the canary ${canary} of ${svc} in ${env} would go to 100 % unobserved`;
    const skips = "Argo Rollouts skips the steps and the analysis on a Rollout's first deploy (no stable ReplicaSet yet)";
    const second = `merge the stable version as a Rollout first (\`grayRelease\` without \`canary\`, ${svc} ${i.version} in ${env}); once Argo CD has synced it, start the canary in a second change: \`npm run canary -- start ${svc} --env ${env} --image ${canary}\``;
    if (!run || run.path !== i.path) {
        const absent = run ? `runs ${svc} in ${env} from ${run.path}, not ${i.path}` : `does not run ${svc} in ${env}`;
        return { ...where, severity: 'error', message: `${unobserved}: ${input.baseName} ${absent}, so the Rollout is new, and ${skips}`, hint: second };
    }
    if (run.workload !== 'Rollout') {
        return { ...where, severity: 'error', message: `${unobserved}: ${input.baseName} runs ${svc} in ${env} as a Deployment, so the Rollout is new, and ${skips}`, hint: second };
    }
    if (run.version !== i.version) {
        return {
            ...where,
            severity: 'error',
            message: `the canary ${canary} of ${svc} in ${env} would be measured against ${run.version}, not the stable ${i.version}: ${input.baseName} runs ${svc} ${run.version} there, and ${i.version} would never have run`,
            hint: `merge the new stable version ${i.version} first (without \`canary\`); once Argo CD has synced it, start the canary in a second change`,
        };
    }
    return undefined;
}
