/**
 * The Kubernetes version `validate --policies PATH` holds manifests to when `--kubernetes-version` is
 * not given: the clusters' own. In a repository (the `--root`), the highest `kubernetesVersion` of its
 * `clusters/<cluster>/cluster.yaml` files: an API removed there cannot be applied to that cluster.
 * Elsewhere, {@link FALLBACK_KUBERNETES_VERSION}. A cluster file that does not parse or has no usable
 * version is passed over here: `render` and `validate` of the repository report it, with its line.
 */
import yaml from 'js-yaml';
/** Outside a repository: the version the platform's clusters ran when this default was set. */
export const FALLBACK_KUBERNETES_VERSION = '1.31';
const CLUSTERS_DIR = 'clusters';
const minor = (v) => Number(v.split('.')[1]);
/** The highest `major.minor` the repository's clusters declare, else the fallback. */
export function clustersKubernetesVersion(fs) {
    if (!fs.isDir(CLUSTERS_DIR))
        return FALLBACK_KUBERNETES_VERSION;
    const versions = [];
    for (const e of fs.list(CLUSTERS_DIR)) {
        if (!e.dir || e.link !== undefined)
            continue;
        let text;
        let doc;
        try {
            text = fs.readText(`${CLUSTERS_DIR}/${e.name}/cluster.yaml`);
            doc = text === undefined ? undefined : yaml.load(text);
        }
        catch {
            continue;
        }
        const v = typeof doc === 'object' && doc !== null ? doc['kubernetesVersion'] : undefined;
        if (typeof v === 'string' && /^1\.\d+$/.test(v))
            versions.push(v);
    }
    return versions.sort((a, b) => minor(a) - minor(b)).pop() ?? FALLBACK_KUBERNETES_VERSION;
}
