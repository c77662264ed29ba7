/**
 * The shape of `generator/dist/schema-index.json`, shared by the build step that writes it
 * (`generator/scripts/build-schema-index.ts`) and the validator that reads it.
 */
/** Bumped whenever the shape changes, so a stale index is refused with a clear message. */
export const INDEX_VERSION = 2;
/** Reference of a value that is not walked further (string, number, boolean, enum). */
export const LEAF = 0;
/** Reference of a free-form value: `{}`, `any`, RawExtension, JSON, preserve-unknown-fields. */
export const OPEN = 1;
/** Reference of a `number | string` value (Quantity, IntOrString, `x-kubernetes-int-or-string`). */
export const QUANTITY = 2;
