/**
 * The custom resources of the Redis and RabbitMQ operators, typed locally: no model package covers
 * them. Each type holds the fields rendered here, named as the pinned CRDs name them
 * (platform/crds/redis-operator/v0.26.0/, rabbitmq-cluster-operator/v2.22.3/,
 * rabbitmq-messaging-topology-operator/v1.20.1/); the strict validator holds the rendered objects
 * to those CRDs, so a field missing from them fails the tests, and a misspelt one does not compile.
 */
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IEnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ObjectMeta } from '../kinds.js';

type Meta = ObjectMeta & { name: string; namespace: string };

/** What every pod-running kind of the redis operator shares (api/common/v1beta2/common_types.go @ v0.26.0). */
interface RedisPods {
  kubernetesConfig: {
    image: string;
    imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
    resources?: IResourceRequirements;
    redisSecret?: { name: string; key: string };
  };
  redisExporter?: { enabled: boolean; image: string; resources?: IResourceRequirements; securityContext?: ISecurityContext };
  nodeSelector?: Record<string, string>;
  tolerations?: IToleration[];
  affinity?: IAffinity;
  podSecurityContext?: IPodSecurityContext;
  securityContext?: ISecurityContext;
}

/** What a `RedisReplication` adds to its pods: configuration and storage. */
interface RedisData extends RedisPods {
  redisConfig?: { additionalRedisConfig?: string };
  storage?: { keepAfterDelete?: boolean; volumeClaimTemplate: Pick<IPersistentVolumeClaim, 'spec'> };
  livenessProbe?: IProbe;
}

/** `redis.redis.opstreelabs.in/v1beta2` RedisReplication: a master and its replicas. */
export type RedisReplication = {
  apiVersion: 'redis.redis.opstreelabs.in/v1beta2';
  kind: 'RedisReplication';
  metadata: Meta;
  spec: RedisData & { clusterSize: number };
};

/** `redis.redis.opstreelabs.in/v1beta2` RedisSentinel: Sentinels watching one RedisReplication. */
export type RedisSentinel = {
  apiVersion: 'redis.redis.opstreelabs.in/v1beta2';
  kind: 'RedisSentinel';
  metadata: Meta;
  spec: RedisPods & {
    clusterSize: number;
    redisSentinelConfig: { redisReplicationName: string; quorum?: string; redisReplicationPassword?: IEnvVarSource };
  };
};

/** `rabbitmq.com/v1beta1` RabbitmqCluster (cluster-operator v2.22.3), the fields rendered. */
export type RabbitmqCluster = {
  apiVersion: 'rabbitmq.com/v1beta1';
  kind: 'RabbitmqCluster';
  metadata: Meta;
  spec: {
    replicas: number;
    image: string;
    resources: IResourceRequirements;
    persistence: { storageClassName: string; storage: string };
    affinity?: IAffinity;
    tolerations?: IToleration[];
  };
};

/** The reference every messaging-topology object carries to its RabbitmqCluster (same namespace). */
interface ClusterRef {
  rabbitmqClusterReference: { name: string };
}

/** `rabbitmq.com/v1beta1` Queue (messaging-topology-operator v1.20.1). */
export type Queue = {
  apiVersion: 'rabbitmq.com/v1beta1';
  kind: 'Queue';
  metadata: Meta;
  spec: ClusterRef & { name: string; vhost: string; type: 'quorum' | 'classic'; durable: boolean; autoDelete: boolean };
};

/** `rabbitmq.com/v1beta1` Exchange. */
export type Exchange = {
  apiVersion: 'rabbitmq.com/v1beta1';
  kind: 'Exchange';
  metadata: Meta;
  spec: ClusterRef & { name: string; vhost: string; type: 'topic' | 'direct' | 'fanout'; durable: boolean; autoDelete: boolean };
};

/** `rabbitmq.com/v1beta1` Binding of a queue to an exchange. */
export type Binding = {
  apiVersion: 'rabbitmq.com/v1beta1';
  kind: 'Binding';
  metadata: Meta;
  spec: ClusterRef & { vhost: string; source: string; destination: string; destinationType: 'queue'; routingKey: string };
};

/** `rabbitmq.com/v1beta1` Policy. */
export type Policy = {
  apiVersion: 'rabbitmq.com/v1beta1';
  kind: 'Policy';
  metadata: Meta;
  spec: ClusterRef & { name: string; vhost: string; pattern: string; applyTo: 'queues'; priority: number; definition: Record<string, string | number> };
};

/** `batch/v1` CronJob with its name and namespace set (the performance tests). */
export type CronJob = Omit<ICronJob, 'metadata'> & { metadata: Meta };
