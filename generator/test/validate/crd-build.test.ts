import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCrdSchemas } from '../../scripts/build-crd-schemas.js';
import { jsPattern } from '../../scripts/crd-ajv.js';
import { diskFs, memoryFs } from '../../src/core/fs.js';
import { createSchemaValidator, staleCrdFindings } from '../../src/validate/schema/index.js';
import { defaultIndexPath } from '../../src/validate/schema/schema-table.js';
import type { SchemaIndex } from '../../src/validate/schema/index-format.js';

// The build step on synthetic repositories: a CRD folder of our own, compiled beside a copy of the index.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crd-build-'));
// The compiled validators require ajv's runtime helpers, as they do from generator/dist.
fs.symlinkSync(path.resolve(import.meta.dirname, '../../../node_modules'), path.join(tmp, 'node_modules'), 'dir');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function crd(group: string, kind: string, schema: Record<string, unknown>, version = 'v1'): string {
  return JSON.stringify({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${kind.toLowerCase()}s.${group}` },
    spec: { group, names: { kind, plural: `${kind.toLowerCase()}s` }, scope: 'Namespaced', versions: [{ name: version, served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
  });
}

/** Builds the CRDs `files` (path under platform/crds → text) into a fresh index; returns its path. */
function build(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'platform/crds', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'platform/crds', file), text);
  }
  const index = JSON.parse(fs.readFileSync(defaultIndexPath(), 'utf8')) as SchemaIndex;
  const indexFile = path.join(root, 'dist', 'schema-index.json');
  fs.mkdirSync(path.dirname(indexFile), { recursive: true });
  buildCrdSchemas(index, indexFile, root);
  fs.writeFileSync(indexFile, JSON.stringify(index));
  return indexFile;
}

const WIDGET = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        mode: { type: 'string', pattern: '^(?i)(fast|slow)$' },
        when: { type: 'string', format: 'date-time', nullable: true },
      },
    },
  },
};

describe('build-crd-schemas', () => {
  const indexFile = build('widgets', { 'example/v1.0.0/widgets.yaml': `# a comment\n---\n${crd('example.com', 'Widget', WIDGET)}\n` });
  const validator = createSchemaValidator({ indexPath: indexFile });
  const widget = (spec: Record<string, unknown>) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'x' }, spec });
  const errors = (spec: Record<string, unknown>) => validator.validate(widget(spec), { file: 'w.yaml' }).findings.map((f) => `${f.check} ${f.path}: ${f.message}`);

  it('records every CRD file and its sha256', () => {
    const index = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as SchemaIndex;
    expect(index.crds).toEqual([{ file: 'platform/crds/example/v1.0.0/widgets.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(index.kinds['example.com/v1/Widget']?.v).toEqual({ crd: 'platform/crds/example/v1.0.0/widgets.yaml', g: 'crd-validators/000-example.com_v1_Widget.cjs' });
  });

  it('an embedded resource needs apiVersion and kind, its metadata is ObjectMeta, the rest is preserved', () => {
    expect(errors({ template: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { a: 'b' } }, data: { any: 'thing' } } })).toEqual([]);
    expect(errors({ template: { metadata: { name: 'c', labelz: {} } } })).toEqual([
      'schema/unknown-field spec.template.metadata.labelz: unknown field "labelz", did you mean "labels"?',
      'schema/required spec.template.apiVersion: required field "apiVersion" is missing',
      'schema/required spec.template.kind: required field "kind" is missing',
    ]);
  });

  it("RE2's (?i) is honoured: the pattern is case-insensitive inside its group", () => {
    expect(errors({ mode: 'FAST' })).toEqual([]);
    expect(errors({ mode: 'medium' })).toEqual(['schema/format spec.mode: "medium" does not match the pattern ^([fF][aA][sS][tT]|[sS][lL][oO][wW])$']);
  });

  it('nullable admits null; format date-time is checked', () => {
    expect(errors({ when: null })).toEqual([]);
    expect(errors({ when: 'yesterday' })).toEqual(['schema/format spec.when: "yesterday" is not a valid date-time']);
  });

  it('the same group/version/kind in two files is a build error naming both', () => {
    expect(() =>
      build('twice', {
        'a/v1/one.yaml': crd('example.com', 'Widget', WIDGET),
        'b/v2/two.yaml': crd('example.com', 'Widget', WIDGET),
      }),
    ).toThrow('example.com/v1/Widget is defined twice: in platform/crds/a/v1/one.yaml and in platform/crds/b/v2/two.yaml; keep one CRD per group, version and kind under platform/crds');
  });
});

