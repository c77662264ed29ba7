import { Type } from '../shared/typebox.js';
import { MapOf, Struct } from '../shared/declare.js';
const groups = (description, example, options = {}) => Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, description, examples: [[example]], ...options });
/** Platform-wide groups: none unless given. */
const platformGroups = (description, example) => groups(`${description} Default none.`, example, { default: [] });
/** Per-environment groups: a list given replaces the platform-wide one, so an absent list has no default of its own. */
const environmentGroups = (description, example) => Type.Optional(groups(`${description} Default the platform-wide list.`, example));
const Roles = Struct({
    deployers: platformGroups('Groups that may view and sync every environment.', 'suoke-life:platform'),
    readOnly: platformGroups('Groups that may view every environment.', 'suoke-life:developers'),
    environments: MapOf(Struct({
        deployers: environmentGroups('Groups that may view and sync this environment.', 'suoke-life:sre'),
        readOnly: environmentGroups('Groups that may view this environment.', 'suoke-life:developers'),
    }), {
        description: 'Per-environment groups by environment name; a list given here replaces the platform-wide one.',
        default: {},
        examples: [{ prod: { deployers: ['suoke-life:sre'] } }],
    }),
}, {
    default: {},
    description: 'SSO groups of the AppProject roles `deployer` (get, sync, abort a canary) and `read-only` (get). Default none.',
    examples: [{ deployers: ['suoke-life:platform'], readOnly: ['suoke-life:developers'] }],
});
export const ArgocdFile = Struct({
    repoURL: Type.String({
        description: 'Git URL of this repository (https or ssh), without credentials.',
        examples: ['https://git.suoke-life.com/platform/suoke-life-gitops.git'],
    }),
    targetRevision: Type.String({ minLength: 1, default: 'main', description: 'Branch, tag or commit. Default `main`.', examples: ['main'] }),
    namespace: Type.String({ default: 'argocd', description: 'Namespace Argo CD runs in. Default `argocd`.', examples: ['argocd'] }),
    roles: Roles,
}, { $id: 'https://suoke-life.com/schemas/argocd.json', title: 'argocd/argocd.yaml' });
