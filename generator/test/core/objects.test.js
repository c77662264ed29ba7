import { describe, expect, test } from 'vitest';
import { isPlainObject, objectId, objectIdOf } from '../../src/core/objects.js';
describe('isPlainObject', () => {
    test.each([{}, { a: 1 }, Object.create(null)])('accepts %j', (v) => expect(isPlainObject(v)).toBe(true));
    test.each([null, undefined, [], [{}], 'a', 1, true])('refuses %j', (v) => expect(isPlainObject(v)).toBe(false));
});
describe('objectId', () => {
    test.each([
        ['namespaced', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'xiaoai', namespace: 'suoke-prod' } }, 'apps/v1/Deployment suoke-prod/xiaoai'],
        ['cluster-scoped', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, 'v1/Namespace n'],
        ['empty namespace', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: '' } }, 'v1/ConfigMap a'],
        ['generateName', { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'migrate-' } }, 'batch/v1/Job migrate-*'],
        // regression (issue 10): policy findings said `v1/ConfigMap ` and schema findings `v1/ConfigMap (unnamed)`
        ['unnamed', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, 'v1/ConfigMap (unnamed)'],
        ['no metadata', { apiVersion: 'v1', kind: 'ConfigMap' }, 'v1/ConfigMap (unnamed)'],
        ['metadata not a map', { apiVersion: 'v1', kind: 'ConfigMap', metadata: ['x'] }, 'v1/ConfigMap (unnamed)'],
    ])('%s', (_, o, want) => expect(objectId(o)).toBe(want));
    test('objectIdOf takes the type as spelt by the caller', () => {
        expect(objectIdOf('apps/v1/Deployment', { name: 'w', namespace: 'ns' })).toBe('apps/v1/Deployment ns/w');
        expect(objectIdOf('v1/Pod', undefined)).toBe('v1/Pod (unnamed)');
    });
});
