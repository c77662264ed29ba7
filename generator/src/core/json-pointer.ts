/**
 * One reference token of a JSON Pointer (RFC 6901, section 4), written and read: `~` is `~0` and `/`
 * is `~1`, so `metadata/annotations/argocd.argoproj.io~1sync-wave` names that annotation. JSON Patch
 * paths (RFC 6902) and ajv's `instancePath` are such pointers.
 */

/** `argocd.argoproj.io/sync-wave` → `argocd.argoproj.io~1sync-wave`. */
export function escapePointerToken(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replaceAll('~', '~0').replaceAll('/', '~1') : key;
}

/** `argocd.argoproj.io~1sync-wave` → `argocd.argoproj.io/sync-wave`: `~1` first, so `~01` reads back as `~1`. */
export function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}
