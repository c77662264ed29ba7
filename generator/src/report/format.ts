import type { CheckCatalogue } from './catalogue.js';
import type { Listing } from './listing.js';
import type { Report } from './result.js';

/** Options every output format understands. */
export interface FormatOptions {
  /** Also list valid and skipped resources (kubeconform `-verbose`). Default `false`. */
  verbose?: boolean;
  /**
   * The documented checks, for the formats that describe them (SARIF lists them as its rules),
   * e.g. `checkCatalogue()` of validate/catalogue.ts. Default none: only the checks the report uses.
   */
  catalogue?: CheckCatalogue;
}

/**
 * One output format: turns what a command found into the exact text to print. Pure and
 * deterministic. A new format is one file implementing this, one line in registry.ts and its name in
 * format-names.ts.
 */
export interface OutputFormat {
  /** The name `--output` takes, e.g. `json`. */
  readonly name: string;
  /**
   * `true` when the format prints the check catalogue it is given ({@link FormatOptions.catalogue}), as
   * SARIF does: the commands build the catalogue (it loads every policy rule) only for such a format.
   */
  readonly describesChecks?: boolean;
  /** Findings and resource results (`validate`, `simulate`). */
  format(report: Report, options?: FormatOptions): string;
  /** A state per subject (`windows`); formats without a layout of their own print `listingReport(listing)`. */
  listing(listing: Listing, options?: FormatOptions): string;
}
