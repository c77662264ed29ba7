/**
 * The Kubernetes (and add-on) controllers of a workload cluster, reduced to what decides health:
 * workloads create their pods through admission (Istio injection, LimitRange, Pod Security,
 * ResourceQuota), pods become ready after {@link POD_READY_MS} when what they mount exists, and
 * each controller reports the status Argo CD's health checks read (the data-layer operators in
 * operators.ts).
 */
import { formatCpu, formatMemory, parseCpu, parseMemory } from '../core/quantity.js';
import type { Cluster, Live } from './cluster.js';
import { describe, groupKind, kindOf, list, meta, nameOf, namespaceOf, rec, str, type Obj } from './objects.js';
import { add, applyLimitRanges, injectSidecar, podCharge, ZERO, type Usage } from './pods.js';
import { nextOperatorEvent, OPERATED, operatorStatus, POD_READY_MS } from './operators.js';
import { podSecurityViolations } from './podsecurity.js';
import { eckSecrets } from './eck.js';

/** `progressDeadlineSeconds` default of Deployments and Rollouts. */
const DEFAULT_PROGRESS_DEADLINE_S = 600;

const SCALABLE = new Set(['apps/Deployment', 'apps/StatefulSet', 'argoproj.io/Rollout']);
/** Kinds whose status a controller of the simulation writes (every other object keeps its status). */
const REPORTED = new Set([...SCALABLE, 'batch/Job', 'autoscaling/HorizontalPodAutoscaler', '/PersistentVolumeClaim', 'external-secrets.io/ExternalSecret', '/Namespace', ...OPERATED]);

/** Pods of one workload generation. */
interface PodSet {
  generation: number;
  /** When each admitted pod is ready (Infinity: never, see `waiting`). */
  readyAt: number[];
  usage: Usage[];
  rejected?: string;
  waiting?: string;
}

/** A pod the API server refused: the workload and the reason, as an event. */
export interface Rejection {
  cluster: string;
  workload: string;
  /** The Application that applied the workload. */
  app?: string;
  reason: 'quota' | 'pod-security';
  message: string;
  at: number;
}

export class Workloads {
  private readonly pods = new Map<string, PodSet>();
  readonly rejections: Rejection[] = [];

  constructor(private readonly cluster: Cluster) {}

  /** Runs every controller once at `now`; returns whether anything changed. */
  reconcile(now: number): boolean {
    let changed = false;
    for (const [key, live] of this.cluster.objects) {
      const gk = groupKind(live.manifest);
      if (!REPORTED.has(gk)) continue;
      if (SCALABLE.has(gk) || gk === 'batch/Job') this.pods_(key, live, now);
      const status = this.status(key, live, gk, now);
      // An unchanged status keeps its identity, so health computed from it stays cached.
      if (status !== live.status && JSON.stringify(status) !== JSON.stringify(live.status)) {
        live.status = status;
        changed = true;
      }
      if (gk === 'external-secrets.io/ExternalSecret') changed = this.secretOf(live, now) || changed;
      for (const x of eckSecrets(live)) changed = this.putSecret(x.name, x.namespace, now) || changed;
    }
    return changed;
  }

  /** The next instant a pod becomes ready or a progress deadline passes, after `now`. */
  nextEvent(now: number): number | undefined {
    let next = Infinity;
    const operators = nextOperatorEvent(this.cluster, now);
    if (operators !== undefined) next = operators;
    for (const [key, set] of this.pods) {
      for (const r of set.readyAt) if (r > now && r < next) next = r;
      const live = this.cluster.get(key);
      if (live) {
        const deadline = live.appliedAt + progressDeadline(live) * 1000;
        if (deadline > now && deadline < next && set.readyAt.filter((r) => r <= now).length < desired(this.cluster, live)) next = deadline;
      }
    }
    return next === Infinity ? undefined : next;
  }

