/**
 * What every semantic check of the config works with: the parsed file, a reporter that points
 * findings at lines, and the small checks several file kinds share.
 *
 * The checks run on the plain parsed data after the schema check, so every check guards its own
 * types: a value the schema already reported as mistyped is skipped, never reported twice.
 */
import type { Finding } from '../../core/finding.js';
import { formatPath } from '../../core/finding.js';
import { isEnvVarName } from '../../core/names.js';
import { isPlainObject } from '../../core/objects.js';
import type { Anchor, PathSegment, YamlSource } from '../yaml-source.js';
import { configFinding } from '../yaml-source.js';

export type Raw = Record<string, unknown>;

/** A config file that parsed to a mapping. */
export interface ParsedFile<T = unknown> {
  source: YamlSource;
  /** The folder the file is in: `xiaoai` for `apps/xiaoai/service.yaml`. */
  folder: string;
  /** The data as written, which findings and YAML positions refer to. */
  data: Raw;
  /** A copy of `data` with the declared defaults filled in, when it matched its schema; else `undefined`. */
  value: T | undefined;
}

/** {@link isPlainObject} by the config layer's name: a mapping, not a list or null. */
export const isRaw: (v: unknown) => v is Raw = isPlainObject;

/** Reports findings on one file. */
export class Reporter {
  constructor(
    readonly source: YamlSource,
    readonly out: Finding[],
  ) {}
  report(check: string, path: PathSegment[], message: string, hint?: string, anchor: Anchor = 'value'): void {
    this.out.push(configFinding(check, this.source.file, this.source.lineOf(path, anchor), path, message, hint));
  }
}

/** A YAML path in backquotes, as messages show it: `` `environments.prod.quota` ``. */
export const q = (path: readonly PathSegment[]): string => `\`${formatPath(path)}\``;

/** Names of an environment-variable map must be valid; returns the valid names. */
export function checkEnvNames(r: Reporter, path: PathSegment[], map: unknown): string[] {
  if (!isRaw(map)) return [];
  const names: string[] = [];
  for (const key of Object.keys(map)) {
    if (isEnvVarName(key)) names.push(key);
    else r.report('env-name', [...path, key], `${q([...path, key])}: \`${key}\` is not a valid environment variable name`, envNameHint(key), 'key');
  }
  return names;
}

function envNameHint(key: string): string {
  const fixed = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1').toUpperCase();
  return `use letters, digits and \`_\`, not starting with a digit, e.g. \`${fixed || 'MY_SETTING'}\``;
}

/** Whole numbers of replicas: at least 1. Returns the value when it is usable for range checks. */
export function checkReplicaCount(r: Reporter, path: PathSegment[], v: unknown, hint: string): number | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
  if (v < 1) {
    r.report('replicas-range', path, `${q(path)} must be at least 1; found ${v}`, hint);
    return undefined;
  }
  return v;
}
