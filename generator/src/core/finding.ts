/** How serious a finding is; `error` findings make a command exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One result of a check. Checks return findings as values and never throw on bad input;
 * the CLI collects them all and lets severities decide the exit code.
 */
export interface Finding {
  /** Stable identifier of the check, e.g. `schema/unknown-field`, `config/unknown-key`. */
  check: string;
  severity: Severity;
  /** Repository-relative file (POSIX separators), or a path as given on the command line. */
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** Object the finding is about, e.g. `apps/v1/Deployment suoke-prod/xiaoai`. */
  object?: string;
  /** Place inside the document or object, as a dotted YAML path, e.g. `spec.template.spec.containers[0].image`. */
  path?: string;
  /** What is wrong and what was expected. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** Formats a YAML path from segments: `['spec', 'ports', 0, 'name']` → `spec.ports[0].name`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Sorts findings by file, line, path, check: the order every output format prints them in. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      cmp(a.object ?? '', b.object ?? '') ||
      cmp(a.path ?? '', b.path ?? '') ||
      cmp(a.check, b.check) ||
      cmp(a.message, b.message),
  );
}

/** Locale-independent string comparison (code-unit order), for deterministic sorting everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
