/**
 * End-to-end: the same configuration renders to the same bytes whatever the time zone and locale of
 * the machine (every file compared), and prints the same output.
 */
import { describe, expect, it } from 'vitest';
import { filesOf, runCli, tempRepo } from '../helpers/cli.js';
const ENVIRONMENTS = {
    'TZ=UTC LANG=C': { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
    'TZ=Asia/Shanghai LANG=zh_CN.UTF-8': { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
    // Sorting by the locale (Turkish dotless i, German ß) or formatting numbers (`1.234,5`) would show here.
    'TZ=America/St_Johns LANG=tr_TR.UTF-8': { TZ: 'America/St_Johns', LANG: 'tr_TR.UTF-8', LC_ALL: 'de_DE.UTF-8' },
};
describe.each(['fixture', 'repo'])('render of the %s configuration', (source) => {
    it('writes the same bytes in every time zone and locale', async () => {
        const trees = new Map();
        const outputs = new Map();
        for (const [name, env] of Object.entries(ENVIRONMENTS)) {
            const repo = tempRepo(source, { configOnly: true, shareKustomizeCache: false });
            const r = await runCli(['render', '--root', repo.root], { env });
            expect(r.code, `${name}: ${r.stderr}`).toBe(0);
            trees.set(name, filesOf(repo.snapshot()));
            outputs.set(name, r.stdout);
        }
        const [first, ...rest] = [...trees.entries()];
        expect(Object.keys(first[1]).length).toBeGreaterThan(50);
        for (const [name, tree] of rest) {
            expect(Object.keys(tree), name).toEqual(Object.keys(first[1]));
            for (const [p, content] of Object.entries(tree))
                expect(content, `${name}: ${p}`).toBe(first[1][p]);
            expect(outputs.get(name), name).toBe(outputs.get(first[0]));
        }
    });
});
it('the repository rendered from its configuration alone equals the committed tree', async () => {
    const committed = tempRepo('repo');
    const fresh = tempRepo('repo', { configOnly: true });
    const r = await runCli(['render', '--root', fresh.root], { env: ENVIRONMENTS['TZ=Asia/Shanghai LANG=zh_CN.UTF-8'] });
    expect(r.code).toBe(0);
    expect(filesOf(fresh.snapshot())).toEqual(filesOf(committed.snapshot()));
});
it('validate prints the same bytes in every time zone and locale', async () => {
    const repo = tempRepo('fixture');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    // A finding, so the output holds more than the summary.
    repo.write('apps/gateway/base/service.yaml', `${repo.read('apps/gateway/base/service.yaml')}# edited\n`);
    const outputs = new Set();
    for (const env of Object.values(ENVIRONMENTS)) {
        for (const format of ['text', 'json', 'junit', 'tap']) {
            const r = await runCli(['validate', '--no-kustomize', '-o', format, '--root', repo.root], { env });
            expect(r.code).toBe(1);
            outputs.add(`${format}\n${r.stdout}`);
        }
    }
    expect(outputs.size).toBe(4);
});
