/**
 * The data-layer operators of a workload cluster, reduced to the status Argo CD's health checks read
 * (simulate/health.ts for the checks Argo CD ships, render/argocd-health.ts for ours). Their pods are
 * not simulated: each operator reports its object ready a number of {@link POD_READY_MS} after the
 * object is applied, by how the operator starts its pods (all at once, or one after the other).
 */
import type { Cluster, Live } from './cluster.js';
import { groupKind, nameOf, namespaceOf, rec, str, type Obj } from './objects.js';
import { ECK_KINDS, eckReadyAt, eckStatus } from './eck.js';

/** Image pull and start-up of one pod: an assumption, not a measurement (documented in docs/simulation.md). */
export const POD_READY_MS = 60_000;

const CNPG_CLUSTER = 'postgresql.cnpg.io/Cluster';
const RABBITMQ_CLUSTER = 'rabbitmq.com/RabbitmqCluster';
const REDIS_REPLICATION = 'redis.redis.opstreelabs.in/RedisReplication';
const PROMETHEUS = 'monitoring.coreos.com/Prometheus';
/**
 * The messaging-topology-operator kinds (each with a `spec.rabbitmqClusterReference`). Its `Vhost`,
 * `User`, `Permission`, `Shovel` are not rendered here but report the same `Ready` condition.
 */
const TOPOLOGY = ['Queue', 'Exchange', 'Binding', 'Policy', 'Permission', 'User', 'Vhost', 'Shovel'].map((k) => `rabbitmq.com/${k}`);

const CLUSTER_ISSUER = 'cert-manager.io/ClusterIssuer';
const CERTIFICATE = 'cert-manager.io/Certificate';
/**
 * An ACME issuance: the solver pod starts (one {@link POD_READY_MS}), then the ACME server validates
 * the challenge and signs. An assumption, not a measurement (docs/simulation.md).
 */
const ISSUANCE_MS = POD_READY_MS + 30_000;

/** Kinds whose status an operator of the simulation writes. Redis `Redis` and `RedisSentinel` are not among them: their operator writes no status. */
export const OPERATED: ReadonlySet<string> = new Set([CNPG_CLUSTER, RABBITMQ_CLUSTER, REDIS_REPLICATION, PROMETHEUS, CLUSTER_ISSUER, CERTIFICATE, ...TOPOLOGY, ...ECK_KINDS]);

const spec = (live: Live): Obj => rec(live.manifest['spec']);
const count = (v: unknown): number => Math.max(1, Number(v ?? 1));

/**
 * When the operator reports `live` ready (undefined for a kind whose readiness follows another
 * object's, the topology kinds).
 *
 * - CloudNativePG creates the primary, then each replica in turn (cloudnative-pg
 *   internal/controller/cluster_create.go:1134 `createPrimaryInstance`, :1417 `joinReplicaInstance` @ v1.30.0):
 *   one pod start per instance.
 * - The RabbitMQ cluster operator's StatefulSet starts its pods in parallel (rabbitmq/cluster-operator
 *   internal/resource/statefulset.go:72 `ParallelPodManagement` @ v2.22.3): one pod start for all replicas.
 * - The Redis operator leaves the StatefulSet's `podManagementPolicy` unset unless the object sets it
 *   (OT-CONTAINER-KIT/redis-operator internal/k8sutils/redis-replication.go:127-129,
 *   internal/k8sutils/statefulset.go:346-348 @ v0.26.0), so Kubernetes' default OrderedReady starts
 *   one pod after the other; and it links replication, electing the master, only once it sees every
 *   pod (internal/controller/redisreplication/redisreplication_controller.go:416-417, :454-462 @ v0.26.0).
 * - prometheus-operator starts a Prometheus' pods in parallel unless the object says otherwise
 *   (prometheus-operator pkg/prometheus/server/statefulset.go:374 @ v0.93.0): one pod start.
 */
function readyAt(live: Live, cluster?: Cluster): number | undefined {
  const s = spec(live);
  // ECK (simulate/eck.ts): Kibana and Beats follow their Elasticsearch.
  if (ECK_KINDS.includes(groupKind(live.manifest))) return cluster ? eckReadyAt(cluster, live, POD_READY_MS) : undefined;
  switch (groupKind(live.manifest)) {
    case CLUSTER_ISSUER:
      // The ACME account is registered at once (the ACME server's answer is not simulated).
      return live.appliedAt;
    case CERTIFICATE: {
      // Issued once its ClusterIssuer is ready: never without one.
      const ref = rec(s['issuerRef']);
      const issuer = cluster?.list(CLUSTER_ISSUER).find((i) => nameOf(i.manifest) === ref['name']);
      const from = issuer ? readyAt(issuer) : undefined;
      return from === undefined ? undefined : Math.max(live.appliedAt, from) + ISSUANCE_MS;
    }
    case CNPG_CLUSTER:
      return live.appliedAt + count(s['instances']) * POD_READY_MS;
    case RABBITMQ_CLUSTER:
    case PROMETHEUS:
      return live.appliedAt + POD_READY_MS;
    case REDIS_REPLICATION:
      return live.appliedAt + (s['podManagementPolicy'] === 'Parallel' ? 1 : count(s['clusterSize'])) * POD_READY_MS;
    default:
      return undefined;
  }
}

/** The next instant, after `now`, at which an operated object becomes ready. */
export function nextOperatorEvent(cluster: Cluster, now: number): number | undefined {
  let next = Infinity;
  for (const gk of [CNPG_CLUSTER, RABBITMQ_CLUSTER, REDIS_REPLICATION, PROMETHEUS, CLUSTER_ISSUER, CERTIFICATE, ...ECK_KINDS]) {
    for (const live of cluster.list(gk)) {
      const at = readyAt(live, cluster) ?? Infinity;
      if (at > now && at < next) next = at;
    }
  }
  return next === Infinity ? undefined : next;
}

