/** The old tree (before the fixes of issue 9 defects 1–3) as simulation input, optionally changed. */
import { readFileSync } from 'node:fs';
import { simTree } from '../../src/simulate/input.js';
import { documents } from '../../src/simulate/input.js';
const fixture = JSON.parse(readFileSync(new URL('../fixtures/simulate/old-tree.json', import.meta.url), 'utf8'));
/** `extra`: objects added to what the bootstrap Application syncs (`argocd/`). */
export function oldTree(opts = {}) {
    const argocd = fixture.files
        .filter((f) => !f.path.endsWith('kustomization.yaml') && f.path !== 'argocd/argocd.yaml')
        .flatMap((f) => documents(f.content).map((object) => ({ file: f.path, object })));
    const argocdObjects = [...argocd.map((d) => d.object), ...(opts.extra ?? [])];
    return simTree({
        bootstrap: fixture.files.find((f) => f.path === 'argocd/bootstrap.yaml').content,
        argocdPath: 'argocd',
        argocd,
        source: (p) => (p === 'argocd' ? argocdObjects : (fixture.paths[p] ?? { error: `no path ${p}` })),
        revision: opts.revision ?? 'old',
    });
}
