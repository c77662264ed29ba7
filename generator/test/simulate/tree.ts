/** The old tree (before the fixes of issue 9 defects 1–3) as simulation input, optionally changed. */
import { readFileSync } from 'node:fs';
import { simTree, type SimTree } from '../../src/simulate/input.js';
import { documents } from '../../src/simulate/input.js';
import type { Obj } from '../../src/simulate/objects.js';

interface Fixture {
  files: { path: string; content: string }[];
  paths: Record<string, Obj[]>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/simulate/old-tree.json', import.meta.url), 'utf8')) as Fixture;

/** `extra`: objects added to what the bootstrap Application syncs (`argocd/`). */
export function oldTree(opts: { extra?: Obj[]; revision?: string } = {}): SimTree {
  const argocd = fixture.files
    .filter((f) => !f.path.endsWith('kustomization.yaml') && f.path !== 'argocd/argocd.yaml')
    .flatMap((f) => documents(f.content).map((object) => ({ file: f.path, object })));
  const argocdObjects = [...argocd.map((d) => d.object), ...(opts.extra ?? [])];
  const tree = simTree({
    bootstrap: fixture.files.find((f) => f.path === 'argocd/bootstrap.yaml')!.content,
    argocdPath: 'argocd',
    argocd,
    source: (p) => (p === 'argocd' ? argocdObjects : (fixture.paths[p] ?? { error: `no path ${p}` })),
    revision: opts.revision ?? 'old',
  });
  // The old tree assumed prometheus-operator installed outside the repository (a precondition then; a
  // pinned add-on of the tree since issue 13): without its CRDs its monitors and rules would never apply.
  const outside = {
    name: 'prometheus-operator, installed outside the repository as the old tree assumed',
    source: 'docs/argocd.md (before issue 13)',
    crds: ['monitoring.coreos.com/ServiceMonitor', 'monitoring.coreos.com/PodMonitor', 'monitoring.coreos.com/PrometheusRule', 'monitoring.coreos.com/AlertmanagerConfig'],
    namespaces: ['monitoring'],
  };
  const pre = tree.input.preconditions;
  return { ...tree, input: { ...tree.input, preconditions: { ...pre, workload: [...pre.workload, outside] } } };
}
