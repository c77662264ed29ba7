/**
 * Every hand-edited configuration file names its editor schema in a `yaml-language-server` modeline,
 * so VS Code (Red Hat's YAML extension), Neovim and JetBrains complete and check it as people type
 * (docs/editor-schemas.md). The modeline is the file's last line: it moves no line of the file, and so
 * no line number a message or a review comment points at.
 *
 * Found here as the language server finds it: every comment of the document, in the order the
 * `yaml` package gives them (the document's leading comment, each node's comment before and after,
 * the document's trailing comment), the first that matches its modeline pattern, then its `$schema`
 * (redhat-developer/yaml-language-server src/languageservice/parser/yamlParser07.ts
 * `collectLineComments` and src/languageservice/services/modelineUtil.ts `getSchemaFromModeline`,
 * `isModeline` @ 3d2ae4ad1e2028f407c1bf93f5e4305ac8ca5e54).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument, visit, type Node } from 'yaml';
import { REPO_ROOT } from '../helpers/platform.js';

/** The comment lines the language server scans, in its order. */
function lineComments(text: string): string[] {
  const doc = parseDocument(text);
  const lines: string[] = [];
  if (doc.commentBefore) lines.push(...doc.commentBefore.split('\n').map((c) => `#${c}`));
  visit(doc, (_key, node) => {
    const n = node as Partial<Node> | null;
    if (n?.commentBefore) lines.push(...n.commentBefore.split('\n').map((c) => `#${c}`));
    if (n?.comment) lines.push(`#${n.comment}`);
  });
  if (doc.comment) lines.push(`#${doc.comment}`);
  return lines;
}

/** The schema the language server would use for the text, or undefined. */
function modelineSchema(text: string): string | undefined {
  const line = lineComments(text).find((c) => /^#\s+(?:yaml-language-server\s*:|\$schema:)/.test(c));
  return line === undefined ? undefined : /\$schema(?:=|:\s*)(\S+)/.exec(line)?.[1];
}

/** Every hand-edited file and the kind of its schema. */
function handEdited(): [string, string][] {
  const under = (dir: string, file: string, kind: string): [string, string][] =>
    fs
      .readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(REPO_ROOT, dir, d.name, file)))
      .map((d) => [`${dir}/${d.name}/${file}`, kind]);
  return [...under('apps', 'service.yaml', 'service'), ...under('clusters', 'cluster.yaml', 'cluster'), ['argocd/argocd.yaml', 'argocd'], ['platform/addons.yaml', 'addons']];
}

describe('yaml-language-server modelines', () => {
  test.each(handEdited())('%s names generator/schemas/%s.schema.json on its last line', (file, kind) => {
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const schema = modelineSchema(text);
    expect(schema).toBeDefined();
    expect(path.relative(REPO_ROOT, path.resolve(path.dirname(path.join(REPO_ROOT, file)), schema!))).toBe(`generator/schemas/${kind}.schema.json`);
    expect(fs.existsSync(path.join(REPO_ROOT, 'generator/schemas', `${kind}.schema.json`))).toBe(true);
    expect(text.trimEnd().split('\n').pop()).toBe(`# yaml-language-server: $schema=${schema}`);
  });

  test.each([
    ['a trailing modeline', 'a: 1\n\n# yaml-language-server: $schema=x.json\n', 'x.json'],
    ['a leading one', '# yaml-language-server: $schema=y.json\na: 1\n', 'y.json'],
    ['the $schema: form', 'a: 1\n# $schema: z.json\n', 'z.json'],
    ['after another trailing comment of the same block it is not the first line: not found', 'a: 1\n# note\n# yaml-language-server: $schema=x.json\n', undefined],
    ['no modeline', '# just a comment\na: 1\n', undefined],
  ])('the scan: %s', (_what, text, schema) => {
    expect(modelineSchema(text)).toBe(schema);
  });
});
