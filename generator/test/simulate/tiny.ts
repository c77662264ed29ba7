/** Small hand-written platforms for the simulator's unit tests: a project, a root Application, paths. */
import type { Obj } from '../../src/simulate/objects.js';
import { PRECONDITIONS } from '../../src/simulate/preconditions.js';
import { simulate, type SimResult } from '../../src/simulate/run.js';
import type { SimInput } from '../../src/simulate/world.js';

const WORKLOAD = 'https://workload.example:6443';

/** An AppProject allowing everything, with optional overrides of its spec. */
export function project(name: string, spec: Obj = {}): Obj {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: 'argocd' },
    spec: { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }], clusterResourceWhitelist: [{ group: '*', kind: '*' }], ...spec },
  };
}

/** An auto-synced Application of `path` into `namespace`, with optional extra spec and annotations. */
export function application(name: string, path: string, o: { project?: string; server?: string; namespace?: string; syncPolicy?: Obj; annotations?: Record<string, string> } = {}): Obj {
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

export const namespace = (name: string, labels: Record<string, string> = {}): Obj => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
export const configMap = (name: string, ns?: string, annotations: Record<string, string> = {}): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(ns ? { namespace: ns } : {}), annotations }, data: {} });

function input(bootstrap: Obj[], paths: Record<string, Obj[]>, revision = 'r1'): SimInput {
  return { bootstrap, source: (p) => paths[p] ?? { error: `no path ${p}` }, revision, preconditions: PRECONDITIONS };
}

/** Plays a bootstrap (project `p` and the given objects) from `at`. */
export function play(bootstrap: Obj[], paths: Record<string, Obj[]>, at = '2026-12-05T12:00:00+08:00', horizonMs?: number): SimResult {
  return simulate(input([project('p'), ...bootstrap], paths), { at: new Date(at), ...(horizonMs !== undefined ? { horizonMs } : {}) }, []);
}

export function outcome(r: SimResult, app: string): { sync: string; health: string; blocker?: string } {
  const a = r.apps.find((x) => x.name === app);
  if (!a) throw new Error(`no Application ${app} in ${r.apps.map((x) => x.name).join(', ')}`);
  return { sync: a.sync, health: a.health, ...(a.blocker ? { blocker: a.blocker.text } : {}) };
}
