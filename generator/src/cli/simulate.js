/**
 * `npm run simulate -- [--at <ISO-8601>] [--env <env>] [-o text|json|junit|tap|sarif]`: the
 * committed tree played from an empty cluster with only Argo CD installed; per Application its
 * final sync and health, when it got there, and what blocks it. Exit 0 converged, 1 findings.
 */
import { UsageError } from '../core/errors.js';
import { outcomeTable, applicationResults, simulationFindings } from '../simulate/findings.js';
import { rec } from '../simulate/objects.js';
import { PRECONDITIONS } from '../simulate/preconditions.js';
import { createFormat, exitCode } from '../report/index.js';
import { checkCatalogue } from '../validate/catalogue.js';
import { cacheSeal } from '../validate/result-cache.js';
import { runSimulation } from '../validate/simulation.js';
import { instantOption } from './windows.js';
import { ADDONS_PROJECT } from '../render/argocd-addons.js';
export async function runSimulate(ctx, o) {
    const format = createFormat(o.output);
    const at = instantOption(ctx, o.at);
    const seal = o.cache === false ? undefined : cacheSeal(ctx.root, o.cacheSecretFile);
    const { findings, result, tree } = await runSimulation({ root: ctx.root, fs: ctx.fs, at, ...(o.cache === false ? { cache: false } : {}), ...(seal ? { seal } : {}) });
    // An environment's Applications are `<env>-…`, outside the project of the bootstrap Application
    // and the add-ons' (`addon-<cluster>-<addon>`, cluster-wide).
    const root = tree.input.bootstrap.find((b) => b['kind'] === 'Application');
    const rootProject = String(rec(root?.['spec'])['project'] ?? '');
    const envs = [...new Set(result.apps.filter((a) => a.project !== rootProject && a.project !== ADDONS_PROJECT && a.name.includes('-')).map((a) => a.name.split('-')[0]))].sort();
    if (o.env !== undefined && !envs.includes(o.env))
        throw new UsageError(`unknown environment "${o.env}": expected one of ${envs.join(', ')}`);
    const mine = (name) => o.env === undefined || (name !== undefined && name.startsWith(`${o.env}-`));
    const shown = o.env === undefined ? result : { ...result, apps: result.apps.filter((a) => mine(a.name)), stalls: result.stalls.filter((s) => mine(s.app)), rejections: result.rejections.filter((j) => mine(j.app)) };
    const report = {
        results: applicationResults(shown, tree.files),
        findings: o.env === undefined ? findings : simulationFindings(shown, tree.files),
        files: [...new Set(shown.apps.map((a) => tree.files.get(a.name) ?? 'argocd'))],
    };
    if (format.name === 'text') {
        const pre = [...PRECONDITIONS.argocd, ...PRECONDITIONS.workload].map((p) => `  - ${p.name} (${p.source})`).join('\n');
        ctx.stdout(`assumed installed outside this repository:\n${pre}\n${outcomeTable(shown)}\n`);
    }
    ctx.stdout(format.format(report, { verbose: false, catalogue: checkCatalogue() }));
    return exitCode(report);
}
