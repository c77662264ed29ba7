/**
 * `canary status <service> --env <env>`: where a gray release stands, read from the configuration
 * (what Git asks the cluster to run), for the on-call engineer during a release: the versions, the
 * weight among the steps, the analysis that can abort it, the environment's change window now, and
 * the commands that move it on. It writes nothing. The live state is the Rollout's: the last line
 * says how to read it from the cluster (the Argo Rollouts kubectl plugin).
 */
import { stableVersion, nextWeight } from '../canary/edit.js';
import type { EnvironmentConfig, GrayReleaseConfig, ServiceConfig } from '../config/types.js';
import { UsageError } from '../core/errors.js';
import { printable } from '../core/printable.js';
import { promotionOrder } from '../model/build.js';
import { formatLocal } from '../time/zone.js';
import { instantAt } from '../validate/windows-step.js';
import { stateAt } from '../windows/engine.js';
import { serviceNamed } from './edit-service.js';
import type { CommandContext } from './context.js';

export interface CanaryStatusOptions {
  service: string;
  env: string;
  output: 'text' | 'json';
  /** The instant the change window is read at, ISO-8601 with an offset. Default: now. */
  at?: string;
}

/** The status as `-o json` prints it (stable field names; `null` for what does not apply). */
interface Status {
  service: string;
  environment: string;
  cluster: string;
  namespace: string;
  stable: string;
  grayRelease: {
    steps: number[];
    pause: string;
    control: 'auto' | 'git';
    analysis: { maxErrorRate: number; maxP95LatencyMs: number; interval: string; failureLimit: number } | null;
    canary: { version: string; weight: number; nextWeight: number | null } | null;
  } | null;
  window: { open: boolean; rule: string; nextChange: string | null; nextChangeLocal: string | null };
  next: { command: string; effect: string }[];
}

/** Prints the status of one service's gray release in one environment; 0, or a usage error. */
export function runCanaryStatus(ctx: CommandContext, o: CanaryStatusOptions): number {
  const { config, service } = serviceNamed(ctx, o.service);
  const placed = config.clusters.flatMap((c) => c.environments.map((env) => ({ env, cluster: c.name }))).sort((a, b) => promotionOrder(a.env, b.env));
  const here = placed.find((p) => p.env.name === o.env);
  if (!here) throw new UsageError(`no environment \`${o.env}\`; environments: ${placed.map((p) => p.env.name).join(', ')}`);
  const status = statusOf(service, here.env, here.cluster, instantAt(ctx.now, o.at));
  ctx.stdout(o.output === 'json' ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  return 0;
}

function statusOf(service: ServiceConfig, env: EnvironmentConfig, cluster: string, at: Date): Status {
  const g = service.environments[env.name]?.grayRelease;
  const stable = stableVersion(service, env.name);
  const s = stateAt(env.changeWindows, at);
  const zone = env.changeWindows && !env.changeWindows.alwaysOpen ? env.changeWindows.timeZone : undefined;
  return {
    service: service.name,
    environment: env.name,
    cluster,
    namespace: env.namespace,
    stable,
    grayRelease: g ? grayOf(g) : null,
    window: {
      open: s.open,
      rule: s.rule,
      nextChange: s.nextChange?.toISOString() ?? null,
      nextChangeLocal: s.nextChange && zone ? formatLocal(zone, s.nextChange.getTime()) : null,
    },
    next: g ? nextCommands(service.name, env.name, stable, g) : [],
  };
}

function grayOf(g: GrayReleaseConfig): NonNullable<Status['grayRelease']> {
  const c = g.canary;
  return {
    steps: [...g.steps],
    pause: g.pause,
    control: g.control,
    analysis: g.analysis ? { maxErrorRate: g.analysis.maxErrorRate, maxP95LatencyMs: g.analysis.maxP95LatencyMs, interval: g.analysis.interval, failureLimit: g.analysis.failureLimit } : null,
    canary: c ? { version: c.version, weight: c.weight, nextWeight: nextWeight(g, c.weight) ?? null } : null,
  };
}

/** The `npm run canary` commands that apply now, each with what it does. */
function nextCommands(service: string, env: string, stable: string, g: GrayReleaseConfig): Status['next'] {
  const cmd = (action: string, extra = '') => `npm run canary -- ${action} ${service} --env ${env}${extra}`;
  const c = g.canary;
  if (!c) return [{ command: cmd('start', ' --image <version>'), effect: `release a new version to ${g.steps[0]}% of the traffic` }];
  const next = nextWeight(g, c.weight);
  const moves: Status['next'] = [];
  if (g.control === 'git' && next !== undefined) moves.push({ command: cmd('advance'), effect: `${c.weight}% → ${next}% to ${c.version}` });
  moves.push({ command: cmd('promote'), effect: `${c.version} becomes the stable version at 100%` });
  moves.push({ command: cmd('abort'), effect: `all traffic back to ${stable}` });
  return moves;
}

/** The text for a terminal. */
function formatStatus(s: Status): string {
  const where = `${s.service} in ${s.environment} (cluster ${s.cluster}, namespace ${s.namespace})`;
  const lines: string[] = [];
  const g = s.grayRelease;
  if (!g) lines.push(`${where}: no gray release; runs ${s.stable} as a Deployment`);
  else {
    const c = g.canary;
    lines.push(c ? `${where}: canary ${c.version} at ${c.weight}% of the traffic, stable ${s.stable} at ${100 - c.weight}%` : `${where}: no canary in progress; stable ${s.stable} at 100% (a Rollout)`);
    const steps = g.steps.map((w) => (c && w === c.weight ? `[${w}]` : String(w))).join(' → ');
    lines.push(`  steps: ${steps}, ${g.control === 'git' ? 'each step a reviewed commit (control: git)' : `the controller advances every ${g.pause} (control: auto)`}`);
    const a = g.analysis;
    lines.push(a ? `  analysis: every ${a.interval}, aborts after ${a.failureLimit} failed measurements above ${a.maxErrorRate * 100}% 5xx or a p95 over ${a.maxP95LatencyMs} ms` : '  analysis: none (a development tier may omit it)');
  }
  const w = s.window;
  const change = w.nextChange ? `; ${w.open ? 'closes' : 'opens'} after ${w.nextChangeLocal ?? w.nextChange}` : '';
  lines.push(`  change window: ${w.open ? 'open' : 'closed'} (${w.rule})${change}`);
  for (const n of s.next) lines.push(`  next: ${n.command}    # ${n.effect}`);
  // A change to this environment merged while its window is closed fails `validate` (docs/change-windows.md).
  if (s.next.length > 0 && !w.open) lines.push('  note: the window is closed: a change lands when it opens, or now with an override record (docs/change-windows.md#emergency-overrides)');
  if (g?.canary && g.control === 'auto') lines.push('  note: control: auto: the weight above is where the canary starts; the controller moves it, the cluster has the live weight');
  if (g) lines.push(`  live: kubectl argo rollouts get rollout ${s.service} -n ${s.namespace}`);
  return `${lines.map((l) => printable(l)).join('\n')}\n`;
}
