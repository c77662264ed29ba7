import { PRECONDITIONS } from '../../src/simulate/preconditions.js';
import { simulate } from '../../src/simulate/run.js';
const WORKLOAD = 'https://workload.example:6443';
/** An AppProject allowing everything, with optional overrides of its spec. */
export function project(name, spec = {}) {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name, namespace: 'argocd' },
        spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }], clusterResourceWhitelist: [{ group: '*', kind: '*' }], ...spec },
    };
}
/** An auto-synced Application of `path` into `namespace`, with optional extra spec and annotations. */
export function application(name, path, o = {}) {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name, namespace: 'argocd', ...(o.annotations ? { annotations: o.annotations } : {}) },
        spec: {
            project: o.project ?? 'p',
            source: { repoURL: 'https://git.example/r.git', path, targetRevision: 'main' },
            destination: { server: o.server ?? WORKLOAD, namespace: o.namespace ?? 'apps' },
            syncPolicy: o.syncPolicy ?? { automated: { prune: true } },
        },
    };
}
export const namespace = (name, labels = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
export const configMap = (name, ns, annotations = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(ns ? { namespace: ns } : {}), annotations }, data: {} });
function input(bootstrap, paths, revision = 'r1') {
    return { bootstrap, source: (p) => paths[p] ?? { error: `no path ${p}` }, revision, preconditions: PRECONDITIONS };
}
/** Plays a bootstrap (project `p` and the given objects) from `at`. */
export function play(bootstrap, paths, at = '2026-12-05T12:00:00+08:00', horizonMs) {
    return simulate(input([project('p'), ...bootstrap], paths), { at: new Date(at), ...(horizonMs !== undefined ? { horizonMs } : {}) }, []);
}
export function outcome(r, app) {
    const a = r.apps.find((x) => x.name === app);
    if (!a)
        throw new Error(`no Application ${app} in ${r.apps.map((x) => x.name).join(', ')}`);
    return { sync: a.sync, health: a.health, ...(a.blocker ? { blocker: a.blocker.text } : {}) };
}
