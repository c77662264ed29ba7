/**
 * `stageServiceText`, the edit of `npm run stage`, on service texts: a changed version or setting
 * becomes one environment's override (the top level keeps the base's value), promotion copies it to
 * the next environment, and what cannot be staged is refused with its message.
 */
import { describe, expect, test } from 'vitest';
import { stageServiceText } from '../../src/stage/edit.js';
const FILE = 'apps/knowledge/service.yaml';
const ENVS = ['dev', 'test', 'staging', 'prod'];
const BASE = 'name: knowledge\nversion: "1.4.0"  # stable\nsettings:\n  CACHE_TTL: "60"\n';
const enable = (before, env = 'staging') => ({ action: 'enable', env, envs: ENVS, before });
describe('stage: enable in one environment', () => {
    test.each([
        [
            'a new version: staging only, the top level keeps the base version and its comment',
            'name: knowledge\nversion: "1.5.0"  # stable\nsettings:\n  CACHE_TTL: "60"\n',
            'name: knowledge\nversion: "1.4.0" # stable\nsettings:\n  CACHE_TTL: "60"\nenvironments:\n  staging:\n    version: "1.5.0"\n',
            ['version 1.5.0: staging only (the others keep 1.4.0)'],
        ],
        [
            'a changed and an added setting: staging only',
            'name: knowledge\nversion: "1.4.0"  # stable\nsettings:\n  CACHE_TTL: "30"\n  POOL: "8"\n',
            'name: knowledge\nversion: "1.4.0" # stable\nsettings:\n  CACHE_TTL: "60"\nenvironments:\n  staging:\n    settings:\n      CACHE_TTL: "30"\n      POOL: "8"\n',
            ['setting CACHE_TTL=30: staging only', 'setting POOL=8: staging only'],
        ],
    ])('%s', (_name, now, want, notes) => {
        expect(stageServiceText(FILE, now, enable(BASE))).toEqual({ text: want, notes });
    });
    test.each([
        ['a removed setting', 'name: knowledge\nversion: "1.4.0"\nsettings: {}\n', 'setting CACHE_TTL was removed: an override cannot remove a setting in one environment; remove it in a change of its own'],
        ['a version staging already overrides', 'name: knowledge\nversion: "1.5.0"\nsettings:\n  CACHE_TTL: "60"\nenvironments:\n  staging: {version: "1.3.0"}\n', 'staging overrides `version` already (environments.staging.version): the change of `version` would not reach it'],
        ['a description', 'name: knowledge\ndescription: x\nversion: "1.4.0"\nsettings:\n  CACHE_TTL: "60"\n', '`description` of apps/knowledge/service.yaml changed, which has no per-environment override: only `version` and `settings` can be staged (sizes differ per environment: set `environments.staging.replicas`, `autoscaling` or `resources` yourself)'],
    ])('refused: %s', (_name, now, message) => {
        expect(() => stageServiceText(FILE, now, enable(BASE))).toThrow(message);
    });
});
describe('stage: promote', () => {
    const STAGED = 'name: knowledge\nversion: "1.4.0"\nenvironments:\n  staging:\n    version: "1.5.0"\n    settings: {POOL: "8"}\n  prod:\n    replicas: 3\n';
    test('the staged version and settings are copied to prod, beside its own overrides', () => {
        expect(stageServiceText(FILE, STAGED, { action: 'promote', env: 'prod', from: 'staging' })).toEqual({
            text: 'name: knowledge\nversion: "1.4.0"\nenvironments:\n  staging:\n    version: "1.5.0"\n    settings: {POOL: "8"}\n  prod:\n    replicas: 3\n    version: "1.5.0"\n    settings:\n      POOL: "8"\n',
            notes: ['version 1.5.0: prod too', 'setting POOL=8: prod too'],
        });
    });
    test('promoting to the environment it came from is refused', () => {
        expect(() => stageServiceText(FILE, STAGED, { action: 'promote', env: 'staging', from: 'staging' })).toThrow('--from staging is the environment to promote to; name the environment the change was staged in');
    });
});
