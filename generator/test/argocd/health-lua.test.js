import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HEALTH_CUSTOMIZATIONS } from '../../src/render/argocd-health.js';
// The health checks Argo CD runs on the objects of the bootstrap sync's waves, run here in a Lua VM
// (fengari, Lua 5.3; Argo CD's gopher-lua is 5.1 — the scripts use only what both have).
const { lua, lauxlib, lualib, to_luastring, to_jsstring } = createRequire(import.meta.url)('fengari');
/** A JSON value as a Lua table constructor (JSON null and absent fields are both nil). */
function luaValue(v) {
    if (v === null || v === undefined)
        return 'nil';
    if (typeof v === 'string')
        return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v))
        return `{ ${v.map(luaValue).join(', ')} }`;
    return `{ ${Object.entries(v)
        .map(([k, x]) => `[${JSON.stringify(k)}] = ${luaValue(x)}`)
        .join(', ')} }`;
}
/** Runs a health script on `obj` as Argo CD does (a global `obj`, the script returns `hs`). */
function health(script, obj) {
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    const source = `obj = ${luaValue(obj)}\nlocal hs = (function()\n${script}\nend)()\nreturn hs.status, hs.message`;
    if (lauxlib.luaL_loadstring(L, to_luastring(source)) !== lua.LUA_OK || lua.lua_pcall(L, 0, 2, 0) !== lua.LUA_OK) {
        throw new Error(`Lua error: ${to_jsstring(lua.lua_tostring(L, -1))}`);
    }
    const status = to_jsstring(lua.lua_tostring(L, -2));
    const message = to_jsstring(lua.lua_tostring(L, -1));
    return { status, message };
}
const APPLICATION = HEALTH_CUSTOMIZATIONS['resource.customizations.health.argoproj.io_Application'];
const CNPG = HEALTH_CUSTOMIZATIONS['resource.customizations.health.postgresql.cnpg.io_Cluster'];
describe('argocd-cm health check of a child Application (the bootstrap waits on it)', () => {
    it.each([
        ['no status yet', {}, 'Progressing', 'waiting for the Application to report its health'],
        ['health without a status', { status: { health: {} } }, 'Progressing', 'waiting for the Application to report its health'],
        ['healthy, synced', { status: { health: { status: 'Healthy' }, operationState: { phase: 'Succeeded' } } }, 'Healthy', 'Application is Healthy'],
        ['healthy but an operation is requested', { operation: { sync: {} }, status: { health: { status: 'Healthy' } } }, 'Progressing', 'sync in progress'],
        ['healthy but the sync is running', { status: { health: { status: 'Healthy' }, operationState: { phase: 'Running' } } }, 'Progressing', 'sync in progress'],
        ['degraded, with its message', { status: { health: { status: 'Degraded', message: 'Deployment xiaoai: 0/2 ready' } } }, 'Degraded', 'Deployment xiaoai: 0/2 ready'],
        ['suspended (a paused canary)', { status: { health: { status: 'Suspended' } } }, 'Suspended', 'Application is Suspended'],
        ['missing resources stay progressing', { status: { health: { status: 'Missing' } } }, 'Progressing', 'Application is Missing'],
        ['progressing', { status: { health: { status: 'Progressing' } } }, 'Progressing', 'Application is Progressing'],
    ])('%s', (_name, obj, status, message) => {
        expect(health(APPLICATION, obj)).toEqual({ status, message });
    });
});
describe('argocd-cm health check: Applications labelled suoke-life.com/health-gate: none never gate a wave', () => {
    const exempt = { labels: { 'suoke-life.com/health-gate': 'none' } };
    const why = 'never gates a sync wave (suoke-life.com/health-gate: none); its own health: ';
    it.each([
        // Defect 1: the bootstrap is a task of its own sync, and its `.operation` stays set until that sync ends.
        ['the bootstrap during its own sync', { metadata: exempt, operation: { sync: {} }, status: { health: { status: 'Healthy' }, operationState: { phase: 'Running' } } }, 'Healthy', `${why}Healthy`],
        // Defect 2: an environment root waiting on a child held by a closed change window.
        ['an environment root waiting for a window', { metadata: exempt, operation: { sync: {} }, status: { health: { status: 'Progressing' }, operationState: { phase: 'Running' } } }, 'Healthy', `${why}Progressing`],
        ['a root that has not reported yet', { metadata: exempt }, 'Healthy', `${why}not reported yet`],
        ['a degraded root still says so in the message', { metadata: exempt, status: { health: { status: 'Degraded' } } }, 'Healthy', `${why}Degraded`],
        ['another value of the label keeps the check', { metadata: { labels: { 'suoke-life.com/health-gate': 'wave' } }, operation: { sync: {} }, status: { health: { status: 'Healthy' } } }, 'Progressing', 'sync in progress'],
        ['other labels keep the check', { metadata: { labels: { 'suoke-life.com/environment': 'prod' } }, status: { health: { status: 'Missing' } } }, 'Progressing', 'Application is Missing'],
        ['metadata without labels keeps the check', { metadata: { name: 'prod-shared' }, status: { health: { status: 'Healthy' } } }, 'Healthy', 'Application is Healthy'],
    ])('%s', (_name, obj, status, message) => {
        expect(health(APPLICATION, obj)).toEqual({ status, message });
    });
});
describe('argocd-cm health check of a CloudNativePG Cluster', () => {
    it.each([
        ['no status yet', {}, 'Progressing', 'waiting for CloudNativePG to report the cluster phase'],
        ['healthy', { status: { phase: 'Cluster in healthy state' } }, 'Healthy', 'Cluster in healthy state'],
        ['setting up', { status: { phase: 'Setting up primary' } }, 'Progressing', 'Setting up primary'],
        ['unrecoverable', { status: { phase: 'Cluster is in an unrecoverable state, needs manual intervention' } }, 'Degraded', 'Cluster is in an unrecoverable state, needs manual intervention'],
        ['upgrade failed', { status: { phase: 'Cluster upgrade failed' } }, 'Degraded', 'Cluster upgrade failed'],
        ['waiting for the user', { status: { phase: 'Waiting for user action' } }, 'Degraded', 'Waiting for user action'],
    ])('%s', (_name, obj, status, message) => {
        expect(health(CNPG, obj)).toEqual({ status, message });
    });
});
