import { describe, expect, it } from 'vitest';
import { escapePointerToken, unescapePointerToken } from '../../src/core/json-pointer.js';

describe('JSON Pointer reference tokens (RFC 6901)', () => {
  const cases: [name: string, key: string, token: string][] = [
    ['a plain key is its own token', 'replicas', 'replicas'],
    ['a slash becomes ~1', 'argocd.argoproj.io/sync-wave', 'argocd.argoproj.io~1sync-wave'],
    ['a tilde becomes ~0', 'a~b', 'a~0b'],
    ['a tilde before a 1 stays a tilde (~01, not ~1)', '~1', '~01'],
    ['both, in order', '~/', '~0~1'],
    ['the empty key', '', ''],
  ];
  it.each(cases)('%s', (_name, key, token) => {
    expect(escapePointerToken(key)).toBe(token);
    expect(unescapePointerToken(token)).toBe(key);
  });
});