  private pods_(key: string, live: Live, now: number): void {
    let set = this.pods.get(key);
    if (!set || set.generation !== live.generation) {
      // A new generation replaces the pods (from empty there is no old ReplicaSet to surge over).
      if (set) this.release(set);
      set = { generation: live.generation, readyAt: [], usage: [] };
      this.pods.set(key, set);
    }
    const ns = namespaceOf(live.manifest);
    const template = rec(rec(live.manifest['spec'])['template']);
    const want = groupKind(live.manifest) === 'batch/Job' ? 1 : desired(this.cluster, live);
    while (set.readyAt.length < want) {
      const pod = this.admit(live, template, ns);
      if ('refused' in pod) {
        if (set.rejected !== pod.refused) this.rejections.push({ cluster: this.cluster.label, workload: describe(live.manifest), ...(live.owner !== undefined ? { app: live.owner } : {}), reason: pod.reason, message: pod.refused, at: now });
        set.rejected = pod.refused;
        break;
      }
      set.rejected = undefined;
      set.usage.push(pod.usage);
      this.charge(ns, pod.usage);
      set.readyAt.push(Infinity);
    }
    // Ready once what the pod mounts exists; kubelet retries a missing Secret or ConfigMap.
    if (!set.readyAt.includes(Infinity)) return;
    const missing = missingReferences(this.cluster, template, ns);
    set.waiting = missing.length > 0 ? `CreateContainerConfigError: ${missing.join(', ')} not found` : undefined;
    set.readyAt = set.readyAt.map((r) => (r === Infinity && missing.length === 0 ? now + POD_READY_MS : r));
  }

  private admit(live: Live, template: Obj, ns: string | undefined): { usage: Usage } | { refused: string; reason: Rejection['reason'] } {
    const name = `${nameOf(live.manifest)}-…`;
    const { pss, usage, unset } = this.podOf(template, ns, name);
    if (pss.length > 0) return { refused: `pod ${name} forbidden by Pod Security "restricted:latest" in ${ns}: ${pss.join('; ')}`, reason: 'pod-security' };
    for (const q of this.cluster.list('/ResourceQuota', ns)) {
      const hard = rec(rec(q.manifest['spec'])['hard']);
      const used = rec(q.status['used']);
      const tracked = (Object.keys(ZERO) as (keyof Usage)[]).filter((k) => hard[k] !== undefined);
      const unsetTracked = unset.filter((u) => tracked.some((t) => u.endsWith(t)));
      if (unsetTracked.length > 0) return { refused: `pod ${name} forbidden by ResourceQuota ${ns}/${nameOf(q.manifest)}: must specify ${unsetTracked.join(', ')}`, reason: 'quota' };
      const limits = hardLimits(hard);
      for (const k of tracked) {
        const isCpu = k.endsWith('cpu');
        const limit = limits[k];
        const now = Number(used[k] ?? 0);
        if (now + usage[k] > limit) {
          const f = isCpu ? formatCpu : formatMemory;
          return { refused: `pod ${name} rejected by ResourceQuota ${ns}/${nameOf(q.manifest)}: ${k} ${f(now + usage[k])} > ${String(hard[k])} (used ${f(now)}, this pod ${f(usage[k])}, Istio sidecar included)`, reason: 'quota' };
        }
      }
      if (hard['pods'] !== undefined && Number(used['pods'] ?? 0) + 1 > Number(hard['pods'])) return { refused: `pod ${name} rejected by ResourceQuota ${ns}/${nameOf(q.manifest)}: pods ${Number(used['pods'] ?? 0) + 1} > ${String(hard['pods'])}`, reason: 'quota' };
    }
    return { usage };
  }

