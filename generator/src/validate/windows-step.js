import { checkFirstDeploys } from './first-deploy.js';
import { readYamlSource } from '../config/yaml-source.js';
import { UsageError } from '../core/errors.js';
import { buildPaths, defaultCacheDir } from '../kustomize/build.js';
import { requireKustomize } from '../kustomize/detect.js';
import { checkWindows } from '../windows/check.js';
import { parseInstant } from '../time/dates.js';
import { readOverrides } from '../windows/overrides.js';
import { touchedEnvironments } from '../windows/touched.js';
import { comparedSides } from './windows-touched.js';
/** `--at`: the instant, ISO-8601 with `Z` or an offset; a usage error naming the expected form. Default `now()`. */
export function instantAt(now, at) {
    if (at === undefined)
        return now();
    const d = parseInstant(at);
    if ('error' in d)
        throw new UsageError(`--at "${at}" ${d.error}`);
    return d.instant;
}
/** The change-window and first-deploy findings of the change. */
export async function windowsStep(input) {
    const envs = input.config.clusters.flatMap((c) => c.environments.map((e) => e.name));
    const overrides = readOverrides(input.fs, envs, input.at);
    const base = input.base();
    const sources = new Map();
    const lineOf = (file, path) => {
        if (!sources.has(file))
            sources.set(file, readYamlSource(input.fs, file));
        return sources.get(file).lineOf(path);
    };
    const firstDeploys = () => checkFirstDeploys({ model: input.model, base: base?.files, baseName: base?.name ?? '', lineOf, ...(input.baseRuns ? { cache: input.baseRuns } : {}) });
    if (!input.windows)
        return firstDeploys();
    const refs = input.config.clusters.flatMap((c) => c.environments.map((e) => ({ name: e.name, namespace: e.namespace })));
    let touched;
    if (base) {
        const sides = await comparedSides({ root: input.root, head: input.head, base: base.files, envs: refs, ...(input.built ? { built: input.built } : {}), ...(input.build ? { build: input.build } : {}) });
        touched = touchedEnvironments(sides.head, sides.base, refs);
    }
    const found = checkWindows({ config: input.config, model: input.model, touched, baseName: base?.name ?? '', at: input.at, overrides: overrides.records, lineOf });
    return [...overrides.findings, ...found, ...(await firstDeploys())];
}
/** A {@link PathBuilder} with kustomize found on `path` and the run's build cache. */
export async function pathBuilder(o) {
    const cacheDir = defaultCacheDir(o.root);
    const tool = await requireKustomize({ path: o.path, ...(o.cache ? { cacheDir } : {}) });
    // The base revision is built in a temporary copy: its entries go to the repository's own cache.
    return (root, paths) => buildPaths(paths.map((path) => ({ path })), { root, ...tool, ...(o.cache ? { cacheDir, seal: o.cache } : { cacheDir: false }) });
}
