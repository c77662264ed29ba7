/**
 * The add-on Applications in the simulation (simulate/addons.ts): an add-on's operator runs in the
 * namespace its Application creates, and only once that Application is Synced and Healthy are the
 * kinds of its pinned CRDs served; a custom resource applied before is refused, and its sync retried.
 */
import { describe, expect, it } from 'vitest';
import { PRECONDITIONS } from '../../src/simulate/preconditions.js';
import { simulate } from '../../src/simulate/run.js';
import { healthConfigMap } from '../../src/render/argocd-health.js';
import { application, namespace, outcome, project } from './tiny.js';
const AT = '2026-12-05T12:00:00+08:00';
/** The add-on Application of CloudNativePG, as render/argocd-addons.ts writes one. */
const cnpg = {
    ...application('addon-w-cloudnative-pg', '', { namespace: 'cnpg-system', syncPolicy: { automated: { prune: false, selfHeal: true }, syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'] } }),
    metadata: { name: 'addon-w-cloudnative-pg', namespace: 'argocd', labels: { 'suoke-life.com/addon': 'cloudnative-pg' } },
};
const cluster = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'postgres', namespace: 'data' }, spec: { instances: 1 } };
/** Retried as every rendered Application is (render/argocd-apps.ts SYNC_RETRY): 5s, 10s, 20s, 40s, 80s. */
const RETRY = { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } };
const data = application('data', 'data', { namespace: 'data', syncPolicy: { automated: { prune: true }, retry: RETRY } });
function play(bootstrap, kinds = ['postgresql.cnpg.io/Cluster', 'postgresql.cnpg.io/Pooler']) {
    return simulate({
        bootstrap: [project('p'), ...bootstrap],
        source: (p) => (p === 'data' ? [namespace('data'), cluster] : { error: `no path ${p}` }),
        revision: 'r1',
        preconditions: PRECONDITIONS,
        addonKinds: new Map([['cloudnative-pg', kinds]]),
    }, { at: new Date(AT), horizonMs: 3_600_000 }, []);
}
describe('add-on Applications', () => {
    it('the operator runs in the namespace the Application creates: Healthy once its pod is ready (1 minute)', () => {
        const r = play([cnpg]);
        expect(outcome(r, 'addon-w-cloudnative-pg')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect(r.apps.find((a) => a.name === 'addon-w-cloudnative-pg').since - r.start).toBe(60_000);
    });
    it('without the add-on, a custom resource of its kind is refused for good: no CRD serves it', () => {
        const r = play([data]);
        expect(outcome(r, 'data').sync).toBe('OutOfSync');
        expect(outcome(r, 'data').blocker).toContain('no matches for kind "Cluster" in version "postgresql.cnpg.io/v1"');
    });
    it('applied before the add-on is Healthy, the custom resource is refused, then synced on a retry once its kinds are served', () => {
        const r = play([cnpg, data]);
        expect(outcome(r, 'data')).toEqual({ sync: 'Synced', health: 'Healthy' });
        // Tries at 0s, 5s, 15s, 35s and 75s: the first after the operator is ready (60s) succeeds.
        expect(r.apps.find((a) => a.name === 'data').since - r.start).toBe(75_000);
    });
    it('a kind the add-on\'s pinned CRDs do not define stays refused after it runs', () => {
        const r = play([cnpg, data], ['postgresql.cnpg.io/Pooler']);
        expect(outcome(r, 'addon-w-cloudnative-pg')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect(outcome(r, 'data').blocker).toContain('no matches for kind "Cluster"');
    });
    it('in a later wave of the same sync, the custom resource waits for the add-on and is applied once', () => {
        // Without a retry: the wave order alone must get it right the first time.
        const once = application('data', 'data', { namespace: 'data' });
        const late = { ...once, metadata: { ...once['metadata'], annotations: { 'argocd.argoproj.io/sync-wave': '1' } } };
        const root = application('root', 'root', { namespace: 'argocd', server: 'https://kubernetes.default.svc' });
        const r = simulate({
            // The Application health check makes the root's wave 1 wait for the add-on (render/argocd-health.ts).
            bootstrap: [project('p'), healthConfigMap('argocd'), root],
            source: (p) => (p === 'root' ? [cnpg, late] : p === 'data' ? [namespace('data'), cluster] : { error: `no path ${p}` }),
            revision: 'r1',
            preconditions: PRECONDITIONS,
            addonKinds: new Map([['cloudnative-pg', ['postgresql.cnpg.io/Cluster']]]),
        }, { at: new Date(AT), horizonMs: 3_600_000 }, []);
        // Applied once, at 60s (no retry configured), and reported healthy by its operator a minute later,
        // once its one instance is up (its health check in argocd-cm reads the phase).
        expect(outcome(r, 'data')).toEqual({ sync: 'Synced', health: 'Healthy' });
        expect(r.apps.find((a) => a.name === 'data').since - r.start).toBe(120_000);
    });
});
