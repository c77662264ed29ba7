import type { Severity } from '../core/finding.js';

/**
 * One documented check, as the formats that describe checks (SARIF's `rules`) print it. The catalogue
 * is data the command passes in (validate/catalogue.ts builds it from the policy rules and the
 * change-window checks): the formats know no check of their own.
 */
export interface CheckEntry {
  /** The id findings carry, e.g. `policy/image-tag`. */
  id: string;
  /** One or two sentences: what the check finds. */
  description: string;
  /** The repository document that explains it, e.g. `docs/policies.md`. */
  doc: string;
  /** The severity the check has unless configured otherwise; absent when it has no fixed one. */
  severity?: Severity;
}

/** Every documented check; a later entry with the same id replaces an earlier one. */
export type CheckCatalogue = readonly CheckEntry[];
