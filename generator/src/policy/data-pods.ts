/**
 * The pods operators run for the data layer's custom resources, as the capacity check counts them
 * (policy/capacity.ts): how many, what one requests, and the node labels it selects. The fields are
 * the pinned CRDs'; the counts are the operators' (cited where each resource is rendered,
 * render/data/*.ts).
 */
import { parseCpu, parseMemory } from '../core/quantity.js';
import type { Obj } from './engine.js';
import type { Amount } from './pod-usage.js';
import { groupKind, list, nameOf, namespaceOf, rec, stringMap } from './rules/pod.js';
import type { Toleration } from '../model/scheduling.js';

/** The pods of one custom resource. */
export interface DataPods {
  /** `<namespace>/<name>` with its kind, e.g. `suoke-prod-data/postgres (Cluster)`. */
  id: string;
  count: number;
  /** Requests of one pod, every container of it. */
  requests: Amount;
  /** The node labels its pods require (nodeSelector, or a required node affinity of single values). */
  nodeSelector: Record<string, string>;
  /** The tolerations of its pods. */
  tolerations: Toleration[];
  /** Whether a required pod anti-affinity on `kubernetes.io/hostname` puts each pod on its own node. */
  onePerNode: boolean;
  /** A DaemonSet's pods: one on every node it tolerates (`count` is then unused). */
  everyNode?: boolean;
}

const amount = (resources: unknown): Amount => {
  const r = rec(rec(resources).requests);
  return { cpu: parseCpu((r.cpu as string | number | undefined) ?? 0) ?? 0, memory: parseMemory((r.memory as string | number | undefined) ?? 0) ?? 0 };
};
const plus = (a: Amount, b: Amount): Amount => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });
const tolerations = (v: unknown): Toleration[] => list(v).map((t) => rec(t) as Toleration);

/** Node labels a required node affinity of `In` single values demands (RabbitmqCluster has no nodeSelector). */
function affinityLabels(affinity: unknown): Record<string, string> {
  const terms = list(rec(rec(rec(rec(affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution)).nodeSelectorTerms);
  if (terms.length !== 1) return {};
  const out: Record<string, string> = {};
  for (const e of list(rec(terms[0]).matchExpressions)) {
    const x = rec(e);
    const values = list(x.values);
    if (x.operator === 'In' && values.length === 1 && typeof x.key === 'string' && typeof values[0] === 'string') out[x.key] = values[0];
  }
  return out;
}

/** A required pod anti-affinity on the node name (the Kubernetes form). */
function requiredPerNode(affinity: unknown): boolean {
  return list(rec(rec(affinity).podAntiAffinity).requiredDuringSchedulingIgnoredDuringExecution).some((t) => rec(t).topologyKey === 'kubernetes.io/hostname');
}

const KINDS: Readonly<Record<string, (spec: Record<string, unknown>) => Omit<DataPods, 'id'>>> = {
  // CloudNativePG's own anti-affinity switch (api/v1/cluster_types.go, AffinityConfiguration @ v1.30.0).
  'postgresql.cnpg.io/Cluster': (s) => {
    const a = rec(s.affinity);
    const perNode = a.enablePodAntiAffinity !== false && a.podAntiAffinityType === 'required' && (a.topologyKey ?? 'kubernetes.io/hostname') === 'kubernetes.io/hostname';
    return { count: Number(s.instances ?? 1), requests: amount(s.resources), nodeSelector: stringMap(a.nodeSelector), tolerations: tolerations(a.tolerations), onePerNode: perNode };
  },
  'postgresql.cnpg.io/Pooler': (s) => {
    const pod = rec(rec(s.template).spec);
    const requests = list(pod.containers).reduce<Amount>((a, c) => plus(a, amount(rec(c).resources)), { cpu: 0, memory: 0 });
    return { count: Number(s.instances ?? 1), requests, nodeSelector: stringMap(pod.nodeSelector), tolerations: tolerations(pod.tolerations), onePerNode: requiredPerNode(pod.affinity) };
  },
  'redis.redis.opstreelabs.in/Redis': (s) => redisPods(s, 1),
  'redis.redis.opstreelabs.in/RedisReplication': (s) => redisPods(s, Number(s.clusterSize ?? 1)),
  'redis.redis.opstreelabs.in/RedisSentinel': (s) => ({
    count: Number(s.clusterSize ?? 1),
    requests: amount(rec(s.kubernetesConfig).resources),
    nodeSelector: stringMap(s.nodeSelector),
    tolerations: tolerations(s.tolerations),
    onePerNode: requiredPerNode(s.affinity),
  }),
  'rabbitmq.com/RabbitmqCluster': (s) => ({
    count: Number(s.replicas ?? 1),
    requests: amount(s.resources),
    nodeSelector: affinityLabels(s.affinity),
    tolerations: tolerations(s.tolerations),
    onePerNode: requiredPerNode(s.affinity),
  }),
};

/**
 * An ECK pod template (the CRD keeps it unchecked, platform/crds/README.md): its containers' requests,
 * node selector and tolerations.
 */
function eckPod(template: unknown, count: number): Omit<DataPods, 'id'> {
  const pod = rec(rec(template).spec);
  const requests = list(pod.containers).reduce<Amount>((a, c) => plus(a, amount(rec(c).resources)), { cpu: 0, memory: 0 });
  return { count, requests, nodeSelector: stringMap(pod.nodeSelector), tolerations: tolerations(pod.tolerations), onePerNode: requiredPerNode(pod.affinity) };
}

/** The logging stack's kinds (render/logging.ts): Elasticsearch's one nodeSet as rendered, Kibana, and Filebeat on every node. */
const ECK: Readonly<Record<string, (spec: Record<string, unknown>) => Omit<DataPods, 'id'>>> = {
  'elasticsearch.k8s.elastic.co/Elasticsearch': (s) => {
    const sets = list(s.nodeSets).map(rec);
    return eckPod(sets[0]?.podTemplate, sets.reduce((n, x) => n + Number(x.count ?? 0), 0));
  },
  'kibana.k8s.elastic.co/Kibana': (s) => eckPod(s.podTemplate, Number(s.count ?? 1)),
  'beat.k8s.elastic.co/Beat': (s) => ({ ...eckPod(rec(s.daemonSet).podTemplate, 0), everyNode: true }),
};

function redisPods(s: Record<string, unknown>, count: number): Omit<DataPods, 'id'> {
  const exporter = rec(s.redisExporter);
  const requests = plus(amount(rec(s.kubernetesConfig).resources), exporter.enabled === true ? amount(exporter.resources) : { cpu: 0, memory: 0 });
  return { count, requests, nodeSelector: stringMap(s.nodeSelector), tolerations: tolerations(s.tolerations), onePerNode: requiredPerNode(s.affinity) };
}

/** The operator-run pods of the rendered data layer and logging stack. */
export function dataPods(objects: readonly Obj[]): DataPods[] {
  return objects.flatMap((o) => {
    const make = KINDS[groupKind(o)] ?? ECK[groupKind(o)];
    return make ? [{ id: `${namespaceOf(o)}/${nameOf(o)} (${String(o.kind)})`, ...make(rec(o.spec)) }] : [];
  });
}

