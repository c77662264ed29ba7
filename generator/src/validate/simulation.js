import { filesBelow } from '../core/fs.js';
import { buildPaths, defaultCacheDir } from '../kustomize/build.js';
import { simTree } from '../simulate/input.js';
import { simulationFindings } from '../simulate/findings.js';
import { rec, str } from '../simulate/objects.js';
import { simulate } from '../simulate/run.js';
import { expandApplications } from '../argo/expand.js';
import { argoDocuments } from '../argo/documents.js';
import { addonOf } from '../simulate/addons.js';
import { crdFacts } from './crd-facts.js';
import { CRDS_DIR } from './crd-readme.js';
/** An AppProject without its sync windows; any other object as it is. */
function withoutWindows(o) {
    if (o['kind'] !== 'AppProject' || rec(o['spec'])['syncWindows'] === undefined)
        return o;
    const { syncWindows: _dropped, ...spec } = rec(o['spec']);
    return { ...o, spec };
}
const ARGOCD = 'argocd';
/** The tree as committed: `argocd/bootstrap.yaml`, and every path built with kustomize. */
export async function committedTree(o) {
    const files = filesBelow(o.fs, ARGOCD).filter((p) => p.endsWith('.yaml')).map((p) => ({ path: p, content: o.fs.readText(p) ?? '' }));
    const strip = o.windows === false ? withoutWindows : (x) => x;
    const docs = argoDocuments(files, ARGOCD)
        .filter((d) => d.file !== `${ARGOCD}/argocd.yaml`)
        .map((d) => ({ ...d, object: strip(d.object) }));
    const { applications } = expandApplications(docs);
    // An add-on Application syncs an upstream release, not a path of this repository (simulate/addons.ts).
    const own = applications.filter((a) => addonOf(a.application) === undefined);
    const paths = [...new Set([ARGOCD, ...own.map((a) => str(rec(rec(a.application['spec'])['source'])['path']) ?? '')])].filter((p) => p !== '').sort();
    const built = await buildPaths(paths.map((path) => ({ path })), { root: o.root, ...(o.tool ?? {}), ...(o.cache === false || !o.seal ? { cacheDir: false } : { cacheDir: defaultCacheDir(o.root), seal: o.seal }) });
    const byPath = new Map(built.map((b) => [b.path, b.ok ? b.objects.map(strip) : { error: b.error }]));
    return simTree({
        bootstrap: o.fs.readText(`${ARGOCD}/bootstrap.yaml`) ?? '',
        argocdPath: ARGOCD,
        argocd: docs,
        source: (p) => byPath.get(p) ?? { error: `path ${JSON.stringify(p)} is not built` },
        revision: 'HEAD',
        addonKinds: pinnedKinds(o.fs, applications.flatMap((a) => addonOf(a.application) ?? [])),
    });
}
/**
 * The kinds each add-on's pinned CRDs define, read from `platform/crds/<addon>/` (one version folder
 * each: validate's add-on step refuses any other), without their schemas (validate/crd-facts.ts).
 */
export function pinnedKinds(fs, addons) {
    const out = new Map();
    for (const addon of [...new Set(addons)].sort()) {
        const files = filesBelow(fs, `${CRDS_DIR}/${addon}`).filter((p) => /\.ya?ml$/.test(p)).sort();
        const kinds = files.flatMap((f) => crdFacts(fs.readText(f) ?? '').map((c) => `${c.group}/${c.kind}`));
        out.set(addon, [...new Set(kinds)].sort());
    }
    return out;
}
/** Plays the committed tree; its findings and the result. */
export async function runSimulation(o) {
    const tree = await committedTree(o);
    const result = simulate(tree.input, { at: o.at, ...(o.horizonMs !== undefined ? { horizonMs: o.horizonMs } : {}) }, tree.expected);
    return { findings: simulationFindings(result, tree.files), result, tree };
}
/** The findings of the simulation step of `validate`. */
export async function simulationStep(o) {
    return (await runSimulation(o)).findings;
}
