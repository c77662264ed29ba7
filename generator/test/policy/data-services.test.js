/**
 * policy/data-service-reach: egress to a data service must select the configured namespace AND pod
 * labels in one peer, on its port, and the data namespace must admit it where a policy isolates the pods.
 */
import { describe, expect, it } from 'vitest';
import { dataServiceReach } from '../../src/policy/rules/data-services.js';
import { egressTo, platform, postgres, run } from './helpers.js';
const DATA_NS = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-prod-data' } } };
const PG_PODS = { podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } };
const RIGHT = { ...DATA_NS, ...PG_PODS };
const WHERE = 'egress to postgres (CloudNativePG Cluster "postgres": pods cnpg.io/cluster=postgres in namespace suoke-prod-data, TCP 5432)';
const with_ = (np, ...more) => [...platform().filter((o) => o.kind !== 'NetworkPolicy'), np, ...more];
/** A policy of the data namespace isolating the postgres pods, admitting `from` on 5432. */
const access = (from) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'postgres-access', namespace: 'suoke-prod-data' },
    spec: { ...PG_PODS, policyTypes: ['Ingress'], ingress: [{ from, ports: [{ protocol: 'TCP', port: 5432 }] }] },
});
const xiaoai = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'xiaoai' } } };
const prodNs = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-prod' } } };
describe('policy/data-service-reach', () => {
    it.each([
        [
            'regression: the rendered egress of issue 9 (podSelector only: the services\' own namespace)',
            with_(egressTo([PG_PODS])),
            [`error spec.egress[0].to[0]: ${WHERE} selects pods cnpg.io/cluster=postgres in the policy's own namespace suoke-prod, so it never reaches postgres`],
        ],
        [
            'a cluster name other than the configured one',
            with_(egressTo([{ ...DATA_NS, podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres-cluster' } } }])),
            [`error spec.egress[0].to[0]: ${WHERE} selects pods cnpg.io/cluster=postgres-cluster in namespaces kubernetes.io/metadata.name=suoke-prod-data, so it never reaches postgres`],
        ],
        [
            'namespace and pods in two peers (OR, not AND): the pod peer stays in the own namespace',
            with_(egressTo([DATA_NS, PG_PODS])),
            [`error spec.egress[0].to[1]: ${WHERE} selects pods cnpg.io/cluster=postgres in the policy's own namespace suoke-prod, so it never reaches postgres`],
        ],
        [
            'the right pods on the wrong port',
            with_(egressTo([RIGHT], 5433)),
            [`error spec.egress[0].to[0]: ${WHERE} selects pods cnpg.io/cluster=postgres in namespaces kubernetes.io/metadata.name=suoke-prod-data on other ports than 5432, so it never reaches postgres`],
        ],
        [
            'reached, but the data namespace isolates the pods without admitting this service',
            with_(egressTo([RIGHT]), access([{ ...prodNs, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'knowledge' } } }])),
            [
                `error spec.egress[0].to[0]: ${WHERE} is refused there: NetworkPolicy postgres-access in suoke-prod-data isolates its pods and admits no pods app.kubernetes.io/name=xiaoai of namespace suoke-prod on 5432`,
            ],
        ],
        ['quiet: reached, and nothing isolates the data pods', with_(egressTo([RIGHT])), []],
        ['quiet: reached and admitted (namespace AND pods in one peer)', with_(egressTo([RIGHT]), access([{ ...prodNs, ...xiaoai }])), []],
        ['quiet: an external PostgreSQL by address (ipBlock) is not the configured one', with_(egressTo([{ ipBlock: { cidr: '203.0.113.7/32' } }])), []],
        ['quiet: egress on other ports to other pods', with_(egressTo([{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'knowledge' } } }], 8080)), []],
    ])('%s', (_name, objects, expected) => {
        expect(run([dataServiceReach], objects, 'production', '1.31', [postgres])).toEqual(expected);
    });
    it('is quiet where no data service is configured (validate PATH: manifests without configuration)', () => {
        expect(run([dataServiceReach], with_(egressTo([PG_PODS])))).toEqual([]);
    });
    it('is an error in development too: an unreachable database breaks dev as much as prod', () => {
        expect(run([dataServiceReach], with_(egressTo([PG_PODS])), 'development', '1.31', [postgres])).toHaveLength(1);
        expect(run([dataServiceReach], with_(egressTo([PG_PODS])), 'development', '1.31', [postgres])[0]).toMatch(/^error /);
    });
});
