import { Composer, isMap, isScalar, isSeq, Lexer, LineCounter, Parser } from 'yaml';
import type { CST, Document, Node, YAMLError } from 'yaml';
import type { Finding } from '../core/finding.js';
import { formatPath } from '../core/finding.js';
import { FileRefused, FileTooLarge, type FileSystem } from '../core/fs.js';
import { ambiguousScalarsIn, duplicateKeysIn, explainAmbiguity, scalarShown } from '../core/yaml-ambiguity.js';
import { describeReading } from '../core/yaml11.js';
import { checkYamlRules } from './yaml-rules.js';

/** Limits applied to every config file before and while it is parsed. */
export const yamlLimits = {
  /** Files above this size are refused unread: hand-written config is a few kilobytes. */
  maxBytes: 1024 * 1024,
  /**
   * Deepest nesting of mappings and sequences (the parser's stack, counting the document itself).
   * Config needs about 7; the `yaml` composer recurses per level, and a stack overflow inside it
   * can abort Node outright, so depth is measured on the iterative parser before composing.
   */
  maxDepth: 32,
};

export type PathSegment = string | number;

/** Where a finding points inside a file: the key of a mapping entry, or its value. */
export type Anchor = 'key' | 'value';

/** One parsed config file, with what is needed to point findings at lines. */
export interface YamlSource {
  file: string;
  /** The plain data, when the file parsed cleanly; `undefined` after any syntax or limit finding. */
  data: unknown;
  /** Findings of parsing and of the limits; a non-empty list means `data` is `undefined`. */
  findings: Finding[];
  /** 1-based line of the node at `path`; for a path that does not exist, of its deepest existing ancestor. */
  lineOf(path: readonly PathSegment[], anchor?: Anchor): number;
  /** The source text of the scalar at `path` (e.g. `1.10` where the value is the number 1.1). */
  sourceOf(path: readonly PathSegment[]): string | undefined;
}

/** Builds a config finding; `check` is the id without the `config/` prefix. */
export function configFinding(
  check: string,
  file: string,
  line: number | undefined,
  path: readonly PathSegment[] | undefined,
  message: string,
  hint?: string,
): Finding {
  return {
    check: `config/${check}`,
    severity: 'error',
    file,
    ...(line !== undefined ? { line } : {}),
    ...(path !== undefined && path.length > 0 ? { path: formatPath(path) } : {}),
    message,
    ...(hint !== undefined ? { hint } : {}),
  };
}

const syntaxHints: Record<string, string> = {
  DUPLICATE_KEY: 'remove one of them: YAML does not let a later key override an earlier one',
  MULTIPLE_DOCS: 'keep one document per file: remove the `---` separator and what follows, or merge it',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  TAG_RESOLVE_FAILED: 'remove the tag: config accepts only the YAML 1.2 core tags, and needs none of them',
};

/**
 * Reads and parses one YAML config file, refusing what config never needs: a symbolic link or
 * anything but a regular file (core/safe-read.ts), files over 1 MiB,
 * nesting deeper than {@link yamlLimits.maxDepth}, more than one document, non-string keys, merge
 * keys (`<<`), tags outside the YAML 1.2 core schema, and aliases (`*name`); see yaml-rules.ts.
 *
 * Aliases are refused outright rather than merely capped with `maxAliasCount`: config is
 * hand-edited and reviewed in pull requests, where `*defaults` hides what a service really gets,
 * and with no aliases there is nothing to expand, so an alias bomb costs one linear parse and
 * never allocates its expansion. `toJS` is still called with `maxAliasCount: 0` as a second line of
 * defence. A lone anchor (`&name` with no alias) changes nothing and is let through.
 */
export function readYamlSource(fs: FileSystem, file: string, memo?: ParseMemo): YamlSource {
  const refused = (finding: Finding): YamlSource => ({ file, data: undefined, findings: [finding], lineOf: () => 1, sourceOf: () => undefined });
  let text: string | undefined;
  try {
    // Bounded by the bytes really read, not by the size the file system claims (`/proc` files claim 0).
    text = fs.readText(file, { maxBytes: yamlLimits.maxBytes });
  } catch (e) {
    if (e instanceof FileTooLarge) {
      return refused(
        configFinding(
          'too-large',
          file,
          undefined,
          undefined,
          `${file} is ${e.size !== undefined ? `${e.size} bytes` : `more than ${yamlLimits.maxBytes} bytes`}; config files are limited to ${yamlLimits.maxBytes} bytes (1 MiB)`,
          'a service or cluster file is a few kilobytes: check that the right file is in place',
        ),
      );
    }
    // A link or a special file: refused unread, so nothing of what it points to is ever shown.
    if (e instanceof FileRefused) return refused(e.finding);
    throw e;
  }
  if (text === undefined) return refused(configFinding('missing', file, undefined, undefined, `cannot read ${file}`));
  if (!memo) return parseYamlSource(file, text);
  const key = `${file}\0${text}`;
  return memo.get(key) ?? memo.set(key, parseYamlSource(file, text)).get(key)!;
}

/**
 * Parsed files by path and text, shared by the loads of two trees that hold mostly the same files
 * (`diff` and `plan` load the base revision's and the working tree's): a file read twice is parsed
 * once. A parsed source is never changed after parsing, so sharing it is safe.
 */
export type ParseMemo = Map<string, YamlSource>;

