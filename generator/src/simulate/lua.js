/**
 * Runs an Argo CD Lua health script on an object, as Argo CD does: a global `obj`, the script's
 * return value is the health [argo-cd util/lua/lua.go ExecuteHealthLua]. fengari is Lua 5.3 and
 * Argo CD's gopher-lua is 5.1: the scripts Argo CD ships and ours use only what both have.
 */
import { createRequire } from 'node:module';
let fengari;
const load = () => (fengari ??= createRequire(import.meta.url)('fengari'));
const STATUSES = new Set(['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown']);
/** Pushes a JSON value; JSON null and absent fields are both nil, as in Argo CD's conversion. */
function push(f, L, v) {
    const { lua, to_luastring } = f;
    if (v === null || v === undefined)
        lua.lua_pushnil(L);
    else if (typeof v === 'string')
        lua.lua_pushstring(L, to_luastring(v));
    else if (typeof v === 'number')
        lua.lua_pushnumber(L, v);
    else if (typeof v === 'boolean')
        lua.lua_pushboolean(L, v);
    else if (Array.isArray(v)) {
        lua.lua_createtable(L, v.length, 0);
        v.forEach((x, i) => {
            push(f, L, x);
            lua.lua_rawseti(L, -2, i + 1);
        });
    }
    else {
        lua.lua_createtable(L, 0, 0);
        for (const [k, x] of Object.entries(v)) {
            if (x === null || x === undefined)
                continue;
            push(f, L, x);
            lua.lua_setfield(L, -2, to_luastring(k));
        }
    }
}
const cache = new Map();
/** One Lua state per script, its chunk compiled once and kept in the registry. */
const states = new Map();
function stateOf(f, script) {
    let s = states.get(script);
    if (s)
        return s;
    const { lua, lauxlib, lualib, to_luastring, to_jsstring } = f;
    const L = lauxlib.luaL_newstate();
    lualib.luaL_openlibs(L);
    if (lauxlib.luaL_loadstring(L, to_luastring(script)) !== lua.LUA_OK)
        s = { error: to_jsstring(lua.lua_tostring(L, -1)) };
    else
        s = { L, chunk: lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX) };
    states.set(script, s);
    return s;
}
/** The health `script` returns for `obj`; a script error is Unknown with the error, as in Argo CD. */
export function runHealthLua(script, obj) {
    const key = `${script}\u0000${JSON.stringify(obj)}`;
    const hit = cache.get(key);
    if (hit)
        return hit;
    const f = load();
    const { lua, to_luastring, to_jsstring } = f;
    const state = stateOf(f, script);
    let out;
    if ('error' in state)
        out = { status: 'Unknown', message: `health script error: ${state.error}` };
    else {
        const { L, chunk } = state;
        const top = lua.lua_gettop(L);
        // A fresh `obj` global for each call; the compiled chunk is reused.
        push(f, L, obj);
        lua.lua_setglobal(L, to_luastring('obj'));
        lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, chunk);
        if (lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
            out = { status: 'Unknown', message: `health script error: ${to_jsstring(lua.lua_tostring(L, -1))}` };
        }
        else {
            const field = (name) => {
                lua.lua_getfield(L, -1, to_luastring(name));
                const v = lua.lua_isstring(L, -1) ? to_jsstring(lua.lua_tostring(L, -1)) : '';
                lua.lua_pop(L, 1);
                return v;
            };
            const status = field('status');
            out = { status: STATUSES.has(status) ? status : 'Unknown', message: field('message') };
        }
        lua.lua_settop(L, top);
    }
    if (cache.size > 50_000)
        cache.clear();
    cache.set(key, out);
    return out;
}
