/**
 * Declaration of `nodePools` in `clusters/<cluster>/cluster.yaml` (checks and builder:
 * ./node-pools.ts). Used by the build and `npm run schemas`; run-time code imports its types only.
 */
import type { Static } from '@sinclair/typebox';
import { Type } from '../shared/typebox.js';
import { Enum, Quantity, Struct } from '../shared/declare.js';
import { serviceGroups } from '../shared/vocabulary.js';

const NodePool = Struct(
  {
    name: Type.String({ examples: ['business'] }),
    nodes: Type.Integer({ minimum: 1, examples: [6] }),
    cpu: Quantity('Allocatable CPU per node.', '4'),
    memory: Quantity('Allocatable memory per node.', '8Gi'),
    groups: Type.Array(Enum(serviceGroups), { uniqueItems: true, default: [], examples: [['core', 'diagnosis']] }),
    services: Type.Array(Type.String(), { uniqueItems: true, default: [], examples: [['api-gateway']] }),
  },
  { examples: [{ name: 'business', nodes: 6, cpu: '4', memory: '8Gi', groups: ['core', 'diagnosis', 'support', 'frontend'] }] },
);

/** `nodePools`; absent means none (no capacity check). */
export const NodePools = Type.Array(NodePool, {
  description:
    'Node pools the capacity check holds requests × maximum replicas against (docs/policies.md). A service runs in the pool listing it under `services`, else the one listing its group; pools listing neither host none of our services. Without `groups`/`services` anywhere, the whole cluster is one pool. Default none (no capacity check).',
});

/**
 * One pool of identical nodes, e.g. `{name: agents, nodes: 4, cpu: "8", memory: 16Gi, groups: [agent]}`:
 * allocatable CPU and memory of one node as quantity strings; `line` is its line in the cluster file.
 */
export type NodePoolConfig = Omit<Static<typeof NodePool>, 'cpu' | 'memory'> & { cpu: string; memory: string; line?: number };

/** One pool as written. */
export type NodePoolFile = Static<typeof NodePool>;
