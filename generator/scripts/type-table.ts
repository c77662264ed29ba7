/**
 * The schema index's type table with structural interning: an identical type is stored once. Shared by
 * the index of the model packages (build-schema-index.ts) and the CRD step that appends to it (crd-index.ts).
 */
import type { IndexType } from '../src/validate/schema/index-format.js';

export class TypeTable {
  private readonly interned = new Map<string, number>();

  /** @param types the table, appended to; the object types already in it are reused. */
  constructor(readonly types: IndexType[]) {
    types.forEach((t, i) => {
      if (typeof t === 'object') this.interned.set(JSON.stringify(t), i);
    });
  }

  /** The reference of `t`: an identical type already in the table, else `t` appended. */
  intern(t: IndexType): number {
    const key = JSON.stringify(t);
    const hit = this.interned.get(key);
    if (hit !== undefined) return hit;
    this.types.push(t);
    this.interned.set(key, this.types.length - 1);
    return this.types.length - 1;
  }
}
