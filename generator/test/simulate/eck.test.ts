/**
 * The ECK operator of the simulation (simulate/eck.ts) read back through Argo CD's checks (simulate/health-eck.ts),
 * and the rendered logging stack of prod converging: the lifecycle Job (a Sync hook) runs only once the
 * operator has written the Elasticsearch's Secrets it mounts, and the shipper's wave follows.
 */
import { describe, expect, it } from 'vitest';
import { Cluster, type Live } from '../../src/simulate/cluster.js';
import { resourceHealth } from '../../src/simulate/health.js';
import type { Obj } from '../../src/simulate/objects.js';
import { operatorStatus, POD_READY_MS } from '../../src/simulate/operators.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';
import { application, outcome, play } from './tiny.js';

const APPLIED = 1_000_000;
const NONE = new Map<string, string>();

const cr = (apiVersion: string, kind: string, spec: Obj): Obj => ({ apiVersion, kind, metadata: { name: kind === 'Beat' ? 'filebeat' : 'logging', namespace: 'logging' }, spec });
const es = cr('elasticsearch.k8s.elastic.co/v1', 'Elasticsearch', { version: '9.4.3', nodeSets: [{ name: 'default', count: 2 }] });
const kibana = cr('kibana.k8s.elastic.co/v1', 'Kibana', { version: '9.4.3', count: 1, elasticsearchRef: { name: 'logging' } });
const beat = cr('beat.k8s.elastic.co/v1beta1', 'Beat', { type: 'filebeat', version: '9.4.3', elasticsearchRef: { name: 'logging' } });

function clusterOf(...objects: Obj[]): Cluster {
  const c = new Cluster('s', 's', [], ['logging']);
  for (const o of objects) c.put(`${String(o['apiVersion']).split('/')[0]}/${String(o['kind'])}/logging/${String((o['metadata'] as Obj)['name'])}`, { manifest: o, generation: 1, appliedAt: APPLIED, status: {} });
  return c;
}

function healthAt(c: Cluster, obj: Obj, minutes: number): string {
  const live = c.list(`${String(obj['apiVersion']).split('/')[0]}/${String(obj['kind'])}`, 'logging')[0] as Live;
  return resourceHealth({ ...obj, status: operatorStatus(c, live, APPLIED + minutes * POD_READY_MS) }, NONE)?.status ?? 'none';
}

describe('the ECK kinds, through Argo CD v3.5.1\'s checks', () => {
  it('Elasticsearch: Unknown while its nodes start (no availableNodes), Healthy (Ready, green) one pod start later', () => {
    const c = clusterOf(es);
    expect([0, 1, 2].map((m) => healthAt(c, es, m))).toEqual(['Unknown', 'Healthy', 'Healthy']);
  });

  it('Beat: Degraded (red) until its Elasticsearch is up and its pods start, then Healthy; Kibana has no check', () => {
    const c = clusterOf(es, kibana, beat);
    expect([0, 1, 2].map((m) => healthAt(c, beat, m))).toEqual(['Degraded', 'Degraded', 'Healthy']);
    expect(healthAt(c, kibana, 2)).toBe('none');
  });

  it('a Beat without its Elasticsearch stays red', () => {
    const c = clusterOf(beat);
    expect(healthAt(c, beat, 60)).toBe('Degraded');
  });
});

describe('the rendered logging stack of prod converges', () => {
  const objects = renderOf(REPO_ROOT).targets.find((t) => t.path === 'clusters/prod/logging')!.objects as Obj[];
  const crd = (group: string, kind: string): Obj => ({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `${kind.toLowerCase()}s.${group}` }, spec: { group, names: { kind } } });
  const CRDS = [crd('elasticsearch.k8s.elastic.co', 'Elasticsearch'), crd('kibana.k8s.elastic.co', 'Kibana'), crd('beat.k8s.elastic.co', 'Beat')];
  const app = application('logging', 'logging', { namespace: 'logging', syncPolicy: { automated: { prune: true }, retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } } } });

  it('Synced and Healthy: the Job once the operator wrote the elastic user and CA Secrets, then Kibana and Filebeat', () => {
    const r = play([app], { logging: [...CRDS, ...objects] }, undefined, 3_600_000);
    expect(outcome(r, 'logging')).toEqual({ sync: 'Synced', health: 'Healthy' });
  });

  it('without the Elasticsearch the Job waits for its Secrets and the shipper\'s wave never starts', () => {
    const r = play([app], { logging: [...CRDS, ...objects.filter((o) => o['kind'] !== 'Elasticsearch')] }, undefined, 3_600_000);
    expect(outcome(r, 'logging')).toEqual({ sync: 'OutOfSync', health: 'Healthy', blocker: 'waits on wave 1: Job logging/logging-ilm is not Healthy' });
  });
});
