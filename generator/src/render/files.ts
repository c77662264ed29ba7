import { cmp } from '../core/finding.js';
import { GENERATED_MARKDOWN_MARKER, GENERATED_MARKER, INDEX_FILE, type RenderedFile } from '../core/generated-files.js';
import { toYaml, toYamlDocuments } from './yaml.js';

/** Header naming the command and the hand-edited sources a reviewer should change instead. */
function header(sources: readonly string[]): string {
  return `${GENERATED_MARKER} from ${sources.join(', ')}. Do not edit: change the source and re-render.\n`;
}

/** A generated YAML file holding one document (an array is one document: a YAML sequence). */
export function yamlFile(path: string, sources: readonly string[], doc: unknown): RenderedFile {
  return { path, content: header(sources) + toYaml(doc) };
}

/** A generated YAML file holding several documents separated by `---`. */
export function yamlStream(path: string, sources: readonly string[], docs: readonly unknown[]): RenderedFile {
  return { path, content: header(sources) + toYamlDocuments(docs) };
}

/** A generated markdown file: the header is an HTML comment, which viewers hide. */
export function markdownFile(path: string, sources: readonly string[], body: string): RenderedFile {
  return { path, content: `${GENERATED_MARKDOWN_MARKER} from ${sources.join(', ')}. Do not edit: change the source and re-render. -->\n\n${body}` };
}

/** Relative POSIX path from directory `fromDir` to `to` (both repository-relative). */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/') || '.';
}

/** The index file itself, listing every generated path (so stale files can be found and removed). */
export function indexFile(files: readonly RenderedFile[]): RenderedFile {
  const paths = files.map((f) => f.path).sort(cmp);
  return { path: INDEX_FILE, content: `${header(['apps/*/service.yaml', 'clusters/*/cluster.yaml'])}${paths.join('\n')}\n` };
}

