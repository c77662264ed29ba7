/** Issue 8 item 7: the seal that authenticates the caches, and the per-user secret behind it. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeal, sealWith } from '../../src/core/seal.js';
import { resultCache } from '../../src/validate/result-cache.js';
const seal = sealWith(randomBytes(32));
const sealed = seal.seal('validate/last-report', 'k1', '{"value":1}');
describe('an entry opens only for its scope, its key and its secret', () => {
    it.each([
        ['as sealed', sealed, 'validate/last-report', 'k1', '{"value":1}'],
        ['another key (moved to another content hash)', sealed, 'validate/last-report', 'k2', undefined],
        ['another scope (a build entry passed off as a report)', sealed, 'kustomize/build', 'k1', undefined],
        ['body changed after sealing', sealed.replace('1}', '2}'), 'validate/last-report', 'k1', undefined],
        ['MAC changed', sealed.replace(/^(suoke-sealed-1 )./, (_m, p) => `${p}${sealed[15] === '0' ? '1' : '0'}`), 'validate/last-report', 'k1', undefined],
        ['sealed under another secret', sealWith(randomBytes(32)).seal('validate/last-report', 'k1', '{"value":1}'), 'validate/last-report', 'k1', undefined],
        ['no header (the format before issue 8)', '{"key":"k1","value":1}', 'validate/last-report', 'k1', undefined],
        ['empty', '', 'validate/last-report', 'k1', undefined],
    ])('%s', (_name, text, scope, key, expected) => {
        expect(seal.open(scope, key, text)).toBe(expected);
    });
});
describe('the per-user secret', () => {
    const dirs = [];
    afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
    const home = () => {
        const d = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-seal-'));
        dirs.push(d);
        return d;
    };
    it('is created on first use with mode 0600 in a 0700 folder, and the same secret is found again', () => {
        const file = path.join(home(), 'suoke-gitops', 'secret');
        const a = loadSeal(file);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
        expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
        expect(loadSeal(file).open('s', 'k', a.seal('s', 'k', 'body'))).toBe('body');
        expect(fs.readdirSync(path.dirname(file))).toEqual(['secret']);
    });
    it.each([
        ['readable by others', (f) => fs.chmodSync(f, 0o644)],
        ['a symlink to a secret', (f) => {
                fs.renameSync(f, `${f}-real`);
                fs.symlinkSync(`${f}-real`, f);
            }],
        ['not 32 bytes of hex', (f) => fs.writeFileSync(f, 'short\n')],
    ])('is not trusted when %s: nothing is cached', (_name, spoil) => {
        const file = path.join(home(), 'secret');
        expect(loadSeal(file)).toBeDefined();
        spoil(file);
        expect(loadSeal(file)).toBeUndefined();
    });
    it('a relative path is refused', () => {
        expect(loadSeal('secret')).toBeUndefined();
    });
});
describe('resultCache', () => {
    it('returns what it stored under the same key and seal, and nothing otherwise', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-result-cache-'));
        try {
            resultCache(dir, seal).set('k1', 42);
            expect(resultCache(dir, seal).get('k1')).toBe(42);
            expect(resultCache(dir, seal).get('k2')).toBeUndefined();
            expect(resultCache(dir, sealWith(randomBytes(32))).get('k1')).toBeUndefined();
        }
        finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
