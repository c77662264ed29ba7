/**
 * `validate`: options in, one report out. The repository (no paths) goes through the named steps of
 * steps.ts; manifests given as paths through schema and policy. Scheduling (pipeline order):
 *
 *     load → render ─┬─ argocd ─── kustomize (started: child processes build meanwhile) ─┐
 *                    ├─ drift, policy, schema (a path at a time, collecting builds) ─────┴─ kustomize findings
 *                    └─ (the whole of it reused from the result cache while its inputs hold)
 *     → windows (clock, base revision) → simulation (clock)
 *
 * An object kustomize built exactly as intended shares the intended object's schema verdict.
 */
import { clustersKubernetesVersion } from './kubernetes-version.js';
import { snapshotFs } from '../core/fs.js';
import { defaultCacheDir } from '../kustomize/build.js';
import { readMemo } from '../kustomize/cache.js';
import { DependencyHasher } from '../kustomize/deps.js';
import { KUSTOMIZE_TOOLS, requireKustomize } from '../kustomize/detect.js';
import { windowFacts } from '../windows/check.js';
import { interruptedRenderFindings } from '../write/pending.js';
import { answer, Inputs, recordingFs, unchanged } from './inputs.js';
import { cacheSeal, INPUT_FILES, INPUT_ROOTS, inputFiles, resultCache, resultCacheDir, resultKey } from './result-cache.js';
import { instantAt, pathBuilder, windowsStep } from './windows-step.js';
/** `validate`: the report of the repository (no paths) or of the given manifests, before any summary of waivers. */
export async function runPipeline(world, o) {
    if (o.paths.length > 0)
        return { report: await validateGiven(world, o), cached: false };
    // One seal (a read of the per-user secret) for the result cache, the windows builds and the simulation.
    const seal = o.cache === false ? undefined : cacheSeal(world.root, o.cacheSecretFile);
    const repo = await cachedRepository(world, o, seal);
    if (o.schemaOnly)
        return { report: repo.report, cached: repo.cached };
    const build = o.kustomize && o.windows !== false ? await pathBuilder({ root: world.root, path: world.path, ...(seal ? { cache: seal } : {}) }) : undefined;
    const windows = await windowsStep({
        root: world.root,
        fs: world.fs,
        at: instantAt(world.now, o.at),
        base: () => world.baseTree(o.base),
        windows: o.windows !== false,
        ...repo.windows,
        head: underRoots(repo.files),
        ...(repo.built ? { built: repo.built } : {}),
        ...(build ? { build } : {}),
        ...(seal && world.buildId !== undefined ? { baseRuns: { dir: resultCacheDir(world.root), seal, build: world.buildId } } : {}),
    });
    // The simulation depends on the clock too (windows), so it is not cached either; without the
    // change windows (`--no-windows`) it plays with the projects' sync windows left out.
    const simulation = o.simulate === false || !o.kustomize
        ? []
        : await (await import('./simulation.js')).simulationStep({
            root: world.root,
            fs: world.fs,
            at: instantAt(world.now, o.at),
            ...(o.cache === false ? { cache: false } : {}),
            ...(seal ? { seal } : {}),
            ...(o.windows === false ? { windows: false } : {}),
        });
    return { report: { ...repo.report, findings: [...repo.report.findings, ...windows, ...simulation] }, cached: repo.cached };
}
/** The files under apps/, clusters/ and argocd/ (what the windows step compares with the base). */
function underRoots(files) {
    return new Map([...files].filter(([p]) => INPUT_ROOTS.some((root) => p.startsWith(`${root}/`))));
}
/** `validate PATH...`: the options of paths.ts from the command's. */
async function validateGiven(world, o) {
    // Imported here: a repository run (and a validate served by the result cache) never loads the PATH reader.
    const { validatePaths } = await import('./paths.js');
    return validatePaths({ fs: world.fs, ...(world.stdin ? { stdin: world.stdin } : {}) }, {
        paths: o.paths,
        schemaOnly: o.schemaOnly,
        ignoreMissingSchemas: o.ignoreMissingSchemas,
        skip: o.skip ?? [],
        reject: o.reject ?? [],
        // A plain `yes` is true for kubectl apply and Argo CD, "yes" for kustomize: docs/yaml.md.
        ambiguousScalars: true,
        ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
        parallelism: o.parallelism ?? 1,
        ...(o.policies ? { policies: { tier: o.tier ?? 'production', kubernetesVersion: o.kubernetesVersion ?? clustersKubernetesVersion(world.fs) } } : {}),
        ...(o.limits ? { limits: o.limits } : {}),
    });
}
/** The {@link RepositoryOptions} of a run. */
export function repositoryOptions(o) {
    return { schemaOnly: o.schemaOnly, kustomize: o.kustomize, ignoreMissingSchemas: o.ignoreMissingSchemas, cache: o.cache !== false };
}
/**
 * The repository validation, or the one of the last run when every question its steps asked (of the
 * files, of the search path) gets the answer it got then, under the same generator build and
 * options ({@link RepositoryOptions}). Also returns the files under apps/, clusters/, argocd/: the
 * windows step compares them with the base revision.
 */
