/**
 * Declaration of `argocd/argocd.yaml`, how Argo CD reaches this repository and who may act in the
 * AppProjects. Its type, validator and editor schema come from the declaration; its checks and the
 * builder of the typed {@link ArgoConfig} are ./checks.ts. Used by the build and `npm run schemas`;
 * run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { MapOf, Struct } from '../shared/declare.js';

const groups = (description: string, example: string, options: { default?: string[] } = {}) =>
  Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, description, examples: [[example]], ...options });

/** Platform-wide groups: none unless given. */
const platformGroups = (description: string, example: string) => groups(`${description} Default none.`, example, { default: [] });

/** Per-environment groups: a list given replaces the platform-wide one, so an absent list has no default of its own. */
const environmentGroups = (description: string, example: string) =>
  Type.Optional(groups(`${description} Default the platform-wide list.`, example));

const Roles = Struct(
  {
    deployers: platformGroups('Groups that may view and sync every environment.', 'suoke-life:platform'),
    readOnly: platformGroups('Groups that may view every environment.', 'suoke-life:developers'),
    environments: MapOf(
      Struct({
        deployers: environmentGroups('Groups that may view and sync this environment.', 'suoke-life:sre'),
        readOnly: environmentGroups('Groups that may view this environment.', 'suoke-life:developers'),
      }),
      {
        description: 'Per-environment groups by environment name; a list given here replaces the platform-wide one.',
        default: {},
        examples: [{ prod: { deployers: ['suoke-life:sre'] } }],
      },
    ),
  },
  {
    default: {},
    description: 'SSO groups of the AppProject roles `deployer` (get, sync, abort a canary) and `read-only` (get). Default none.',
    examples: [{ deployers: ['suoke-life:platform'], readOnly: ['suoke-life:developers'] }],
  },
);

export const ArgocdFile = Struct(
  {
    repoURL: Type.String({
      description: 'Git URL of this repository (https or ssh), without credentials.',
      examples: ['https://git.suoke-life.com/platform/suoke-life-gitops.git'],
    }),
    targetRevision: Type.String({ minLength: 1, default: 'main', description: 'Branch, tag or commit. Default `main`.', examples: ['main'] }),
    namespace: Type.String({ default: 'argocd', description: 'Namespace Argo CD runs in. Default `argocd`.', examples: ['argocd'] }),
    cluster: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'The cluster Argo CD runs in, by its `name` in clusters/<cluster>/cluster.yaml. Its Prometheus then scrapes Argo CD (ServiceMonitors in `namespace`) and evaluates the configuration alerts of every environment (docs/monitoring.md). Default none: Argo CD is not scraped and no configuration alerts are rendered.',
        examples: ['prod'],
      }),
    ),
    roles: Roles,
  },
  { $id: 'https://suoke-life.com/schemas/argocd.json', title: 'argocd/argocd.yaml' },
);

/** `argocd/argocd.yaml` as written, with the declared defaults filled in. */
export type ArgocdFile = Static<typeof ArgocdFile>;

/**
 * `roles`: SSO groups for every environment (`deployers` may view and sync, and abort a canary;
 * `readOnly` may view), and per-environment replacements by environment name.
 */
type ArgoRoles = Static<typeof Roles>;

/** The SSO groups of the two AppProject roles. */
export type ArgoRoleGroups = Omit<ArgoRoles, 'environments'>;

/**
 * `argocd/argocd.yaml`, typed: the Git URL the AppProjects allow, the revision Argo CD follows, its
 * namespace, the cluster it runs in (when given), the roles.
 */
export type ArgoConfig = ArgocdFile & { file: string };
