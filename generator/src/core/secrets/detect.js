/**
 * The one secret detector: decides whether a variable (a service setting, a ConfigMap key, a
 * container env var) holds a secret written out. `render` refuses such settings (config/secret) and
 * `validate` reports such manifests (policy/secret-env) with the same answer.
 *
 * Rules, first match wins, each with an id that findings name:
 * - `url-credentials`: a URL or DSN with a password (`redis://:pw@host`, `postgres://u:pw@h/db`);
 * - `connection-string`: `password=`, `pwd=`, `token=`… in a connection string or URL query;
 * - `gitleaks:<rule>`: a token shape of the vendored gitleaks rule set (GitHub, AWS, private keys,
 *   JWTs, Slack, Stripe, Google, npm and 200 more);
 * - `authorization-header`: `Bearer …` or `Basic …` credentials;
 * - `secret-name`: the name says it is a secret (`DB_PASS`, `PASSPHRASE`, `API_KEY`) and the value is a
 *   literal, numbers included;
 * - `high-entropy`: the name may hold a secret (`SESSION_SALT`) and the value looks random by
 *   detect-secrets' measure (entropy.ts).
 */
import { highEntropy } from './entropy.js';
import { gitleaksMatch } from './gitleaks.js';
import { nameKind } from './names.js';
/**
 * Longest part of a value examined: a setting is short, a ConfigMap file is examined up to here. The
 * gitleaks patterns are written for a linear-time engine; in JavaScript some cost about 10 µs per
 * character when their keyword occurs, so the bound keeps a hostile manifest to under a second a value.
 */
export const MAX_SCANNED = 64 * 1024;
/** `${VAR}` or `$(VAR)`: a reference to another variable, not a value. */
const REFERENCE = /^(?:\$\{[A-Za-z_][A-Za-z0-9_.]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\))$/;
// Bounded scheme: an unbounded one rescans a long run of letters and dashes from every word start.
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s/?#@:]*:([^\s/?#@]+)@/gi;
const PARAM_PASSWORD = /(?:^|[?&;,\s])(?:password|passwd|pwd|pass|passphrase|secret|client_secret|token|access_token|refresh_token|auth_token|api_key|apikey|sig)\s*=\s*([^&;,\s'"]+)/gi;
const AUTHORIZATION = /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/-]{8,}=*/;
/** Values that are not secrets whatever the name: booleans and switches. */
const SWITCH = /^(?:true|false|yes|no|on|off|enabled|disabled|none|null)$/i;
function hasLiteral(re, value) {
    return [...value.matchAll(re)].some((m) => m[1] !== undefined && !REFERENCE.test(m[1]));
}
/** Whether `name` holding `value` is a secret written out; `undefined` when it is not. */
export function detectSecret(name, value) {
    const v = value.length > MAX_SCANNED ? value.slice(0, MAX_SCANNED) : value;
    if (hasLiteral(URL_PASSWORD, v))
        return { rule: 'url-credentials', reason: 'a URL with a password in it' };
    if (hasLiteral(PARAM_PASSWORD, v))
        return { rule: 'connection-string', reason: 'a connection string or query with a password or token' };
    // gitleaks reads files, where a setting is a `KEY: value` line; its context rules need the name.
    const leak = gitleaksMatch(`${name}: ${v}`);
    if (leak && !leak.includes('generic'))
        return { rule: `gitleaks:${leak}`, reason: `the shape of a credential (gitleaks rule ${leak})` };
    if (AUTHORIZATION.test(v))
        return { rule: 'authorization-header', reason: 'Authorization header credentials' };
    const trimmed = v.trim();
    const literal = trimmed !== '' && !SWITCH.test(trimmed) && !REFERENCE.test(trimmed);
    const kind = nameKind(name);
    if (kind === 'secret' && literal)
        return { rule: 'secret-name', reason: 'the name marks it as a secret' };
    if (leak)
        return { rule: `gitleaks:${leak}`, reason: `a credential assigned to a credential name (gitleaks rule ${leak})` };
    const random = kind === 'maybe' && literal ? highEntropy(trimmed) : undefined;
    if (random)
        return { rule: 'high-entropy', reason: `a random-looking ${random.charset} value (entropy ${random.entropy.toFixed(1)} bits per character) under a name about credentials` };
    return undefined;
}
/** How a secret value is shown: never its text, only its length. */
export function maskedValue(value) {
    const n = [...value].length;
    return `${n} character${n === 1 ? '' : 's'}, not shown`;
}