async function cachedRepository(world, o, seal) {
    const folders = new Set();
    const files = inputFiles(world.fs, folders);
    // Every file under the roots is read once, and every folder there seen once: the steps read them
    // from this snapshot, and a cached entry's answers about them are checked against it.
    const fs = snapshotFs(world.fs, files, INPUT_ROOTS, INPUT_FILES, folders);
    // What an interrupted render left is looked at on every run: the cached report cannot know of it.
    const left = o.schemaOnly ? [] : interruptedRenderFindings(fs, (what) => `drift/${what}`);
    const withLeft = (v) => (left.length === 0 ? v : { ...v, report: { ...v.report, findings: [...left, ...v.report.findings] } });
    const options = repositoryOptions(o);
    if (seal === undefined || world.buildId === undefined) {
        return { ...withLeft(await validateRepository({ root: world.root, fs, path: world.path }, options, seal)), files, cached: false };
    }
    const cache = resultCache(resultCacheDir(world.root), seal);
    const key = resultKey(world.buildId, options);
    const hit = cache.get(key);
    if (hit?.report && hit.windows && Array.isArray(hit.inputs) && unchanged({ fs, path: world.path }, hit.inputs)) {
        return { ...withLeft({ report: hit.report, windows: hit.windows }), files, cached: true };
    }
    const inputs = new Inputs();
    const value = await validateRepository({ root: world.root, fs: recordingFs(fs, inputs), path: world.path }, options, seal, inputs);
    if (!inputs.unknown)
        cache.set(key, { report: value.report, windows: value.windows, inputs: inputs.list() });
    return { ...withLeft(value), files, cached: false };
}
/**
 * Reads, through `fs` (which notes them), the files a kustomize build of each target reads; when that
 * cannot be known statically (a remote base, a missing file), the inputs are unknown. `parsed`: the
 * kustomizations the build cache has parsed (by content hash, sealed), so none is parsed twice.
 */
function noteKustomizeInputs(fs, targets, inputs, parsed) {
    const readText = (rel) => {
        try {
            return fs.readText(rel);
        }
        catch {
            return undefined;
        }
    };
    const reader = {
        read(rel) {
            const text = readText(rel);
            return text === undefined ? undefined : Buffer.from(text);
        },
        kind(rel) {
            try {
                return fs.isDir(rel) ? 'dir' : fs.size(rel) !== undefined ? 'file' : undefined;
            }
            catch {
                return undefined;
            }
        },
    };
    const deps = new DependencyHasher(reader, parsed);
    // Paths share their bases: each file is read (and so noted) once.
    const noted = new Set();
    for (const t of targets) {
        const files = deps.files(t.path);
        if (files === undefined)
            inputs.unknown = true;
        else
            for (const file of files)
                if (!noted.has(file) && noted.add(file))
                    readText(file);
    }
}
/**
 * The repository: (1) committed output equals a fresh render, (2) every rendered object passes the
 * strict schema checks, (3) every Argo CD path builds with kustomize into exactly the intended
 * objects, which are schema-checked as built; the Argo CD objects are proven deployable and the
 * policies hold. Reads the files through `world.fs` only, and notes the programs it runs in `inputs`.
 */
