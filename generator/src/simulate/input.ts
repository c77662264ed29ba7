/**
 * The simulation's input from a rendered tree: the bootstrap file's objects, the objects of every
 * Argo CD path, and the Applications the committed `argocd/` defines (so one never created is
 * still reported).
 */
import yaml from 'js-yaml';
import type { ArgoDocument } from '../argo/documents.js';
import { expandApplications } from '../argo/expand.js';
import { isPlainObject } from '../core/objects.js';
import { ARGOCD_HOST_LABEL } from '../render/argocd-monitoring.js';
import { keyOf, label, meta, nameOf, rec, str, type Obj } from './objects.js';
import { PRECONDITIONS } from './preconditions.js';
import type { ExpectedApp } from './run.js';
import type { SimInput } from './world.js';

/** Every object of a multi-document YAML text. */
export function documents(text: string): Obj[] {
  return yaml.loadAll(text).filter(isPlainObject);
}

/** Where each Application is defined (file), for findings. */
export interface SimTree {
  input: SimInput;
  expected: ExpectedApp[];
  files: Map<string, string>;
}

/**
 * A tree given as the bootstrap file's text, the `argocd/` path's objects (with the files they
 * come from), and the objects of every other path.
 */
export function simTree(opts: {
  bootstrap: string;
  argocdPath: string;
  argocd: readonly ArgoDocument[];
  source: (path: string) => readonly Obj[] | { error: string };
  revision: string;
  namespace?: string;
  /** The kinds of each add-on's pinned CRDs, by add-on ({@link SimInput.addonKinds}). */
  addonKinds?: ReadonlyMap<string, readonly string[]>;
}): SimTree {
  const ns = opts.namespace ?? 'argocd';
  const bootstrap = documents(opts.bootstrap);
  const files = new Map<string, string>();
  const expected: ExpectedApp[] = [];
  const { applications } = expandApplications([...bootstrap.map((object) => ({ file: `${opts.argocdPath}/bootstrap.yaml`, object })), ...opts.argocd]);
  const setKey = (origin: string) => `argoproj.io/ApplicationSet/${ns}/${origin.split(' ')[1] ?? ''}`;
  for (const a of applications) {
    const name = nameOf(a.application);
    if (files.has(name)) continue;
    files.set(name, a.file);
    const via = a.origin.startsWith('ApplicationSet ') ? setKey(a.origin) : keyOf({ ...a.application, metadata: { ...meta(a.application), namespace: ns } });
    expected.push({ name, project: str(rec(a.application['spec'])['project']) ?? '', via });
  }
  // Where Argo CD runs, as the tree says: the destinations of the Applications labelled for it.
  const hosts = applications.filter((a) => label(a.application, ARGOCD_HOST_LABEL) === 'true').map((a) => str(rec(rec(a.application['spec'])['destination'])['server']) ?? '');
  const input: SimInput = {
    bootstrap,
    source: opts.source,
    revision: opts.revision,
    argocdNamespace: ns,
    preconditions: PRECONDITIONS,
    ...(opts.addonKinds ? { addonKinds: opts.addonKinds } : {}),
    ...(hosts.length > 0 ? { argocdHosts: [...new Set(hosts)].sort() } : {}),
  };
  return { input, expected, files };
}
