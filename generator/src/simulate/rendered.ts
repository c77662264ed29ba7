/**
 * The simulation's input from the generator's own render (the objects it means every Argo CD path
 * to hold; `validate` proves kustomize builds exactly those): for tests and for trees rendered in
 * memory with other settings (a test week's windows).
 */
import type { RenderResult } from '../render/index.js';
import { argoDocuments } from '../argo/documents.js';
import { simTree, type SimTree } from './input.js';
import type { Obj } from './objects.js';

/**
 * `addonKinds`: the kinds of each add-on's pinned CRDs (validate/simulation.ts `pinnedKinds`), served
 * once its Application runs; without them an add-on serves nothing.
 */
export function renderedTree(rendered: RenderResult, revision = 'HEAD', addonKinds?: ReadonlyMap<string, readonly string[]>): SimTree {
  const byPath = new Map(rendered.targets.map((t) => [t.path, t.objects as unknown as Obj[]]));
  const bootstrap = rendered.files.find((f) => f.path === 'argocd/bootstrap.yaml')?.content ?? '';
  return simTree({
    bootstrap,
    argocdPath: 'argocd',
    argocd: argoDocuments(rendered.files, 'argocd'),
    source: (path) => byPath.get(path) ?? { error: `path ${JSON.stringify(path)} does not exist in the repository` },
    revision,
    ...(addonKinds ? { addonKinds } : {}),
  });
}
