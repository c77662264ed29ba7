/**
 * The named steps of `validate` on the repository, in the order the pipeline (pipeline.ts) starts
 * them: argocd, kustomize (started first, it runs in child processes), drift, policy, schema, then
 * the kustomize findings, windows (windows-step.ts) and simulation (simulation.ts, loaded only when
 * it runs). Each takes typed inputs and returns its findings, plus what a later step needs. Only
 * kustomize runs anything; the others are pure over their inputs.
 */
import { argoDocuments } from '../argo/documents.js';
import { objectId } from '../core/objects.js';
import { buildPaths } from '../kustomize/build.js';
import { checkRepository } from '../policy/repository.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import { checkArgo } from './argocd.js';
import { compareBuilt } from './built.js';
export { driftStep } from './drift.js';
/** Lets pending I/O (kustomize output, finished builds) be handled between slices of synchronous work. */
export const turn = () => new Promise((resolve) => setImmediate(resolve));
/**
 * argocd: the ApplicationSets expanded and every Application proven deployable (validate/argocd.ts);
 * the paths they deploy are what the kustomize step builds.
 */
export function argocdStep(input) {
    return checkArgo({
        documents: argoDocuments(input.files, ARGOCD_PATH),
        renderedPaths: input.targets.map((t) => t.path),
        isDir: input.isDir,
        builds: new Map(input.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))])),
    });
}
/** policy: the policies and capacity on what the generator means every Argo CD path to hold. */
export function policyStep(input) {
    return checkRepository(input.model, input.targets).findings;
}
/**
 * kustomize, started: every path built in child processes while this process does the other steps.
 * The promise never counts as an unhandled rejection before {@link kustomizeStep} awaits it.
 */
export function startKustomizeStep(input) {
    const owners = new Map();
    for (const t of input.targets)
        for (const obj of t.objects)
            owners.set(objectId(obj), t.path);
    const builds = buildPaths(input.targets.map((t) => ({ path: t.path })), { root: input.root, owner: (obj) => owners.get(objectId(obj)), ...input.tool, ...(input.cache ? { cacheDir: input.cache.dir, seal: input.cache.seal } : { cacheDir: false }) });
    builds.catch(() => undefined);
    return builds;
}
/** The schema verdict of each object of a file (an Argo CD path). */
function checkObjects(validator, file, objects) {
    return objects.map((obj, index) => {
        const v = validator.validate(obj, { file });
        return { file, index, ...(v.object ? { object: v.object } : {}), ...(v.kind ? { kind: v.kind } : {}), status: v.status, findings: v.findings };
    });
}
/**
 * schema: every intended object strictly schema-checked, a path at a time (yielding between paths
 * when `yieldBetween`, so finished builds are collected meanwhile); and the Applications
 * ApplicationSets generate, which are no files of their own: only their problems are reported, as
 * findings on the ApplicationSet's file.
 */
export async function schemaStep(input) {
    const findings = [];
    for (const a of input.applications) {
        if (a.origin.startsWith('ApplicationSet '))
            findings.push(...input.validator.validate(a.application, { file: a.file }).findings);
    }
    const intended = [];
    for (const t of input.targets) {
        intended.push(checkObjects(input.validator, t.path, t.objects));
        if (input.yieldBetween)
            await turn();
    }
    return { intended, findings };
}
/**
 * kustomize, finished: every path must build into exactly the intended objects. An object built
 * exactly as intended (content equal, key order aside) shares the intended object's schema verdict,
 * in kustomize's order; the objects of a path that differs are schema-checked as built.
 */
export function kustomizeStep(input) {
    const results = [];
    const findings = [];
    const built = new Map();
    input.builds.forEach((b, n) => {
        if (b.ok)
            built.set(b.path, b.objects);
        const target = input.targets[n];
        if (!b.ok) {
            findings.push({
                check: 'kustomize/build-failed',
                severity: 'error',
                file: target.path,
                message: `kustomize build failed: ${b.error}`,
                hint: 'run `npm run render` to restore the generated files; if it persists, report it',
            });
            return;
        }
        const differences = compareBuilt(target, b.objects);
        findings.push(...differences);
        if (differences.length > 0) {
            results.push(...checkObjects(input.validator, target.path, b.objects));
            return;
        }
        const byId = new Map(target.objects.map((obj, i) => [objectId(obj), input.intended[n][i]]));
        results.push(...b.objects.map((obj, index) => ({ ...byId.get(objectId(obj)), index })));
    });
    return { results, findings, built };
}