describe('jsPattern (Go RE2 to JavaScript)', () => {
  it.each([
    ['^[a-z]+$', '^[a-z]+$'],
    ['^(?i)(abort|warn)?$', '^([aA][bB][oO][rR][tT]|[wW][aA][rR][nN])?$'],
    ['^((?i)mon|tue)day$', '^([mM][oO][nN]|[tT][uU][eE])day$'],
  ])('%s -> %s', (go, js) => {
    expect(jsPattern(go)).toBe(js);
  });
});

describe('stale CRD schemas', () => {
  const compiled = [
    { file: 'platform/crds/a/v1/one.yaml', sha256: 'ee8b6a0a6f3dc5e44fc85d5bb0ea5d64e93cb9c69e05d3cbb3cc0cdbf4fcc1b3' },
    { file: 'platform/crds/a/v1/gone.yaml', sha256: '0'.repeat(64) },
  ];

  it('nothing to say when the folder matches the build (README.md and other files are not CRDs)', () => {
    const files = new Map([['platform/crds/a/v1/one.yaml', 'kind: x\n'], ['platform/crds/README.md', '# notes\n']]);
    const built = [{ file: 'platform/crds/a/v1/one.yaml', sha256: createHash('sha256').update('kind: x\n').digest('hex') }];
    expect(staleCrdFindings(memoryFs(Object.fromEntries(files)), built)).toEqual([]);
  });

  it('a changed, an added and a removed CRD are each an error telling to run npm run build', () => {
    const files = new Map([['platform/crds/a/v1/one.yaml', 'kind: changed\n'], ['platform/crds/b/v2/new.yml', 'kind: new\n']]);
    expect(staleCrdFindings(memoryFs(Object.fromEntries(files)), compiled).map((f) => `${f.severity} ${f.check} ${f.file}: ${f.message} | ${f.hint}`)).toEqual([
      expect.stringMatching(/^error schema\/crds-stale platform\/crds\/a\/v1\/one\.yaml: this CRD changed since the last `npm run build` \(built from sha256 ee8b6a0a6f3d…, now [0-9a-f]{12}…\): its kinds would be judged by stale schemas \| run `npm run build`/),
      'error schema/crds-stale platform/crds/b/v2/new.yml: this CRD is not in the schemas the validator was built with (added since the last `npm run build`) | run `npm run build`: it compiles the schemas of the custom resources from the CRDs under platform/crds/',
      'error schema/crds-stale platform/crds/a/v1/gone.yaml: this CRD was removed since the last `npm run build`, but the validator still judges its kinds by it | run `npm run build`: it compiles the schemas of the custom resources from the CRDs under platform/crds/',
    ]);
  });

  it('a file the add-on checks report as edited (addons/crd-modified) is not reported again as stale', () => {
    const files = new Map([['platform/crds/a/v1/one.yaml', 'kind: changed\n']]);
    const found = staleCrdFindings(memoryFs(Object.fromEntries(files)), compiled, new Set(['platform/crds/a/v1/one.yaml']));
    expect(found.map((f) => f.file)).toEqual(['platform/crds/a/v1/gone.yaml']);
  });

  it('a repository without platform/crds is judged by the CRDs compiled in', () => {
    expect(staleCrdFindings(memoryFs(Object.fromEntries([['apps/x/service.yaml', 'a: 1\n']])), compiled)).toEqual([]);
  });

  it('the repository as built: platform/crds matches the index', () => {
    const validator = createSchemaValidator();
    expect(validator.crds.length).toBe(52);
    expect(staleCrdFindings(diskFs(path.resolve(import.meta.dirname, '../../..')), validator.crds)).toEqual([]);
  });
});
