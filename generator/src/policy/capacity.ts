/**
 * Capacity: per cluster, the pods' requests × replicas against the node pools declared in
 * `nodePools` (clusters/<cluster>/cluster.yaml). A pod's requests are what the scheduler sees: its
 * containers with the injected Istio sidecar, or its largest init container (pod-usage.ts). Peak is
 * at the maximum replicas (HPA `maxReplicas`, else `replicas`) with rolling-update surge and canary
 * pods, steady state at the minimum (HPA `minReplicas`, else `replicas`). A pool over capacity at
 * peak is a warning (the HPAs cannot reach their maximum); over capacity at steady state, or a pod
 * larger than one node, is an error (pods stay Pending).
 */
import { cmp, type Finding } from '../core/finding.js';
import { parseCpu, parseMemory } from '../core/quantity.js';
import type { NodePoolConfig } from '../config/types.js';
import type { Obj } from './engine.js';
import { add, podUsage, replicaRange, zero, type Amount } from './pod-usage.js';
import { dataPods, type DataPods } from './data-pods.js';
import { list, nameOf, namespaceOf, podTemplate, rec, stringMap } from './rules/pod.js';
import { schedulesOn, type Toleration } from '../model/scheduling.js';

/** One pool's figures. */
interface PoolUsage {
  /** Pool name, or `cluster` when no pool names the groups it hosts (the whole cluster is one pool). */
  pool: string;
  /** Index in `nodePools`, absent for the whole cluster. */
  index?: number;
  nodes: number;
  /** One node. */
  node: Amount;
  capacity: Amount;
  /** Requests at minimum replicas. */
  steady: Amount;
  /** Requests at maximum replicas, with rolling-update surge and canary pods. */
  peak: Amount;
  /** Workloads placed here, `<namespace>/<name>`, sorted. */
  workloads: string[];
}

export interface CapacityReport {
  cluster: string;
  pools: PoolUsage[];
  /** Workloads no pool hosts, `<namespace>/<name>`. */
  unplaced: string[];
}

export interface CapacityInput {
  cluster: string;
  /** The cluster file, where findings are reported, e.g. `clusters/prod/cluster.yaml`. */
  file: string;
  pools: NodePoolConfig[];
  /** Every rendered object of the environments the cluster hosts. */
  objects: readonly Obj[];
  /** A `capacity` waiver of the cluster file, if any (with its line there). */
  waiver?: { reason: string; line?: number };
}

