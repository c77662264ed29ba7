import type { Report } from './result.js';

/**
 * What a command that reports a state rather than findings prints (`windows`: each environment's
 * change-window state at an instant), through the same output formats as a {@link Report}: `text`
 * lays it out for a person, `json` prints {@link Listing.data}, the others print
 * {@link listingReport}.
 */
export interface Listing {
  /** The first line of the text output, e.g. `Change windows at 2027-03-03T02:00:00.000Z`. */
  title: string;
  /** The check id the other formats file each entry under, e.g. `windows/state`. */
  check: string;
  /** The listing as a machine reads it (the `json` output): JSON-safe, keys in print order. */
  data: Record<string, unknown>;
  entries: ListingEntry[];
}

/** One subject of a {@link Listing} and its state. */
export interface ListingEntry {
  /** The file that declares the subject, e.g. `clusters/prod/cluster.yaml`. */
  file: string;
  /** What the subject is, as `Kind name`, e.g. `Environment prod`. */
  object: string;
  /** The text line naming the subject and its state, e.g. `prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)`. */
  heading: string;
  /** Labelled lines under the heading, e.g. `[['rule', 'always open'], ['next', 'no change ahead']]`. */
  details: readonly (readonly [label: string, text: string])[];
}

/**
 * The listing as a report, for the formats that print findings (JUnit, TAP, SARIF): one `info`
 * finding per entry, its message the heading and the details. Nothing fails.
 */
export function listingReport(listing: Listing): Report {
  const findings = listing.entries.map((e) => ({
    check: listing.check,
    severity: 'info' as const,
    file: e.file,
    object: e.object,
    message: [e.heading, ...e.details.map(([label, text]) => `${label}: ${text}`)].join('; '),
  }));
  return { results: [], findings, files: [...new Set(listing.entries.map((e) => e.file))] };
}
