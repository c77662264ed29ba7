/**
 * Declaration of `monitoring` in `clusters/<cluster>/cluster.yaml`: the cluster's one Prometheus (the
 * deployment plan's 监控配置 / Prometheus配置: 400Mi, 50Gi on `fast-ssd`) and one Alertmanager, rendered
 * as prometheus-operator custom resources into `clusters/<cluster>/monitoring/` (docs/monitoring.md,
 * "The stack"). Checks: ./monitoring.ts. Used by the build and `npm run schemas`; run-time code imports
 * its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { resources, Storage } from './redis-mq-schema.js';

const replicas = (what: string) =>
  Type.Integer({ minimum: 1, default: 1, description: `${what} pods; each keeps a full copy. Default 1.`, examples: [2] });

const nodePool = Type.Optional(
  Type.String({ description: 'A pool of `nodePools` the pods are scheduled onto (by its node labels). Default: any node.', examples: ['monitoring'] }),
);

const Prometheus = Struct(
  {
    replicas: replicas('Prometheus'),
    retention: Type.String({ default: '15d', description: 'How long samples are kept, a Prometheus duration (`15d`, `4w`, `720h`). Default `15d`.', examples: ['30d'] }),
    resources: resources({ cpu: '200m', memory: '400Mi' }, { cpu: '2', memory: '4Gi' }),
    storage: Storage('50Gi'),
    nodePool,
  },
  { default: {}, description: 'The cluster\'s Prometheus: selects the `team: suoke-life` monitors and rules of the cluster\'s environments. Defaults: the plan\'s (400Mi requested, 50Gi on `fast-ssd`).' },
);

const Alertmanager = Struct(
  {
    replicas: replicas('Alertmanager'),
    resources: resources({ cpu: '50m', memory: '64Mi' }, { cpu: '200m', memory: '256Mi' }),
    storage: Storage('2Gi'),
    nodePool,
  },
  { default: {}, description: 'The cluster\'s Alertmanager, which merges the routing of `alerting` (its AlertmanagerConfig).' },
);

export const Monitoring = Struct(
  { prometheus: Prometheus, alertmanager: Alertmanager },
  {
    description: 'The cluster\'s Prometheus and Alertmanager (docs/monitoring.md, "The stack"), run by the `prometheus-operator` add-on in `monitoringNamespace`.',
    examples: [{ prometheus: { replicas: 2, retention: '15d', storage: { size: '50Gi', storageClass: 'fast-ssd' }, nodePool: 'monitoring' }, alertmanager: { replicas: 2 } }],
  },
);

/** `monitoring` as written, with the declared defaults filled in. */
export type MonitoringConfig = Static<typeof Monitoring>;