/** Measures one cluster. Pure. */
export function measureCapacity(input: CapacityInput): { report: CapacityReport; findings: Finding[] } {
  const placing = input.pools.some((p) => p.groups.length > 0 || p.services.length > 0);
  const usage: PoolUsage[] = placing
    ? input.pools.map((p, index) => pool(p.name, p.nodes, nodeOf(p), index))
    : [pool('cluster', input.pools.reduce((n, p) => n + p.nodes, 0), zero(), undefined, input.pools.reduce((a, p) => add(a, nodeOf(p), p.nodes), zero()))];
  const unplaced: string[] = [];
  const findings: Finding[] = [];
  // The line of the pool a finding is about (the first pool for the whole cluster or `nodePools`).
  const lineOf = (path: string | undefined): { line?: number } => {
    const m = path === undefined ? null : /^nodePools\[(\d+)\]$/.exec(path);
    const line = m ? input.pools[Number(m[1])]?.line : input.pools[0]?.line;
    return line === undefined ? {} : { line };
  };
  const report = (severity: Finding['severity'], path: string | undefined, message: string, hint: string, check = 'policy/capacity') =>
    findings.push({ check, severity, file: input.file, ...lineOf(path), ...(path ? { path } : {}), message, hint });
  // Where the scheduler puts a workload's pods: the pool whose node labels its node selector names
  // (model/scheduling.ts). Pods selecting labels no pool has, or on a pool whose taints they do not
  // tolerate, are never scheduled; pods selecting nothing may land on any untainted node.
  const place = (id: string, selector: Record<string, string>, tolerations: readonly Toleration[]): PoolUsage | undefined => {
    if (!placing) return usage[0];
    if (Object.keys(selector).length === 0) {
      unplaced.push(id);
      return undefined;
    }
    const at = usage.find((u) => selectsPool(selector, input.pools[u.index!]!.labels));
    const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
    if (!at) {
      report('error', 'nodePools', `the pods of ${id} select the node labels ${shown}, which no node pool has: they stay Pending`, 'place the service in a pool (`services` or `groups` of a node pool), or declare the pool its node selector names');
      return undefined;
    }
    const why = schedulesOn(input.pools[at.index!]!, selector, tolerations);
    if (why) report('error', path(at), `the pods of ${id} select node pool ${at.pool}, but ${why}: they stay Pending`, 'render the pool\'s tolerations with the pods (re-render), or remove the taint');
    return at;
  };
  for (const w of input.objects) {
    const range = replicaRange(w, input.objects);
    if (!range) continue;
    const id = `${namespaceOf(w)}/${nameOf(w)}`;
    const pod = rec(podTemplate(w)?.spec);
    const at = place(id, stringMap(pod.nodeSelector), list(pod.tolerations) as Toleration[]);
    if (!at) continue;
    const one = podUsage(w, input.objects).requests;
    at.steady = add(at.steady, one, range.min);
    at.peak = add(at.peak, one, range.max + range.surge + range.canary);
    at.workloads.push(id);
    if (placing && (one.cpu > at.node.cpu || one.memory > at.node.memory)) {
      report('error', path(at), `a pod of ${String(w.kind)} ${id} requests ${cores(one.cpu)} CPU / ${gib(one.memory)}, more than one node of pool ${at.pool} has (${cores(at.node.cpu)} CPU / ${gib(at.node.memory)})`, 'lower its requests, or give the pool larger nodes');
    }
  }
  // The data layer's pods, run by operators from the rendered custom resources (data-pods.ts): in the
  // pool whose node labels they select, always at their full count (they do not autoscale).
  for (const d of dataPods(input.objects)) {
    if (d.everyNode) {
      everyNode(d, usage, input.pools, placing);
      continue;
    }
    const at = place(d.id, d.nodeSelector, d.tolerations);
    if (!at) continue;
    at.steady = add(at.steady, d.requests, d.count);
    at.peak = add(at.peak, d.requests, d.count);
    at.workloads.push(d.id);
    if (placing && (d.requests.cpu > at.node.cpu || d.requests.memory > at.node.memory)) {
      report('error', path(at), `a pod of ${d.id} requests ${cores(d.requests.cpu)} CPU / ${gib(d.requests.memory)}, more than one node of pool ${at.pool} has (${cores(at.node.cpu)} CPU / ${gib(at.node.memory)})`, 'lower its requests, or give the pool larger nodes');
    }
    if (d.onePerNode && d.count > at.nodes) {
      report('error', path(at), `${d.id} runs ${d.count} pods one per node (required anti-affinity), but ${at.pool === 'cluster' ? 'the cluster' : `pool ${at.pool}`} has ${at.nodes} node${at.nodes === 1 ? '' : 's'}: ${d.count - at.nodes} stay${d.count - at.nodes === 1 ? 's' : ''} Pending`, 'add nodes to the pool, or run fewer instances');
    }
  }
  for (const u of usage) {
    u.workloads.sort(cmp);
    const over = (a: Amount) => [a.cpu > u.capacity.cpu ? `${cores(a.cpu - u.capacity.cpu)} CPU` : '', a.memory > u.capacity.memory ? gib(a.memory - u.capacity.memory) : ''].filter((s) => s !== '');
    const size = `${u.pool === 'cluster' ? 'the cluster' : `node pool ${u.pool}`} (${u.nodes} node${u.nodes === 1 ? '' : 's'}, ${cores(u.capacity.cpu)} CPU / ${gib(u.capacity.memory)})`;
    const steady = over(u.steady);
    const peak = over(u.peak);
    if (steady.length > 0) {
      report('error', path(u), `${size} cannot hold its pods at minimum replicas: they request ${cores(u.steady.cpu)} CPU / ${gib(u.steady.memory)}, ${steady.join(' and ')} too much`, 'add nodes to the pool, or lower the requests or replicas of its services');
    } else if (peak.length > 0) {
      report('warning', path(u), `${size} cannot hold its pods at maximum replicas with rolling-update surge and canary pods: they request ${cores(u.peak.cpu)} CPU / ${gib(u.peak.memory)}, ${peak.join(' and ')} too much; the autoscalers cannot reach their maximum`, 'add nodes to the pool, or lower maxReplicas (autoscaling) of its services in apps/<service>/service.yaml');
    }
    // Pools hosting nothing of ours have nothing to report.
    if (u.workloads.length > 0 || !placing) findings.push({ check: 'policy/capacity-headroom', severity: 'info', file: input.file, ...lineOf(path(u)), ...(path(u) ? { path: path(u)! } : {}), message: headroom(size, u) });
  }
  if (unplaced.length > 0) {
    report('warning', 'nodePools', `no node pool hosts ${unplaced.sort(cmp).join(', ')}: their requests are not counted`, 'list their group under `groups`, or the service under `services`, of a node pool', 'policy/capacity-unplaced');
  }
  return { report: { cluster: input.cluster, pools: usage, unplaced }, findings: waive(findings, input) };
}

