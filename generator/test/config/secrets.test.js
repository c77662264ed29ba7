/**
 * `render` refuses secrets written into settings (issue 8, item 10): in a service's settings, its
 * per-environment settings and a cluster's environment settings, with file, line, YAML path, the
 * detector rule and the fix, never the value.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';
const B = 'apps/beta/service.yaml';
const N = 'clusters/nonprod/cluster.yaml';
const j = (...parts) => parts.join('');
const serviceHint = (key, property) => `keep it in the secret store: remove it here and declare it under \`secrets\`, e.g. \`- {env: ${key}, key: "suoke/{env}/beta", property: ${property}}\`, which renders an ExternalSecret; then rotate the value: it is in Git history`;
const message = (path, reason, rule, length) => `\`${path}\` holds a secret written out: ${reason}, detector rule \`${rule}\`; the value (${length} characters, not shown) must not be in Git`;
/** One setting of beta, as written in YAML, and what the finding says about it. */
const shapes = [
    ['DB_PASS', '"hunter2"', 'hunter2', 'the name marks it as a secret', 'secret-name'],
    ['DB_PW', '"hunter2"', 'hunter2', 'the name marks it as a secret', 'secret-name'],
    ['PASSPHRASE', '"correct horse"', 'correct horse', 'the name marks it as a secret', 'secret-name'],
    ['PIN_PASSWORD', '"8675309"', '8675309', 'the name marks it as a secret', 'secret-name'],
    ['REDIS_URL', '"redis://:pw@redis:6379/0"', 'redis://:pw@redis:6379/0', 'a URL with a password in it', 'url-credentials'],
    ['DATABASE_DSN', '"postgres://user:pw@db/app"', 'postgres://user:pw@db/app', 'a URL with a password in it', 'url-credentials'],
    ['CONNECTION', '"Server=db;User Id=sa;Password=s3cr3t;"', 'Server=db;User Id=sa;Password=s3cr3t;', 'a connection string or query with a password or token', 'connection-string'],
    ['CALLBACK', '"https://x.example/cb?password=abc"', 'https://x.example/cb?password=abc', 'a connection string or query with a password or token', 'connection-string'],
    ['UPSTREAM', j('"ghp_', 'R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI"'), j('ghp_', 'R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI'), 'the shape of a credential (gitleaks rule github-pat)', 'gitleaks:github-pat'],
    ['UPLOAD', j('"AKIA', 'Z3MSJV4WWNKWW5FG"'), j('AKIA', 'Z3MSJV4WWNKWW5FG'), 'the shape of a credential (gitleaks rule aws-access-token)', 'gitleaks:aws-access-token'],
    ['UPSTREAM_HEADER', '"Bearer 9f2c1e7a4b8d6f0e3a5c"', 'Bearer 9f2c1e7a4b8d6f0e3a5c', 'Authorization header credentials', 'authorization-header'],
    ['SESSION_SALT', '"q8Zr2LxW9mN4bV8cY3pL6sD1fH5jG0aE2uIoP"', 'q8Zr2LxW9mN4bV8cY3pL6sD1fH5jG0aE2uIoP', 'a random-looking base64 value (entropy 5.0 bits per character) under a name about credentials', 'high-entropy'],
];
describe('render refuses a secret in settings', () => {
    test.each(shapes)('settings.%s', (name, yaml, value, reason, rule) => {
        const { findings } = readConfig(fixtureFs([[B, 'MODE: "fast"', `MODE: "fast"\n  ${name}: ${yaml}`]]), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            { check: 'config/secret', file: B, line: 23, path: `settings.${name}`, message: message(`settings.${name}`, reason, rule, [...value].length), hint: serviceHint(name, name.toLowerCase().replace(/_/g, '-')) },
        ]);
        expect(JSON.stringify(findings)).not.toContain(value);
    });
    test('in a per-environment override', () => {
        const { findings } = readConfig(fixtureFs([[B, 'MODE: "safe"', 'MODE: "safe"\n      API_KEY: "abc123"']]), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            { check: 'config/secret', file: B, line: 48, path: 'environments.prod.settings.API_KEY', message: message('environments.prod.settings.API_KEY', 'the name marks it as a secret', 'secret-name', 6), hint: serviceHint('API_KEY', 'api-key') },
        ]);
    });
    test('in a cluster environment', () => {
        const { findings } = readConfig(fixtureFs([[N, 'LOG_LEVEL: debug', 'LOG_LEVEL: debug\n      SENTRY_DSN: https://k:s3cr3t@sentry.example/1']]), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            {
                check: 'config/secret',
                file: N,
                line: 22,
                path: 'environments.dev.settings.SENTRY_DSN',
                message: message('environments.dev.settings.SENTRY_DSN', 'a URL with a password in it', 'url-credentials', 33),
                hint: 'keep it in the secret store: remove it here and declare it under `secrets` in apps/<service>/service.yaml of each service that needs it, which renders an ExternalSecret; then rotate the value: it is in Git history',
            },
        ]);
    });
    test('an unquoted number is judged as written, and its type error (which would quote it) is dropped', () => {
        const { findings } = readConfig(fixtureFs([[B, 'MODE: "fast"', 'MODE: "fast"\n  PIN_PASSWORD: 08675309']]), loadOptions);
        expect(withoutSeverity(findings)).toEqual([
            { check: 'config/secret', file: B, line: 23, path: 'settings.PIN_PASSWORD', message: message('settings.PIN_PASSWORD', 'the name marks it as a secret', 'secret-name', 8), hint: serviceHint('PIN_PASSWORD', 'pin-password') },
        ]);
        expect(JSON.stringify(findings)).not.toContain('8675309');
    });
    test('quiet: settings about secrets and values without credentials', () => {
        const settings = ['TOKEN_TTL_SECONDS: "3600"', 'PASSWORD_FILE: /run/secrets/db', 'CACHE_URL: redis://host:6379/0', 'AUTH_URL: https://auth.example/login', 'ENABLE_PASSWORD_RESET: "true"', 'REQUEST_ID: 123e4567-e89b-12d3-a456-426614174000', 'MAX_TOKENS: "4096"'];
        const { findings } = readConfig(fixtureFs([[B, 'MODE: "fast"', `MODE: "fast"\n  ${settings.join('\n  ')}`]]), loadOptions);
        expect(findings).toEqual([]);
    });
});
