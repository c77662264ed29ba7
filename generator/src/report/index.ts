/** Results of `validate` and the output formats that print them. */
export { createFormat } from './registry.js';
export type { Listing, ListingEntry } from './listing.js';
export { exitCode } from './result.js';
export type { Report } from './result.js';
