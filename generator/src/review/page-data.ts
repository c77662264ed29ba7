/**
 * What the platform page (`report`, issue 14) shows, computed from the configuration, its model and
 * the policies' verdict at one instant: the service × environment matrix with versions and
 * gray-release weights, each environment's change window now and its next opening, each node pool's
 * requests against its capacity, and the findings by severity. Pure: the command hands in the
 * instant, so the same tree and `--at` give the same page.
 */
import type { EnvironmentConfig, PlatformConfig } from '../config/types.js';
import { cmp, type Finding, type Severity } from '../core/finding.js';
import { promotionOrder } from '../model/build.js';
import type { Model, ServiceInstance } from '../model/types.js';
import type { RepositoryPolicies } from '../policy/repository.js';
import { RUNBOOKS_DIR } from '../render/runbook-files.js';
import { formatLocal } from '../time/zone.js';
import { stateAt } from '../windows/engine.js';

/** An instant for people: ISO, and the wall clock of the windows' zone when there is one. */
interface Instant {
  iso: string;
  local: string | null;
}

interface PageWindow {
  open: boolean;
  /** The rule that decides the state, as `windows` prints it. */
  rule: string;
  /** When the state changes next; null when it never does. */
  nextChange: Instant | null;
  /** The next instant the window is open from: now when open, else the next change; null when it never opens. */
  nextOpening: Instant | null;
  timeZone: string | null;
}

export interface PageEnvironment {
  name: string;
  cluster: string;
  tier: 'development' | 'production';
  /** The cluster file that declares it, repository-relative. */
  file: string;
  window: PageWindow;
}

interface PageService {
  name: string;
  group: string;
  description: string;
  file: string;
  /** Its generated runbook (render/runbook-files.ts), e.g. `docs/runbooks/xiaoai.md`. */
  runbook: string;
}

/** One service in one environment; `deployed: false` where the service does not run there. */
export type PageCell =
  | { service: string; env: string; deployed: false }
  | {
      service: string;
      env: string;
      deployed: true;
      /** The stable version. */
      version: string;
      /** `2` or `2–8` (the HPA's range). */
      replicas: string;
      /** The gray release in progress: its version and the weight it holds. */
      canary: { version: string; weight: number; steps: number[] } | null;
      /** A gray release is configured (a Rollout), in progress or not. */
      gray: boolean;
      /** The overlay Argo CD builds, e.g. `clusters/prod/prod/xiaoai`. */
      path: string;
    };

/** One node pool: CPU in millicores, memory in bytes. */
export interface PagePool {
  cluster: string;
  file: string;
  pool: string;
  nodes: number;
  capacity: { cpu: number; memory: number };
  steady: { cpu: number; memory: number };
  peak: { cpu: number; memory: number };
  workloads: number;
}

export interface PageFinding {
  severity: Severity;
  check: string;
  file: string;
  line: number | null;
  object: string | null;
  message: string;
}

export interface PageData {
  at: string;
  environments: PageEnvironment[];
  services: PageService[];
  /** Row by row (services by group, then name), each row in the environments' order. */
  cells: PageCell[];
  pools: PagePool[];
  counts: Record<Severity, number>;
  /** Errors, then warnings; infos (headroom figures, waivers) are only counted. */
  findings: PageFinding[];
}

export interface PageInput {
  config: PlatformConfig;
  model: Model;
  policies: RepositoryPolicies;
  at: Date;
}

/** Computes the page's data; pure. */
export function pageData(input: PageInput): PageData {
  const envs = input.config.clusters.flatMap((c) => c.environments.map((e) => ({ e, file: c.file }))).sort((a, b) => promotionOrder(a.e, b.e));
  const services = input.config.services
    .map((s) => ({ name: s.name, group: s.group, description: s.description ?? '', file: s.file, runbook: `${RUNBOOKS_DIR}/${s.name}.md` }))
    .sort((a, b) => cmp(a.group, b.group) || cmp(a.name, b.name));
  const instances = new Map(input.model.environments.flatMap((m) => m.instances.map((i) => [`${i.service.name}/${i.env.name}`, i] as const)));
  const cells = services.flatMap((s) => envs.map(({ e }) => cellOf(s.name, e.name, instances.get(`${s.name}/${e.name}`))));
  const severities: Severity[] = ['error', 'warning', 'info'];
  const counts = Object.fromEntries(severities.map((s) => [s, input.policies.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    at: input.at.toISOString(),
    environments: envs.map(({ e, file }) => ({ name: e.name, cluster: e.cluster, tier: e.tier, file, window: windowOf(e, input.at) })),
    services,
    cells,
    pools: poolsOf(input),
    counts,
    findings: input.policies.findings.filter((f) => f.severity === 'error').concat(input.policies.findings.filter((f) => f.severity === 'warning')).map(pageFinding),
  };
}

function cellOf(service: string, env: string, i: ServiceInstance | undefined): PageCell {
  if (!i) return { service, env, deployed: false };
  const a = i.autoscaling;
  const canary = i.grayRelease?.canary;
  return {
    service,
    env,
    deployed: true,
    version: i.version,
    replicas: a ? `${a.minReplicas}–${a.maxReplicas}` : String(i.replicas),
    canary: canary ? { version: canary.version, weight: canary.weight, steps: [...i.grayRelease!.steps] } : null,
    gray: i.grayRelease !== undefined,
    path: i.path,
  };
}

function windowOf(env: EnvironmentConfig, at: Date): PageWindow {
  const w = env.changeWindows;
  const zone = w && !w.alwaysOpen ? w.timeZone : undefined;
  const instant = (d: Date | undefined): Instant | null => (d ? { iso: d.toISOString(), local: zone ? formatLocal(zone, d.getTime()) : null } : null);
  const now = stateAt(w, at);
  // Open now: the next opening is the one after the coming close. An edge keeps the state before it
  // (windows/engine.ts), so the state after the close is read a millisecond past it.
  const opening = now.open ? (now.nextChange ? stateAt(w, new Date(now.nextChange.getTime() + 1)).nextChange : undefined) : now.nextChange;
  return { open: now.open, rule: now.rule, nextChange: instant(now.nextChange), nextOpening: instant(opening), timeZone: zone ?? null };
}

function poolsOf(input: PageInput): PagePool[] {
  const files = new Map(input.config.clusters.map((c) => [c.name, c.file]));
  return input.policies.capacity.flatMap((r) =>
    r.pools.map((p) => ({
      cluster: r.cluster,
      file: files.get(r.cluster) ?? '',
      pool: p.pool,
      nodes: p.nodes,
      capacity: { ...p.capacity },
      steady: { ...p.steady },
      peak: { ...p.peak },
      workloads: p.workloads.length,
    })),
  );
}

const pageFinding = (f: Finding): PageFinding => ({ severity: f.severity, check: f.check, file: f.file, line: f.line ?? null, object: f.object ?? null, message: f.message });
