/**
 * True for a plain-data map: what a YAML or JSON mapping parses to. Arrays and `null` are objects to
 * `typeof` but not maps, so every walker of parsed manifests needs this same three-part test.
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
