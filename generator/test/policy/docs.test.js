/**
 * The documentation cannot drift from the code: the check tables of docs/policies.md and
 * docs/change-windows.md, and the list of check ids in the README, are compared with the registries
 * the engine, `validate` and the SARIF catalogue use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_CHECKS, RULES } from '../../src/policy/rules/index.js';
import { WINDOW_CHECKS } from '../../src/windows/checks.js';
import { REPO_ROOT } from '../helpers/platform.js';
const read = (file) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
/** Rows of the markdown tables whose first cell is a backticked `<prefix>/<id>`, as arrays of cells. */
function rows(text, prefix) {
    return text
        .split('\n')
        .filter((l) => l.startsWith(`| \`${prefix}/`))
        .map((l) => l.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim()));
}
const ids = (text, prefix) => [...new Set([...text.matchAll(new RegExp(`\`${prefix}/([a-z0-9-]+)\``, 'g'))].map((m) => m[1]))].sort();
const ALL_POLICY = [...RULES.map((r) => r.id), ...ENGINE_CHECKS.map((c) => c.id)].sort();
const ALL_WINDOWS = WINDOW_CHECKS.map((c) => c.id).sort();
describe('docs/policies.md', () => {
    const text = read('docs/policies.md');
    it('lists every rule with its severities per tier and its description, in registry order', () => {
        const table = rows(text, 'policy').filter((r) => r.length === 4);
        expect(table).toEqual(RULES.map((r) => [`\`policy/${r.id}\``, r.severity.development, r.severity.production, r.description]));
    });
    it('lists every engine and capacity check with its severity', () => {
        const table = rows(text, 'policy').filter((r) => r.length === 3);
        expect(table.map((r) => [r[0], r[1]])).toEqual(ENGINE_CHECKS.map((c) => [`\`policy/${c.id}\``, c.severity]));
    });
    it('names no check that does not exist', () => {
        expect(ids(text, 'policy').filter((id) => !ALL_POLICY.includes(id))).toEqual([]);
    });
});
describe('docs/change-windows.md', () => {
    const text = read('docs/change-windows.md');
    it('lists every change-window check with its severity, in registry order', () => {
        expect(rows(text, 'windows').map((r) => [r[0], r[1]])).toEqual(WINDOW_CHECKS.map((c) => [`\`windows/${c.id}\``, c.severity]));
    });
    it('names no check that does not exist', () => {
        expect(ids(text, 'windows').filter((id) => !ALL_WINDOWS.includes(id))).toEqual([]);
    });
});
describe('README', () => {
    const text = read('README.md');
    it('lists every policy check id, and no other', () => expect(ids(text, 'policy')).toEqual(ALL_POLICY));
    it('lists every change-window check id, and no other', () => expect(ids(text, 'windows')).toEqual(ALL_WINDOWS));
    it('shows the waiver annotation', () => expect(text).toContain('policy.suoke-life.com/waive.'));
    it('counts the rules right', () => expect(text).toContain(`(${RULES.length} checks,`));
});
describe('the registries hold every id the code reports', () => {
    /** Ids written as `'<prefix>/<id>'` string literals in the .ts files of a folder. */
    const literals = (dir, prefix, files) => [
        ...new Set((files ?? fs.readdirSync(path.join(REPO_ROOT, dir)).filter((f) => f.endsWith('.ts'))).flatMap((f) => [...read(`${dir}/${f}`).matchAll(new RegExp(`'${prefix}/([a-z0-9-]+)'`, 'g'))].map((m) => m[1]))),
    ].sort();
    it('windows/*: the ids generator/src/windows reports are exactly WINDOW_CHECKS', () => {
        expect(literals('generator/src/windows', 'windows')).toEqual(ALL_WINDOWS);
    });
    it('policy/*: the ids the engine, the capacity, quota, data-layer and storage-class checks report are exactly ENGINE_CHECKS', () => {
        expect(literals('generator/src/policy', 'policy', ['engine.ts', 'capacity.ts', 'quota.ts', 'data.ts', 'storage.ts'])).toEqual(ENGINE_CHECKS.map((c) => c.id).sort());
    });
});
