/**
 * Node pools of a cluster (`nodePools` in `clusters/<cluster>/cluster.yaml`), which the capacity
 * check (`policy/capacity.ts`) holds the services' requests against. Schema, types, checks and the
 * builder live here, so the shared config files only gain one line each.
 */
import type { Finding } from '../core/finding.js';
import { parseCpu, parseMemory } from '../core/quantity.js';
import type { ParsedFile, Raw } from './checks.js';
import { Reporter, isRaw } from './checks.js';
import { serviceGroups, type ServiceGroup } from './types.js';

/** One pool of identical nodes, e.g. `{name: agents, nodes: 4, cpu: "8", memory: 16Gi, groups: [agent]}`. */
export interface NodePoolConfig {
  /** Line of the pool in its cluster file (set by the loader), for findings about it. */
  line?: number;
  /** DNS-1123 label, e.g. `business`. */
  name: string;
  /** Number of nodes. */
  nodes: number;
  /** Allocatable CPU of one node (quantity), e.g. `"4"`. */
  cpu: string;
  /** Allocatable memory of one node (quantity), e.g. `8Gi`. */
  memory: string;
  /** Service groups whose pods run here. Default none. */
  groups: ServiceGroup[];
  /** Services whose pods run here, whatever their group (wins over `groups`). Default none. */
  services: string[];
}

export const nodePoolsSchema: Record<string, unknown> = {
  type: 'array',
  description:
    'Node pools the capacity check holds requests × maximum replicas against (docs/policies.md). A service runs in the pool listing it under `services`, else the one listing its group; pools listing neither host none of our services. Without `groups`/`services` anywhere, the whole cluster is one pool. Default none (no capacity check).',
  default: [],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'nodes', 'cpu', 'memory'],
    properties: {
      name: { type: 'string', examples: ['business'] },
      nodes: { type: 'integer', minimum: 1, examples: [6] },
      cpu: { type: ['string', 'number'], description: 'Allocatable CPU per node.', examples: ['4'] },
      memory: { type: ['string', 'number'], description: 'Allocatable memory per node.', examples: ['8Gi'] },
      groups: { type: 'array', uniqueItems: true, items: { enum: [...serviceGroups] }, default: [], examples: [['core', 'diagnosis']] },
      services: { type: 'array', uniqueItems: true, items: { type: 'string' }, default: [], examples: [['api-gateway']] },
    },
    examples: [{ name: 'business', nodes: 6, cpu: '4', memory: '8Gi', groups: ['core', 'diagnosis', 'support', 'frontend'] }],
  },
};

/** Checks `nodePools` of one cluster file; `services` are the known service names (for `services`). */
export function checkNodePools(f: ParsedFile, services: readonly string[], out: Finding[]): void {
  const pools = f.data.nodePools;
  if (!Array.isArray(pools)) return;
  const r = new Reporter(f.source, out);
  const names = new Set<string>();
  const groupOwner = new Map<string, string>();
  const serviceOwner = new Map<string, string>();
  pools.forEach((p, i) => {
    if (!isRaw(p)) return;
    const at = (...x: (string | number)[]) => ['nodePools', i, ...x];
    if (typeof p.name === 'string') {
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name) || p.name.length > 63) r.report('name', at('name'), `\`nodePools[${i}].name\` is ${JSON.stringify(p.name)}, not a DNS-1123 label`, 'e.g. `business`');
      else if (names.has(p.name)) r.report('duplicate', at('name'), `node pool \`${p.name}\` is declared twice`, 'give every pool its own name');
      names.add(p.name);
    }
    if ((typeof p.cpu === 'string' || typeof p.cpu === 'number') && !(Number(parseCpu(p.cpu)) > 0)) {
      r.report('quantity', at('cpu'), `\`nodePools[${i}].cpu\` is ${JSON.stringify(p.cpu)}; expected the CPU of one node, e.g. \`"4"\` or \`3500m\``, 'write cores or millicores');
    }
    if ((typeof p.memory === 'string' || typeof p.memory === 'number') && !(Number(parseMemory(p.memory)) >= 1024 ** 3)) {
      r.report('quantity', at('memory'), `\`nodePools[${i}].memory\` is ${JSON.stringify(p.memory)}; expected the memory of one node (at least 1Gi), e.g. \`8Gi\``, 'write bytes with a binary suffix');
    }
    for (const [field, owner] of [['groups', groupOwner], ['services', serviceOwner]] as const) {
      const items = p[field];
      if (!Array.isArray(items)) continue;
      items.forEach((g, j) => {
        if (typeof g !== 'string') return;
        if (field === 'services' && !services.includes(g)) {
          r.report('unknown-service', at(field, j), `\`nodePools[${i}].services\` names \`${g}\`, which is not a service`, 'name a folder under apps/');
        }
        const prev = owner.get(g);
        if (prev !== undefined) r.report('duplicate', at(field, j), `\`${g}\` is already placed in node pool \`${prev}\``, `a ${field === 'groups' ? 'group' : 'service'} runs in one pool`);
        else owner.set(g, String(p.name));
      });
    }
  });
}

/** The checked `nodePools`; `lineOf(i)`: the line of `nodePools[i]` in its file, for findings. */
export function buildNodePools(v: unknown, lineOf?: (index: number) => number): NodePoolConfig[] {
  return ((v ?? []) as Raw[]).map((p, i) => ({
    ...(lineOf ? { line: lineOf(i) } : {}),
    name: p.name as string,
    nodes: p.nodes as number,
    cpu: String(p.cpu),
    memory: String(p.memory),
    groups: [...((p.groups ?? []) as ServiceGroup[])],
    services: [...((p.services ?? []) as string[])],
  }));
}
