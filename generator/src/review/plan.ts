/**
 * What a reviewer reads first (`plan`, issue 14): from the object diff of the base revision and the
 * working tree, the environments and services the change touches; for each touched environment its
 * change window at the instant and the next change; every gray release in flight; what the
 * simulation says about convergence of the touched environments; and the policies' findings on the
 * working tree. Pure: the commands hand in both renders, the simulation's result and the findings.
 */
import type { EnvironmentConfig, PlatformConfig } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { cmp } from '../core/finding.js';
import { deepEqual } from '../core/deep-equal.js';
import type { Model } from '../model/types.js';
import type { SimResult } from '../simulate/run.js';
import { formatLocal } from '../time/zone.js';
import { stateAt } from '../windows/engine.js';
import type { OverrideRecord } from '../windows/overrides.js';
import { diffSummary } from './diff-format.js';
import type { ObjectChange } from './object-diff.js';

/** One side of the comparison: its configuration and model. */
interface PlanSide {
  config: PlatformConfig;
  model: Model;
}

/** Everything the plan is computed from. */
export interface PlanInput {
  /** The base revision, as named for people, e.g. `HEAD`. */
  base: string;
  /** The clock's instant: window states and the simulation start there. */
  at: Date;
  before: PlanSide;
  after: PlanSide;
  changes: readonly ObjectChange[];
  /** The simulation of the working tree played after the base converged. */
  simulation: SimResult;
  /** The policies' findings on the working tree. */
  findings: readonly Finding[];
  /** Valid, unexpired override records (`changes/*.yaml`). */
  overrides: readonly OverrideRecord[];
}

/** A touched environment's change window. */
export interface PlanWindow {
  open: boolean;
  rule: string;
  /** ISO instant after which the state differs; null when it never changes. */
  nextChange: string | null;
  /** The same instant in the windows' zone, e.g. `2026-12-08 22:00 (Tue)`; null without a zone. */
  nextChangeLocal: string | null;
  timeZone: string | null;
  /** The override record that lets a change through while closed. */
  override: string | null;
}

/** What the simulation says about one touched environment. */
interface PlanConvergence {
  applications: number;
  converged: boolean;
  /** Milliseconds from the change until its last Application is Synced and Healthy; null when it is not. */
  timeToConvergeMs: number | null;
  /** The Applications that do not converge, with why. */
  blocked: { application: string; reason: string }[];
}

export interface PlanEnvironment {
  name: string;
  cluster: string;
  tier: 'development' | 'production';
  /** Services whose objects change there, by name. */
  services: string[];
  /** Object changes there. */
  objects: number;
  /** Its change windows are edited (synced by the platform project, which no window holds). */
  windowsEdited: boolean;
  window: PlanWindow;
  convergence: PlanConvergence;
}

interface PlanGrayRelease {
  service: string;
  env: string;
  stable: string;
  canary: string;
  weight: number;
  steps: number[];
  control: string;
  /** The change touches this service in this environment. */
  touched: boolean;
}

interface PlanFinding {
  severity: Finding['severity'];
  check: string;
  file: string;
  object: string | null;
  message: string;
}

/** The plan, in the shape `-o json` prints. */
export interface Plan {
  base: string;
  at: string;
  summary: string;
  environments: PlanEnvironment[];
  grayReleases: PlanGrayRelease[];
  /** The errors and warnings of the policies; the infos (headroom figures, waivers) are only counted. */
  findings: PlanFinding[];
  infos: number;
  /** Why the plan blocks (exit 1); empty when nothing does. */
  blockers: string[];
}

const envsOf = (config: PlatformConfig): EnvironmentConfig[] => config.clusters.flatMap((c) => c.environments);

/** The service each Argo CD path of either side deploys. */
function servicesByPath(sides: readonly PlanSide[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sides) for (const e of s.model.environments) for (const i of e.instances) out.set(i.path, i.service.name);
  return out;
}

