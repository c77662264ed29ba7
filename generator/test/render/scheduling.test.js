/**
 * Issue 12, "agents on agent nodes": a service's pods run on the node pool the cluster file places it
 * in (`services`, else `groups`), selecting its labels and tolerating its taints; without a placing
 * pool they select nothing. Read from the seed platform's render, per environment.
 */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';
const targets = renderOf(REPO_ROOT).targets;
/** The pod spec of the workload (Deployment or Rollout) or the Job named `name` at `path`. */
function podSpec(path, kind, name) {
    const o = targets.find((t) => t.path === path).objects.find((x) => x.kind === kind && x.metadata.name === name);
    return o.spec.template.spec;
}
const placement = (spec) => ({ nodeSelector: spec['nodeSelector'], tolerations: spec['tolerations'] });
describe('services run on their node pool', () => {
    it.each([
        ['prod agents on agents (group agent)', 'clusters/prod/prod/xiaoai', 'Deployment', { 'suoke-life.com/node-pool': 'agents' }],
        ['prod gray release on agents', 'clusters/prod/prod/xiaoke', 'Rollout', { 'suoke-life.com/node-pool': 'agents' }],
        ['prod api-gateway on its own pool (listed under services)', 'clusters/prod/prod/api-gateway', 'Deployment', { 'suoke-life.com/node-pool': 'api-gateway' }],
        ['prod diagnosis on business', 'clusters/prod/prod/look', 'Deployment', { 'suoke-life.com/node-pool': 'business' }],
        ['staging agents on agents', 'clusters/staging/staging/laoke', 'Deployment', { 'suoke-life.com/node-pool': 'agents' }],
        ['dev: one pool placing nothing, no selector', 'clusters/dev/dev/xiaoai', 'Deployment', undefined],
    ])('%s', (_name, path, kind, selector) => {
        const name = path.split('/').pop();
        const workload = targets.find((t) => t.path === path).objects.find((x) => x.metadata.name === name && (x.kind === 'Deployment' || x.kind === 'Rollout'));
        expect(workload.kind).toBe(kind);
        expect(placement(podSpec(path, kind, name))).toEqual({ nodeSelector: selector, tolerations: undefined });
    });
    it('a migration Job runs where its service runs', () => {
        const job = targets.find((t) => t.path === 'clusters/prod/prod/user-management').objects.find((x) => x.kind === 'Job');
        expect(placement(podSpec('clusters/prod/prod/user-management', 'Job', job.metadata.name))).toEqual({ nodeSelector: { 'suoke-life.com/node-pool': 'business' }, tolerations: undefined });
    });
    it('no service pod lands on the tainted data pools, whose data pods tolerate them', () => {
        const prod = targets.filter((t) => t.env === 'prod');
        const selectors = prod.flatMap((t) => t.objects).flatMap((o) => {
            const spec = o.spec?.template?.spec;
            return spec?.nodeSelector ? [`${o.metadata.namespace}/${spec.nodeSelector['suoke-life.com/node-pool']}`] : [];
        });
        expect([...new Set(selectors)].sort()).toEqual(['suoke-prod-data/database', 'suoke-prod/agents', 'suoke-prod/api-gateway', 'suoke-prod/business']);
    });
});
