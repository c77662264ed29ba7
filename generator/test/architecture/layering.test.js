/**
 * The folders of generator/src form a one-way graph (docs/architecture.md, .dependency-cruiser.cjs):
 * the real tree passes the check, and a fixture tree with one import of each forbidden kind fails it
 * with exactly those imports named.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/platform.js';
const DEPCRUISE = path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(REPO_ROOT, '.dependency-cruiser.cjs');
/** Runs the layering check of `npm run lint:shape` on `root`'s generator/src; the violations it reports. */
async function cruise(root) {
    const run = promisify(execFile);
    const args = [DEPCRUISE, 'generator/src', '--config', CONFIG, '--output-type', 'json'];
    // depcruise exits non-zero when it finds violations; its JSON report is on stdout either way.
    const out = await run(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((e) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(out.stdout);
    return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })).sort((a, b) => (`${a.rule} ${a.from}` < `${b.rule} ${b.from}` ? -1 : 1));
}
describe('layering of generator/src', () => {
    it('the tree imports only downwards and has no import cycle (known exceptions aside)', async () => {
        expect(await cruise(REPO_ROOT)).toEqual([]);
    });
    describe('a tree with forbidden imports fails, naming each', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
        afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
        const files = {
            'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
            'package.json': JSON.stringify({ type: 'module' }),
            // allowed: down one layer and more, inside a folder, and from a folder to itself
            'generator/src/core/names.ts': 'export const x = 1;\n',
            'generator/src/model/build.ts': "import { x } from '../core/names.js';\nexport const m = x;\n",
            'generator/src/cli/main.ts': "import { m } from '../model/build.js';\nimport { p } from '../policy/engine.js';\nexport const c = m + p;\n",
            // upward: core (a leaf) imports config
            'generator/src/core/up.ts': "import { k } from '../config/load.js';\nexport const u = k;\n",
            'generator/src/config/load.ts': 'export const k = 1;\n',
            // type only, still upward: policy imports a type of validate
            'generator/src/policy/engine.ts': "import type { V } from '../validate/step.js';\nexport const p: V = 1;\n",
            'generator/src/validate/step.ts': 'export type V = number;\n',
            // neighbours on one layer: render imports kustomize
            'generator/src/render/index.ts': "import { b } from '../kustomize/build.js';\nexport const r = b;\n",
            'generator/src/kustomize/build.ts': 'export const b = 1;\n',
            // report may import only core, though model is below it
            'generator/src/report/text.ts': "import { m } from '../model/build.js';\nexport const t = m;\n",
            // a cycle inside one folder
            'generator/src/write/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
            'generator/src/write/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
            // declarations (build time): a declaration may import TypeBox, run-time code only its types;
            // config/structure.ts alone may import a declaration dynamically (to compile it from the sources)
            'generator/src/config/service/schema.ts': "import { Type } from '@sinclair/typebox';\nexport const ServiceFile = Type.Object({});\nexport type ServiceFile = { name: string };\n",
            'generator/src/config/service/checks.ts': "import type { ServiceFile } from './schema.js';\nexport const c = (v: ServiceFile) => v.name;\n",
            'generator/src/config/structure.ts': "export const s = () => import('./service/schema.js');\n",
            'generator/src/config/shared/names.ts': "import { Type } from '@sinclair/typebox';\nexport const n = Type;\n",
            'generator/src/config/service/build.ts': "import { ServiceFile } from './schema.js';\nexport const b = ServiceFile;\n",
            'generator/src/config/across.ts': "export const a = () => import('./cluster/windows-schema.js');\n",
            'generator/src/config/cluster/windows-schema.ts': 'export const ChangeWindows = {};\n',
        };
        for (const [file, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
            fs.writeFileSync(path.join(root, file), text);
        }
        it('reports the upward, type-only, neighbour and report imports, the cycle (once) and the run-time uses of declarations, nothing else', async () => {
            expect(await cruise(root)).toEqual([
                { rule: 'declarations:build-time-only', from: 'generator/src/config/service/build.ts', to: 'generator/src/config/service/schema.ts' },
                { rule: 'declarations:build-time-only', from: 'generator/src/config/shared/names.ts', to: '@sinclair/typebox' },
                { rule: 'declarations:compiled-in-one-place', from: 'generator/src/config/across.ts', to: 'generator/src/config/cluster/windows-schema.ts' },
                { rule: 'layering:core', from: 'generator/src/core/up.ts', to: 'generator/src/config/load.ts' },
                { rule: 'layering:policy', from: 'generator/src/policy/engine.ts', to: 'generator/src/validate/step.ts' },
                { rule: 'layering:render', from: 'generator/src/render/index.ts', to: 'generator/src/kustomize/build.ts' },
                { rule: 'layering:report', from: 'generator/src/report/text.ts', to: 'generator/src/model/build.ts' },
                { rule: 'no-circular', from: 'generator/src/write/a.ts', to: 'generator/src/write/b.ts' },
            ]);
        });
    });
});
