/**
 * Regression (issue 9, defect 4): data services were unreachable. Egress named their pods with a
 * podSelector alone, i.e. in the services' own namespace, and nothing admitted ingress to them. Now
 * egress selects the configured namespace AND pod labels in one peer, and the data namespace (rendered
 * by the environment's shared Application, allowed by its AppProject) admits exactly the dependents.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { buildModel } from '../../src/model/build.js';
import { render } from '../../src/render/index.js';
import { checkRepository } from '../../src/policy/repository.js';
import { fixtureFs } from '../config/fixture.js';
import { REPO_ROOT, modelOf, renderOf } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';
const A = 'apps/alpha/service.yaml';
const targetsOf = (edits = []) => render(buildModel(readConfig(fixtureFs(edits), loadOptions).config)).targets;
const find = (objects, kind, name, namespace) => objects.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
const shared = (edits = [], env = 'prod') => targetsOf(edits).find((t) => t.path.endsWith(`/${env}/shared`)).objects;
/** `from` peers of the client rule of a data policy, as `namespace/service`. */
const clients = (np) => (np?.spec.ingress[0].from ?? []).map((p) => `${p.namespaceSelector.matchLabels['kubernetes.io/metadata.name']}/${p.podSelector.matchLabels['app.kubernetes.io/name']}`);
describe('data services are reached where they run', () => {
    it('egress: one peer with the data namespace AND the operator\'s pod labels, on the configured port', () => {
        const beta = targetsOf().find((t) => t.path === 'clusters/prod/prod/beta');
        expect(find(beta.objects, 'NetworkPolicy', 'beta').spec.egress.slice(1, 3)).toEqual([
            { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod-data' } }, podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
            { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod-data' } }, podSelector: { matchLabels: { app: 'redis' } } }], ports: [{ protocol: 'TCP', port: 6379 }] },
        ]);
    });
    it.each([
        ['only the services that depend on it', [], ['suoke-prod/beta']],
        ['a second dependent joins', [[A, 'replicas: 2\n', 'replicas: 2\ndependsOn: {data: [postgres]}\n']], ['suoke-prod/alpha', 'suoke-prod/beta']],
        ['a dependent disabled in the environment leaves', [[A, 'replicas: 2\n', 'replicas: 2\ndependsOn: {data: [postgres]}\nenvironments: {prod: {enabled: false}}\n']], ['suoke-prod/beta']],
    ])('ingress to postgres: %s', (_name, edits, expected) => {
        expect(clients(find(shared(edits), 'NetworkPolicy', 'postgres-access', 'prod-data'))).toEqual(expected);
    });
    it('the data policy keeps the pods\' own traffic, their operator and Prometheus on the metrics port', () => {
        expect(find(shared(), 'NetworkPolicy', 'postgres-access', 'prod-data').spec.ingress.slice(1)).toEqual([
            { from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } }] },
            { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }] },
            { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9187 }] },
        ]);
    });
    it('the data namespace is rendered, never pruned or deleted, and the AppProject allows it', () => {
        const ns = find(shared(), 'Namespace', 'prod-data');
        expect(ns.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false' });
        expect(ns.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
        const files = render(buildModel(readConfig(fixtureFs(), loadOptions).config)).files;
        expect(files.find((f) => f.path === 'argocd/projects/suoke-prod.yaml').content).toContain('  - server: "https://prod.example.com"\n    namespace: prod-data\n');
    });
    it('the repository: every environment reaches its data services with no policy/data-service-reach or dangling finding', () => {
        const model = modelOf(REPO_ROOT);
        const found = checkRepository(model, renderOf(REPO_ROOT).targets).findings.filter((f) => ['policy/data-service-reach', 'policy/dangling-networkpolicy'].includes(f.check));
        expect(found).toEqual([]);
        expect(model.environments.map((e) => `${e.env.name}: ${e.data.map((d) => `${d.service.kind}@${d.service.namespace}`).join(' ')}`)).toEqual([
            'dev: postgres@suoke-dev-data redis@suoke-dev-data mq@suoke-dev-data elasticsearch@suoke-dev-data',
            'test: postgres@suoke-test-data redis@suoke-test-data mq@suoke-test-data elasticsearch@suoke-test-data',
            'staging: postgres@suoke-staging-data redis@suoke-staging-data mq@suoke-staging-data elasticsearch@suoke-staging-data',
            'prod: postgres@suoke-prod-data redis@suoke-prod-data mq@suoke-prod-data elasticsearch@suoke-prod-data',
        ]);
    });
});
