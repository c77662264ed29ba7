/**
 * Regression cases of the simulator on the tree as it was before issue 9's fixes (fixture
 * snapshot): each of defects 1–3 must be reported, with the message that explains it.
 */
import { describe, expect, it } from 'vitest';
import { simulationFindings } from '../../src/simulate/findings.js';
import { simulate } from '../../src/simulate/run.js';
import { oldTree } from './tree.js';
// Saturday noon in Shanghai: staging and prod windows both closed.
const SATURDAY = new Date('2026-12-05T12:00:00+08:00');
describe('simulation of the old tree from empty', () => {
    const tree = oldTree();
    const result = simulate(tree.input, { at: SATURDAY }, tree.expected);
    const findings = simulationFindings(result, tree.files);
    it('defect 2: dev and test wait for the prod window (window-stall)', () => {
        const stalls = findings.filter((f) => f.check === 'simulate/window-stall');
        const dev = stalls.find((f) => f.message.includes('of project suoke-dev'));
        expect(dev?.message).toContain('on a window of project suoke-prod');
        expect(dev?.message).toContain('suoke-life-bootstrap waits on wave -2: Application argocd/prod-shared is Missing (prod-shared: auto-sync denied by a window of project suoke-prod until 2026-12-08 22:00 +08:00)');
        expect(stalls.some((f) => f.message.includes('of project suoke-test'))).toBe(true);
        expect(stalls.some((f) => f.message.includes('of project suoke-platform'))).toBe(true);
    });
    it('defect 3: prod and staging pods exceed the ResourceQuota once sidecars are counted', () => {
        const quota = findings.filter((f) => f.check === 'simulate/quota-rejected');
        expect(quota.some((f) => f.message.includes('rejected by ResourceQuota suoke-prod/compute'))).toBe(true);
        expect(quota.some((f) => f.message.includes('rejected by ResourceQuota suoke-staging/compute'))).toBe(true);
        expect(quota.every((f) => f.message.includes('Istio sidecar included'))).toBe(true);
        expect(result.apps.find((a) => a.name === 'prod-xiaoai')?.health).toBe('Degraded');
    });
    it('the foundation of an open environment converges at once', () => {
        expect(result.apps.find((a) => a.name === 'dev-shared')).toMatchObject({ sync: 'Synced', health: 'Healthy', since: SATURDAY.getTime() });
    });
});
describe('defect 1: a change that prunes from argocd/ makes the bootstrap wait on itself', () => {
    // The previous revision also held an AppProject the change removes: PruneLast puts its prune in
    // wave 1, so wave 0 (the bootstrap Application itself) becomes health-gated.
    const gone = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'suoke-old', namespace: 'argocd' }, spec: { destinations: [], sourceRepos: [] } };
    const before = oldTree({ extra: [gone], revision: 'old' });
    const after = oldTree({ revision: 'new' });
    const result = simulate(after.input, { at: SATURDAY, previous: before.input }, after.expected);
    const findings = simulationFindings(result, after.files);
    it('the bootstrap never converges after the change', () => {
        // The operation never completes: it stays Running with .operation set, so auto-sync is skipped for good.
        expect(result.apps.find((a) => a.name === 'suoke-life-bootstrap')).toMatchObject({ sync: 'OutOfSync' });
        expect(findings.some((f) => f.check === 'simulate/not-converged' && f.message.startsWith('suoke-life-bootstrap is OutOfSync'))).toBe(true);
    });
    it('names the self-wait: wave 0 waits on the bootstrap Application itself while its .operation is set', () => {
        expect(findings.filter((f) => f.check === 'simulate/self-wait').map((f) => f.message)).toEqual([
            'suoke-life-bootstrap never finishes its sync: waits on wave 0: Application argocd/suoke-life-bootstrap is its own Application: ' +
                'its health check returns Progressing while its .operation is set, and the controller clears .operation only when this very operation completes',
        ]);
    });
});
