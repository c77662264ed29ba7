/**
 * The simulation's input from a rendered tree: the bootstrap file's objects, the objects of every
 * Argo CD path, and the Applications the committed `argocd/` defines (so one never created is
 * still reported).
 */
import yaml from 'js-yaml';
import { expandApplications } from '../argo/expand.js';
import { isPlainObject } from '../core/objects.js';
import { keyOf, meta, nameOf, rec, str } from './objects.js';
import { PRECONDITIONS } from './preconditions.js';
/** Every object of a multi-document YAML text. */
export function documents(text) {
    return yaml.loadAll(text).filter(isPlainObject);
}
/**
 * A tree given as the bootstrap file's text, the `argocd/` path's objects (with the files they
 * come from), and the objects of every other path.
 */
export function simTree(opts) {
    const ns = opts.namespace ?? 'argocd';
    const bootstrap = documents(opts.bootstrap);
    const files = new Map();
    const expected = [];
    const { applications } = expandApplications([...bootstrap.map((object) => ({ file: `${opts.argocdPath}/bootstrap.yaml`, object })), ...opts.argocd]);
    const setKey = (origin) => `argoproj.io/ApplicationSet/${ns}/${origin.split(' ')[1] ?? ''}`;
    for (const a of applications) {
        const name = nameOf(a.application);
        if (files.has(name))
            continue;
        files.set(name, a.file);
        const via = a.origin.startsWith('ApplicationSet ') ? setKey(a.origin) : keyOf({ ...a.application, metadata: { ...meta(a.application), namespace: ns } });
        expected.push({ name, project: str(rec(a.application['spec'])['project']) ?? '', via });
    }
    const input = { bootstrap, source: opts.source, revision: opts.revision, argocdNamespace: ns, preconditions: PRECONDITIONS, ...(opts.addonKinds ? { addonKinds: opts.addonKinds } : {}) };
    return { input, expected, files };
}
