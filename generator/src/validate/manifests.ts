import yaml from 'js-yaml';
import type { Finding } from '../core/finding.js';
import { FileRefused, FileTooLarge, type FileSystem } from '../core/fs.js';
import type { Report, ResourceResult } from '../report/result.js';
import type { SchemaValidator } from './schema/validator.js';

/** Options of {@link loadManifests}. */
export interface LoadOptions {
  /** Files larger than this are refused; no more than this (+1 byte) is read of any file. Default 16 MiB (`16 * 1024 * 1024`). */
  maxFileBytes?: number;
  /**
   * A document whose YAML aliases expand to more nodes than this is refused (a "billion laughs"
   * alias bomb parses into a small shared graph, but anything walking it would explode).
   * Default 1,000,000.
   */
  maxExpandedNodes?: number;
}

/** One resource read from a file: a parsed object, or why there is none. */
interface ManifestDocument {
  file: string;
  /** 0-based position among the file's resources (each item of a `kind: List` counts). */
  index: number;
  /** 1-based line of the document's first content line. */
  line?: number;
  /** The parsed document (absent when `error` is set). */
  object?: unknown;
  /** YAML syntax error, unreadable or refused file. */
  error?: Finding;
}

export interface LoadedManifests {
  /** Every file read, in order. */
  files: string[];
  documents: ManifestDocument[];
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_NODES = 1_000_000;
const MANIFEST_FILE = /\.(ya?ml|json)$/;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** YAML 1.2 core types plus `<<` merge keys (which Kubernetes' YAML 1.1 parser accepts); no timestamps. */
const SCHEMA = yaml.CORE_SCHEMA.extend({
  // js-yaml 4 exports its built-in types, but @types/js-yaml does not declare them.
  implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge],
});

/**
 * Reads the manifests of `validate PATH...`: files as given, folders recursively (`.yaml`, `.yml`,
 * `.json`, sorted, `.git` and `node_modules` skipped). Multi-document YAML is split on `---` lines so
 * each document keeps its starting line; empty documents are skipped; `kind: List` is expanded into
 * its items like kubeconform does. Bad input becomes error documents, never exceptions.
 */
export function loadManifests(fs: FileSystem, paths: readonly string[], options: LoadOptions = {}): LoadedManifests {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_BYTES;
  const maxNodes = options.maxExpandedNodes ?? DEFAULT_MAX_NODES;
  const out: LoadedManifests = { files: [], documents: [] };
  const seen = new Set<string>();
  const read = (file: Located) => {
    if (seen.has(file.real)) return;
    seen.add(file.real);
    readFile(fs, file, maxBytes, maxNodes, out);
  };
  for (const p of paths) {
    const shown = normalize(p);
    // A path typed on the command line is the user's: its links are followed (to a regular file or a
    // folder); inside a folder, nothing is (a link there is reported, never read).
    const real = fs.realPath ? fs.realPath(shown) : shown;
    if (real === undefined) {
      out.documents.push({ file: shown, index: 0, error: loadError(shown, 'manifest/unreadable', 'no such file or directory', 'check the path') });
      continue;
    }
    const start = { shown, real };
    if (!fs.isDir(real)) read(start);
    else {
      for (const file of walk(fs, start)) {
        if (file.link === undefined) read(file);
        else out.documents.push({ file: file.shown, index: 0, error: refusal(file.shown, file.link) });
      }
    }
  }
  return out;
}

/** A file as the user knows it (`shown`, used in findings) and where it is read (`real`). */
interface Located {
  shown: string;
  real: string;
  /** A symbolic link found in a folder (its text): reported, not read. */
  link?: string;
}

function normalize(p: string): string {
  const s = p.replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return s === '.' ? '' : s;
}

function walk(fs: FileSystem, dir: Located): Located[] {
  const files: Located[] = [];
  const join = (a: string, name: string) => (a === '' ? name : `${a}/${name}`);
  for (const e of fs.list(dir.real)) {
    const p = { shown: join(dir.shown, e.name), real: join(dir.real, e.name) };
    // A link is reported unless its name shows it is no manifest (a folder link has no extension, mostly).
    if (e.link !== undefined) {
      if (MANIFEST_FILE.test(e.name) || !e.name.includes('.')) files.push({ ...p, link: e.link });
    } else if (e.dir) {
      if (!SKIPPED_DIRS.has(e.name)) files.push(...walk(fs, p));
    } else if (MANIFEST_FILE.test(e.name)) files.push(p);
  }
  return files;
}

/** A link found inside a folder: named, not followed (it could lead anywhere, e.g. to a secret). */
function refusal(file: string, target: string): Finding {
  return loadError(
    file,
    'manifest/unreadable',
    `is a symbolic link (to ${JSON.stringify(target)}); links inside a folder are not followed`,
    "name the link's target on the command line to validate it, or replace the link with the file",
  );
}

function readFile(fs: FileSystem, file: Located, maxBytes: number, maxNodes: number, out: LoadedManifests): void {
  const shown = file.shown;
  const fail = (check: string, message: string, hint?: string, line?: number) =>
    out.documents.push({ file: shown, index: 0, ...(line ? { line } : {}), error: loadError(shown, check, message, hint, line) });
  let text: string | undefined;
  try {
    // Bounded by the bytes really read; a FIFO, a device or /proc file is refused or cut off, never slurped.
    text = fs.readText(file.real, { maxBytes });
  } catch (e) {
    out.files.push(shown);
    if (e instanceof FileTooLarge) {
      const size = e.size !== undefined ? `file is ${e.size} bytes` : `file holds more than ${maxBytes} bytes`;
      fail('manifest/too-large', `${size}, more than the limit of ${maxBytes} bytes`, 'split the file, or raise the size limit');
    } else if (e instanceof FileRefused) {
      fail('manifest/unreadable', e.finding.message, e.finding.hint);
    } else {
      fail('manifest/unreadable', `cannot read the file: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
    }
    return;
  }
  if (text === undefined) {
    fail('manifest/unreadable', 'no such file or directory', 'check the path');
    return;
  }
  out.files.push(shown);
  const json = shown.endsWith('.json');
  const chunks = json ? [{ text, line: 0 }] : splitDocuments(text);
  let index = 0;
  for (const chunk of chunks) {
    const first = firstContentLine(chunk.text);
    if (first < 0) continue;
    const line = chunk.line + first + 1;
    let doc: unknown;
    try {
      doc = yaml.load(chunk.text, { schema: SCHEMA, filename: shown, json });
    } catch (e) {
      const mark = (e as { mark?: { line: number } }).mark;
      const reason = (e as { reason?: string }).reason ?? (e as Error).message;
      const at = mark ? chunk.line + mark.line + 1 : line;
      out.documents.push({ file: shown, index: index++, line: at, error: loadError(shown, 'manifest/yaml', `YAML syntax error: ${reason}`, undefined, at) });
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (chunk.text.includes('*') && !withinExpansion(doc, maxNodes)) {
      out.documents.push({
        file: shown,
        index: index++,
        line,
        error: loadError(shown, 'manifest/alias-expansion', `document refused: its YAML aliases expand to more than ${maxNodes} nodes (or refer to themselves)`, 'write the values out instead of using anchors and aliases', line),
      });
      continue;
    }
    const items = listItems(doc);
    if (items) for (const item of items) out.documents.push({ file: shown, index: index++, line, object: item });
    else out.documents.push({ file: shown, index: index++, line, object: doc });
  }
}

/** Splits on document-start lines (`---`, optionally followed by a comment or content). */
function splitDocuments(text: string): { text: string; line: number }[] {
  const chunks: { text: string; line: number }[] = [];
  let startOffset = 0;
  let startLine = 0;
  let offset = 0;
  let line = 0;
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    if (text.startsWith('---', offset) && (end === offset + 3 || ' \t\r'.includes(text[offset + 3]!))) {
      chunks.push({ text: text.slice(startOffset, offset), line: startLine });
      // Keep the rest of the `---` line (a comment or `--- |`-style content) as line 0 of the chunk.
      startOffset = offset + 3;
      startLine = line;
    }
    if (nl < 0) break;
    offset = nl + 1;
    line++;
  }
  chunks.push({ text: text.slice(startOffset), line: startLine });
  return chunks;
}

/** 0-based index of the first line that is not blank, a comment or a directive, or -1. */
function firstContentLine(text: string): number {
  let line = 0;
  let offset = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const l = text.slice(offset, nl < 0 ? text.length : nl).trim();
    if (l !== '' && !l.startsWith('#') && !l.startsWith('%') && l !== '...') return line;
    if (nl < 0) break;
    offset = nl + 1;
    line++;
  }
  return -1;
}

/** Counts nodes as if aliases were copied, with memoization so the count itself stays linear. */
function withinExpansion(root: unknown, max: number): boolean {
  const sizes = new Map<object, number>();
  const active = new Set<object>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (active.has(v)) return Infinity;
    active.add(v);
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > max) break;
    }
    active.delete(v);
    sizes.set(v, n);
    return n;
  };
  return size(root) <= max;
}

/** Items of a `kind: List` (any apiVersion), as kubeconform expands them; `undefined` otherwise. */
function listItems(doc: unknown): unknown[] | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const rec = doc as Record<string, unknown>;
  return rec.kind === 'List' && Array.isArray(rec.items) ? rec.items : undefined;
}

function loadError(file: string, check: string, message: string, hint?: string, line?: number): Finding {
  const f: Finding = { check, severity: 'error', file, message };
  if (line !== undefined) f.line = line;
  if (hint !== undefined) f.hint = hint;
  return f;
}

/** Validates loaded documents: one result per document, in file order. */
export function validateDocuments(loaded: LoadedManifests, validator: SchemaValidator): Report {
  const results: ResourceResult[] = loaded.documents.map((d) => {
    const base = { file: d.file, index: d.index, ...(d.line !== undefined ? { line: d.line } : {}) };
    if (d.error) return { ...base, status: 'error', findings: [d.error] };
    const v = validator.validate(d.object, { file: d.file, ...(d.line !== undefined ? { line: d.line } : {}) });
    return { ...base, ...(v.object ? { object: v.object } : {}), ...(v.kind ? { kind: v.kind } : {}), status: v.status, findings: v.findings };
  });
  return { results, findings: [], files: loaded.files };
}

/** `validate PATH...` in one call: load, then validate every document. */
export function validateManifests(fs: FileSystem, paths: readonly string[], validator: SchemaValidator, options: LoadOptions = {}): Report {
  return validateDocuments(loadManifests(fs, paths, options), validator);
}
