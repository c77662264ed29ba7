/**
 * Fault injection with real kills: a render that changes, adds and removes files (and creates and
 * removes folders) is killed with SIGKILL before each of its calls that change the disk, one run per
 * call (test/helpers/fault-hook.mjs). After every kill:
 * - `render --check` is green only if the tree is completely rendered, and names the interrupted render;
 * - finishing what was left (what the next render does first) gives either the untouched tree or the
 *   completely rendered one, with no staging folder, journal or temporary file left;
 * - the next `render` ends with exactly the completely rendered tree and no lock.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterrupted } from '../../src/write/recover.js';
import { runCli, snapshotTree } from '../helpers/cli.js';
import { copyRepo, makeScenario, SCENARIO_PLAN } from './scenario.js';
const HOOK = path.join(import.meta.dirname, '../helpers/fault-hook.mjs');
let work;
let template;
/** A fresh copy of the template repository. */
function copyOfTemplate(name) {
    const root = path.join(work, name);
    copyRepo(template, root);
    return root;
}
/** The tree without the lock (and its temporary name) a killed render leaves: the next render takes it over. */
function withoutLock(s) {
    return Object.fromEntries(Object.entries(s).filter(([k]) => !/^\.render\.lock(\.[0-9]+\.tmp)?$/.test(k)));
}
beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-kill-'));
    template = path.join(work, 'template');
    makeScenario(template);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
describe('render killed at every call that changes the disk', () => {
    it('leaves a tree that the next run completes, never a half-written one', { timeout: 900_000 }, async () => {
        const untouched = snapshotTree(template);
        const rendered = copyOfTemplate('rendered');
        const counted = path.join(work, 'count');
        const full = await runCli(['render', '--root', rendered], { nodeArgs: ['--import', HOOK], env: { SUOKE_FAULT_COUNT_FILE: counted } });
        expect(full.stdout).toMatch(new RegExp(`: ${SCENARIO_PLAN.write} written, ${SCENARIO_PLAN.remove} removed, ${SCENARIO_PLAN.unchanged} unchanged\\.\\n$`));
        const complete = snapshotTree(rendered);
        const calls = fs.readFileSync(counted, 'utf8').trim().split(' ').slice(1);
        // Every kind of step is among the kill points: staging, the journal, folders, backups, renames, removals.
        expect([...new Set(calls)]).toEqual(expect.arrayContaining(['writeFileSync', 'mkdirSync', 'fsyncSync', 'renameSync', 'linkSync', 'rmdirSync', 'rmSync', 'unlinkSync']));
        expect(complete).not.toEqual(untouched);
        const outcomes = { untouched: 0, complete: 0 };
        for (let k = 1; k <= calls.length; k++) {
            const at = `killed before call ${k} (${calls[k - 1]})`;
            const root = copyOfTemplate(`k${k}`);
            const killed = await runCli(['render', '--root', root], { nodeArgs: ['--import', HOOK], env: { SUOKE_FAULT_AT: String(k) } });
            expect(killed.signal, at).toBe('SIGKILL');
            const afterKill = withoutLock(snapshotTree(root));
            const check = await runCli(['render', '--check', '--root', root]);
            if (check.code === 0)
                expect(afterKill, `${at}: render --check is green, so the tree must be complete`).toEqual(complete);
            if (afterKill['.render-staging/'] !== undefined) {
                expect(check.code, at).toBe(1);
                expect(check.stdout.split('\n')[0], at).toMatch(/^would finish: \.render-staging\/: a render /);
            }
            expect(recoverInterrupted(root).length, at).toBeLessThanOrEqual(1);
            const recovered = withoutLock(snapshotTree(root));
            const state = JSON.stringify(recovered) === JSON.stringify(untouched) ? 'untouched' : JSON.stringify(recovered) === JSON.stringify(complete) ? 'complete' : 'half';
            expect(state, `${at}: the recovered tree differs from both in ${differing(recovered, untouched, complete).join(', ')}`).not.toBe('half');
            outcomes[state]++;
            const next = await runCli(['render', '--root', root]);
            expect(next.code, `${at}: ${next.stderr}`).toBe(0);
            expect(snapshotTree(root), at).toEqual(complete);
            fs.rmSync(root, { recursive: true, force: true });
        }
        // Kills before the journal leave the tree untouched; kills after it are finished by the next run.
        expect(outcomes.untouched).toBeGreaterThan(0);
        expect(outcomes.complete).toBeGreaterThan(0);
    });
});
function differing(s, a, b) {
    return [...new Set([...Object.keys(s), ...Object.keys(a), ...Object.keys(b)])].filter((k) => s[k] !== a[k] && s[k] !== b[k]).slice(0, 5);
}