const condition = (type: string, status: 'True' | 'False' | 'Unknown', reason: string, message?: string): Obj => ({ type, status, reason, ...(message !== undefined ? { message } : {}) });

/** The status the operator of `live` writes at `now`. */
export function operatorStatus(cluster: Cluster, live: Live, now: number): Obj {
  const gk = groupKind(live.manifest);
  const s = spec(live);
  const ready = (readyAt(live, cluster) ?? Infinity) <= now;
  if (ECK_KINDS.includes(gk)) return eckStatus(live, ready);
  switch (gk) {
    case CLUSTER_ISSUER:
      // cert-manager pkg/issuer/acme/setup.go:53-59 @ v1.21.1.
      return { conditions: [condition('Ready', 'True', 'ACMEAccountRegistered', 'The ACME account was registered with the ACME server')] };
    case CERTIFICATE:
      // cert-manager @ v1.21.1: Ready False "DoesNotExist" while there is no Secret
      // (internal/controller/certificates/policies/checks.go:45) and Issuing True while it issues
      // (pkg/controller/certificates/trigger/trigger_controller.go:241); then Ready True
      // (pkg/controller/certificates/readiness/readiness_controller.go:409-418) and Issuing removed.
      return ready
        ? { conditions: [condition('Ready', 'True', 'Ready', 'Certificate is up to date and has not expired')] }
        : {
            conditions: [
              condition('Ready', 'False', 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
              condition('Issuing', 'True', 'DoesNotExist', 'Issuing certificate as Secret does not exist'),
            ],
          };
    case CNPG_CLUSTER: {
      // The phases of cloudnative-pg api/v1/cluster_types.go @ v1.30.0 (":730" is the healthy one).
      const instances = count(s['instances']);
      const up = Math.min(instances, Math.floor((now - live.appliedAt) / POD_READY_MS));
      const phase = up >= instances ? 'Cluster in healthy state' : up === 0 ? 'Setting up primary' : 'Creating a new replica';
      return { instances, readyInstances: up, phase };
    }
    case RABBITMQ_CLUSTER: {
      // rabbitmq/cluster-operator @ v2.22.3: AllReplicasReady when the StatefulSet's ready replicas are the
      // desired ones (internal/status/all_replicas_ready.go:51-61); ClusterAvailable once the client Service
      // has an endpoint (cluster_available.go:44-54); ReconcileSuccess "Initialising" until a reconcile
      // finishes (api/v1beta1/rabbitmqcluster_status.go:90-95; internal/controller/rabbitmqcluster_controller.go:307).
      const want = count(s['replicas']);
      return {
        conditions: ready
          ? [condition('AllReplicasReady', 'True', 'AllPodsAreReady'), condition('ClusterAvailable', 'True', 'AtLeastOneEndpointAvailable'), condition('ReconcileSuccess', 'True', 'Success', 'Finish reconciling')]
          : [
              condition('AllReplicasReady', 'False', 'NotAllPodsReady', `0/${want} Pods ready`),
              condition('ClusterAvailable', 'False', 'NoEndpointsAvailable', 'The service has no endpoints available'),
              condition('ReconcileSuccess', 'Unknown', 'Initialising', ''),
            ],
      };
    }
    case PROMETHEUS:
      // The `Available` condition of the operator's status reporter (pkg/operator/statefulset_reporter.go:257, :273-294
      // @ v0.93.0): False "NoPodReady" until a pod is ready, which Argo CD reads as Degraded, then True.
      return { conditions: [ready ? condition('Available', 'True', '') : condition('Available', 'False', 'NoPodReady')] };
    case REDIS_REPLICATION:
      // The elected master, written once the operator identifies it
      // (redisreplication_controller.go:104-107, :507-519 @ v0.26.0; the first pod on a fresh start, :448-452).
      return ready ? { masterNode: `${nameOf(live.manifest)}-0` } : {};
    default:
      return topologyStatus(cluster, live, now);
  }
}

/**
 * rabbitmq/messaging-topology-operator @ v1.20.1: without its RabbitmqCluster the object is requeued
 * and its status left as it is (internal/controller/topology_controller.go:160-165); while the cluster
 * cannot answer (no default user yet, rabbitmqclient/cluster_reference.go:71-72, or no broker up) the
 * declaration fails and `Ready` is False, "FailedCreateOrUpdate" (topology_controller.go:108-116,
 * :194-204; api/v1beta1/conditions.go:38-46); then True, "SuccessfulCreateOrUpdate" (:118-124;
 * conditions.go:27-35). The operator's retry back-off after failures is not simulated: it is Ready
 * at the instant its cluster is.
 */
function topologyStatus(cluster: Cluster, live: Live, now: number): Obj {
  const ref = rec(spec(live)['rabbitmqClusterReference']);
  const ns = str(ref['namespace']) ?? namespaceOf(live.manifest);
  const target = cluster.list(RABBITMQ_CLUSTER, ns).find((c) => nameOf(c.manifest) === ref['name']);
  if (!target) return live.status;
  if ((readyAt(target) ?? Infinity) <= now) return { conditions: [condition('Ready', 'True', 'SuccessfulCreateOrUpdate')] };
  const message = `RabbitmqCluster ${ns ?? ''}/${String(ref['name'])} is not available yet`;
  return { conditions: [condition('Ready', 'False', 'FailedCreateOrUpdate', message)] };
}
