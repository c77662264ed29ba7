import { filesBelow, type FileSystem } from '../core/fs.js';
import { cmp } from '../core/finding.js';
import { GENERATED_MARKER, INDEX_FILE, isGeneratedFile, type RenderedFile } from '../core/generated-files.js';
import { readIndex } from './index-file.js';
import { writablePathProblem, GENERATED_ROOTS } from './paths.js';

export { GENERATED_ROOTS } from './paths.js';

/** What a walk of the generated folders finds: our files, and temporary files an interrupted render left. */
interface GeneratedScan {
  /** Generated files: those the index names plus any file under the generated roots that starts with the marker. */
  generated: string[];
  /** Temporary files (`<file>.tmp-<pid>`) holding (the start of) a generated file: debris of an interrupted render. */
  debris: string[];
}

/**
 * Walks the generated folders once. Throws a user error for a bad index entry or a symbolic link
 * under the generated roots, before anything is touched.
 */
function scanGenerated(fsys: FileSystem, wanted?: ReadonlySet<string>): GeneratedScan {
  const indexed = new Set(readIndex(fsys));
  const generated: string[] = [];
  const debris: string[] = [];
  // A file the render still produces (`wanted`) and the index names is ours without reading it; any
  // other file counts only if it carries the marker (a hand-written file is never taken for ours).
  const isGenerated = (p: string) =>
    (indexed.has(p) && wanted?.has(p) === true) || ((indexed.has(p) || /\.(ya?ml|md)$/.test(p)) && isGeneratedFile(p, fsys.readText(p)));
  for (const p of candidates(fsys)) {
    if (isDebris(fsys, p)) debris.push(p);
    else if (p.includes('/') && isGenerated(p)) generated.push(p);
  }
  return { generated: generated.sort(cmp), debris: debris.sort(cmp) };
}

/** Generated files currently in the tree (see {@link scanGenerated}). */
export function existingGenerated(fsys: FileSystem, wanted?: ReadonlySet<string>): string[] {
  return scanGenerated(fsys, wanted).generated;
}

/** Temporary files left by an interrupted render under the generated roots and at the repository root. */
export function findDebris(fsys: FileSystem): string[] {
  return candidates(fsys).filter((p) => isDebris(fsys, p)).sort(cmp);
}

/** Every file under the generated roots, then the files at the repository root (where the index lives). */
function candidates(fsys: FileSystem): string[] {
  const atRoot = fsys.list('').filter((e) => !e.dir && e.link === undefined).map((e) => e.name);
  return [...GENERATED_ROOTS.flatMap((root) => filesBelow(fsys, root)), ...atRoot];
}

/**
 * Earlier versions replaced a file by writing `<file>.tmp-<pid>` and renaming it; a run killed in
 * between left it behind. Only a file that holds the start of a generated file is taken for one.
 */
function isDebris(fsys: FileSystem, p: string): boolean {
  const m = /^(.*)\.tmp-[0-9]+$/.exec(p);
  if (!m || (m[1] !== INDEX_FILE && !/\.ya?ml$/.test(m[1]!))) return false;
  const text = fsys.readText(p);
  return text !== undefined && (text.startsWith(GENERATED_MARKER) || GENERATED_MARKER.startsWith(text));
}

export interface WritePlan {
  /** Files to create or overwrite (their content differs or they are missing); `replaces` when one exists. */
  write: (RenderedFile & { replaces: boolean })[];
  /** Generated files no longer produced. */
  remove: string[];
  /** Temporary files left by an interrupted render, to delete. */
  debris: string[];
  unchanged: number;
}

/** Compares the rendered files with the tree. Pure apart from reading through `fsys`. */
export function planWrite(fsys: FileSystem, files: readonly RenderedFile[]): WritePlan {
  const wanted = new Set(files.map((f) => f.path));
  const write: WritePlan['write'] = [];
  for (const f of files) {
    // The renderer's own paths: anything else is a bug, never something to write.
    if (writablePathProblem(f.path) !== undefined) throw new Error(`rendered a file outside the generated folders: ${JSON.stringify(f.path)}`);
    const current = fsys.readText(f.path);
    if (current !== f.content) write.push({ ...f, replaces: current !== undefined });
  }
  const scan = scanGenerated(fsys, wanted);
  return { write, remove: scan.generated.filter((p) => !wanted.has(p)), debris: scan.debris, unchanged: files.length - write.length };
}
