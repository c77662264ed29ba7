import { cmp } from '../core/finding.js';
import { GENERATED_MARKDOWN_MARKER, GENERATED_MARKER, INDEX_FILE, type RenderedFile } from '../core/generated-files.js';
import { toYaml, toYamlDocuments } from './yaml.js';

/** Header naming the command and the hand-edited sources a reviewer should change instead. */
function header(sources: readonly string[]): string {
  return `${GENERATED_MARKER} from ${sources.join(', ')}. Do not edit: change the source and re-render.\n`;
}

/** A generated YAML file holding one document (an array is one document: a YAML sequence). */
export function yamlFile(path: string, sources: readonly string[], doc: unknown): RenderedFile {
  return lazyFile(path, () => header(sources) + toYaml(doc));
}

/** {@link yamlFile} of a document made only when the file is read (an overlay's patches: render/layout.ts). */
export function deferredYamlFile(path: string, sources: readonly string[], doc: () => unknown): RenderedFile {
  return lazyFile(path, () => header(sources) + toYaml(doc()));
}

/** A generated YAML file holding several documents separated by `---`. */
export function yamlStream(path: string, sources: readonly string[], docs: readonly unknown[]): RenderedFile {
  return lazyFile(path, () => header(sources) + toYamlDocuments(docs));
}

/**
 * A file whose text is written out the first time it is read: the commands that compare objects
 * (`diff`, `plan`, `report`) read the targets only, and emitting ~800 files of YAML is most of a
 * render's time. The rendered objects are never changed after they are rendered, so the text is the
 * same whenever it is read (the golden and drift tests read it last).
 */
export function lazyFile(path: string, emit: () => string): RenderedFile {
  let content: string | undefined;
  return Object.defineProperty({ path } as RenderedFile, 'content', { enumerable: true, get: () => (content ??= emit()) });
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

