/**
 * The ECK operator (the `eck-operator` add-on) in the simulation, reduced to the status Argo CD's health
 * checks read (simulate/health-eck.ts) and the Secrets it writes for an Elasticsearch that our objects
 * mount. Its pods are not simulated: each object is ready a number of {@link POD_READY_MS} after it is
 * applied. Citations are elastic/cloud-on-k8s `<path>:<line> @ v3.5.0`.
 */
import type { Cluster, Live } from './cluster.js';
import { groupKind, nameOf, namespaceOf, rec, str, type Obj } from './objects.js';

const ELASTICSEARCH = 'elasticsearch.k8s.elastic.co/Elasticsearch';
const KIBANA = 'kibana.k8s.elastic.co/Kibana';
const BEAT = 'beat.k8s.elastic.co/Beat';
/** The ECK kinds whose status the simulation writes. */
export const ECK_KINDS: readonly string[] = [ELASTICSEARCH, KIBANA, BEAT];

/**
 * When the object is ready. An Elasticsearch's StatefulSets start their pods in parallel
 * (pkg/controller/elasticsearch/nodespec/statefulset.go:129): one pod start. Kibana and a Beat connect to
 * their Elasticsearch: a Beat is `red` until its association is established (pkg/controller/beat/common/health.go:19-24),
 * so both are ready one pod start after it is (never without one).
 */
export function eckReadyAt(cluster: Cluster, live: Live, podReadyMs: number): number | undefined {
  if (groupKind(live.manifest) === ELASTICSEARCH) return live.appliedAt + podReadyMs;
  const ref = rec(rec(live.manifest['spec'])['elasticsearchRef']);
  const ns = str(ref['namespace']) ?? namespaceOf(live.manifest);
  const es = cluster.list(ELASTICSEARCH, ns).find((e) => nameOf(e.manifest) === ref['name']);
  if (!es) return undefined;
  return Math.max(live.appliedAt, es.appliedAt + podReadyMs) + podReadyMs;
}

/**
 * The status the operator writes. Elasticsearch: `availableNodes`, `phase` and `health`
 * (pkg/apis/elasticsearch/v1/status.go:20-23, :45-47, :58-59): `ApplyingChanges` and `unknown` health
 * until the nodes answer (pkg/controller/elasticsearch/reconcile/state.go:42), then `Ready`
 * (elasticsearch_controller.go:219) and green. Kibana: the Deployment's available pods, `green` once
 * Available (pkg/controller/common/status.go:33-40). Beat: `expectedNodes`, `availableNodes`, `health`
 * (pkg/apis/beat/v1beta1/beat_types.go:122-127), red with no pod ready, green with all
 * (pkg/controller/beat/common/health.go:26-37); the DaemonSet's node count is not simulated (one node).
 */
export function eckStatus(live: Live, ready: boolean): Obj {
  const spec = rec(live.manifest['spec']);
  switch (groupKind(live.manifest)) {
    case ELASTICSEARCH: {
      const nodes = ((spec['nodeSets'] as unknown[] | undefined) ?? []).reduce<number>((n, s) => n + Number(rec(s)['count'] ?? 0), 0);
      return ready ? { availableNodes: nodes, phase: 'Ready', health: 'green' } : { phase: 'ApplyingChanges', health: 'unknown' };
    }
    case KIBANA:
      return ready ? { count: Number(spec['count'] ?? 1), availableNodes: Number(spec['count'] ?? 1), health: 'green' } : { health: 'red' };
    default:
      return ready ? { expectedNodes: 1, availableNodes: 1, health: 'green' } : { expectedNodes: 1, health: 'red' };
  }
}

/**
 * The Secrets the operator writes for an Elasticsearch as soon as it reconciles it: the `elastic` user's
 * password `<name>-es-elastic-user` (pkg/apis/elasticsearch/v1/name.go:29, :61, :168-169) and the HTTP CA
 * `<name>-es-http-certs-public` (pkg/controller/common/certificates/secret.go:33, :46).
 */
export function eckSecrets(live: Live): { name: string; namespace: string | undefined }[] {
  if (groupKind(live.manifest) !== ELASTICSEARCH) return [];
  const es = nameOf(live.manifest);
  return [`${es}-es-elastic-user`, `${es}-es-http-certs-public`].map((name) => ({ name, namespace: namespaceOf(live.manifest) }));
}
