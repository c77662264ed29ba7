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

/**
 * The defaults of a schema below a node (`v` the node's own `default`, `p` properties, `i` items, `m`
 * map values), applied to `self` before its rules run, as the API server defaults an object before it
 * validates it (kubernetes/apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go:34-69 @ v0.36.3).
 */
export interface Defaults {
  v?: unknown;
  p?: Record<string, Defaults>;
  i?: Defaults;
  m?: Defaults;
}

/**
 * The branches of a schema that lead to rules: `r` at this node, `d` the defaults below it (only at a
 * node with rules), `p` properties, `i` items, `m` map values.
 */
export interface CelTree {
  r?: CelRule[];
  d?: Defaults;
  p?: Record<string, CelTree>;
  i?: CelTree;
  m?: CelTree;
}
