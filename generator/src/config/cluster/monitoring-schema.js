import { Type } from '../shared/typebox.js';
import { Struct } from '../shared/declare.js';
import { Amounts } from '../shared/resources-schema.js';
const resources = (requests, limits) => Struct({ requests: Amounts(requests.cpu, requests.memory), limits: Amounts(limits.cpu, limits.memory) }, { default: { requests, limits }, description: `Requests and limits of each pod. Default requests ${requests.cpu} CPU / ${requests.memory}, limits ${limits.cpu} CPU / ${limits.memory}.` });
const storage = (size) => Struct({
    size: Type.String({ default: size, description: `Volume size per pod, a Kubernetes quantity. Default ${size}.`, examples: ['50Gi'] }),
    storageClass: Type.String({ default: 'fast-ssd', description: 'StorageClass of the volumes. Default `fast-ssd` (the plan\'s).', examples: ['fast-ssd'] }),
}, { default: {}, description: 'A persistent volume per pod (a PersistentVolumeClaim template of the operator\'s StatefulSet).' });
const replicas = (what) => Type.Integer({ minimum: 1, default: 1, description: `${what} pods; each keeps a full copy. Default 1.`, examples: [2] });
const nodePool = Type.Optional(Type.String({ description: 'A pool of `nodePools` the pods are scheduled onto (by its node labels). Default: any node.', examples: ['monitoring'] }));
const Prometheus = Struct({
    replicas: replicas('Prometheus'),
    retention: Type.String({ default: '15d', description: 'How long samples are kept, a Prometheus duration (`15d`, `4w`, `720h`). Default `15d`.', examples: ['30d'] }),
    resources: resources({ cpu: '200m', memory: '400Mi' }, { cpu: '2', memory: '4Gi' }),
    storage: storage('50Gi'),
    nodePool,
}, { default: {}, description: 'The cluster\'s Prometheus: selects the `team: suoke-life` monitors and rules of the cluster\'s environments. Defaults: the plan\'s (400Mi requested, 50Gi on `fast-ssd`).' });
const Alertmanager = Struct({
    replicas: replicas('Alertmanager'),
    resources: resources({ cpu: '50m', memory: '64Mi' }, { cpu: '200m', memory: '256Mi' }),
    storage: storage('2Gi'),
    nodePool,
}, { default: {}, description: 'The cluster\'s Alertmanager, which merges the routing of `alerting` (its AlertmanagerConfig).' });
export const Monitoring = Struct({ prometheus: Prometheus, alertmanager: Alertmanager }, {
    description: 'The cluster\'s Prometheus and Alertmanager (docs/monitoring.md, "The stack"), run by the `prometheus-operator` add-on in `monitoringNamespace`.',
    examples: [{ prometheus: { replicas: 2, retention: '15d', storage: { size: '50Gi', storageClass: 'fast-ssd' }, nodePool: 'monitoring' }, alertmanager: { replicas: 2 } }],
});
