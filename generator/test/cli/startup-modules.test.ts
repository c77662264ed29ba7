/**
 * Start-up cost (issue 10): the configuration's declarations and TypeBox (~200 modules, ~0.1 s of
 * every command) are for the build only. `render` and `validate` use the validators `npm run build`
 * precompiled and import only the declarations' types; the static side of this is the
 * `declarations:*` rules of .dependency-cruiser.cjs, this test checks what the processes really load
 * (a `createRequire` is invisible to the import graph).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';

const HOOK = path.join(import.meta.dirname, '../helpers/modules-hook.mjs');

/** Runs the CLI with `args` (the repository's root appended) and returns its exit code and every module it loaded. */
async function loaded(args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const repo = tempRepo('repo');
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'startup-modules-')), 'modules.txt');
  const r = await runCli([...args, '--root', repo.root], { nodeArgs: ['--import', HOOK], env: { SUOKE_MODULES_FILE: list } });
  return { code: r.code, modules: fs.readFileSync(list, 'utf8').split('\n').filter((l) => l !== '') };
}

/** Modules that only the build, `npm run schemas` and the tests may load. */
const buildOnly = (m: string) => /\/node_modules\/@sinclair\/typebox\//.test(m) || /\/dist\/src\/config\/([a-z/-]*schemas?|shared\/(declare|typebox))\.js$/.test(m);

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
});
