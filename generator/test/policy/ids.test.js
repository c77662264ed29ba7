import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILE, catalogueOf, RULE_IDS, WAIVABLE } from '../../src/policy/ids.js';
import { RULES } from '../../src/policy/rules/index.js';
import { REPO_ROOT } from '../helpers/platform.js';
const DIST = path.join(REPO_ROOT, 'generator/dist/src');
/** A module resolve hook that refuses every module of policy/rules/: loading one fails the import. */
const hook = `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes("/policy/rules/")) throw new Error("loaded " + r.url); return r; }')}`;
describe('policy ids', () => {
    it('RULE_IDS names every rule of the registry, in its order (what configuration waivers may name)', () => {
        expect(RULE_IDS).toEqual(RULES.map((r) => r.id));
        expect(WAIVABLE).toEqual([...RULES.map((r) => r.id), 'capacity']);
    });
    it('the build writes the catalogue of the registry (ids, severities, waivable) beside policy/ids.js', () => {
        const built = JSON.parse(fs.readFileSync(path.join(DIST, 'policy', CATALOGUE_FILE), 'utf8'));
        expect(built).toEqual(catalogueOf(RULES));
        expect(catalogueOf(RULES).rules[0]).toEqual({ id: RULES[0].id, severity: RULES[0].severity });
    });
    it('`render` (built: config loader, model, render, its CLI) knows the waivable ids without loading a rule module', () => {
        const script = [
            `import { register } from 'node:module';`,
            `register(${JSON.stringify(hook)});`,
            ...['config/load.js', 'model/build.js', 'render/index.js', 'cli/render.js'].map((m) => `await import(${JSON.stringify(path.join(DIST, m))});`),
            `const { WAIVABLE } = await import(${JSON.stringify(path.join(DIST, 'policy/ids.js'))});`,
            `process.stdout.write(JSON.stringify(WAIVABLE));`,
        ].join('\n');
        const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
        expect(JSON.parse(out)).toEqual([...RULES.map((r) => r.id), 'capacity']);
    });
    it('the hook of the test above does catch a rule module being loaded', () => {
        const script = [`import { register } from 'node:module';`, `register(${JSON.stringify(hook)});`, `await import(${JSON.stringify(path.join(DIST, 'policy/rules/index.js'))});`].join('\n');
        expect(() => execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/loaded .*policy\/rules\//);
    });
});
