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
}
