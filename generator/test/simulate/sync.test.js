/**
 * One sync operation stepped as gitops-engine steps it: a wave waits until every task in it is
 * Healthy or Degraded, the last wave is not waited on, PruneLast moves prunes after the last wave;
 * and the controller around it: auto-sync once per revision, retries with backoff.
 */
import { describe, expect, it } from 'vitest';
import { planTasks, step } from '../../src/simulate/sync.js';
import { application, configMap, namespace, outcome, play } from './tiny.js';
const cm = (name, wave, sync) => configMap(name, 'apps', { ...(wave !== undefined ? { 'argocd.argoproj.io/sync-wave': String(wave) } : {}), ...(sync ? { 'argocd.argoproj.io/sync-options': sync } : {}) });
const target = (o) => ({ key: `/ConfigMap/apps/${String(o['metadata']['name'])}`, obj: o });
/** A world where each key has the health given (default: no health check). */
function env(health) {
    const applied = [];
    const pruned = [];
    return {
        applied,
        pruned,
        dryRun: () => undefined,
        apply: (o) => void applied.push(String(o['metadata']['name'])),
        prune: (key) => void pruned.push(key),
        health: (key) => {
            const name = key.split('/').pop();
            return health[name] ? { status: health[name], message: `${name} is ${health[name]}` } : undefined;
        },
    };
}
/** Steps until the operation ends or stops moving; each step's phase and what was applied by then. */
function run(tasks, e) {
    const out = [];
    for (let i = 0; i < 6; i++) {
        const r = step(tasks, i > 0, e);
        out.push(`${r.phase}: ${r.message} [${e.applied.join(',')}${e.pruned.length ? ` pruned ${e.pruned.join(',')}` : ''}]`);
        if (r.phase !== 'Running')
            break;
    }
    return out;
}
describe('waves', () => {
    it.each([
        [
            'a Healthy wave lets the next one go',
            [cm('a', -1), cm('b', 0)],
            { a: 'Healthy' },
            ['Running: one or more tasks are running [a]', 'Succeeded: successfully synced (all tasks run) [a,b]'],
        ],
        [
            'a Progressing wave holds the next one for good (no timeout)',
            [cm('a', -1), cm('b', 0)],
            { a: 'Progressing' },
            ['Running: one or more tasks are running [a]', ...Array(5).fill('Running: waiting for healthy state of ConfigMap apps/a [a]')],
        ],
        [
            'a Suspended wave (a paused Rollout) holds it too',
            [cm('a', -1), cm('b', 0)],
            { a: 'Suspended' },
            ['Running: one or more tasks are running [a]', ...Array(5).fill('Running: waiting for healthy state of ConfigMap apps/a [a]')],
        ],
        [
            'a Degraded wave fails the operation',
            [cm('a', -1), cm('b', 0)],
            { a: 'Degraded' },
            ['Running: one or more tasks are running [a]', 'Failed: one or more synchronization tasks completed unsuccessfully: ConfigMap apps/a: a is Degraded [a]'],
        ],
        ['the last wave is not waited on, even Progressing', [cm('a', -1), cm('b', 0)], { a: 'Healthy', b: 'Progressing' }, ['Running: one or more tasks are running [a]', 'Succeeded: successfully synced (all tasks run) [a,b]']],
        ['a single wave succeeds at once', [cm('a'), cm('b')], { a: 'Progressing' }, ['Succeeded: successfully synced (all tasks run) [a,b]']],
    ])('%s', (_name, objects, health, steps) => {
        const e = env(health);
        expect(run(planTasks(objects.map(target), [], false), e)).toEqual(steps);
    });
    it('PruneLast: the prune becomes a wave after the last, so the last sync wave is waited on', () => {
        const tasks = planTasks([target(cm('a', 0))], [{ key: '/ConfigMap/apps/old', obj: cm('old', 0) }], true);
        expect(tasks.map((t) => `${t.key} wave ${t.wave}${t.prune ? ' prune' : ''}`)).toEqual(['/ConfigMap/apps/a wave 0', '/ConfigMap/apps/old wave 1 prune']);
        const e = env({ a: 'Progressing' });
        expect(run(tasks, e).slice(0, 2)).toEqual(['Running: one or more tasks are running [a]', 'Running: waiting for healthy state of ConfigMap apps/a [a]']);
    });
    it('without PruneLast a prune runs in its own wave, first within it', () => {
        const tasks = planTasks([target(cm('a', 0))], [{ key: '/ConfigMap/apps/old', obj: cm('old', 0) }], false);
        expect(tasks.map((t) => `${t.key} wave ${t.wave}${t.prune ? ' prune' : ''}`)).toEqual(['/ConfigMap/apps/old wave 0 prune', '/ConfigMap/apps/a wave 0']);
    });
    it('Prune=false keeps the object', () => {
        expect(planTasks([], [{ key: '/ConfigMap/apps/old', obj: cm('old', 0, 'Prune=false') }], false)).toEqual([]);
    });
});
describe('auto-sync, retries and backoff', () => {
    const retry = (limit) => ({ automated: {}, retry: { limit, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } });
    const broken = { a: [configMap('c', 'nowhere')] };
    const FAIL = 'one or more objects failed to apply: ConfigMap nowhere/c: namespaces "nowhere" not found';
    const AT = '2026-12-05T12:00:00+08:00';
    const after = (r) => (r.end - r.start) / 1000;
    it.each([
        ['no retry: one attempt, then never again for this revision', 0, 0, `sync failed and auto-sync does not retry revision r1: ${FAIL}`],
        ['limit 3: retried after 5 s, 10 s and 20 s, then given up', 3, 35, `sync failed and auto-sync does not retry revision r1: ${FAIL}`],
    ])('%s', (_name, limit, seconds, blocker) => {
        const r = play([application('a', 'a', { syncPolicy: retry(limit) })], broken, AT);
        expect(after(r)).toBe(seconds);
        expect(outcome(r, 'a').blocker).toBe(blocker);
    });
    it('while it waits for the next attempt, the operation is still running (.operation set)', () => {
        const r = play([application('a', 'a', { syncPolicy: retry(3) })], broken, AT, 12_000);
        expect(after(r)).toBe(5);
        expect(outcome(r, 'a').blocker).toBe(`retrying: Retrying attempt #2 at 2026-12-05T04:00:15.000Z: ${FAIL}`);
    });
    it.each([
        ['automated: {} enables auto-sync', { automated: {} }],
        ['automated with prune', { automated: { prune: true } }],
    ])('%s', (_name, syncPolicy) => {
        expect(outcome(play([application('a', 'a', { syncPolicy })], { a: [namespace('apps')] }, AT), 'a')).toEqual({ sync: 'Synced', health: 'Healthy' });
    });
    it.each([
        ['no automated: nothing syncs', {}],
        ['automated.enabled false: nothing syncs', { automated: { enabled: false } }],
    ])('%s', (_name, syncPolicy) => {
        expect(outcome(play([application('a', 'a', { syncPolicy })], { a: [namespace('apps')] }, AT), 'a')).toEqual({ sync: 'OutOfSync', health: 'Missing', blocker: 'OutOfSync, Missing: no resource of the Application exists yet' });
    });
});