/** Computes the plan; pure. */
export function buildPlan(input: PlanInput): Plan {
  const paths = servicesByPath([input.after, input.before]);
  const envConfigs = new Map([...envsOf(input.before.config), ...envsOf(input.after.config)].map((e) => [e.name, e]));
  const touched = new Map<string, { services: Set<string>; objects: number }>();
  for (const c of input.changes) {
    if (c.env === '' || !envConfigs.has(c.env)) continue;
    const t = touched.get(c.env) ?? touched.set(c.env, { services: new Set(), objects: 0 }).get(c.env)!;
    t.objects++;
    const service = paths.get(c.path);
    if (service) t.services.add(service);
  }
  const was = new Map(envsOf(input.before.config).map((e) => [e.name, e]));
  const edited = new Set(envsOf(input.after.config).filter((e) => !deepEqual(e.changeWindows, was.get(e.name)?.changeWindows)).map((e) => e.name));
  const names = [...new Set([...touched.keys(), ...edited])].sort(cmp);
  const environments = names.map((name): PlanEnvironment => {
    const env = envConfigs.get(name)!;
    const t = touched.get(name) ?? { services: new Set<string>(), objects: 0 };
    return {
      name,
      cluster: env.cluster,
      tier: env.tier,
      services: [...t.services].sort(cmp),
      objects: t.objects,
      windowsEdited: edited.has(name),
      window: windowOf(env, input),
      convergence: convergenceOf(name, input.simulation),
    };
  });
  const grayReleases = grayReleasesOf(input.after.config, touched);
  const findings = input.findings.filter((f) => f.severity !== 'info').map((f) => ({ severity: f.severity, check: f.check, file: f.file, object: f.object ?? null, message: f.message }));
  return { base: input.base, at: input.at.toISOString(), summary: diffSummary(input.changes), environments, grayReleases, findings, infos: input.findings.length - findings.length, blockers: blockersOf(environments, findings) };
}

function windowOf(env: EnvironmentConfig, input: PlanInput): PlanWindow {
  const s = stateAt(env.changeWindows, input.at);
  const zone = env.changeWindows && !env.changeWindows.alwaysOpen ? env.changeWindows.timeZone : undefined;
  const override = s.open ? undefined : input.overrides.find((r) => r.environments.includes(env.name));
  return {
    open: s.open,
    rule: s.rule,
    nextChange: s.nextChange?.toISOString() ?? null,
    nextChangeLocal: s.nextChange && zone ? formatLocal(zone, s.nextChange.getTime()) : null,
    timeZone: zone ?? null,
    override: override?.file ?? null,
  };
}

/** An environment's Applications are `<env>-…` (as `simulate --env` selects them). */
function convergenceOf(env: string, sim: SimResult): PlanConvergence {
  const apps = sim.apps.filter((a) => a.name.startsWith(`${env}-`));
  const blocked = apps.filter((a) => a.blocker).map((a) => ({ application: a.name, reason: a.blocker!.text }));
  const converged = blocked.length === 0;
  const last = Math.max(sim.start, ...apps.map((a) => a.since));
  return { applications: apps.length, converged, timeToConvergeMs: converged ? last - sim.start : null, blocked };
}

function grayReleasesOf(config: PlatformConfig, touched: ReadonlyMap<string, { services: Set<string> }>): PlanGrayRelease[] {
  const out: PlanGrayRelease[] = [];
  for (const s of config.services) {
    for (const [env, o] of Object.entries(s.environments)) {
      const c = o.grayRelease?.canary;
      if (!o.grayRelease || !c) continue;
      const g = o.grayRelease;
      out.push({ service: s.name, env, stable: o.version ?? s.version, canary: c.version, weight: c.weight, steps: [...g.steps], control: g.control, touched: touched.get(env)?.services.has(s.name) ?? false });
    }
  }
  return out.sort((a, b) => cmp(a.env, b.env) || cmp(a.service, b.service));
}

/**
 * What blocks (exit 1): any policy finding of error severity (`validate` fails on it too), and a
 * production environment whose objects change while its window is closed without an override record.
 * An edit of the windows alone does not block: the platform project syncs it, which no window holds.
 */
function blockersOf(envs: readonly PlanEnvironment[], findings: readonly PlanFinding[]): string[] {
  const out: string[] = [];
  for (const e of envs) {
    if (e.tier !== 'production' || e.objects === 0 || e.window.open || e.window.override) continue;
    out.push(`${e.name} (production) is closed: ${e.window.rule}${e.window.nextChange ? `; opens after ${e.window.nextChangeLocal ?? e.window.nextChange}` : ''}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) out.push(`${errors} policy finding${errors === 1 ? '' : 's'} of error severity`);
  return out;
}

/** 0 when nothing blocks, 1 otherwise. */
export function planExitCode(plan: Plan): number {
  return plan.blockers.length === 0 ? 0 : 1;
}
