/**
 * The secret detector (issue 8, item 10): every shape of secret that used to pass fires with the rule
 * that names it, and look-alikes stay quiet. Token-shaped test values are assembled from pieces so
 * that this file itself holds no credential a scanner would stop.
 */
import { describe, expect, test } from 'vitest';
import { detectSecret, maskedValue, MAX_SCANNED } from '../../src/core/secrets/detect.js';
import { ENTROPY_LIMITS, highEntropy, shannonEntropy } from '../../src/core/secrets/entropy.js';
import { nameKind } from '../../src/core/secrets/names.js';
const j = (...parts) => parts.join('');
/** A JWT of the usual HS256 example, in three pieces. */
const JWT = j('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
const PEM = j('-----BEGIN ', 'RSA PRIVATE KEY-----\n', 'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH\n', 'lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE\n', '-----END RSA ', 'PRIVATE KEY-----\n');
const firing = [
    ['the one case caught before', 'DATABASE_PASSWORD', 'hunter2', 'secret-name'],
    ['name DB_PASS', 'DB_PASS', 'hunter2', 'secret-name'],
    ['name DB_PW', 'DB_PW', 'hunter2', 'secret-name'],
    ['name PASSPHRASE', 'PASSPHRASE', 'correct horse battery staple', 'secret-name'],
    ['camelCase name in a ConfigMap', 'clientSecret', 'abc', 'secret-name'],
    ['dotted name in a ConfigMap', 'spring.datasource.password', 'abc', 'secret-name'],
    ['run-together name', 'DBPASSWORD', 'abc', 'secret-name'],
    ['API_KEY', 'API_KEY', 'abc123', 'secret-name'],
    ['a numeric password, quoted', 'PIN_PASSWORD', '8675309', 'secret-name'],
    ['a numeric password, unquoted (as written)', 'PIN_PASSWORD', '0123', 'secret-name'],
    ['redis URL with only a password', 'REDIS_URL', 'redis://:pw@redis:6379/0', 'url-credentials'],
    ['postgres DSN with user and password', 'DATABASE_URL', 'postgres://user:pw@db/app', 'url-credentials'],
    ['a password in a connection string', 'CONNECTION', 'Server=db;User Id=sa;Password=s3cr3t;', 'connection-string'],
    ['libpq key=value string', 'PG_DSN', 'host=db user=app password=s3cr3t dbname=app', 'connection-string'],
    ['?password= in a query', 'CALLBACK', 'https://x.example/cb?password=abc', 'connection-string'],
    ['&pwd= in a query', 'LEGACY_URL', 'https://x.example/cb?user=a&pwd=abc', 'connection-string'],
    ['GitHub classic token', 'UPSTREAM', j('ghp_', 'R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI'), 'gitleaks:github-pat'],
    ['GitHub fine-grained token', 'UPSTREAM', j('github_pat_', '11A7RKQ2Y0_', 'Rq7Zk2Wm9Nb4Vc8Yp3Ls6Df1Hj5Gq0Ae2Ui7Ko3Pl9Mn8Bv4Cx1Zt6Ry2Ew5Qa0Sd3Fg7Hh1Jk9Lz4Xc'), 'gitleaks:github-fine-grained-pat'],
    ['AWS access key id', 'UPLOAD', j('AKIA', 'Z3MSJV4WWNKWW5FG'), 'gitleaks:aws-access-token'],
    ['AWS temporary key id', 'UPLOAD', j('ASIA', 'Y34FZKBOKMUTVV7A'), 'gitleaks:aws-access-token'],
    ['PEM private key', 'TLS', PEM, 'gitleaks:private-key'],
    ['Bearer JWT', 'UPSTREAM_HEADER', `Bearer ${JWT}`, 'gitleaks:jwt'],
    ['bare JWT', 'UPSTREAM', JWT, 'gitleaks:jwt'],
    ['Bearer opaque token', 'UPSTREAM_HEADER', 'Bearer 9f2c1e7a4b8d6f0e3a5c', 'authorization-header'],
    ['Slack bot token', 'NOTIFY', j('xoxb-', '2748193650-4827193650284-', 'Kq7ZxW9mN4bV8cY3pL6sD1fH'), 'gitleaks:slack-bot-token'],
    ['Stripe live key', 'PAYMENTS', j('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc'), 'gitleaks:stripe-access-token'],
    ['Google API key', 'MAPS', j('AIza', 'SyD4kZx9Qm2Vw7Lp3Tn8Rb6Yc1Hj5Gf0Ue8'), 'gitleaks:gcp-api-key'],
    ['npm token', 'REGISTRY', j('npm_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'), 'gitleaks:npm-access-token'],
    ['random value under a credential-ish name (base64)', 'SESSION_SALT', 'q8Zr2LxW9mN4bV8cY3pL6sD1fH5jG0aE2uIoP', 'high-entropy'],
    ['random value under a credential-ish name (hex)', 'COOKIE_HMAC', '9f86d081884c7d659a2feaa0c55ad015', 'high-entropy'],
];
const quiet = [
    ['a path to the password file', 'PASSWORD_FILE', '/run/secrets/db'],
    ['a token lifetime', 'TOKEN_TTL', '3600'],
    ['the seed token lifetime', 'TOKEN_TTL_SECONDS', '3600'],
    ['a redis URL without credentials', 'CACHE_URL', 'redis://host:6379/0'],
    ['the seed redis URL', 'REDIS_URL', 'redis://redis.suoke-data:6379'],
    ['an auth URL', 'AUTH_URL', 'https://auth.example/login'],
    ['a sha256 image digest', 'IMAGE_DIGEST', 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    ['a UUID request id', 'REQUEST_ID', '123e4567-e89b-12d3-a456-426614174000'],
    ['a switch about passwords', 'ENABLE_PASSWORD_RESET', 'true'],
    ['a log level', 'LOG_LEVEL', 'info'],
    ['an image reference', 'IMAGE', 'registry.suoke-life.com/suoke-life/xiaoke:2.0.3'],
    ['a model path', 'AI_MODEL_PATH', '/models/xiaoke'],
    ['an LLM token budget', 'MAX_TOKENS', '4096'],
    ['a message routing key', 'ROUTING_KEY', 'events.user.created'],
    ['a public key', 'JWT_PUBLIC_KEY', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
    ['a reference to another variable', 'DB_PASSWORD', '$(DB_PASSWORD)'],
    ['a shell-style reference', 'API_KEY', '${API_KEY}'],
    ['a URL whose password is a reference', 'DATABASE_URL', 'postgres://user:${DB_PASSWORD}@db/app'],
    ['an empty password', 'REDIS_PASSWORD', ''],
    ['a commit id under a plain name', 'GIT_COMMIT', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['a session cookie name', 'SESSION_COOKIE_NAME', 'sid'],
    ['a readable word under a credential-ish name', 'AUTH_MODE', 'oauth'],
    ['an exchange name', 'EVENTS_EXCHANGE', 'suokelife.events'],
    ['an OAuth scope', 'OAUTH_SCOPES', 'openid profile email'],
    ['the AWS documentation example key (gitleaks allowlist)', 'UPLOAD', j('AKIA', 'IOSFODNN7EXAMPLE')],
];
describe('detectSecret', () => {
    test.each(firing)('fires: %s', (_, name, value, rule) => {
        expect(detectSecret(name, value)?.rule).toBe(rule);
    });
    test.each(quiet)('quiet: %s', (_, name, value) => {
        expect(detectSecret(name, value)).toBeUndefined();
    });
    test('the reason never contains the value', () => {
        for (const [, name, value] of firing)
            expect(detectSecret(name, value).reason).not.toContain(value);
    });
    test(`only the first ${MAX_SCANNED / 1024} KiB of a value are examined`, () => {
        expect(detectSecret('CONFIG', `${' '.repeat(MAX_SCANNED - 40)}redis://:pw@h`)?.rule).toBe('url-credentials');
        expect(detectSecret('CONFIG', `${' '.repeat(MAX_SCANNED)}redis://:pw@h`)).toBeUndefined();
    });
    test('maskedValue shows the length only', () => {
        expect([maskedValue('hunter2'), maskedValue('x'), maskedValue('密码')]).toEqual(['7 characters, not shown', '1 character, not shown', '2 characters, not shown']);
    });
});
describe('names', () => {
    test.each([
        ['DB_PASS', 'secret'],
        ['AWS_SECRET_ACCESS_KEY', 'secret'],
        ['ENCRYPTION_KEY', 'secret'],
        ['SESSION_SALT', 'maybe'],
        ['PUBLIC_KEY', undefined],
        ['PARTITION_KEY', undefined],
        ['TOKEN_TTL_SECONDS', undefined],
        ['PASSWORD_MIN_LENGTH', undefined],
        ['MAX_TOKENS', undefined],
        ['TOKENIZER', undefined],
        ['KEYCLOAK_REALM', undefined],
    ])('%s → %s', (name, kind) => expect(nameKind(name)).toBe(kind));
});
describe('entropy (detect-secrets limits: base64 4.5, hex 3.0)', () => {
    test('Shannon entropy in bits per character', () => {
        expect([shannonEntropy(''), shannonEntropy('aaaa'), shannonEntropy('ab'), shannonEntropy('abcd')]).toEqual([0, 0, 1, 2]);
    });
    test.each([
        ['hex above 3.0', '9f86d081884c7d659a2feaa0c55ad015', 'hex'],
        ['hex below 3.0', 'aabbaabbaabb', undefined],
        ['a number: its hex entropy (3.32) lowered by 1.2 / log2(10)', '1234567890', undefined],
        ['the same entropy in letters', '123456789a', 'hex'],
        ['base64 above 4.5', 'q8Zr2LxW9mN4bV8cY3pL6sD1fH5jG0aE2uIoP', 'base64'],
        ['base64 below 4.5: a UUID', '123e4567-e89b-12d3-a456-426614174000', undefined],
        ['not one alphabet: a URL', 'https://q8Zr2LxW9mN4bV8cY3pL6sD1fH5jG0aE2uIoP', undefined],
    ])('%s', (_, value, charset) => {
        expect(highEntropy(value)?.charset).toBe(charset);
    });
    test('the limits are detect-secrets v1.5.0 defaults', () => expect(ENTROPY_LIMITS).toEqual({ base64: 4.5, hex: 3.0 }));
});
