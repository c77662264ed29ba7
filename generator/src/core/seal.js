import * as os from 'node:os';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
/** First word of a sealed cache file; a new format changes it, so old entries are misses. */
const HEADER = 'suoke-sealed-1';
function mac(secret, scope, key, body) {
    return createHmac('sha256', secret).update(scope).update('\0').update(key).update('\0').update(body).digest();
}
/** A seal under `secret` (32 bytes or more). */
export function sealWith(secret) {
    return {
        seal: (scope, key, body) => `${HEADER} ${mac(secret, scope, key, body).toString('hex')}\n${body}`,
        open(scope, key, text) {
            const nl = text.indexOf('\n');
            const head = /^suoke-sealed-1 ([0-9a-f]{64})$/.exec(nl < 0 ? '' : text.slice(0, nl));
            if (!head)
                return undefined;
            const body = text.slice(nl + 1);
            return timingSafeEqual(Buffer.from(head[1], 'hex'), mac(secret, scope, key, body)) ? body : undefined;
        },
    };
}
/**
 * The seal of the secret in `file` (absolute), created on first use: 32 random bytes, hex, written
 * to a private temporary file (mode 0600, in a folder made 0700) and linked into place, so two
 * processes starting at once end up with the same complete secret. `undefined`, and so no cache is
 * read or written, when the secret cannot be made or cannot be trusted: not a regular file (a
 * symlink is refused), readable or writable by group or others, or owned by another user.
 */
export function loadSeal(file) {
    if (!path.isAbsolute(file))
        return undefined;
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        if (!fs.existsSync(file))
            create(file);
        const st = fs.lstatSync(file);
        if (!st.isFile() || (st.mode & 0o077) !== 0)
            return undefined;
        if (typeof process.getuid === 'function' && st.uid !== process.getuid())
            return undefined;
        const hex = fs.readFileSync(file, 'utf8').trim();
        return /^[0-9a-f]{64}$/.test(hex) ? sealWith(Buffer.from(hex, 'hex')) : undefined;
    }
    catch {
        return undefined;
    }
}
function create(file) {
    const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
        fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        fs.linkSync(tmp, file);
    }
    catch (e) {
        // Another process linked its secret first: use that one.
        if (e.code !== 'EEXIST')
            throw e;
    }
    finally {
        fs.rmSync(tmp, { force: true });
    }
}
/** The per-user secret sealing the caches: `$XDG_CACHE_HOME/suoke-gitops/secret`, else `~/.cache/suoke-gitops/secret`. */
export function cacheSecretFile(env) {
    const xdg = env['XDG_CACHE_HOME'];
    const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
    return path.join(base, 'suoke-gitops', 'secret');
}
