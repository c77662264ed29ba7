import { describe, expect, it } from 'vitest';
import { RULE_IDS, WAIVABLE } from '../../src/policy/ids.js';
import { RULES } from '../../src/policy/rules/index.js';

describe('policy ids', () => {
  it('RULE_IDS names every rule of the registry, in its order (what configuration waivers may name)', () => {
    expect(RULE_IDS).toEqual(RULES.map((r) => r.id));
    expect(WAIVABLE).toEqual([...RULES.map((r) => r.id), 'capacity']);
  });
});