/** The parse of {@link readYamlSource}: `text` is the file's content. */
function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  let doc: Document.Parsed | undefined;
  const source: YamlSource = {
    file,
    data: undefined,
    findings: [],
    lineOf: (path, anchor = 'key') => (doc ? locate(doc, path, anchor, lines) : 1),
    sourceOf: (path) => {
      const node = doc ? nodeAt(doc.contents, path) : undefined;
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
  const fail = (check: string, line: number | undefined, message: string, hint?: string, path?: PathSegment[]) => {
    source.findings.push(configFinding(check, file, line, path, message, hint));
    return source;
  };

  // Parse to a CST with the iterative parser, watching its stack, then compose the tokens.
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text, false)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > yamlLimits.maxDepth) {
      return fail(
        'too-deep',
        lines.linePos(parser.offset).line,
        `nesting is deeper than ${yamlLimits.maxDepth - 1} levels`,
        'config nests a few levels at most: check the indentation and brackets here',
      );
    }
  }
  for (const token of parser.end()) tokens.push(token);
  // `resolveKnownTags: false`: the YAML 1.1 types (`!!omap`, `!!set`, `!!binary`, `!!timestamp`,
  // `!!merge`) stay unresolved instead of becoming Maps, Sets and Dates; checkYamlRules refuses them.
  const composer = new Composer({ uniqueKeys: true, strict: true, version: '1.2', merge: false, resolveKnownTags: false });
  const docs = [...composer.compose(tokens, true, text.length)];
  doc = docs[0];
  if (!doc) return fail('yaml-syntax', 1, 'the file holds no YAML document');
  if (docs.length > 1) {
    const extra = docs[1]!.range[0];
    fail('yaml-syntax', lines.linePos(extra).line, 'the file holds more than one YAML document', syntaxHints.MULTIPLE_DOCS);
  }
  // A tag the schema cannot apply leaves its name on the node, where checkYamlRules reports it with
  // its path and a fix; the parser's own "Unresolved tag" is kept only should that walk miss one.
  const tagErrors = [...doc.errors, ...doc.warnings].filter(isTagError);
  let syntax = [...doc.errors, ...doc.warnings].filter((e) => !isTagError(e));
  // A repeated key is named with both of its lines (the parser names only the second place).
  const duplicates = syntax.some((e) => e.code === 'DUPLICATE_KEY') ? duplicateKeysIn(doc.contents, lines) : [];
  if (duplicates.length > 0) syntax = syntax.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const d of duplicates) fail('duplicate-key', d.lines[1], `duplicate key "${d.key}" at lines ${d.lines[0]} and ${d.lines[1]}`, syntaxHints.DUPLICATE_KEY, d.segments);
  reportSyntax(syntax, lines, fail);
  if (source.findings.length > 0) return source;

  checkYamlRules(doc.contents, lines, (check, line, path, message, hint) => fail(check, line, message, hint, path));
  if (source.findings.length === 0) reportSyntax(tagErrors, lines, fail);
  // Config is read as YAML 1.2; a plain value YAML 1.1 (kubectl apply, Argo CD) reads otherwise is refused
  // everywhere, whatever the field: one rule to remember, and copies between config and manifests stay safe.
  for (const a of ambiguousScalarsIn(doc.contents, lines)) {
    const message = `${scalarShown(a)} is ${describeReading(a.yaml12)} in configuration (YAML 1.2) but ${describeReading(a.yaml11)} for kubectl apply and Argo CD (YAML 1.1); configuration refuses a plain value the two read differently`;
    fail('ambiguous-scalar', a.line, message, explainAmbiguity(a).fix, a.segments);
  }
  if (source.findings.length > 0) return source;
  source.data = doc.toJS({ maxAliasCount: 0 });
  return source;
}

function isTagError(e: YAMLError): boolean {
  return e.code === 'BAD_COLLECTION_TYPE' || (e.code === 'TAG_RESOLVE_FAILED' && e.message.startsWith('Unresolved tag'));
}

/** One finding per line: one error usually sets off others on the same line (a tab gives three); the one we can give a hint for wins. */
function reportSyntax(errors: readonly YAMLError[], lines: LineCounter, fail: (check: string, line: number, message: string, hint?: string) => unknown): void {
  const byLine = new Map<number, YAMLError>();
  for (const e of errors) {
    const line = lines.linePos(e.pos[0]).line;
    const seen = byLine.get(line);
    if (!seen || (syntaxHints[e.code] !== undefined && syntaxHints[seen.code] === undefined)) byLine.set(line, e);
  }
  for (const [line, e] of byLine) fail(e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', line, e.message.split('\n')[0]!, syntaxHints[e.code]);
}

function lineAt(node: Node, lines: LineCounter): number {
  return node.range ? lines.linePos(node.range[0]).line : 1;
}

function nodeAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && p.key.value === seg)?.value;
    else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
    else return undefined;
  }
  return node;
}

function locate(doc: Document.Parsed, path: readonly PathSegment[], anchor: Anchor, lines: LineCounter): number {
  let node: unknown = doc.contents;
  let line = node && typeof node === 'object' ? lineAt(node as Node, lines) : 1;
  for (const [i, seg] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) return line;
      node = pair.value;
      const keyLine = isScalar(pair.key) ? lineAt(pair.key, lines) : line;
      // A missing value (`key:`) has no range of its own; the key's line is the place.
      line = last && anchor === 'value' && isNodeWithRange(node) ? lineAt(node, lines) : keyLine;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (!isNodeWithRange(node)) return line;
      line = lineAt(node, lines);
    } else {
      return line;
    }
  }
  return line;
}

function isNodeWithRange(n: unknown): n is Node {
  return n !== null && typeof n === 'object' && Array.isArray((n as Node).range);
}
