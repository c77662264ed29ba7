/**
 * The shape of the CEL rules a CRD validator module exports (`exports.cel`), shared by the build step
 * that writes them (`generator/scripts/crd-cel.ts`) and the runtime that evaluates them (`cel.ts`).
 */
export {};
