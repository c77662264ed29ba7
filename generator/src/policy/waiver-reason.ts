/** Shortest written reason a waiver may give (annotation or configuration). */
export const MIN_WAIVER_REASON = 10;
