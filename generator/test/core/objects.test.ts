import { describe, expect, test } from 'vitest';
import { isPlainObject } from '../../src/core/objects.js';

describe('isPlainObject', () => {
  test.each([{}, { a: 1 }, Object.create(null) as object])('accepts %j', (v) => expect(isPlainObject(v)).toBe(true));
  test.each([null, undefined, [], [{}], 'a', 1, true])('refuses %j', (v) => expect(isPlainObject(v)).toBe(false));
});
