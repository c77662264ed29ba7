import type { FileSystem } from '../core/fs.js';

/**
 * The world a command runs in, passed in by the CLI entry (and by tests): nothing below the entry
 * reads `process`, the clock or the disk root on its own.
 */
export interface CommandContext {
  /** Repository root (absolute). */
  root: string;
  /** Reads the repository. */
  fs: FileSystem;
  /** The clock; change windows are evaluated against it. */
  now: () => Date;
  /** Where normal output goes. */
  stdout: (text: string) => void;
  /** Where diagnostics go. */
  stderr: (text: string) => void;
  /** Environment variables (only `PATH` is read, to find kustomize). */
  env: Readonly<Record<string, string | undefined>>;
  /** Writes a report file the user named (`--output-file`), whole or not at all; relative paths are the user's working directory's. Default: none (refused). */
  writeFile?: (file: string, text: string) => void;
  /** Progress of a long run, one line per stage: stderr in a terminal, none in a pipe or CI. Default none. */
  progress?: (message: string) => void;
  /** Standard input (`validate -`, or `validate` with manifests piped in). Default: none (nothing to read). */
  stdin?: StandardInput;
}

/**
 * Standard input as the process got it. `kind` decides whether `validate` without a PATH reads it:
 * only a `pipe` (a FIFO: `cat x.yaml | npm run validate`) or a `file` holding data (`< x.yaml`) is,
 * never a `terminal`, `/dev/null` (`device`), a `socket` or an `empty` or `closed` input, which is
 * how CI runners start jobs.
 */
export interface StandardInput {
  kind: 'pipe' | 'file' | 'empty' | 'terminal' | 'device' | 'socket' | 'closed' | 'other';
  /** Its text, UTF-8 decoded, in pieces as they arrive. Call once. */
  read(): AsyncIterable<string>;
}
