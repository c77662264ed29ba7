/**
 * The inputs of a step, derived from what it actually read: every question it asked the file system
 * (and of the tools it ran), each with its answer. The result cache keeps them beside a result and
 * reuses the result only while every question still gets the same answer: there is no list of input
 * files to keep by hand, and a file a step starts to read is an input from that run on.
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import type { FileSystem } from '../core/fs.js';
import { which } from '../kustomize/detect.js';

/**
 * What was asked: a file's text, its size, a folder's entries, whether a folder is there, where a
 * path leads; or which program a name runs on the search path (its file, size and modification time).
 */
export type Question = 'read' | 'size' | 'list' | 'isDir' | 'realPath' | 'executable';

/** Where the answers come from: the repository and the search path. */
export interface Sources {
  fs: FileSystem;
  /** The search path programs are found on (`PATH`). */
  path: string;
}

/** One question a step asked, of which subject (a repository-relative path), and the digest of the answer. */
export type Observation = readonly [question: Question, subject: string, answer: string];

/** Observations in the order first asked, one per question and subject. */
export class Inputs {
  private readonly seen = new Map<string, Observation>();
  /** Set when a step read something it cannot name (then its result must not be reused). */
  unknown = false;

  /** Notes the answer to a question, asked (`answer()`) only the first time. */
  add(question: Question, subject: string, answer: () => string): void {
    const id = `${question}\0${subject}`;
    if (!this.seen.has(id)) this.seen.set(id, [question, subject, answer()]);
  }

  list(): Observation[] {
    return [...this.seen.values()];
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/** How an observation writes each answer: a digest of a text or listing, else the value itself. */
const shown = {
  read: (text: string | undefined) => (text === undefined ? 'none' : digest(text)),
  size: (size: number | undefined) => String(size ?? 'none'),
  list: (entries: ReturnType<FileSystem['list']>) => digest(JSON.stringify(entries)),
  isDir: (dir: boolean) => String(dir),
  realPath: (real: string | undefined) => String(real ?? 'none'),
};

/** The answer the sources give now, as an observation records it (a thrown error is an answer too). */
export function answer({ fs, path }: Sources, question: Question, subject: string): string {
  try {
    switch (question) {
      case 'read':
        return shown.read(fs.readText(subject));
      case 'size':
        return shown.size(fs.size(subject));
      case 'list':
        return shown.list(fs.list(subject));
      case 'isDir':
        return shown.isDir(fs.isDir(subject));
      case 'realPath':
        return shown.realPath(fs.realPath?.(subject));
      case 'executable': {
        const file = which(subject, path);
        if (file === undefined) return 'none';
        const st = nodeFs.statSync(file);
        return `${file}:${st.size}:${st.mtimeMs}`;
      }
    }
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

/**
 * `fs`, noting every question asked of it in `inputs`. The answer noted is the one the step got, so
 * each question is asked once; a read with a size limit is noted as the whole text (the same text
 * gives the same outcome under any limit): a read refused for its size, like any question that
 * throws, is asked again as {@link answer} asks it.
 */
export function recordingFs(fs: FileSystem, inputs: Inputs): FileSystem {
  const note = <T>(question: Question, subject: string, ask: () => T, show: (value: T) => string): T => {
    let value: T;
    try {
      value = ask();
    } catch (e) {
      inputs.add(question, subject, () => answer({ fs, path: '' }, question, subject));
      throw e;
    }
    inputs.add(question, subject, () => show(value));
    return value;
  };
  return {
    root: fs.root,
    readText: (p, o) => note('read', p, () => fs.readText(p, o), shown.read),
    size: (p) => note('size', p, () => fs.size(p), shown.size),
    list: (dir) => note('list', dir, () => fs.list(dir), shown.list),
    isDir: (p) => note('isDir', p, () => fs.isDir(p), shown.isDir),
    ...(fs.realPath ? { realPath: (p: string) => note('realPath', p, () => fs.realPath!(p), shown.realPath) } : {}),
  };
}

/** Whether every observation still holds; `asked` keeps the answers for the next call (several cache entries of one tree). */
export function unchanged(sources: Sources, observations: readonly Observation[], asked?: Map<string, string>): boolean {
  // With `asked`, each question is put to the sources once across several entries' observations.
  const now = (question: Question, subject: string) => {
    if (!asked) return answer(sources, question, subject);
    const id = `${question}\0${subject}`;
    return asked.get(id) ?? asked.set(id, answer(sources, question, subject)).get(id)!;
  };
  return observations.every(([question, subject, was]) => now(question, subject) === was);
}