  /**
   * The pod a template makes once mutated (sidecar, LimitRange defaults): its Pod Security
   * violations and what quota charges for it; computed again only when the template, the namespace
   * or its LimitRanges changed.
   */
  private podOf(template: Obj, ns: string | undefined, name: string): { pss: string[]; usage: Usage; unset: string[] } {
    const namespace = this.cluster.namespace(ns);
    const limitRanges = this.cluster.list('/LimitRange', ns).map((l) => l.manifest);
    const hit = this.podCache.get(template);
    if (hit && hit.namespace === namespace && hit.limitRanges.length === limitRanges.length && hit.limitRanges.every((l, i) => l === limitRanges[i])) return hit.value;
    const pod = applyLimitRanges(injectSidecar({ metadata: { ...meta(template), name, namespace: ns }, spec: rec(template['spec']) }, namespace), limitRanges);
    const value = { pss: podSecurityViolations(pod, namespace), ...podCharge(pod) };
    this.podCache.set(template, { namespace, limitRanges, value });
    return value;
  }

  private readonly podCache = new WeakMap<Obj, { namespace: Obj | undefined; limitRanges: Obj[]; value: { pss: string[]; usage: Usage; unset: string[] } }>();

  private charge(ns: string | undefined, usage: Usage, sign = 1): void {
    for (const q of this.cluster.list('/ResourceQuota', ns)) {
      const used = rec(q.status['used']) as Record<string, number>;
      const sum = add(Object.assign({ ...ZERO }, used), { 'requests.cpu': sign * usage['requests.cpu'], 'requests.memory': sign * usage['requests.memory'], 'limits.cpu': sign * usage['limits.cpu'], 'limits.memory': sign * usage['limits.memory'] });
      q.status = { ...q.status, used: { ...sum, pods: Number(used['pods'] ?? 0) + sign } };
    }
  }

  private release(set: PodSet): void {
    void set;
  }

  private status(key: string, live: Live, gk: string, now: number): Obj {
    const set = this.pods.get(key);
    const ready = set ? set.readyAt.filter((r) => r <= now).length : 0;
    const admitted = set?.readyAt.length ?? 0;
    const want = desired(this.cluster, live);
    const late = now >= live.appliedAt + progressDeadline(live) * 1000 && ready < want;
    const message = set?.rejected ?? set?.waiting;
    switch (gk) {
      case 'apps/Deployment': {
        const conditions = late ? [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: message ?? '' }] : [];
        return { observedGeneration: live.generation, replicas: admitted, updatedReplicas: admitted, readyReplicas: ready, availableReplicas: ready, conditions };
      }
      case 'apps/StatefulSet':
        return { observedGeneration: live.generation, replicas: admitted, readyReplicas: ready, currentReplicas: admitted, updatedReplicas: admitted };
      case 'argoproj.io/Rollout': {
        const phase = ready >= want ? 'Healthy' : late ? 'Degraded' : 'Progressing';
        return { observedGeneration: String(live.generation), phase, ...(phase !== 'Healthy' && message ? { message } : {}), availableReplicas: ready, replicas: admitted };
      }
      case 'batch/Job':
        return ready > 0 ? { conditions: [{ type: 'Complete', status: 'True' }] } : {};
      case 'autoscaling/HorizontalPodAutoscaler': {
        const ref = rec(rec(live.manifest['spec'])['scaleTargetRef']);
        const target = this.cluster.list(`${String(ref['apiVersion'] ?? '').split('/').slice(0, -1).join('/')}/${String(ref['kind'])}`, namespaceOf(live.manifest)).find((l) => nameOf(l.manifest) === ref['name']);
        return target
          ? { conditions: [{ type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale' }, { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' }] }
          : { conditions: [{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `${String(ref['kind'])} ${String(ref['name'])} not found` }] };
      }
      case '/PersistentVolumeClaim':
        return { phase: 'Bound' };
      case 'external-secrets.io/ExternalSecret':
        return { conditions: [{ type: 'Ready', status: 'True', reason: 'SecretSynced' }] };
      case '/Namespace':
        return { phase: 'Active' };
      default:
        return OPERATED.has(gk) ? operatorStatus(this.cluster, live, now) : live.status;
    }
  }

  /** External Secrets writes the target Secret (its store is a declared precondition). */
  private secretOf(live: Live, now: number): boolean {
    const spec = rec(live.manifest['spec']);
    return this.putSecret(str(rec(spec['target'])['name']) ?? nameOf(live.manifest), namespaceOf(live.manifest), now);
  }

  /** A Secret an operator writes (External Secrets, ECK), once. */
  private putSecret(name: string, namespace: string | undefined, now: number): boolean {
    const key = `/Secret/${namespace ?? ''}/${name}`;
    if (this.cluster.get(key)) return false;
    this.cluster.put(key, { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace } }, generation: 1, appliedAt: now, status: {} });
    return true;
  }
}