/** A DaemonSet's pods (the log shipper): one per node of every pool whose labels and taints admit them. */
function everyNode(d: DataPods, usage: PoolUsage[], pools: readonly NodePoolConfig[], placing: boolean): void {
  for (const u of usage) {
    const p = u.index === undefined ? undefined : pools[u.index];
    if (placing && p && (!Object.entries(d.nodeSelector).every(([k, v]) => p.labels[k] === v) || schedulesOn(p, d.nodeSelector, d.tolerations) !== undefined)) continue;
    u.steady = add(u.steady, d.requests, u.nodes);
    u.peak = add(u.peak, d.requests, u.nodes);
    u.workloads.push(d.id);
  }
}

/** A pod selecting `selector` runs in a pool whose node labels include all of it (and that has labels). */
function selectsPool(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

function waive(findings: Finding[], input: CapacityInput): Finding[] {
  if (!input.waiver) return findings;
  const waived = findings.filter((f) => f.check === 'policy/capacity');
  const kept = findings.filter((f) => f.check !== 'policy/capacity');
  if (waived.length === 0) {
    const line = input.waiver.line;
    return [...kept, { check: 'policy/waiver-unused', severity: 'warning', file: input.file, ...(line !== undefined ? { line } : {}), path: 'waivers', message: 'a waiver waives policy/capacity, which finds nothing to waive here', hint: 'remove the waiver' }];
  }
  return [
    ...kept,
    ...waived.map((f) => ({ ...f, check: 'policy/waived', severity: 'info' as const, message: `policy/capacity waived in ${input.file}: ${input.waiver!.reason} (${f.message})`, hint: 'remove the waiver once the pool fits' })),
  ];
}

function pool(name: string, nodes: number, node: Amount, index?: number, capacity?: Amount): PoolUsage {
  return { pool: name, ...(index !== undefined ? { index } : {}), nodes, node, capacity: capacity ?? { cpu: node.cpu * nodes, memory: node.memory * nodes }, steady: zero(), peak: zero(), workloads: [] };
}

function nodeOf(p: NodePoolConfig): Amount {
  return { cpu: parseCpu(p.cpu) ?? 0, memory: parseMemory(p.memory) ?? 0 };
}

function path(u: PoolUsage): string | undefined {
  return u.index !== undefined ? `nodePools[${u.index}]` : undefined;
}

function headroom(size: string, u: PoolUsage): string {
  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${Math.round((a / b) * 100)}%`);
  const room = (a: number, b: number, f: (n: number) => string) => (a <= b ? f(b - a) : `-${f(a - b)}`);
  return (
    `${size}: ${u.workloads.length} workload${u.workloads.length === 1 ? '' : 's'}; ` +
    `at maximum replicas with surge and canary pods ${cores(u.peak.cpu)} CPU (${pct(u.peak.cpu, u.capacity.cpu)}) / ${gib(u.peak.memory)} (${pct(u.peak.memory, u.capacity.memory)}), ` +
    `headroom ${room(u.peak.cpu, u.capacity.cpu, cores)} CPU / ${room(u.peak.memory, u.capacity.memory, gib)}; ` +
    `at minimum replicas ${cores(u.steady.cpu)} CPU / ${gib(u.steady.memory)}`
  );
}

/** 40600 → `40.6`, 24000 → `24`. */
export function cores(milli: number): string {
  return String(Math.round(milli) / 1000);
}

/** Bytes as GiB with at most two decimals: `80.75Gi`, `48Gi`. */
export function gib(bytes: number): string {
  return `${String(Math.round((bytes / 1024 ** 3) * 100) / 100)}Gi`;
}


