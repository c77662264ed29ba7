import { execFile } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { writeCacheFile } from '../core/atomic-write.js';
import { UserError } from '../core/errors.js';
import { VERSIONS } from './cache.js';
import { isPlainObject } from '../core/objects.js';
/**
 * The programs {@link detectKustomize} looks for on the search path, in the order it tries them:
 * which files these names lead to is an input of every build (validate/pipeline.ts notes them).
 */
export const KUSTOMIZE_TOOLS = ['kustomize', 'kubectl'];
/** The subcommand of each of {@link KUSTOMIZE_TOOLS} that builds a directory. */
const TOOL_SUBCOMMANDS = { kustomize: 'build', kubectl: 'kustomize' };
/**
 * Finds kustomize: a standalone `kustomize` on the search path when present (it is what Argo CD
 * runs), else `kubectl kustomize`. Returns `undefined` when neither is installed.
 * The version is looked up once per binary (same file, size and modification time) per process.
 */
export async function detectKustomize(opts = {}) {
    const searchPath = opts.path ?? process.env.PATH ?? '';
    for (const name of KUSTOMIZE_TOOLS) {
        const sub = TOOL_SUBCOMMANDS[name];
        const file = which(name, searchPath);
        if (file === undefined)
            continue;
        const version = await versionOf([file, sub], opts.cache);
        if (version !== undefined)
            return { command: [file, sub], version };
    }
    return undefined;
}
/**
 * {@link detectKustomize}, or a {@link UserError} (exit 2) saying how to install kustomize: the one
 * message a run without it gives, instead of a failed build per path.
 */
export async function requireKustomize(opts = {}) {
    const found = await detectKustomize(opts);
    if (found)
        return found;
    throw new UserError({
        check: 'kustomize/not-found',
        severity: 'error',
        file: '.',
        message: 'kustomize not found: no `kustomize` or `kubectl` on PATH could be run, and validate builds every path Argo CD builds with it',
        hint: 'install kubectl 1.14 or newer (it bundles kustomize: `kubectl kustomize`) or the standalone kustomize v5 binary ' +
            '(https://kubectl.docs.kubernetes.io/installation/kustomize/) and put it on PATH; or skip the builds with `--no-kustomize`',
    });
}
const versionMemo = new Map();
/**
 * Version text of a kustomize command, or `undefined` when it cannot be run.
 * Recognises `kustomize build` and `kubectl kustomize`; any other command is keyed by its own text
 * and binary identity, so a cache still changes when the binary does.
 */
export function versionOf(command, cache) {
    const file = command[0];
    if (file === undefined)
        return Promise.resolve(undefined);
    const resolved = file.includes('/') ? file : which(file, process.env.PATH ?? '');
    if (resolved === undefined)
        return Promise.resolve(undefined);
    let identity;
    try {
        const st = nodeFs.statSync(resolved);
        identity = `${nodeFs.realpathSync(resolved)}\0${st.size}\0${st.mtimeMs}\0${command.join(' ')}`;
    }
    catch {
        return Promise.resolve(undefined);
    }
    let p = versionMemo.get(identity);
    if (p === undefined) {
        p = rememberedVersion(identity, cache, () => askVersion(resolved, command));
        versionMemo.set(identity, p);
    }
    return p;
}
/**
 * Versions kept in `<cache>/versions.json`, keyed by binary identity, sealed: a forged version would
 * let entries built by another kustomize pass for this one's.
 */
async function rememberedVersion(identity, cache, ask) {
    if (cache === undefined)
        return ask();
    const file = nodePath.join(cache.dir, 'versions.json');
    let known = {};
    try {
        const body = cache.seal.open(VERSIONS, 'versions', nodeFs.readFileSync(file, 'utf8'));
        const parsed = body === undefined ? undefined : JSON.parse(body);
        if (isPlainObject(parsed))
            known = parsed;
    }
    catch {
        // missing or corrupt: ask again
    }
    const hit = known[identity];
    if (typeof hit === 'string')
        return hit;
    const version = await ask();
    if (version !== undefined)
        writeCacheFile(file, cache.seal.seal(VERSIONS, 'versions', JSON.stringify({ ...known, [identity]: version })));
    return version;
}
async function askVersion(file, command) {
    const base = nodePath.basename(file);
    if (base === 'kubectl' || base === 'kubectl.exe') {
        const out = await run(file, ['version', '--client', '-o', 'json']);
        if (out === undefined)
            return undefined;
        try {
            const v = JSON.parse(out);
            return `kubectl ${v.clientVersion?.gitVersion ?? '?'} kustomize ${v.kustomizeVersion ?? '?'}`;
        }
        catch {
            return undefined;
        }
    }
    if (base === 'kustomize' || base === 'kustomize.exe') {
        const out = await run(file, ['version']);
        return out === undefined ? undefined : `kustomize ${out.trim()}`;
    }
    const st = nodeFs.statSync(file);
    return `${command.join(' ')} (${st.size} bytes, modified ${st.mtimeMs})`;
}
function run(file, args) {
    return new Promise((resolve) => {
        execFile(file, args, { timeout: 20_000, maxBuffer: 1024 * 1024 }, (err, stdout) => resolve(err ? undefined : stdout));
    });
}
/** First executable called `name` on the search path. */
export function which(name, searchPath) {
    for (const dir of searchPath.split(nodePath.delimiter)) {
        if (dir === '')
            continue;
        const file = nodePath.join(dir, name);
        try {
            nodeFs.accessSync(file, nodeFs.constants.X_OK);
            if (nodeFs.statSync(file).isFile())
                return file;
        }
        catch {
            // not here; try the next directory
        }
    }
    return undefined;
}
