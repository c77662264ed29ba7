/**
 * The shape of the vendored gitleaks rule set: what scripts/build-secret-rules.ts writes into
 * gitleaks-rules.generated.ts and gitleaks.ts runs. Its own module so the generated data and the
 * matcher do not import each other.
 */
interface GitleaksRegex {
  source: string;
  flags: string;
}

export interface GitleaksAllowlist {
  regexTarget?: 'match' | 'line';
  condition?: 'AND' | 'OR';
  /** The allowlist also names file paths (which never match here). */
  paths?: boolean;
  regexes: GitleaksRegex[];
  stopwords: string[];
}

export interface GitleaksRule {
  id: string;
  regex?: GitleaksRegex;
  /** The rule applies only to some file paths: skipped here. */
  path?: boolean;
  entropy?: number;
  secretGroup?: number;
  /** Lower-case words of which one must occur in the text for the rule to run; none means always. */
  keywords: string[];
  allowlists: GitleaksAllowlist[];
}

export interface GitleaksConfig {
  version: string;
  allowlist: GitleaksAllowlist;
  rules: GitleaksRule[];
}
