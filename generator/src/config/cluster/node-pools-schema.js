import { Type } from '../shared/typebox.js';
import { Enum, MapOf, Quantity, Struct } from '../shared/declare.js';
import { serviceGroups } from '../shared/vocabulary.js';
/** Effects a taint can have (Kubernetes 1.31 `Taint.effect`). */
const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const Taint = Struct({
    key: Type.String({ description: 'Label-syntax key, e.g. `suoke-life.com/node-pool`.', examples: ['suoke-life.com/node-pool'] }),
    value: Type.String({ default: '', description: 'Label-syntax value. Default empty.', examples: ['database'] }),
    effect: Enum(taintEffects, { description: 'What happens to pods that do not tolerate it.', examples: ['NoSchedule'] }),
}, { examples: [{ key: 'suoke-life.com/node-pool', value: 'database', effect: 'NoSchedule' }] });
const NodePool = Struct({
    name: Type.String({ examples: ['business'] }),
    nodes: Type.Integer({ minimum: 1, examples: [6] }),
    cpu: Quantity('Allocatable CPU per node.', '4'),
    memory: Quantity('Allocatable memory per node.', '8Gi'),
    groups: Type.Array(Enum(serviceGroups), { uniqueItems: true, default: [], examples: [['core', 'diagnosis']] }),
    services: Type.Array(Type.String(), { uniqueItems: true, default: [], examples: [['api-gateway']] }),
    labels: Type.Optional(MapOf(Type.String(), {
        description: 'Labels every node of the pool carries, which pods scheduled to it select. Default `{suoke-life.com/node-pool: <name>}`.',
        examples: [{ 'suoke-life.com/node-pool': 'database' }],
    })),
    taints: Type.Array(Taint, {
        default: [],
        description: 'Taints of the pool\'s nodes; pods scheduled to it tolerate each (operator Equal). Default none.',
        examples: [[{ key: 'suoke-life.com/node-pool', value: 'database', effect: 'NoSchedule' }]],
    }),
}, { examples: [{ name: 'business', nodes: 6, cpu: '4', memory: '8Gi', groups: ['core', 'diagnosis', 'support', 'frontend'] }] });
/** `nodePools`; absent means none (no capacity check). */
export const NodePools = Type.Array(NodePool, {
    description: 'Node pools the capacity check holds requests × maximum replicas against (docs/policies.md). A service runs in the pool listing it under `services`, else the one listing its group; pools listing neither host none of our services. Without `groups`/`services` anywhere, the whole cluster is one pool. Default none (no capacity check).',
});
