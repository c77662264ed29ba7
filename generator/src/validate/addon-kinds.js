import { isPlainObject } from '../core/objects.js';
import { isBuiltIn } from '../simulate/objects.js';
/** The group/kinds the pinned CRDs serve (`group/Kind` → add-on and served versions). */
export function servedKinds(crds) {
    const out = new Map();
    for (const c of crds) {
        for (const f of c.facts) {
            const gk = `${f.group}/${f.kind}`;
            const known = out.get(gk);
            out.set(gk, { addon: known?.addon ?? c.addon, versions: [...new Set([...(known?.versions ?? []), ...f.served])].sort() });
        }
    }
    return out;
}
/** One finding per object whose custom group/version/kind no pinned CRD serves. */
export function checkKinds(objects, served) {
    const out = [];
    const seen = new Set();
    for (const { file, object } of objects) {
        if (!isPlainObject(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string')
            continue;
        const slash = object.apiVersion.lastIndexOf('/');
        const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
        const version = object.apiVersion.slice(slash + 1);
        const gk = `${group}/${object.kind}`;
        if (isBuiltIn(gk))
            continue;
        const s = served.get(gk);
        if (s?.versions.includes(version))
            continue;
        const meta = isPlainObject(object.metadata) ? object.metadata : {};
        const name = `${object.kind}/${typeof meta.namespace === 'string' ? `${meta.namespace}/` : ''}${typeof meta.name === 'string' ? meta.name : '?'}`;
        const id = `${file}\0${object.apiVersion}\0${name}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        out.push({
            check: 'addons/kind-without-crd',
            severity: 'error',
            file,
            message: s
                ? `a rendered kind has no schema: ${name} is \`${object.apiVersion}\`, which the pinned \`${s.addon}\` CRD of ${object.kind} does not serve (served: ${s.versions.join(', ') || 'none'})`
                : `a rendered kind has no schema: ${name} is \`${object.apiVersion}\` ${object.kind}, which no pinned add-on's CRD defines`,
            hint: s
                ? `write it as \`${group}/${s.versions[0] ?? version}\`, or pin a release of \`${s.addon}\` that serves ${version} (docs/addons.md)`
                : 'pin the add-on that defines it in platform/addons.yaml, with its CRDs in platform/crds/<name>/<version>/ (docs/addons.md)',
        });
    }
    return out;
}
