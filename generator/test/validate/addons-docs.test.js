/**
 * The add-on checks cannot drift from their documentation: docs/addons.md's table and the README's
 * check-id list hold exactly ADDON_CHECKS, which holds exactly the ids the code reports, and the
 * catalogue the output formats describe (SARIF rules) lists each one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDON_CHECKS } from '../../src/validate/addon-checks.js';
import { checkCatalogue } from '../../src/validate/catalogue.js';
import { REPO_ROOT } from '../helpers/platform.js';
const read = (file) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const ids = (text) => [...new Set([...text.matchAll(/`addons\/([a-z0-9-]+)`/g)].map((m) => m[1]))].sort();
const ALL = ADDON_CHECKS.map((c) => c.id).sort();
describe('the add-on checks', () => {
    it('docs/addons.md lists every check with its severity and description, in registry order', () => {
        const rows = read('docs/addons.md')
            .split('\n')
            .filter((l) => l.startsWith('| `addons/'))
            .map((l) => l.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim()));
        expect(rows).toEqual(ADDON_CHECKS.map((c) => [`\`addons/${c.id}\``, c.severity, c.description]));
    });
    it('the README lists every add-on check id, and no other', () => expect(ids(read('README.md'))).toEqual(ALL));
    it('the ids generator/src/validate reports as addons/* are exactly ADDON_CHECKS', () => {
        const dir = 'generator/src/validate';
        const reported = fs
            .readdirSync(path.join(REPO_ROOT, dir))
            .filter((f) => f.endsWith('.ts'))
            .flatMap((f) => [...read(`${dir}/${f}`).matchAll(/'addons\/([a-z0-9-]+)'|finding\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1] ?? m[2]));
        expect([...new Set(reported)].sort()).toEqual(ALL);
    });
    it('the check catalogue lists each, documented in docs/addons.md', () => {
        const entries = checkCatalogue().filter((e) => e.id.startsWith('addons/'));
        expect(entries.map((e) => [e.id, e.doc, e.severity])).toEqual(ADDON_CHECKS.map((c) => [`addons/${c.id}`, 'docs/addons.md', 'error']));
    });
});
