/**
 * Which environments a change touches, decided on what Argo CD would apply there
 * (docs/change-windows.md, "Pull-request time"): an environment is touched when the objects Argo CD
 * holds for it differ between the base revision and the change, compared as objects (key order and
 * formatting aside), not as files. Pure: validate/windows-touched.ts builds the objects.
 *
 * An environment's objects are
 * - its Applications (ApplicationSets expanded) and ApplicationSets: the Argo CD objects whose
 *   `suoke-life.com/environment` label names it, else whose destination namespace is its namespace;
 * - the objects kustomize builds for the source path of each of those Applications, except Argo CD's
 *   own control plane (AppProjects, Applications, ApplicationSets, anything in the `argocd` namespace):
 *   those are synced by the platform project, which has no windows, so a change to the windows
 *   themselves can always land. An Argo CD object without an environment (the bootstrap) touches nothing.
 */
/** The environment label on the Argo CD objects the generator renders. */
const ENV_LABEL = 'suoke-life.com/environment';
/** The service label on generated Applications, which names the service a path deploys. */
const SERVICE_LABEL = 'suoke-life.com/service';
const CONTROL_PLANE_KINDS = new Set(['AppProject', 'Application', 'ApplicationSet']);
const ARGOCD_NAMESPACE = 'argocd';
/** The touched environments (sorted by name), each with what differs in it, sorted. */
export function touchedEnvironments(head, base, envs) {
    const out = new Map();
    for (const env of [...envs].sort((a, b) => cmp(a.name, b.name))) {
        const now = environmentObjects(head, env, envs);
        const before = environmentObjects(base, env, envs);
        const differences = [];
        for (const key of [...new Set([...now.keys(), ...before.keys()])].sort(cmp)) {
            const a = now.get(key);
            const b = before.get(key);
            // An object not built (no kustomize, a failed build) is not known to be the same: it differs.
            if (a !== undefined && b !== undefined && a.canonical === b.canonical && !a.unbuilt)
                continue;
            const entry = (a ?? b);
            const verb = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
            differences.push({
                description: `${verb} ${entry.id}${entry.path && !entry.unbuilt ? ` (${entry.path})` : ''}`,
                ...(entry.path ? { path: entry.path } : {}),
                ...(entry.service ? { service: entry.service } : {}),
            });
        }
        if (differences.length > 0)
            out.set(env.name, differences);
    }
    return out;
}
/** The objects Argo CD applies for `env` on one side, keyed by identity (and path, for built objects). */
function environmentObjects(side, env, envs) {
    const out = new Map();
    const add = (key, e) => {
        // The same identity twice (which Argo CD would refuse elsewhere) must still be compared: number it.
        let k = key;
        for (let n = 2; out.has(k); n++)
            k = `${key} #${n}`;
        out.set(k, e);
    };
    for (const o of side.argo) {
        if (environmentOf(o, envs) !== env.name)
            continue;
        const service = labelsOf(o)[SERVICE_LABEL];
        const of = typeof service === 'string' && service !== '' ? { service } : {};
        add(`argo ${idOf(o)}`, { id: idOf(o), canonical: canonical(o), ...of });
        if (o['kind'] !== 'Application')
            continue;
        const path = o['spec']?.source?.path;
        const built = typeof path === 'string' ? side.built.get(path) : undefined;
        if (built === undefined || typeof path !== 'string')
            continue;
        const where = { path, ...of };
        if ('unbuilt' in built) {
            add(`path ${path}`, { id: `kustomize build of ${path} (${built.unbuilt})`, canonical: built.unbuilt, unbuilt: true, ...where });
            continue;
        }
        for (const obj of built.objects) {
            if (isControlPlane(obj))
                continue;
            add(`path ${path} ${idOf(obj)}`, { id: idOf(obj), canonical: canonical(obj), ...where });
        }
    }
    return out;
}
/** The environment an Argo CD object belongs to: its label, else its destination namespace; `undefined` for the control plane. */
export function environmentOf(o, envs) {
    const label = labelsOf(o)[ENV_LABEL];
    if (typeof label === 'string' && envs.some((e) => e.name === label))
        return label;
    const spec = (o['spec'] ?? {});
    const ns = spec.destination?.namespace ?? spec.template?.spec?.destination?.namespace;
    return envs.find((e) => e.namespace === ns)?.name;
}
function isControlPlane(o) {
    const group = String(o['apiVersion'] ?? '').split('/')[0];
    const ns = o['metadata']?.namespace;
    return (group === 'argoproj.io' && CONTROL_PLANE_KINDS.has(String(o['kind']))) || ns === ARGOCD_NAMESPACE;
}
function labelsOf(o) {
    return (o['metadata']?.labels ?? {});
}
/** `apiVersion/kind namespace/name`. */
function idOf(o) {
    const m = (o['metadata'] ?? {});
    return `${String(o['apiVersion'])}/${String(o['kind'])} ${typeof m.namespace === 'string' && m.namespace ? `${m.namespace}/` : ''}${String(m.name ?? '')}`;
}
/** JSON with map keys sorted: two objects that mean the same have the same text. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (v !== null && typeof v === 'object') {
        const o = v;
        return `{${Object.keys(o)
            .filter((k) => o[k] !== undefined)
            .sort(cmp)
            .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
            .join(',')}}`;
    }
    return JSON.stringify(v) ?? 'null';
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
