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
import { Enum, Struct } from '../shared/declare.js';

/**
 * Licences an add-on may carry: open-source licences the platform accepts (OSI approved). Anything
 * else (the Elastic License 2.0 of ECK, a "source-available" licence) needs a decision, not an edit.
 */
const ADDON_LICENCES = ['Apache-2.0', 'MPL-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC'] as const;

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
