/** Results of `validate` and the output formats that print them. */
export { createFormat, FORMAT_NAMES } from './registry.js';
export type { FormatOptions, OutputFormat } from './format.js';
export type { CheckCatalogue, CheckEntry } from './catalogue.js';
export { listingReport } from './listing.js';
export type { Listing, ListingEntry } from './listing.js';
export { exitCode, isNotable, kindAndName, sortedResults, summarize, summaryLine } from './result.js';
export type { Report, ResourceResult, ResourceStatus, Summary } from './result.js';
