/**
 * What the add-on checks need of a CustomResourceDefinition file: per CRD its group, kind and served
 * versions, and the release it says it belongs to, if it says one. Read without the schemas: the
 * `schema:` subtree of each version (nearly all of the 13 MB of platform/crds) is cut out before
 * parsing, which takes the parse of the 51 pinned files from 2.3 s (js-yaml, whole files) to 0.18 s
 * (measured on the shared 2-core machine, equal results file for file); the files are upstream's generated block YAML (their bytes are held
 * to the README's sha256), where `schema:` is a key whose subtree is the lines indented below it.
 */
import yaml from 'js-yaml';
import { isPlainObject } from '../core/objects.js';
/**
 * The metadata that states the release of the project a CRD ships with. Others do not: the
 * `controller-gen.kubebuilder.io/version` annotation is the version of the code generator, and
 * Istio's `chart`/`release` labels name the chart, not its version.
 * - `gateway.networking.k8s.io/bundle-version`: Gateway API's release. Its bundle version "represents
 *   the Git tag of a release" and "each CRD will be published with annotations that indicate their
 *   bundle version" (kubernetes-sigs/gateway-api site-src/concepts/versioning.md, sections "Overview" and
 *   "Version Indicators" @ 0334d70), as in platform/crds/gateway-api/v1.6.1/*.yaml.
 * - `operator.prometheus.io/version`: prometheus-operator's release, without its `v`, as in
 *   platform/crds/prometheus-operator/v0.93.0/*.yaml.
 * - `app.kubernetes.io/version` (label): the recommended label for "the current version of the
 *   application" (kubernetes/website content/en/docs/concepts/overview/working-with-objects/common-labels.md).
 */
const RELEASE_MARKERS = [
    { in: 'annotations', key: 'gateway.networking.k8s.io/bundle-version' },
    { in: 'annotations', key: 'operator.prometheus.io/version' },
    { in: 'labels', key: 'app.kubernetes.io/version' },
];
/** Two spellings of one release are the same release: `v0.93.0` and `0.93.0`. */
export const sameRelease = (a, b) => a.replace(/^v/, '') === b.replace(/^v/, '');
/** The text with every `schema:` subtree replaced by `schema: {}`. */
function withoutSchemas(text) {
    const out = [];
    let skipBelow = -1;
    for (const line of text.split('\n')) {
        const trimmed = line.trimStart();
        if (skipBelow >= 0) {
            if (trimmed === '' || trimmed.startsWith('#') || line.length - trimmed.length > skipBelow)
                continue;
            skipBelow = -1;
        }
        const m = /^(\s*)(- )?schema:\s*$/.exec(line);
        if (m) {
            skipBelow = m[1].length + (m[2] ? 2 : 0);
            out.push(`${line.replace(/\s*$/, '')} {}`);
        }
        else
            out.push(line);
    }
    return out.join('\n');
}
const str = (v) => (typeof v === 'string' ? v : undefined);
/** The CRDs of a file (other documents are skipped); none when it does not parse. */
export function crdFacts(text) {
    let docs;
    try {
        docs = yaml.loadAll(withoutSchemas(text));
    }
    catch {
        return [];
    }
    const out = [];
    for (const d of docs) {
        if (!isPlainObject(d) || d.kind !== 'CustomResourceDefinition' || !isPlainObject(d.spec))
            continue;
        const names = isPlainObject(d.spec.names) ? d.spec.names : {};
        const group = str(d.spec.group);
        const kind = str(names.kind);
        if (group === undefined || kind === undefined)
            continue;
        const versions = Array.isArray(d.spec.versions) ? d.spec.versions.filter(isPlainObject) : [];
        const meta = isPlainObject(d.metadata) ? d.metadata : {};
        const release = RELEASE_MARKERS.flatMap((m) => {
            const map = meta[m.in];
            const value = isPlainObject(map) ? str(map[m.key]) : undefined;
            return value === undefined ? [] : [{ marker: m.key, value }];
        });
        out.push({ group, kind, served: versions.filter((v) => v.served === true).flatMap((v) => str(v.name) ?? []), release });
    }
    return out;
}