async function validateRepository(world, o, seal, inputs) {
    // Loaded here, not on every run: a run the result cache serves needs neither the configuration, the
    // model, the renderers, the policies nor the schema validator (~0.1 s of start-up).
    const [{ createSchemaValidator, staleCrdFindings }, { loadRendered }, { argocdStep, driftStep, kustomizeStep, policyStep, schemaStep, startKustomizeStep, turn }, { addonsStep }] = await Promise.all([
        import('./schema/index.js'),
        import('./load-rendered.js'),
        import('./steps.js'),
        import('./addons-step.js'),
    ]);
    const validator = createSchemaValidator({ ignoreMissingSchemas: o.ignoreMissingSchemas });
    const { config, model, rendered } = loadRendered(world.fs);
    const argo = argocdStep({ files: rendered.files, targets: rendered.targets, isDir: (p) => world.fs.isDir(p) });
    const useKustomize = !o.schemaOnly && o.kustomize;
    // Found before anything is built: without one, one error saying how to install it, not a failed build per path.
    let tool;
    if (useKustomize) {
        for (const name of KUSTOMIZE_TOOLS)
            inputs?.add('executable', name, () => answer(world, 'executable', name));
        tool = await requireKustomize({ path: world.path, ...(o.cache ? { cacheDir: defaultCacheDir(world.root) } : {}) });
    }
    const deployed = new Set(argo.buildPaths);
    const targets = useKustomize ? rendered.targets.filter((t) => deployed.has(t.path)) : rendered.targets;
    let builds;
    if (tool) {
        const cache = o.cache && seal ? { dir: defaultCacheDir(world.root), seal } : undefined;
        builds = startKustomizeStep({ root: world.root, targets, tool, ...(cache ? { cache } : {}) });
        // kustomize reads the files in child processes: what it reads, found as its build cache finds it, is read here too.
        if (inputs)
            noteKustomizeInputs(world.fs, targets, inputs, cache ? readMemo(cache) : undefined);
    }
    const addons = o.schemaOnly ? [] : addonsStep({ fs: world.fs, addons: config.addons, targets: rendered.targets });
    // An edited CRD is one problem (addons/crd-modified), not also a stale schema.
    const modified = new Set(addons.filter((f) => f.check === 'addons/crd-modified').map((f) => f.file));
    const findings = staleCrdFindings(world.fs, validator.crds, modified);
    if (!o.schemaOnly)
        findings.push(...driftStep(world.fs, rendered.files));
    await turn();
    if (!o.schemaOnly)
        findings.push(...policyStep({ model, targets: rendered.targets }));
    if (!o.schemaOnly)
        findings.push(...argo.findings);
    findings.push(...addons);
    const schema = await schemaStep({ validator, targets, applications: argo.applications, yieldBetween: builds !== undefined });
    findings.push(...schema.findings);
    if (!builds)
        return { report: { results: schema.intended.flat(), findings, files: rendered.targets.map((t) => t.path) }, windows: windowFacts(config, model) };
    const kustomize = kustomizeStep({ builds: await builds, targets, intended: schema.intended, validator });
    const results = kustomize.results;
    findings.push(...kustomize.findings);
    return { report: { results, findings, files: rendered.targets.map((t) => t.path) }, windows: windowFacts(config, model), built: kustomize.built };
}
