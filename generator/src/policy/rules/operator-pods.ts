/**
 * Pods that operators create from the custom resources the repository renders: they are never a
 * workload in the rendered tree, yet PodDisruptionBudgets and NetworkPolicies select them. The labels
 * are the operators' own, cited from their source at the versions platform/addons.yaml pins.
 */
import type { Obj } from '../engine.js';
import { groupKind, nameOf, namespaceOf } from './pod.js';

type Labels = Record<string, string>;

/** Per `group/kind` of a custom resource, the label sets of the pods its operator makes for it. */
const OPERATOR_PODS: Readonly<Record<string, (name: string, spec: Record<string, unknown>) => Labels[]>> = {
  // cloudnative-pg pkg/specs/pods.go:546-548 @ v1.30.0: every instance pod is labelled with its
  // Cluster and the role `instance`.
  'postgresql.cnpg.io/Cluster': (name) => [{ 'cnpg.io/cluster': name, 'cnpg.io/podRole': 'instance' }],
  // cloudnative-pg pkg/specs/pgbouncer/deployments.go:57-63 @ v1.30.0: a Pooler's pods carry its name,
  // its Cluster's and the role `pooler`.
  'postgresql.cnpg.io/Pooler': (name, spec) => {
    const cluster = (spec.cluster as { name?: unknown } | undefined)?.name;
    return [{ 'cnpg.io/poolerName': name, ...(typeof cluster === 'string' ? { 'cnpg.io/cluster': cluster } : {}), 'cnpg.io/podRole': 'pooler' }];
  },
  // OT-CONTAINER-KIT redis-operator internal/controller/common/labels.go:20-25 and
  // internal/k8sutils/statefulset.go:316 @ v0.26.0: the pods of a Redis or RedisReplication are `app: <name>`;
  // a RedisSentinel's StatefulSet is `<name>-sentinel` (internal/k8sutils/redis-sentinel.go:61-62) and so its pods' label.
  'redis.redis.opstreelabs.in/Redis': (name) => [{ app: name }],
  'redis.redis.opstreelabs.in/RedisReplication': (name) => [{ app: name }],
  'redis.redis.opstreelabs.in/RedisSentinel': (name) => [{ app: `${name}-sentinel` }],
  // rabbitmq/cluster-operator internal/metadata/label.go:18-23 @ v2.22.3.
  'rabbitmq.com/RabbitmqCluster': (name) => [{ 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'rabbitmq', 'app.kubernetes.io/part-of': 'rabbitmq' }],
  // While a Certificate of an ACME issuer is issued, cert-manager runs an HTTP-01 solver pod in its
  // namespace labelled `acme.cert-manager.io/http01-solver: "true"` (cert-manager
  // pkg/issuer/acme/http/pod.go:35-48, :198-210 and pkg/apis/acme/v1/types.go:58-60 @ v1.21.1).
  'cert-manager.io/Certificate': () => [{ 'acme.cert-manager.io/http01-solver': 'true' }],
  // ECK labels each pod with its owner's name (elastic/cloud-on-k8s pkg/controller/elasticsearch/label/label.go:24,
  // pkg/controller/kibana/label/label.go:15, pkg/controller/beat/common/labels.go:12 @ v3.5.0).
  'elasticsearch.k8s.elastic.co/Elasticsearch': (name) => [{ 'elasticsearch.k8s.elastic.co/cluster-name': name }],
  'kibana.k8s.elastic.co/Kibana': (name) => [{ 'kibana.k8s.elastic.co/name': name }],
  'beat.k8s.elastic.co/Beat': (name) => [{ 'beat.k8s.elastic.co/name': name }],
};

/** A Service an operator creates: its labels and the names of its ports. */
interface OperatorService {
  labels: Labels;
  ports: string[];
}

/** Per `group/kind`, the Services its operator creates that ServiceMonitors select. */
const OPERATOR_SERVICES: Readonly<Record<string, (name: string) => OperatorService[]>> = {
  // The exporter's Service `<name>-metrics` (redis-operator internal/k8sutils/redis-replication.go:67-72,
  // services.go:180-185 @ v0.26.0).
  'redis.redis.opstreelabs.in/Redis': (name) => [{ labels: { app: name, 'app.kubernetes.io/component': 'metrics' }, ports: ['redis-exporter'] }],
  'redis.redis.opstreelabs.in/RedisReplication': (name) => [{ labels: { app: name, 'app.kubernetes.io/component': 'metrics' }, ports: ['redis-exporter'] }],
  // The client Service carries the Prometheus port (rabbitmq/cluster-operator internal/resource/service.go:284-290 @ v2.22.3).
  'rabbitmq.com/RabbitmqCluster': (name) => [
    { labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'rabbitmq', 'app.kubernetes.io/part-of': 'rabbitmq' }, ports: ['amqp', 'management', 'prometheus'] },
  ],
};

/** The Services operators create in namespace `ns` for the rendered custom resources. */
export function operatorServices(objects: readonly Obj[], ns: string): OperatorService[] {
  return objects.flatMap((o) => {
    if (namespaceOf(o) !== ns) return [];
    const make = OPERATOR_SERVICES[groupKind(o)];
    return make ? make(nameOf(o)) : [];
  });
}

/** Label sets of the operator-made pods in namespace `ns`, from the rendered custom resources. */
export function operatorPodLabels(objects: readonly Obj[], ns: string): Labels[] {
  return objects.flatMap((o) => {
    if (namespaceOf(o) !== ns) return [];
    const make = OPERATOR_PODS[groupKind(o)];
    return make ? make(nameOf(o), (o.spec ?? {}) as Record<string, unknown>) : [];
  });
}
