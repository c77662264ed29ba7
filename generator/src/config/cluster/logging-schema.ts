/**
 * Declaration of `logging` in `clusters/<cluster>/cluster.yaml`: the plan's ELK (日志系统 / 日志分析配置) as
 * ECK custom resources (the `eck-operator` add-on): one Elasticsearch and one Kibana per cluster, and a
 * Filebeat DaemonSet shipping the container logs of the cluster's environment and data namespaces,
 * each environment to its own data stream kept `retentionDays` days (docs/logging.md). Checks:
 * ./logging.ts. Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { MapOf, Struct } from '../shared/declare.js';
import { resources, Storage } from './redis-mq-schema.js';

const nodePool = Type.Optional(
  Type.String({ description: 'A pool of `nodePools` the pods are scheduled onto (by its node labels). Default: any node.', examples: ['monitoring'] }),
);

const Elasticsearch = Struct(
  {
    nodes: Type.Integer({
      minimum: 1,
      default: 1,
      description: 'Elasticsearch nodes (one nodeSet, every node master-eligible and data). With more than one, each index has one replica. Default 1.',
      examples: [2],
    }),
    // Memory request = limit: Elasticsearch sizes its heap from the container's memory limit.
    resources: resources({ cpu: '500m', memory: '2Gi' }, { cpu: '2', memory: '2Gi' }),
    storage: Storage('20Gi'),
    nodePool,
  },
  { default: {}, description: 'The cluster\'s log store. Defaults: one node, 2Gi, 20Gi on `fast-ssd`.' },
);

const Kibana = Struct(
  {
    replicas: Type.Integer({ minimum: 1, default: 1, description: 'Kibana pods. Default 1.', examples: [1] }),
    resources: resources({ cpu: '200m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }),
    nodePool,
  },
  { default: {}, description: 'Kibana, the search UI over the cluster\'s logs.' },
);

const Shipper = Struct(
  { resources: resources({ cpu: '100m', memory: '200Mi' }, { cpu: '500m', memory: '300Mi' }) },
  { default: {}, description: 'Filebeat, one pod on every node (tolerating every taint): reads the container log files of the cluster\'s environment and data namespaces.' },
);

export const Logging = Struct(
  {
    namespace: Type.String({ default: 'logging', description: 'Namespace of the Elasticsearch, Kibana and Filebeat. Default `logging`.', examples: ['logging'] }),
    version: Type.String({
      default: '9.4.3',
      pattern: '^\\d+\\.\\d+\\.\\d+$',
      description: 'Elastic Stack version of Elasticsearch, Kibana and Filebeat, never `latest`. Default 9.4.3 (the ECK 3.5.0 recipes\').',
      examples: ['9.4.3'],
    }),
    elasticsearch: Elasticsearch,
    kibana: Kibana,
    shipper: Shipper,
    retentionDays: MapOf(Type.Integer({ minimum: 1, maximum: 3650 }), {
      description: 'Days the logs of each environment of the cluster are kept (its index lifecycle policy deletes older indices): one entry per environment.',
      examples: [{ prod: 30 }, { dev: 3, test: 7 }],
    }),
  },
  {
    description: 'The cluster\'s logs (ELK, docs/logging.md): Elasticsearch, Kibana and Filebeat run by the `eck-operator` add-on, and the retention of each environment\'s logs.',
    examples: [{ elasticsearch: { nodes: 2, storage: { size: '100Gi', storageClass: 'fast-ssd' }, nodePool: 'monitoring' }, kibana: { nodePool: 'monitoring' }, retentionDays: { prod: 30 } }],
  },
);

/** `logging` as written, with the declared defaults filled in. */
export type LoggingConfig = Static<typeof Logging>;
