/**
 * Start-up cost (issue 10): the configuration's declarations and TypeBox (~200 modules, ~0.1 s of
 * every command) are for the build only. `render` and `validate` use the validators `npm run build`
 * precompiled and import only the declarations' types; the static side of this is the
 * `declarations:*` rules of .dependency-cruiser.cjs, this test checks what the processes really load
 * (a `createRequire` is invisible to the import graph). And a `validate` the result cache serves loads
 * only what it uses (validate/pipeline.ts imports the repository steps on a miss).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
const HOOK = path.join(import.meta.dirname, '../helpers/modules-hook.mjs');
/** Runs the CLI with `args` (the repository's root appended) and returns its exit code and every module it loaded. */
async function loaded(args, root = tempRepo('repo').root) {
    const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'startup-modules-')), 'modules.txt');
    const r = await runCli([...args, '--root', root], { nodeArgs: ['--import', HOOK], env: { SUOKE_MODULES_FILE: list } });
    return { code: r.code, modules: fs.readFileSync(list, 'utf8').split('\n').filter((l) => l !== '') };
}
const ours = (modules, re) => modules.filter((m) => re.test(m.replace(/^.*\/dist\/src\//, '')));
/** Modules that only the build, `npm run schemas` and the tests may load. */
const buildOnly = (m) => /\/node_modules\/@sinclair\/typebox\//.test(m) || /\/dist\/src\/config\/([a-z/-]*schemas?|shared\/(declare|typebox))\.js$/.test(m);
describe('what a command loads at start-up', () => {
    it.each([
        ['render --check', ['render', '--check']],
        ['validate --schema-only --no-cache', ['validate', '--schema-only', '--no-cache']],
    ])('%s loads neither TypeBox nor a config declaration', async (_name, args) => {
        const { code, modules } = await loaded(args);
        expect(code).toBe(0);
        // Control: the hook saw the loader and the precompiled validators, so an empty list proves nothing false.
        expect(modules.some((m) => m.endsWith('/dist/src/config/load.js'))).toBe(true);
        expect(modules.some((m) => m.endsWith('/dist/src/config/validators.generated.cjs'))).toBe(true);
        expect(modules.filter(buildOnly)).toEqual([]);
    }, 120_000);
    it('a validate the result cache serves loads neither the loader, the model, the renderers, the policies nor the schema validator', async () => {
        const repo = tempRepo('repo');
        const args = ['validate', '--no-kustomize', '--no-windows'];
        const cold = await loaded(args, repo.root);
        expect(cold.code).toBe(0);
        // Control: the first run (no cache yet) loads them all.
        const heavy = /^(config\/load|model\/build|render\/index|policy\/rules\/index|validate\/schema\/index)\.js$/;
        expect(ours(cold.modules, heavy)).toHaveLength(5);
        const warm = await loaded(args, repo.root);
        expect(warm.code).toBe(0);
        expect(ours(warm.modules, /^validate\/pipeline\.js$/)).toHaveLength(1);
        expect(ours(warm.modules, heavy)).toEqual([]);
    }, 180_000);
});
