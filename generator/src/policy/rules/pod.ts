/** Where the pods of a workload are described, and small readers every rule shares. */
import type { Obj } from '../engine.js';
import { isPlainObject } from '../../core/objects.js';

export const rec = (v: unknown): Obj => (isPlainObject(v) ? v : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export type Segments = (string | number)[];

/** Kinds with a pod template at `spec.template` (Argo Rollouts' `Rollout` included). */
const TEMPLATED = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Rollout', 'ReplicationController']);

/** The pod template of a workload: its spec, labels, and the path to the spec. */
export interface PodTemplate {
  spec: Obj;
  /** Path of the pod spec, e.g. `['spec', 'template', 'spec']`. */
  at: Segments;
  labels: Record<string, unknown>;
}

/** The pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Rollout or Pod. */
export function podTemplate(obj: Obj): PodTemplate | undefined {
  const kind = obj.kind;
  const spec = rec(obj.spec);
  if (kind === 'Pod') return isPlainObject(obj.spec) ? { spec: obj.spec, at: ['spec'], labels: rec(rec(obj.metadata).labels) } : undefined;
  let template: unknown;
  let at: Segments;
  if (kind === 'CronJob') {
    template = rec(rec(rec(spec.jobTemplate).spec).template);
    at = ['spec', 'jobTemplate', 'spec', 'template'];
  } else if (typeof kind === 'string' && TEMPLATED.has(kind)) {
    template = spec.template;
    at = ['spec', 'template'];
  } else return undefined;
  if (!isPlainObject(template) || !isPlainObject(template.spec)) return undefined;
  return { spec: template.spec, at: [...at, 'spec'], labels: rec(rec(template.metadata).labels) };
}

export function isWorkload(obj: Obj): boolean {
  return podTemplate(obj) !== undefined;
}

/** Long-running workloads (not Jobs, CronJobs or bare Pods): they need probes and replicas. */
export function isService(obj: Obj): boolean {
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout', 'ReplicaSet', 'ReplicationController'].includes(String(obj.kind));
}

/** One container with its path. */
export interface Container {
  c: Obj;
  at: Segments;
  name: string;
  init: boolean;
}

/** Containers and init containers of a pod spec. */
export function containers(pod: PodTemplate, withInit = true): Container[] {
  const out: Container[] = [];
  const add = (field: string, init: boolean) =>
    list(pod.spec[field]).forEach((c, i) => {
      if (isPlainObject(c)) out.push({ c, at: [...pod.at, field, i], name: str(c.name) ?? `#${i}`, init });
    });
  add('containers', false);
  if (withInit) add('initContainers', true);
  return out;
}

/** `container "x"` or `init container "x"`. */
export function label(c: Container): string {
  return `${c.init ? 'init container' : 'container'} "${c.name}"`;
}

export function namespaceOf(o: Obj): string {
  return str(rec(o.metadata).namespace) ?? '';
}

export function nameOf(o: Obj): string {
  return str(rec(o.metadata).name) ?? '';
}

/** The string-valued entries of a map (labels, a node selector); anything else is left out. */
export function stringMap(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(rec(v)).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The value at `path` (keys and list indexes) under `v`; undefined past anything that is not an object. */
export function valueAt(v: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((x, k) => (Array.isArray(x) ? x[Number(k)] : rec(x)[String(k)]), v);
}

/** `<group>/<Kind>` of an object, the core group empty: `postgresql.cnpg.io/Cluster`, `/PersistentVolumeClaim`. */
export function groupKind(o: Obj): string {
  const api = String(o.apiVersion);
  return `${api.includes('/') ? api.split('/')[0] : ''}/${String(o.kind)}`;
}

/** Whether a LabelSelector (`matchLabels`, `matchExpressions`) selects these labels. An empty selector selects everything. */
export function selects(selector: unknown, labels: Record<string, unknown>): boolean {
  const s = rec(selector);
  for (const [k, v] of Object.entries(rec(s.matchLabels))) if (labels[k] !== v) return false;
  for (const e of list(s.matchExpressions)) {
    const x = rec(e);
    const key = str(x.key);
    if (key === undefined) continue;
    const value = labels[key];
    const values = list(x.values);
    const op = x.operator;
    if (op === 'In' && !values.includes(value)) return false;
    if (op === 'NotIn' && value !== undefined && values.includes(value)) return false;
    if (op === 'Exists' && value === undefined) return false;
    if (op === 'DoesNotExist' && value !== undefined) return false;
  }
  return true;
}

/** Whether a plain map selector (a Service's `spec.selector`) selects these labels. */
export function selectsMap(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** `app=x,tier=y` for messages. */
export function showSelector(selector: unknown): string {
  const s = rec(selector);
  const m = isPlainObject(s.matchLabels) || isPlainObject(s.matchExpressions) || Array.isArray(s.matchExpressions) ? rec(s.matchLabels) : s;
  const parts = Object.entries(m).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of list(s.matchExpressions)) {
    const x = rec(e);
    parts.push(`${String(x.key)} ${String(x.operator)}${list(x.values).length ? ` (${list(x.values).join(', ')})` : ''}`);
  }
  return parts.join(',');
}

type Workload = { obj: Obj; pod: PodTemplate };

/** Appends `value` to the list under `key`. */
function fileUnder<T>(map: Map<string, T[]>, key: string, value: T): void {
  const found = map.get(key);
  if (found) found.push(value);
  else map.set(key, [value]);
}

const groupings = new WeakMap<readonly Obj[], Map<string, Map<string, unknown[]>>>();

/**
 * `objects` grouped under the keys `keysOf` gives each (none, one or several), lists in list order.
 * Built once per object list and grouping `name`, so checks that look up the objects behind every
 * Service, PDB, HPA or policy stay linear in the size of an environment.
 */
function grouped<T>(objects: readonly Obj[], name: string, keysOf: (o: Obj) => Iterable<[key: string, value: T]>): Map<string, T[]> {
  let byName = groupings.get(objects);
  if (!byName) groupings.set(objects, (byName = new Map()));
  let groups = byName.get(name) as Map<string, T[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const o of objects) for (const [key, value] of keysOf(o)) fileUnder(groups, key, value);
    byName.set(name, groups as Map<string, unknown[]>);
  }
  return groups;
}

/** The `key=value` pairs a selector requires (`matchLabels`, or a plain label map); none when it requires none by value. */
function requiredPairs(selector: unknown): [string, unknown][] {
  const s = rec(selector);
  return Object.entries(isPlainObject(s.matchLabels) ? s.matchLabels : isPlainObject(s.matchExpressions) || Array.isArray(s.matchExpressions) ? {} : s);
}

/** Every pair must match, so the smallest group of any one pair (`<prefix>key=value`) holds all matches. */
function narrowest<T>(groups: Map<string, T[]>, prefix: string, pairs: readonly [string, unknown][]): T[] {
  let best: T[] | undefined;
  for (const [k, v] of pairs) {
    const group = groups.get(`${prefix}${k}=${String(v)}`) ?? [];
    if (!best || group.length < best.length) best = group;
  }
  return best ?? [];
}

/** Workloads by namespace (`ns`) and by pod label (`ns|key=value`). */
function workloads(objects: readonly Obj[]): Map<string, Workload[]> {
  return grouped(objects, 'workloads', function* (o) {
    const pod = podTemplate(o);
    if (!pod) return;
    const ns = namespaceOf(o);
    const w = { obj: o, pod };
    yield [ns, w];
    for (const [k, v] of Object.entries(pod.labels)) yield [`${ns}|${k}=${String(v)}`, w];
  });
}

/** Workloads among `objects` in namespace `ns`. */
function workloadsIn(objects: readonly Obj[], ns: string): Workload[] {
  return workloads(objects).get(ns) ?? [];
}

/**
 * The workloads in `ns` that could match `selector` (a LabelSelector or a plain map), narrowed by its
 * least common `matchLabels` (or map) pair; callers still apply the full selector.
 */
export function workloadCandidates(objects: readonly Obj[], ns: string, selector: unknown): Workload[] {
  const pairs = requiredPairs(selector);
  return pairs.length === 0 ? workloadsIn(objects, ns) : narrowest(workloads(objects), `${ns}|`, pairs);
}

/**
 * Objects of `kind` in `ns` whose own labels may match `selector`: a superset of those it selects,
 * in list order (callers still apply the selector).
 */
export function labelledCandidates(objects: readonly Obj[], ns: string, kind: string, selector: unknown): Obj[] {
  const pairs = requiredPairs(selector);
  if (pairs.length === 0) return objectsOfKind(objects, ns, kind);
  const byLabel = grouped(objects, `labels of ${kind}`, function* (o) {
    if (o.kind !== kind) return;
    for (const [k, v] of Object.entries(rec(rec(o.metadata).labels))) yield [`${namespaceOf(o)}|${k}=${String(v)}`, o];
  });
  return narrowest(byLabel, `${ns}|`, pairs);
}

const selectorIndexes = new WeakMap<readonly Obj[], Map<string, { byPair: Map<string, Obj[]>; rest: Obj[]; order: Map<Obj, number> }>>();

/**
 * Objects of `kind` in `ns` whose selector (`selectorOf`, named by `field` for the index) may select
 * pods labelled `labels`: a superset of those that do, in list order (callers still apply the
 * selector). Each object is filed under the least common pair its selector requires.
 */
export function selectorCandidates(objects: readonly Obj[], ns: string, kind: string, field: string, selectorOf: (o: Obj) => unknown, labels: Record<string, unknown>): Obj[] {
  let byKind = selectorIndexes.get(objects);
  if (!byKind) selectorIndexes.set(objects, (byKind = new Map()));
  const key = `${ns}|${kind}|${field}`;
  let ix = byKind.get(key);
  if (!ix) {
    const all = objectsOfKind(objects, ns, kind);
    ix = { byPair: new Map(), rest: [], order: new Map(all.map((o, i) => [o, i])) };
    const count = new Map<string, number>();
    const pairsOf = all.map((o) => requiredPairs(selectorOf(o)).map(([k, v]) => `${k}=${String(v)}`));
    for (const pairs of pairsOf) for (const p of pairs) count.set(p, (count.get(p) ?? 0) + 1);
    all.forEach((o, i) => {
      const pairs = pairsOf[i]!;
      if (pairs.length === 0) ix!.rest.push(o);
      else fileUnder(ix!.byPair, pairs.reduce((a, b) => (count.get(b)! < count.get(a)! ? b : a)), o);
    });
    byKind.set(key, ix);
  }
  const order = ix.order;
  const out = [...ix.rest];
  for (const [k, v] of Object.entries(labels)) out.push(...(ix.byPair.get(`${k}=${String(v)}`) ?? []));
  return out.length > 1 ? out.sort((a, b) => order.get(a)! - order.get(b)!) : out;
}

/** Objects of `kind` named `name` in `ns`, in list order. */
export function objectsNamed(objects: readonly Obj[], ns: string, kind: string, name: string): Obj[] {
  const byName = grouped(objects, 'names', (o) => [[`${namespaceOf(o)}|${String(o.kind)}|${nameOf(o)}`, o]]);
  return byName.get(`${ns}|${kind}|${name}`) ?? [];
}

/** The first HorizontalPodAutoscaler among `objects` that scales `obj`. */
export function autoscalerOf(obj: Obj, objects: readonly Obj[]): Obj | undefined {
  const byTarget = grouped(objects, 'autoscaler targets', function* (o) {
    if (o.kind !== 'HorizontalPodAutoscaler') return;
    const ref = rec(rec(o.spec).scaleTargetRef);
    yield [`${namespaceOf(o)}|${String(ref.kind)}|${String(ref.name)}`, o];
  });
  return byTarget.get(`${namespaceOf(obj)}|${String(obj.kind)}|${nameOf(obj)}`)?.find((h) => targets(h, obj));
}

/** Objects of `kind` in namespace `ns` among `objects`. */
export function objectsOfKind(objects: readonly Obj[], ns: string, kind: string): Obj[] {
  const byKind = grouped(objects, 'kinds', (o) => [[`${namespaceOf(o)}|${String(o.kind)}`, o]]);
  return byKind.get(`${ns}|${kind}`) ?? [];
}

/**
 * The smallest number of pods the workload runs: the HPA's `minReplicas` when an HPA among
 * `objects` scales it, else `spec.replicas` (default 1). `undefined` for kinds without replicas.
 */
export function minimumReplicas(obj: Obj, objects: readonly Obj[]): number | undefined {
  if (!['Deployment', 'StatefulSet', 'Rollout', 'ReplicaSet', 'ReplicationController'].includes(String(obj.kind))) return undefined;
  const hpa = autoscalerOf(obj, objects);
  if (hpa) {
    const min = rec(hpa.spec).minReplicas;
    return typeof min === 'number' ? min : 1;
  }
  const r = rec(obj.spec).replicas;
  return typeof r === 'number' ? r : 1;
}

/** Whether an HPA's `scaleTargetRef` names this object. */
function targets(hpa: Obj, obj: Obj): boolean {
  const ref = rec(rec(hpa.spec).scaleTargetRef);
  return ref.kind === obj.kind && ref.name === nameOf(obj) && (ref.apiVersion === undefined || ref.apiVersion === obj.apiVersion);
}
