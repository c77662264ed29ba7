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

/**
 * One type of the index:
 * - `'leaf' | 'open' | 'quantity'` — see the constants above (always entries 0, 1, 2; a named
 *   interface with no fields is also stored as `'open'`);
 * - `{ f, r?, x? }` — object: field name → type reference, required field names, and the value
 *   type of an additional index signature;
 * - `{ a, u? }` — array of the referenced type; `u` lists the keys of an `x-kubernetes-list-type: map`
 *   list (no two items may share them);
 * - `{ m, l?, k? }` — map with values of the referenced type; `l: 1` marks label maps (key and value
 *   grammar checked), `k: 1` annotation maps (key grammar checked).
 */
export type IndexType =
  | 'leaf'
  | 'open'
  | 'quantity'
  | { f: Record<string, number>; r?: string[]; x?: number }
  | { a: number; u?: string[] }
  | { m: number; l?: 1; k?: 1 };

/**
 * How to run the package's own validator for a kind:
 * - `{ p, s }` — `s` is a compiled ajv function module inside package `p` (exports `validate`);
 * - `{ p, m, c }` — `m` is the model module and `c` its class; its `validate()` compiles the schema
 *   at first use (packages built on @kubernetes-models/base 4); `g`, when present, is the same schema
 *   precompiled by `npm run build` (a standalone ajv module, relative to the index's folder);
 * - `{ crd, g }` — a kind of the pinned CRDs: `crd` is the repository-relative CRD file, `g` the module
 *   `generator/scripts/build-crd-schemas.ts` compiled from its `openAPIV3Schema` (exports `validate`,
 *   the ajv function, and `cel`, the tree of its `x-kubernetes-validations` rules).
 */
export type ValidatorRef =
  | { p: string; s: string }
  | { p: string; m: string; c: string; g?: string }
  | { crd: string; g: string };

/** Root type and validator of one `apiVersion/kind`. */
export interface KindEntry {
  t: number;
  v: ValidatorRef;
}

export interface SchemaIndex {
  version: number;
  types: IndexType[];
  /** Keyed by `apiVersion/kind`, e.g. `apps/v1/Deployment`, sorted. */
  kinds: Record<string, KindEntry>;
  /**
   * The CRD files under `platform/crds/` the kinds `{ crd, g }` were compiled from, with the sha256 of
   * each, sorted: `validate` refuses to judge with them once the folder on disk differs.
   */
  crds?: { file: string; sha256: string }[];
}
