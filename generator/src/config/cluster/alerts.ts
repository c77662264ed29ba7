/**
 * The thresholds of an environment's P0–P3 alerts (`environments.<env>.alerts` in
 * `clusters/<cluster>/cluster.yaml`; rendered by render/alerts.ts, explained in docs/monitoring.md).
 * The checks the declaration (./alerts-schema.ts) cannot make: durations Prometheus reads, burn-rate
 * windows in the right order, burn rates an error ratio can reach, and a gateway that is a name.
 */
import type { PathSegment } from '../yaml-source.js';
import { prometheusSeconds } from '../../time/duration.js';
import type { Finding } from '../../core/finding.js';
import { suggest } from '../../core/names.js';
import type { ParsedFile, Raw } from '../shared/checks.js';
import { isRaw, q, Reporter } from '../shared/checks.js';
import { checkName } from '../shared/names.js';

/** The duration keys of each part of `alerts`. */
const DURATIONS: Readonly<Record<string, readonly string[]>> = {
  latency: ['window', 'for'],
  unavailable: ['for'],
  resources: ['window', 'for'],
  restarts: ['window', 'crashLoopFor'],
  data: ['walArchivingFor', 'backupMargin'],
  security: ['window', 'for'],
  business: ['window', 'compareWith', 'for'],
  configuration: ['outOfSyncFor', 'syncFailedWindow'],
};

/** Checks `environments.<env>.alerts` of one environment, when it is written. */
export function checkAlerts(r: Reporter, env: string, e: Raw): void {
  const a = e.alerts;
  if (!isRaw(a)) return;
  const at = (...p: PathSegment[]) => ['environments', env, 'alerts', ...p];
  for (const [part, keys] of Object.entries(DURATIONS)) {
    const o = a[part];
    if (isRaw(o)) for (const key of keys) duration(r, at(part, key), o[key]);
  }
  if (isRaw(a.security)) checkName(r, at('security', 'gateway'), a.security.gateway, 'api-gateway');
  if (isRaw(a.business) && Array.isArray(a.business.services)) a.business.services.forEach((s, i) => checkName(r, at('business', 'services', i), s, 'api-gateway'));
  if (isRaw(a.availability)) checkBurnRates(r, at('availability'), a.availability);
}

/**
 * The business services of every environment's `alerts.business` must be services of the
 * repository: a misspelt one would leave its traffic unwatched without a word. One that exists but
 * does not run in the environment is let through (render/alerts-business.ts watches those that do):
 * a service may be listed before it reaches the environment.
 */
export function checkBusinessServices(services: readonly ParsedFile[], clusters: readonly ParsedFile[], out: Finding[], brokenServices: readonly string[]): void {
  // A service whose file did not load (its own findings say why) is no unknown name.
  const names = new Set([...services.map((f) => (typeof f.data.name === 'string' ? f.data.name : f.folder)), ...brokenServices]);
  for (const f of clusters) {
    if (!isRaw(f.data.environments)) continue;
    const r = new Reporter(f.source, out);
    for (const [env, e] of Object.entries(f.data.environments)) {
      const listed = isRaw(e) && isRaw(e.alerts) && isRaw(e.alerts.business) ? e.alerts.business.services : undefined;
      if (!Array.isArray(listed)) continue;
      listed.forEach((name, i) => {
        if (typeof name !== 'string' || names.has(name)) return;
        const path = ['environments', env, 'alerts', 'business', 'services', i];
        const near = suggest(name, names);
        r.report('unknown-service', path, `${q(path)} is \`${name}\`, which is no service of this repository (apps/*/service.yaml)`, near ? `did you mean \`${near}\`?` : 'name a service under apps/, or remove the entry');
      });
    }
  }
}

/**
 * A burn rate alerts only while the error ratio over both windows exceeds `factor` × the error
 * budget (100 % − objective): above 100 % it can never fire. The short window must be the shorter,
 * or the pair degenerates to one window that keeps firing long after the errors stopped.
 */
function checkBurnRates(r: Reporter, at: PathSegment[], availability: Raw): void {
  const objective = typeof availability.objective === 'number' && availability.objective > 0 && availability.objective < 100 ? availability.objective : 99.9;
  if (!Array.isArray(availability.burnRates)) return;
  const longs = new Map<string, number>();
  availability.burnRates.forEach((b, i) => {
    if (!isRaw(b)) return;
    const long = duration(r, [...at, 'burnRates', i, 'long'], b.long);
    // The alert is named after its long window (`ErrorBudgetBurn1h`): two of one name could not be told apart.
    const first = typeof b.long === 'string' ? longs.get(b.long) : undefined;
    if (first !== undefined) {
      r.report('burn-rate', [...at, 'burnRates', i, 'long'], `${q([...at, 'burnRates', i, 'long'])} (${String(b.long)}) is already the long window of \`burnRates[${first}]\``, 'each burn rate is the alert `ErrorBudgetBurn<long>`: give each its own long window');
    } else if (typeof b.long === 'string') longs.set(b.long, i);
    const short = duration(r, [...at, 'burnRates', i, 'short'], b.short);
    if (long !== undefined && short !== undefined && short >= long) {
      r.report(
        'burn-rate',
        [...at, 'burnRates', i, 'short'],
        `${q([...at, 'burnRates', i, 'short'])} (${String(b.short)}) is not shorter than \`long\` (${String(b.long)})`,
        'the short window shows the burn is still going on: make it shorter than the long one, the SRE workbook takes a twelfth (`5m` for `1h`)',
      );
    }
    const budget = (100 - objective) / 100;
    if (typeof b.factor === 'number' && b.factor > 0 && b.factor * budget > 1) {
      const most = Math.floor((1 / budget) * 1000) / 1000;
      r.report(
        'burn-rate',
        [...at, 'burnRates', i, 'factor'],
        `${q([...at, 'burnRates', i, 'factor'])} is ${b.factor}: with an objective of ${objective} % it fires only above an error ratio of ${round(b.factor * budget * 100)} %, so it never fires`,
        `use a factor of at most ${most} (100 / (100 - objective))`,
      );
    }
  });
}

/** Seconds of a Prometheus duration longer than zero; reports anything else (other types are the schema's). */
function duration(r: Reporter, path: PathSegment[], v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const s = prometheusSeconds(v);
  if (s !== undefined && s > 0) return s;
  r.report(
    'duration',
    path,
    s === 0 ? `${q(path)} is ${JSON.stringify(v)}; it must be longer than zero` : `${q(path)} is ${JSON.stringify(v)}, not a Prometheus duration`,
    'write whole numbers of units from `y`, `w`, `d`, `h`, `m`, `s` to `ms`, largest first, e.g. `10m`, `1h30m`, `3d`',
  );
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
