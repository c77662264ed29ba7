import { cmp } from '../core/finding.js';
import { renderArgo } from './argocd.js';
import { indexFile } from './files.js';
import { renderLayout } from './layout.js';
/** Renders the whole repository from the model. Pure: no I/O, same model → same bytes. */
export function render(model) {
    const layout = renderLayout(model);
    const argo = renderArgo(model, layout.targets);
    const generated = [...layout.files, ...argo.files];
    const files = [...generated, indexFile(generated)].sort((a, b) => cmp(a.path, b.path));
    const targets = [...layout.targets, ...argo.targets].sort((a, b) => cmp(a.path, b.path));
    return { files, targets };
}
