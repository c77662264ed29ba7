/**
 * The add-on checks on platform/crds (validate/addons.ts), table-driven over an in-memory tree: one
 * pinned add-on with one CRD file, each case changing one thing, with the exact findings (or none).
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkPinnedCrds } from '../../src/validate/addons.js';
import { crdFacts } from '../../src/validate/crd-facts.js';
import { readmeRows } from '../../src/validate/crd-readme.js';
const sha = (t) => createHash('sha256').update(t).digest('hex');
/** A Gateway API CRD that states its release, as upstream's do. */
const crd = (bundle = 'v1.6.1') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  annotations:
    controller-gen.kubebuilder.io/version: v0.21.0
    gateway.networking.k8s.io/bundle-version: ${bundle}
  name: gateways.gateway.networking.k8s.io
spec:
  group: gateway.networking.k8s.io
  names:
    kind: Gateway
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        type: object
    served: true
`;
const FILE = 'platform/crds/gateway-api/v1.6.1/gateways.yaml';
const TEXT = crd();
const pin = { name: 'gateway-api', version: 'v1.6.1', repository: 'kubernetes-sigs/gateway-api', licence: 'Apache-2.0', file: 'platform/addons.yaml', index: 0, line: 3 };
const row = (file, text, o = {}) => `| \`${file.replace('platform/crds/', '')}\` | ${o.repo ?? 'kubernetes-sigs/gateway-api'} | ${o.tag ?? 'v1.6.1'} | \`config/crd/x.yaml\` | Gateway | ${o.licence ?? 'Apache-2.0'} (\`LICENSE\`) | \`${sha(text)}\` |`;
const readme = (rows) => `# Pinned CRDs\n\n| File | Repository | Tag | Upstream path | Kinds | Licence | sha256 |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\nAfter the table.\n`;
function input(t = {}) {
    const files = new Map(Object.entries(t.files ?? { [FILE]: TEXT }));
    return {
        addons: t.addons ?? [pin],
        files,
        folders: t.folders ?? ['platform/crds/gateway-api', 'platform/crds/gateway-api/v1.6.1'],
        rows: readmeRows(t.readme ?? readme([row(FILE, TEXT)])),
        facts: (f) => crdFacts(files.get(f) ?? ''),
    };
}
const shown = (fs) => fs.map(({ severity, ...rest }) => (expect(severity).toBe('error'), rest));
const OLD = 'platform/crds/gateway-api/v1.5.0';
const EDITED = `${TEXT}# tuned\n`;
const cases = [
    { name: 'the pinned folder, listed and unmodified: quiet', tree: {}, expect: [] },
    { name: 'the pinned folder is missing', tree: { files: {}, folders: ['platform/crds/gateway-api', OLD], readme: readme([]) },
        expect: [
            { check: 'addons/crd-folder-missing', file: 'platform/addons.yaml', line: 3, path: 'addons[0].version', message: 'add-on `gateway-api` is pinned to v1.6.1, but platform/crds/gateway-api/v1.6.1/ is not there', hint: 'add the unmodified CRD files of kubernetes-sigs/gateway-api v1.6.1 there and list them in platform/crds/README.md, or pin the version that is there (`v1.5.0`)' },
            { check: 'addons/crd-folder-stale', file: `${OLD}/`, message: 'is a version of add-on `gateway-api` other than its pin v1.6.1', hint: `remove it (\`git rm -r ${OLD}\`) and its rows in platform/crds/README.md: the repository keeps the CRDs of the pinned version only` },
        ],
    },
    { name: "a second version's folder left behind (its files are the folder's finding)", tree: { files: { [FILE]: TEXT, [`${OLD}/gateways.yaml`]: crd('v1.5.0') }, folders: ['platform/crds/gateway-api', 'platform/crds/gateway-api/v1.6.1', OLD] },
        expect: [{ check: 'addons/crd-folder-stale', file: `${OLD}/`, message: 'is a version of add-on `gateway-api` other than its pin v1.6.1', hint: `remove it (\`git rm -r ${OLD}\`) and its rows in platform/crds/README.md: the repository keeps the CRDs of the pinned version only` }],
    },
    { name: 'a folder no add-on pins', tree: { addons: [], files: {}, folders: ['platform/crds/velero', 'platform/crds/velero/v1.18.1'], readme: readme([]) },
        expect: [{ check: 'addons/crd-folder-unpinned', file: 'platform/crds/velero/', message: 'holds the CRDs of an add-on that platform/addons.yaml does not pin', hint: 'pin it in platform/addons.yaml (`- name: velero` with its version, repository and licence), or remove the folder and its rows in platform/crds/README.md' }],
    },
    { name: 'an edited CRD file', tree: { files: { [FILE]: EDITED } },
        expect: [{ check: 'addons/crd-modified', file: FILE, message: `differs from the upstream file platform/crds/README.md lists (line 5): sha256 ${sha(EDITED)}, listed ${sha(TEXT)}`, hint: `restore the upstream bytes (\`git checkout -- ${FILE}\`, or fetch it again from kubernetes-sigs/gateway-api at v1.6.1): CRD files are never edited; a new version is a new folder` }],
    },
    { name: 'a file added without a README row', tree: { files: { [FILE]: TEXT, 'platform/crds/gateway-api/v1.6.1/extra.yaml': 'kind: Foo\n' } },
        expect: [{ check: 'addons/crd-unlisted', file: 'platform/crds/gateway-api/v1.6.1/extra.yaml', message: 'is not listed in platform/crds/README.md', hint: 'list it there with its repository, tag, upstream path, licence and sha256 (`sha256sum platform/crds/gateway-api/v1.6.1/extra.yaml`), or remove it' }],
    },
    { name: 'a loose file beside the version folders', tree: { files: { [FILE]: TEXT, 'platform/crds/gateway-api/notes.txt': 'x' } },
        expect: [{ check: 'addons/crd-unlisted', file: 'platform/crds/gateway-api/notes.txt', message: 'is not listed in platform/crds/README.md', hint: 'CRD files live in platform/crds/<add-on>/<version>/; move it there and list it, or remove it' }],
    },
    { name: 'a file removed, its README row left', tree: { files: {} },
        expect: [{ check: 'addons/crd-missing', file: 'platform/crds/README.md', line: 5, message: `lists ${FILE}, which is not there`, hint: 'restore the file (`git cat-file blob v1.6.1:<upstream path>` in a clone of kubernetes-sigs/gateway-api), or remove its row' }],
    },
    { name: 'no README at all: every file is unlisted', tree: { readme: '' },
        expect: [{ check: 'addons/crd-unlisted', file: FILE, message: 'is not listed in platform/crds/README.md', hint: `list it there with its repository, tag, upstream path, licence and sha256 (\`sha256sum ${FILE}\`), or remove it` }],
    },
    { name: 'a README row of another tag, repository and licence than the pin', tree: { readme: readme([row(FILE, TEXT, { repo: 'other/gateway-api', tag: 'v1.6.0', licence: 'MIT' })]) },
        expect: [{ check: 'addons/crd-provenance', file: 'platform/crds/README.md', line: 5, message: `row of ${FILE} says repository other/gateway-api (pinned: kubernetes-sigs/gateway-api), tag v1.6.0 (pinned: v1.6.1), licence MIT (pinned: Apache-2.0)`, hint: 'correct the row or the pin of `gateway-api` in platform/addons.yaml: both name the release the file was taken from' }],
    },
    { name: 'a CRD stating another release than the pin (files of v1.6.0 in the v1.6.1 folder)', tree: { files: { [FILE]: crd('v1.6.0') }, readme: readme([row(FILE, crd('v1.6.0'))]) },
        expect: [{ check: 'addons/crd-version', file: FILE, message: 'the Gateway CRD states release v1.6.0 (`gateway.networking.k8s.io/bundle-version`), but `gateway-api` is pinned to v1.6.1', hint: 'put the files of v1.6.1 in platform/crds/gateway-api/v1.6.1/ (fetched from kubernetes-sigs/gateway-api at that tag), or pin the release the files are of' }],
    },
    { name: "a release stated without the pin's `v` is the same release: quiet", tree: { files: { [FILE]: crd('1.6.1') }, readme: readme([row(FILE, crd('1.6.1'))]) }, expect: [] },
];
describe('the pinned CRD folders and files', () => {
    test.each(cases)('$name', (c) => expect(shown(checkPinnedCrds(input(c.tree)))).toEqual(c.expect));
});
describe('crdFacts', () => {
    test('reads group, kind, served versions and the stated release, not the code generator version', () => {
        expect(crdFacts(TEXT)).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', served: ['v1'], release: [{ marker: 'gateway.networking.k8s.io/bundle-version', value: 'v1.6.1' }] }]);
    });
    test('a version that is not served is left out; the schema subtree is cut, its lines never parsed', () => {
        const text = TEXT.replace('    served: true\n', "    served: true\n  - name: v1beta1\n    schema:\n      openAPIV3Schema:\n        enum:\n        - =\n        - [unclosed\n# a comment at column 0 inside the schema\n    served: false\n");
        expect(crdFacts(text)[0]?.served).toEqual(['v1']);
    });
    test('a file that is no CRD, or does not parse, has none', () => {
        expect(crdFacts('apiVersion: v1\nkind: ConfigMap\n')).toEqual([]);
        expect(crdFacts('kind: [\n')).toEqual([]);
    });
});
describe('readmeRows', () => {
    test('reads the table by its header names, whatever the column order, and stops at its end', () => {
        const text = '| sha256 | File | Licence | Tag | Repository |\n|---|---|---|---|---|\n| `ab` | `a/v1/x.yaml` | MPL-2.0 (`LICENSE.txt`, `NOTICE.txt`) | v1 | o/r |\n\n| not | a row |\n';
        expect(readmeRows(text)).toEqual([{ file: 'platform/crds/a/v1/x.yaml', line: 3, repository: 'o/r', tag: 'v1', licence: 'MPL-2.0', sha256: 'ab' }]);
    });
    test('no such table: no rows', () => expect(readmeRows('# Nothing\n\n| a | b |\n|---|---|\n')).toEqual([]));
});
