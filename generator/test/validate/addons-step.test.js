/**
 * The add-on step as `validate` runs it (validate/addons-step.ts), on an in-memory repository: what it
 * reads (platform/crds, its README, the manifests committed under argocd/ and platform/) and when the
 * kinds are held to the pins.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { memoryFs } from '../../src/core/fs.js';
import { addonsStep } from '../../src/validate/addons-step.js';
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        type: object
    served: true
`;
const FILE = 'platform/crds/widgets/v1.0.0/widgets.yaml';
const README = `| File | Repository | Tag | Upstream path | Kinds | Licence | sha256 |
|---|---|---|---|---|---|---|
| \`widgets/v1.0.0/widgets.yaml\` | example/widgets | v1.0.0 | \`crds/widgets.yaml\` | Widget | MIT | \`${createHash('sha256').update(CRD).digest('hex')}\` |
`;
const pin = { name: 'widgets', version: 'v1.0.0', repository: 'example/widgets', licence: 'MIT', file: 'platform/addons.yaml', index: 0, line: 3 };
const widget = (apiVersion) => `apiVersion: ${apiVersion}\nkind: Widget\nmetadata:\n  name: w\n`;
/** `addons: 'none'`: as without platform/addons.yaml. */
function run(extra, addons = [pin]) {
    const fs = memoryFs({ 'platform/addons.yaml': 'addons: []\n', 'platform/crds/README.md': README, [FILE]: CRD, 'argocd/argocd.yaml': 'repoURL: x\n', ...extra });
    const target = { path: 'clusters/prod/prod/web', application: 'web', env: 'prod', objects: [] };
    return addonsStep({ fs, addons: addons === 'none' ? undefined : addons, targets: [target] }).map((f) => `${f.check} ${f.file}: ${f.message}`);
}
describe('the add-on step', () => {
    test('pinned, listed, unmodified, and every custom kind served: no finding', () => {
        expect(run({ 'argocd/extra.yaml': widget('example.com/v1'), 'platform/widgets/w.yaml': widget('example.com/v1') })).toEqual([]);
    });
    test('a manifest hand-added under argocd/ (applied by the bootstrap Application) is held to the pins', () => {
        expect(run({ 'argocd/extra.yaml': widget('example.com/v2') })).toEqual([
            'addons/kind-without-crd argocd/extra.yaml: a rendered kind has no schema: Widget/w is `example.com/v2`, which the pinned `widgets` CRD of Widget does not serve (served: v1)',
        ]);
    });
    test('a manifest under platform/ that does not parse', () => {
        expect(run({ 'platform/widgets/w.yaml': 'kind: [\n' })).toEqual([
            'addons/manifest-unreadable platform/widgets/w.yaml: does not parse as YAML (unexpected end of the stream within a flow collection), so the kinds it holds cannot be checked',
        ]);
    });
    test('without platform/addons.yaml: the folders are unpinned, the kinds are not checked', () => {
        expect(run({ 'argocd/extra.yaml': widget('example.com/v2') }, 'none')).toEqual([
            'addons/crd-folder-unpinned platform/crds/widgets/: holds the CRDs of an add-on that platform/addons.yaml does not pin',
        ]);
    });
    test('the CRDs of a stale folder serve nothing', () => {
        expect(run({ 'platform/crds/widgets/v0.9.0/widgets.yaml': CRD.replace('widgets.example.com', 'gadgets.example.com').replace('kind: Widget', 'kind: Gadget'), 'argocd/g.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n' })).toEqual([
            'addons/crd-folder-stale platform/crds/widgets/v0.9.0/: is a version of add-on `widgets` other than its pin v1.0.0',
            'addons/kind-without-crd argocd/g.yaml: a rendered kind has no schema: Gadget/g is `example.com/v1` Gadget, which no pinned add-on\'s CRD defines',
        ]);
    });
});
