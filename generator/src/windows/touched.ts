/**
 * Which environments a change touches, decided on what Argo CD would apply there
 * (docs/change-windows.md, "Pull-request time"): an environment is touched when the objects Argo CD
 * holds for it differ between the base revision and the change, compared as objects (key order and
 * formatting aside), not as files. Pure: validate/windows-touched.ts builds the objects.
 *
 * An environment's objects are
 * - its Applications (ApplicationSets expanded) and ApplicationSets: the Argo CD objects whose
 *   `suoke-life.com/environment` label names it, else whose destination namespace is its namespace;
 * - the objects kustomize builds for the source path of each of those Applications, except Argo CD's
 *   own control plane (AppProjects, Applications, ApplicationSets, anything in the `argocd` namespace):
 *   those are synced by the platform project, which has no windows, so a change to the windows
 *   themselves can always land. An Argo CD object without an environment (the bootstrap) touches nothing.
 */

/** A file's content by repository path. */
export type Tree = ReadonlyMap<string, string>;

/** The environment label on the Argo CD objects the generator renders. */
const ENV_LABEL = 'suoke-life.com/environment';
/** The service label on generated Applications, which names the service a path deploys. */
const SERVICE_LABEL = 'suoke-life.com/service';

const CONTROL_PLANE_KINDS = new Set(['AppProject', 'Application', 'ApplicationSet']);
const ARGOCD_NAMESPACE = 'argocd';

/** One environment as the comparison needs it. */
export interface EnvironmentRef {
  name: string;
  /** Namespace of its workloads, e.g. `suoke-prod`: an Argo CD object without the label is matched by its destination. */
  namespace: string;
}

/** Built objects of one Argo CD path, or why they are not known (then the path counts as changed). */
export type PathObjects = { objects: readonly Record<string, unknown>[] } | { unbuilt: string };

/** One side of the comparison (the base revision or the change). */
export interface Side {
  /** Applications (expanded) and ApplicationSets, as Argo CD holds them. */
  argo: readonly Record<string, unknown>[];
  /**
   * Built objects of the paths to compare. A path left out of both sides is known to build the same
   * objects (its kustomize inputs are byte-identical) and cancels out.
   */
  built: ReadonlyMap<string, PathObjects>;
}

/** One difference in an environment: what differs, the Argo CD path it comes from and its service. */
export interface Difference {
  /** e.g. `changed autoscaling/v2/HorizontalPodAutoscaler suoke-prod/api-gateway (clusters/prod/prod/api-gateway)`. */
  description: string;
  /** The Argo CD path whose built objects differ; none for an Application or ApplicationSet. */
  path?: string;
  /** The service of that path (its Application's service label), when it has one. */
  service?: string;
}

/** The touched environments (sorted by name), each with what differs in it, sorted. */
export function touchedEnvironments(head: Side, base: Side, envs: readonly EnvironmentRef[]): Map<string, Difference[]> {
  const out = new Map<string, Difference[]>();
  for (const env of [...envs].sort((a, b) => cmp(a.name, b.name))) {
    const now = environmentObjects(head, env, envs);
    const before = environmentObjects(base, env, envs);
    const differences: Difference[] = [];
    for (const key of [...new Set([...now.keys(), ...before.keys()])].sort(cmp)) {
      const a = now.get(key);
      const b = before.get(key);
      // An object not built (no kustomize, a failed build) is not known to be the same: it differs.
      if (a !== undefined && b !== undefined && a.canonical === b.canonical && !a.unbuilt) continue;
      const entry = (a ?? b)!;
      const verb = b === undefined ? 'added' : a === undefined ? 'removed' : 'changed';
      differences.push({
        description: `${verb} ${entry.id}${entry.path && !entry.unbuilt ? ` (${entry.path})` : ''}`,
        ...(entry.path ? { path: entry.path } : {}),
        ...(entry.service ? { service: entry.service } : {}),
      });
    }
    if (differences.length > 0) out.set(env.name, differences);
  }
  return out;
}

interface Entry {
  id: string;
  canonical: string;
  unbuilt?: boolean;
  path?: string;
  service?: string;
}

/** The objects Argo CD applies for `env` on one side, keyed by identity (and path, for built objects). */
function environmentObjects(side: Side, env: EnvironmentRef, envs: readonly EnvironmentRef[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const add = (key: string, e: Entry) => {
    // The same identity twice (which Argo CD would refuse elsewhere) must still be compared: number it.
    let k = key;
    for (let n = 2; out.has(k); n++) k = `${key} #${n}`;
    out.set(k, e);
  };
  for (const o of side.argo) {
    if (environmentOf(o, envs) !== env.name) continue;
    const service = labelsOf(o)[SERVICE_LABEL];
    const of = typeof service === 'string' && service !== '' ? { service } : {};
    add(`argo ${idOf(o)}`, { id: idOf(o), canonical: canonical(o), ...of });
    if (o['kind'] !== 'Application') continue;
    const path = (o['spec'] as { source?: { path?: unknown } } | undefined)?.source?.path;
    const built = typeof path === 'string' ? side.built.get(path) : undefined;
    if (built === undefined || typeof path !== 'string') continue;
    const where = { path, ...of };
    if ('unbuilt' in built) {
      add(`path ${path}`, { id: `kustomize build of ${path} (${built.unbuilt})`, canonical: built.unbuilt, unbuilt: true, ...where });
      continue;
    }
    for (const obj of built.objects) {
      if (isControlPlane(obj)) continue;
      add(`path ${path} ${idOf(obj)}`, { id: idOf(obj), canonical: canonical(obj), ...where });
    }
  }
  return out;
}

/** The environment an Argo CD object belongs to: its label, else its destination namespace; `undefined` for the control plane. */
export function environmentOf(o: Record<string, unknown>, envs: readonly EnvironmentRef[]): string | undefined {
  const label = labelsOf(o)[ENV_LABEL];
  if (typeof label === 'string' && envs.some((e) => e.name === label)) return label;
  const spec = (o['spec'] ?? {}) as { destination?: { namespace?: unknown }; template?: { spec?: { destination?: { namespace?: unknown } } } };
  const ns = spec.destination?.namespace ?? spec.template?.spec?.destination?.namespace;
  return envs.find((e) => e.namespace === ns)?.name;
}

function isControlPlane(o: Record<string, unknown>): boolean {
  const group = String(o['apiVersion'] ?? '').split('/')[0];
  const ns = (o['metadata'] as { namespace?: unknown } | undefined)?.namespace;
  return (group === 'argoproj.io' && CONTROL_PLANE_KINDS.has(String(o['kind']))) || ns === ARGOCD_NAMESPACE;
}

function labelsOf(o: Record<string, unknown>): Record<string, unknown> {
  return ((o['metadata'] as { labels?: Record<string, unknown> } | undefined)?.labels ?? {}) as Record<string, unknown>;
}

/** `apiVersion/kind namespace/name`. */
function idOf(o: Record<string, unknown>): string {
  const m = (o['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
  return `${String(o['apiVersion'])}/${String(o['kind'])} ${typeof m.namespace === 'string' && m.namespace ? `${m.namespace}/` : ''}${String(m.name ?? '')}`;
}

/** JSON with map keys sorted: two objects that mean the same have the same text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort(cmp)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
