/**
 * What a change does, object by object (`diff`, issue 14): the objects each Argo CD path is meant to
 * produce at the base revision and now, matched by group, kind, namespace and name, and for a changed
 * object the fields that changed. Lists of named items (containers, env, ports, volumes) are matched by
 * name, so a container added in front does not show every later one as changed. Pure.
 */
import type { BuildTarget } from '../render/layout.js';

/** What reviewers look for first; a field change of one of these is highlighted. */
export type Topic = 'image' | 'weight' | 'replicas' | 'resources' | 'windows';

/** One changed field: absent `before` means added, absent `after` removed. */
export interface FieldChange {
  /** e.g. `spec.template.spec.containers[name=xiaoai].image`. */
  path: string;
  before?: unknown;
  after?: unknown;
  topic?: Topic;
}

/** One object added, removed or changed in one Argo CD path. */
export interface ObjectChange {
  /** The environment; empty for a path of the Argo CD layer that serves several (`argocd/`). */
  env: string;
  /** The Argo CD path, e.g. `clusters/prod/prod/xiaoai`. */
  path: string;
  application: string;
  change: 'added' | 'removed' | 'changed';
  /** `Kind namespace/name`, e.g. `Deployment suoke-prod/xiaoai`. */
  object: string;
  /** `group/version` of the object (the head's when changed). */
  apiVersion: string;
  /** Changed fields, in document order; empty for an added or removed object. */
  fields: FieldChange[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const group = (apiVersion: unknown) => (typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

/** Identity of an object within a path: its API group (not version: a version bump is a change), kind, namespace and name. */
function identity(o: Obj): string {
  const m = isObj(o.metadata) ? o.metadata : {};
  return `${group(o.apiVersion)}|${String(o.kind)}|${String(m.namespace ?? '')}|${String(m.name ?? '')}`;
}

function label(o: Obj): string {
  const m = isObj(o.metadata) ? o.metadata : {};
  const ns = typeof m.namespace === 'string' ? `${m.namespace}/` : '';
  return `${String(o.kind)} ${ns}${String(m.name ?? '')}`;
}

/** Every object change between `base` and `head`, sorted by environment, path and object. */
export function diffTargets(base: readonly BuildTarget[], head: readonly BuildTarget[]): ObjectChange[] {
  const before = new Map(base.map((t) => [t.path, t]));
  const after = new Map(head.map((t) => [t.path, t]));
  const out: ObjectChange[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(path);
    const a = after.get(path);
    const target = (a ?? b)!;
    const old = new Map((b?.objects ?? []).map((o) => [identity(o as Obj), o as Obj]));
    const now = new Map((a?.objects ?? []).map((o) => [identity(o as Obj), o as Obj]));
    const at = { env: envOf(target), path, application: target.application };
    for (const [id, o] of now) {
      const was = old.get(id);
      if (!was) {
        out.push({ ...at, change: 'added', object: label(o), apiVersion: String(o.apiVersion), fields: [] });
        continue;
      }
      const fields = fieldChanges(was, o, '');
      if (fields.length > 0) out.push({ ...at, change: 'changed', object: label(o), apiVersion: String(o.apiVersion), fields });
    }
    for (const [id, o] of old) if (!now.has(id)) out.push({ ...at, change: 'removed', object: label(o), apiVersion: String(o.apiVersion), fields: [] });
  }
  // Environments first, then the paths of no environment (a cluster's own, the Argo CD layer), by path.
  const key = (c: ObjectChange) => `${c.env === '' ? `\uffff${c.path.startsWith('clusters/') ? 0 : 1}` : c.env}\0${c.path}\0${c.object}`;
  return out.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

/** The target's environment; an environment's Argo CD folder (`argocd/environments/<env>`) counts as its own. */
function envOf(t: BuildTarget): string {
  return t.env !== '' ? t.env : (/^argocd\/environments\/([^/]+)$/.exec(t.path)?.[1] ?? '');
}

/** The changed leaves under `a` → `b`, `at` their common path. */
function fieldChanges(a: unknown, b: unknown, at: string): FieldChange[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => fieldChanges(a[k], b[k], keyPath(at, k)));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const old = keyed(a);
    const now = keyed(b);
    if (old && now) return [...new Set([...old.keys(), ...now.keys()])].flatMap((k) => fieldChanges(old.get(k), now.get(k), `${at}[${k}]`));
    if (a.length === b.length) return a.flatMap((x, i) => fieldChanges(x, b[i], `${at}[${i}]`));
    // Lengths differ: the items added and removed, by value (an AppProject's destinations, a list of hosts).
    const removed = minus(a, b);
    const added = minus(b, a);
    return [...removed.map((x) => change(`${at}[-]`, x, undefined)), ...added.map((x) => change(`${at}[+]`, undefined, x))];
  }
  return [change(at, a, b)];
}

/** `at.key`, or `at["app.kubernetes.io/name"]` for a key that is not a plain word (labels, annotations, file names). */
function keyPath(at: string, key: string): string {
  if (!/^[A-Za-z_][\w-]*$/.test(key)) return `${at}[${JSON.stringify(key)}]`;
  return at === '' ? key : `${at}.${key}`;
}

/** The items of `a` left once each item of `b` has taken out one equal item (a multiset difference, by JSON value). */
function minus(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(JSON.stringify(x), (left.get(JSON.stringify(x)) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(JSON.stringify(x)) ?? 0;
    if (n > 0) left.set(JSON.stringify(x), n - 1);
    return n === 0;
  });
}

/**
 * The items of a list by what tells them apart, when each has it and no two share it: `name=<name>`
 * (containers, env, ports, volumes, rule groups), else for a Prometheus rule `alert=<alert>` (with
 * `,service=<service>` for one per service) or `record=<record>`. `undefined` otherwise: the list is
 * compared by position.
 */
function keyed(list: unknown[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const x of list) {
    const k = isObj(x) ? keyOf(x) : undefined;
    if (k === undefined || out.has(k)) return undefined;
    out.set(k, x);
  }
  return list.length > 0 ? out : undefined;
}

function keyOf(x: Obj): string | undefined {
  if (typeof x.name === 'string') return `name=${x.name}`;
  if (typeof x.alert === 'string') {
    const service = isObj(x.labels) && typeof x.labels.service === 'string' ? `,service=${x.labels.service}` : '';
    return `alert=${x.alert}${service}`;
  }
  return typeof x.record === 'string' ? `record=${x.record}` : undefined;
}

function change(path: string, before: unknown, after: unknown): FieldChange {
  const topic = topicOf(path);
  return { path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}), ...(topic ? { topic } : {}) };
}

/** The topic of a field path, from its last key (and for resources and windows, where it lies). */
function topicOf(path: string): Topic | undefined {
  const last = path.replace(/\[[^\]]*\]$/, '').split('.').pop() ?? '';
  // `stableVersion`, `canaryVersion`: the image versions an environment's ApplicationSet passes its services.
  if (['image', 'newTag', 'newName', 'digest', 'stableVersion', 'canaryVersion'].includes(last)) return 'image';
  if (last === 'setWeight' || last === 'weight') return 'weight';
  if (last === 'replicas' || last === 'minReplicas' || last === 'maxReplicas') return 'replicas';
  if (/(^|\.)resources(\.|$)/.test(path)) return 'resources';
  if (/(^|\.)syncWindows(\[|\.|$)/.test(path)) return 'windows';
  return undefined;
}

/** Equal values; objects equal in JSON with their keys in the same order (otherwise compared key by key). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