const hardCache = new WeakMap<Obj, Usage>();

/** A quota's `spec.hard` in millicores and bytes (0 when absent), parsed once per manifest. */
function hardLimits(hard: Obj): Usage {
  let u = hardCache.get(hard);
  if (!u) {
    const read = (k: keyof Usage) => (hard[k] === undefined ? 0 : ((k.endsWith('cpu') ? parseCpu(String(hard[k])) : parseMemory(String(hard[k]))) ?? 0));
    u = { 'requests.cpu': read('requests.cpu'), 'requests.memory': read('requests.memory'), 'limits.cpu': read('limits.cpu'), 'limits.memory': read('limits.memory') };
    hardCache.set(hard, u);
  }
  return u;
}

/** Replicas a workload runs: its HPA's minimum when one targets it (load is not simulated), else `spec.replicas` (default 1). */
function desired(cluster: Cluster, live: Live): number {
  const spec = rec(live.manifest['spec']);
  const hpa = cluster.list('autoscaling/HorizontalPodAutoscaler', namespaceOf(live.manifest)).find((h) => {
    const ref = rec(rec(h.manifest['spec'])['scaleTargetRef']);
    return ref['kind'] === kindOf(live.manifest) && ref['name'] === nameOf(live.manifest);
  });
  if (hpa) return Math.max(Number(rec(hpa.manifest['spec'])['minReplicas'] ?? 1), 1);
  return Number(spec['replicas'] ?? 1);
}

function progressDeadline(live: Live): number {
  return Number(rec(live.manifest['spec'])['progressDeadlineSeconds'] ?? DEFAULT_PROGRESS_DEADLINE_S);
}

/** Secrets and ConfigMaps the pod template needs (not `optional`) that do not exist. */
function missingReferences(cluster: Cluster, template: Obj, ns: string | undefined): string[] {
  const spec = rec(template['spec']);
  const refs = new Set<string>();
  const need = (kind: 'Secret' | 'ConfigMap', ref: unknown) => {
    const r = rec(ref);
    if (r['optional'] === true || typeof r['name'] !== 'string') return;
    refs.add(`${kind}:${r['name']}`);
  };
  for (const c of [...list(spec['containers']), ...list(spec['initContainers'])].map(rec)) {
    for (const e of list(c['envFrom']).map(rec)) {
      need('ConfigMap', e['configMapRef']);
      need('Secret', e['secretRef']);
    }
    for (const e of list(c['env']).map(rec)) {
      need('ConfigMap', rec(e['valueFrom'])['configMapKeyRef']);
      need('Secret', rec(e['valueFrom'])['secretKeyRef']);
    }
  }
  for (const v of list(spec['volumes']).map(rec)) {
    need('ConfigMap', v['configMap']);
    if (v['secret'] !== undefined) need('Secret', { name: rec(v['secret'])['secretName'], optional: rec(v['secret'])['optional'] });
  }
  return [...refs].sort().filter((r) => {
    const [kind, name] = r.split(':') as [string, string];
    return !cluster.get(`/${kind}/${ns ?? ''}/${name}`);
  }).map((r) => `${r.replace(':', ' "')}"`);
}
