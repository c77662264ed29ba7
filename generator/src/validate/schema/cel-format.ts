/**
 * The shape of the CEL rules a CRD validator module exports (`exports.cel`), shared by the build step
 * that writes them (`generator/scripts/crd-cel.ts`) and the runtime that evaluates them (`cel.ts`).
 */

/** One `x-kubernetes-validations` entry, as written in the CRD. */
export interface CelRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  /** Where a failure points, relative to the rule's node, e.g. `.spec.replicas` or `.data['key']`. */
  fieldPath?: string;
  reason?: string;
}

/** The branches of a schema that lead to rules: `r` at this node, `p` properties, `i` items, `m` map values. */
export interface CelTree {
  r?: CelRule[];
  p?: Record<string, CelTree>;
  i?: CelTree;
  m?: CelTree;
}
