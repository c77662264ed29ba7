/**
 * addons: the pinned add-ons of platform/addons.yaml against their CRD files under platform/crds/
 * (validate/addons.ts), and every custom resource the platform applies (the rendered Argo CD paths,
 * argocd/, and manifests under platform/) against the kinds those CRDs serve (validate/addon-kinds.ts).
 * Reads through `fs` only: on a repository run the result cache notes every file it reads as an input.
 */
import yaml from 'js-yaml';
import { isPlainObject } from '../core/objects.js';
import { symlinkFinding } from '../core/safe-read.js';
import { ARGOCD_PATH } from '../render/argocd.js';
import { ARGOCD_CONFIG_FILE } from '../config/load.js';
import { checkKinds, servedKinds } from './addon-kinds.js';
import { checkPinnedCrds, pinnedFolder } from './addons.js';
import { crdFacts } from './crd-facts.js';
import { CRDS_DIR, CRDS_README, readmeRows } from './crd-readme.js';
/** The hand-edited and vendored folder; its files other than these are manifests the platform applies. */
const PLATFORM_DIR = 'platform';
const NOT_MANIFESTS = [CRDS_DIR, `${PLATFORM_DIR}/addons.yaml`, ARGOCD_CONFIG_FILE];
/** Every file and folder below `dir` (links refused as findings), in walk order. */
function walk(fs, dir, skip, out) {
    for (const e of fs.list(dir)) {
        const p = `${dir}/${e.name}`;
        if (skip.includes(p))
            continue;
        if (e.link !== undefined)
            out.findings.push(symlinkFinding(p, e.link));
        else if (e.dir) {
            out.folders.push(p);
            walk(fs, p, skip, out);
        }
        else
            out.files.push(p);
    }
}
/**
 * The step. `addons`: the pins, absent without platform/addons.yaml; then the folders are still
 * checked (each is unpinned), but custom kinds are not (there are no pinned CRDs to hold them to: the
 * repositories of the tests, which pin nothing, are judged by the schema step alone).
 */
export function addonsStep(input) {
    const { fs } = input;
    const addons = input.addons ?? [];
    const crds = { files: [], folders: [], findings: [] };
    if (fs.isDir(CRDS_DIR))
        walk(fs, CRDS_DIR, [CRDS_README], crds);
    const texts = new Map();
    for (const f of crds.files) {
        const text = fs.readText(f);
        if (text !== undefined)
            texts.set(f, text);
    }
    const readme = fs.readText(CRDS_README);
    const facts = new Map();
    const factsOf = (file) => facts.get(file) ?? facts.set(file, /\.ya?ml$/.test(file) ? crdFacts(texts.get(file) ?? '') : []).get(file);
    const pinned = checkPinnedCrds({ addons, files: texts, folders: crds.folders, rows: readme === undefined ? [] : readmeRows(readme), facts: factsOf });
    if (input.addons === undefined)
        return [...crds.findings, ...pinned];
    // The kinds the pinned folders serve: only the files there count (a stale folder serves nothing).
    const served = servedKinds(addons.map((a) => ({ addon: a.name, facts: [...texts.keys()].filter((f) => f.startsWith(`${pinnedFolder(a)}/`)).flatMap((f) => factsOf(f)) })));
    const kinds = checkKinds(appliedObjects(fs, input.targets, crds.findings), served);
    return [...crds.findings, ...pinned, ...kinds];
}
/**
 * The objects the platform applies: the rendered Argo CD paths, and the manifests under argocd/ and
 * platform/ as committed (the bootstrap Application syncs argocd/ whole: a hand-added file there is
 * applied too, generated or not).
 */
function appliedObjects(fs, targets, findings) {
    const out = [];
    for (const t of targets)
        for (const object of t.objects)
            out.push({ file: t.path, object });
    const manifests = { files: [], folders: [], findings };
    for (const dir of [ARGOCD_PATH, PLATFORM_DIR])
        if (fs.isDir(dir))
            walk(fs, dir, NOT_MANIFESTS, manifests);
    for (const file of manifests.files.filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('/kustomization.yaml'))) {
        let docs = [];
        try {
            docs = yaml.loadAll(fs.readText(file) ?? '');
        }
        catch (e) {
            const reason = e instanceof yaml.YAMLException ? e.reason : e.message;
            findings.push({ check: 'addons/manifest-unreadable', severity: 'error', file, message: `does not parse as YAML (${reason}), so the kinds it holds cannot be checked`, hint: 'fix the YAML (`kubectl apply --dry-run=client -f` shows the same problem), or move a file that is no manifest out of platform/' });
        }
        for (const object of docs)
            if (isPlainObject(object))
                out.push({ file, object });
    }
    return out;
}
