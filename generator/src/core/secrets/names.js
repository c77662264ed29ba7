/**
 * What a variable's name says about its value: a secret (`DB_PASS`, `clientSecret`, `API_KEY`),
 * something that may hold one (`SESSION_SALT`: secret when its value looks random), or a setting
 * about a secret rather than the secret (`TOKEN_TTL_SECONDS`, `PASSWORD_FILE`, `MAX_TOKENS`).
 */
/** Words that make the value a secret: any literal value is refused. */
const SECRET_WORDS = new Set([
    'PASSWORD', 'PASSWORDS', 'PASSWD', 'PASS', 'PWD', 'PW', 'PASSPHRASE',
    'SECRET', 'SECRETS', 'TOKEN', 'CREDENTIAL', 'CREDENTIALS',
    'KEY', 'KEYS', 'APIKEY', 'PRIVATEKEY', 'SECRETKEY', 'ACCESSKEY',
]);
/** Endings of run-together words that do the same: `DBPASSWORD`, `AUTHTOKEN`, `CLIENTSECRET`. */
const SECRET_ENDINGS = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|PRIVATEKEY|SECRETKEY|ACCESSKEY)$/;
/** Words that make the value possibly secret: refused when it looks random. */
const MAYBE_WORDS = new Set(['AUTH', 'OAUTH', 'ACCESS', 'CREDS', 'SALT', 'HMAC', 'SIGNING', 'SIGNATURE', 'SESSION', 'COOKIE', 'PRIVATE', 'CERT', 'ENCRYPTION', 'CIPHER', 'SEED', 'NONCE', 'JWT', 'BEARER', 'LICENSE']);
/** Words before `KEY` that name a kind of key that is not a secret: `ROUTING_KEY`, `PARTITION_KEY`. */
const PLAIN_KEYS = new Set(['PUBLIC', 'PUB', 'PRIMARY', 'FOREIGN', 'PARTITION', 'SORT', 'ROUTING', 'CACHE', 'IDEMPOTENCY', 'SHARD', 'BUCKET', 'SCHEMA', 'SEQUENCE', 'INDEX', 'IDX', 'LOOKUP', 'GROUP', 'HASH', 'MAP', 'HOT', 'DEDUP', 'DEDUPLICATION']);
/** A last word that makes the variable a setting about a secret: `TOKEN_TTL_SECONDS`, `KEY_PATH`. */
const ABOUT_LAST = new Set([
    'TTL', 'SECONDS', 'SECS', 'MS', 'MINUTES', 'HOURS', 'DAYS', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'TIMEOUT', 'AGE',
    'LENGTH', 'LEN', 'SIZE', 'BITS', 'MIN', 'MAX', 'COUNT', 'LIMIT', 'ROUNDS', 'COST', 'ITERATIONS', 'RETRIES',
    'PATH', 'FILE', 'DIR', 'NAME', 'ID', 'IDS', 'REF', 'HEADER', 'ALGORITHM', 'ALG', 'TYPE', 'KIND', 'MODE', 'POLICY', 'FORMAT', 'PREFIX', 'VERSION',
    'ENABLED', 'DISABLED', 'REQUIRED', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES', 'REGION', 'PROVIDER',
]);
/** A first word that makes it a setting about secrets: `MAX_TOKENS`, `ENABLE_PASSWORD_RESET`. */
const ABOUT_FIRST = new Set(['MAX', 'MIN', 'NUM', 'ENABLE', 'DISABLE', 'ALLOW', 'REQUIRE', 'USE']);
/** The words of a name: `spring.datasource.password` → SPRING DATASOURCE PASSWORD; `dbPassword` → DB PASSWORD. */
function nameWords(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toUpperCase()
        .split(/[^A-Z0-9]+/)
        .filter((w) => w !== '');
}
/** Whether the name says its value is a secret, may be one, or neither. */
export function nameKind(name) {
    const words = nameWords(name);
    if (words.length === 0 || ABOUT_LAST.has(words[words.length - 1]) || (words.length > 1 && ABOUT_FIRST.has(words[0])))
        return undefined;
    const secret = words.some((w, i) => (w === 'KEY' || w === 'KEYS' ? !PLAIN_KEYS.has(words[i - 1] ?? '') : SECRET_WORDS.has(w) || SECRET_ENDINGS.test(w)));
    if (secret)
        return 'secret';
    return words.some((w) => MAYBE_WORDS.has(w)) ? 'maybe' : undefined;
}
