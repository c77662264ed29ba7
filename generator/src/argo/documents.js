/**
 * Argo CD objects read from YAML files, each with the file it is written in: what `validate` checks,
 * `simulate` plays and the change-window step compares.
 */
import yaml from 'js-yaml';
import { isPlainObject } from '../core/objects.js';
/**
 * The Argo CD objects of the files under `dir` (e.g. the rendered `argocd/` files), in file order;
 * `kustomization.yaml` files (which hold none) are skipped, and so is any document that is not a mapping.
 */
export function argoDocuments(files, dir) {
    const out = [];
    for (const f of files) {
        if (!f.path.startsWith(`${dir}/`) || f.path.endsWith('/kustomization.yaml'))
            continue;
        for (const doc of yaml.loadAll(f.content)) {
            if (isPlainObject(doc))
                out.push({ file: f.path, object: doc });
        }
    }
    return out;
}
