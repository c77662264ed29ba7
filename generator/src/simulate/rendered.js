import { argoDocuments } from '../argo/documents.js';
import { simTree } from './input.js';
/**
 * `addonKinds`: the kinds of each add-on's pinned CRDs (validate/simulation.ts `pinnedKinds`), served
 * once its Application runs; without them an add-on serves nothing.
 */
export function renderedTree(rendered, revision = 'HEAD', addonKinds) {
    const byPath = new Map(rendered.targets.map((t) => [t.path, t.objects]));
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
