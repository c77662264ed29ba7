/**
 * Declaration of `platform/addons.yaml`: the add-ons the platform installs (operators and their CRDs),
 * each pinned to one upstream release. Its type, validator and editor
 * schema come from the declaration (build time only: run-time code imports its types).
 *
 * Designed to grow without reshaping: an entry is a mapping keyed by field, so the next issue adds
 * how an add-on is installed (its chart or manifest source, values, namespace, sync wave) as new
 * keys of the same entry; nothing existing moves.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Struct } from '../shared/declare.js';
import { ADDON_WAVES } from '../shared/vocabulary.js';

const Chart = Struct(
  {
    repoURL: Type.String({ description: 'The Helm chart repository (an https index URL).', examples: ['https://charts.jetstack.io'] }),
    name: Type.String({ description: 'The chart in that repository.', examples: ['cert-manager'] }),
    version: Type.String({ description: 'The exact chart version whose `appVersion` is the pinned `version` (cite it in a comment).', examples: ['v1.21.1'] }),
  },
  { description: 'Installed from a Helm chart.' },
);

const Git = Struct(
  {
    repoURL: Type.String({ description: 'The upstream Git repository, checked out at the pinned `version` (the tag).', examples: ['https://github.com/rabbitmq/cluster-operator'] }),
    path: Type.String({ description: 'The folder Argo CD builds at that tag (a kustomization).', examples: ['config/installation'] }),
    images: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Kustomize image overrides (`name=newName:tag`): upstream folders name a development tag that its release process replaces.',
        examples: [['rabbitmqoperator/cluster-operator-dev=ghcr.io/rabbitmq/cluster-operator:2.22.3']],
      }),
    ),
    patches: Type.Optional(
      Type.Array(
        Struct({
          target: MapOf(Type.String(), { description: 'Which objects: `kind`, `name`, ….', examples: [{ kind: 'Secret', name: 'plugin-barman-cloud' }] }),
          patch: Type.String({ description: 'A JSON 6902 or strategic-merge patch, as YAML text.' }),
        }),
        { description: 'Kustomize patches for what an image override cannot reach (a generated Secret naming an image).' },
      ),
    ),
  },
  { description: 'Installed from a kustomization of the upstream repository at the pinned tag.' },
);

const Install = Struct(
  {
    chart: Type.Optional(Chart),
    git: Type.Optional(Git),
    namespace: Type.String({ description: 'Namespace the add-on runs in (created by Argo CD).', examples: ['cert-manager'] }),
    wave: Type.Integer({
      default: ADDON_WAVES.first,
      description: `Place in the add-on sync order, ${ADDON_WAVES.first} (first) to ${ADDON_WAVES.last}: an add-on waits for every add-on of a lower wave to be Healthy. Default ${ADDON_WAVES.first}.`,
      examples: [1],
    }),
    dependsOn: Type.Array(Type.String(), {
      default: [],
      description: 'Add-ons that must be running first (e.g. `cert-manager` for webhook certificates): each needs a lower `wave`.',
      examples: [['cert-manager']],
    }),
    values: MapOf(Type.Unknown(), { default: {}, description: 'Helm values of the chart (`chart` only), inline.', examples: [{ crds: { enabled: true } }] }),
    clusters: Type.Optional(
      Type.Array(Type.String(), { description: 'The clusters (`clusters/<name>/`) that run it. Default: every cluster.', examples: [['prod']] }),
    ),
  },
  {
    description: 'How Argo CD installs the add-on: exactly one of `chart` or `git`, its namespace and its wave. Without it the add-on is installed outside this repository.',
    examples: [{ chart: { repoURL: 'https://charts.jetstack.io', name: 'cert-manager', version: 'v1.21.1' }, namespace: 'cert-manager', values: { crds: { enabled: true } } }],
  },
);

/**
 * Licences an add-on may carry: open-source licences the platform accepts (OSI approved), and the one
 * "source-available" licence decided on: the Elastic License 2.0 of ECK (the plan's ELK, docs/logging.md
 * "Why ECK"). It allows running the software for our own platform; it forbids offering it to third parties
 * as a managed service and working around licence keys, neither of which we do. Any other needs a
 * decision, not an edit.
 */
const ADDON_LICENCES = ['Apache-2.0', 'MPL-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'Elastic-2.0'] as const;

const Addon = Struct({
  name: Type.String({
    description: 'The add-on, a DNS-1123 label equal to its folder `platform/crds/<name>/`.',
    examples: ['cert-manager'],
  }),
  version: Type.String({
    description: 'The upstream release tag, exactly as tagged (with its `v` where upstream writes one); equal to the folder `platform/crds/<name>/<version>/`.',
    examples: ['v1.21.1'],
  }),
  repository: Type.String({
    description: 'The upstream GitHub repository (`owner/name`) the release and its CRD files come from, as platform/crds/README.md lists it.',
    examples: ['cert-manager/cert-manager'],
  }),
  licence: Enum(ADDON_LICENCES, {
    description: 'SPDX identifier of the licence of the add-on and its CRD files, as platform/crds/README.md lists it.',
    examples: ['Apache-2.0'],
  }),
  install: Type.Optional(Install),
});

export const AddonsFile = Struct(
  {
    addons: Type.Array(Addon, {
      description: 'Every add-on the platform installs, one entry each, pinned to one version.',
      examples: [[{ name: 'cert-manager', version: 'v1.21.1', repository: 'cert-manager/cert-manager', licence: 'Apache-2.0' }]],
    }),
  },
  { $id: 'https://suoke-life.com/schemas/addons.json', title: 'platform/addons.yaml' },
);

/** `platform/addons.yaml` as written. */
export type AddonsFile = Static<typeof AddonsFile>;

/**
 * One pinned add-on: `file` is `platform/addons.yaml`, `index` its place in `addons` and `line` the
 * line of its `version`, where findings about the pin point.
 */
export type AddonConfig = Static<typeof Addon> & { file: string; index: number; line: number };
