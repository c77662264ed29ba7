/**
 * The policy engine: rules over rendered (or any) Kubernetes objects, findings as values.
 *
 * Input is a list of scopes (one per Argo CD path, or one per manifest file for `validate PATH`), each
 * with its environment, tier and the cluster's Kubernetes version. Rules see one object at a time and,
 * to resolve references (a Service's pods, an HPA's target), the objects of every scope of the same
 * environment. Severities depend on the tier: `production` (staging, prod) is the strictest.
 *
 * A check is waived on one object by the annotation `policy.suoke-life.com/waive.<id>: "<reason>"`,
 * or in configuration (`waivers` in `apps/<service>/service.yaml` and `clusters/<cluster>/cluster.yaml`),
 * which the engine applies as if it were that annotation. See docs/policies.md.
 */
import { cmp, formatPath, sortFindings, type Finding, type Severity } from '../core/finding.js';
import { suggest } from '../core/names.js';
import { isPlainObject, objectId } from '../core/objects.js';
import { MIN_WAIVER_REASON } from '../config/shared/waivers.js';
import type { DataService } from '../model/types.js';

/** How strict the policies are: `production` for staging and prod, `development` for dev and test. */
export type Tier = 'development' | 'production';

/** A rule's severity in one tier; `off` means the rule does not run there. */
type RuleSeverity = Severity | 'off';

/** A Kubernetes object as parsed; rules guard every field they read. */
export type Obj = Record<string, unknown>;

/** A path inside an object: segments (`['spec', 'replicas']`) or an already formatted string. */
type ObjPath = readonly (string | number)[] | string;

/** What a rule sees besides the object. */
export interface RuleContext {
  tier: Tier;
  /** Kubernetes minor version of the target cluster, e.g. `1.31`. */
  kubernetesVersion: string;
  /** Environment name, when known. */
  env?: string;
  /** Objects references may point to: every scope of the same environment (the object's own scope included). */
  neighbours: readonly Obj[];
  /** Where the environment's data services run (configuration `dataServices`); none outside the repository. */
  dataServices: readonly DataService[];
  /** Services installed outside the repository that the scope's objects may select, e.g. Argo CD's metrics Services. */
  installedServices: readonly InstalledService[];
  /** A finding of this rule on the object being checked; `severity` overrides the rule's severity for the tier. */
  report(path: ObjPath, message: string, hint?: string, severity?: Severity): Finding;
}

/** One check. `id` is reported as `policy/<id>`. */
export interface Rule {
  id: string;
  /** One line for the catalogue (docs/policies.md, SARIF rule descriptions). */
  description: string;
  severity: Record<Tier, RuleSeverity>;
  /** Whether the rule looks at this object at all. */
  applies(obj: Obj): boolean;
  /** Findings on the object; empty when it complies. Never throws on odd shapes. */
  check(obj: Obj, ctx: RuleContext): Finding[];
}

/** A waiver declared in configuration, applied to every object of its scope (optionally one kind). */
export interface ConfigWaiver {
  /** Rule id without the `policy/` prefix, e.g. `image-digest`. */
  check: string;
  /** Why the check does not apply; required. */
  reason: string;
  /** Only objects of this kind, e.g. `Deployment`. Default: every kind. */
  kind?: string;
  /** Where it is declared, e.g. `apps/xiaoai/service.yaml`; named in the findings. */
  source: string;
  /** Its line in `source`, when known. */
  line?: number;
}

/** One object and where it was read from. */
interface PolicyDocument {
  object: unknown;
  /** File the object is reported in: the Argo CD path, or the manifest file. */
  file: string;
  /** 1-based line of the object's document, when known. */
  line?: number;
}

/** A unit the engine checks: one Argo CD path, or the manifests of `validate PATH`. */
export interface PolicyScope {
  /** The Argo CD path or a file name; scopes without `env` see only their own objects. */
  name: string;
  env?: string;
  tier: Tier;
  /** Kubernetes minor version of the target cluster, e.g. `1.31`. */
  kubernetesVersion: string;
  documents: PolicyDocument[];
  /** Waivers from configuration for every object of the scope. Default none. */
  waivers?: ConfigWaiver[];
  /** The environment's data services, from configuration. Default none. */
  dataServices?: readonly DataService[];
  /** Services installed outside the repository, in the scope's cluster. Default none. */
  installedServices?: readonly InstalledService[];
}

/**
 * A Service installed outside the repository (its upstream's manifests define it), which a rendered
 * ServiceMonitor may select: where it is, its labels and its port names.
 */
export interface InstalledService {
  namespace: string;
  labels: Readonly<Record<string, string>>;
  ports: readonly string[];
}

/** Options of {@link runPolicies}. */
export interface PolicyOptions {
  /** The rules to run. Default: the whole catalogue ({@link RULES} in `rules/index.ts`). */
  rules: readonly Rule[];
}

/** Annotation prefix of a waiver: `policy.suoke-life.com/waive.<id>`. */
const WAIVER_PREFIX = 'policy.suoke-life.com/waive.';

/** Runs every rule on every object of every scope. Pure; findings sorted. */
export function runPolicies(scopes: readonly PolicyScope[], options: PolicyOptions): Finding[] {
  const rules = options.rules;
  const known = new Set(rules.map((r) => r.id));
  const byEnv = new Map<string, Obj[]>();
  const envKey = (s: PolicyScope) => (s.env !== undefined ? `env:${s.env}` : `scope:${s.name}`);
  for (const s of scopes) {
    const list = byEnv.get(envKey(s)) ?? [];
    for (const d of s.documents) if (isPlainObject(d.object)) list.push(d.object);
    byEnv.set(envKey(s), list);
  }
  const out: Finding[] = [];
  // A config waiver may cover many scopes (a cluster's, every path of an environment): it is unused
  // only when it waived nothing in any of them.
  const used = new Map<ConfigWaiver, number>();
  for (const scope of scopes) {
    const neighbours = byEnv.get(envKey(scope)) ?? [];
    for (const w of scope.waivers ?? []) used.set(w, used.get(w) ?? 0);
    for (const doc of scope.documents) {
      const obj = doc.object;
      if (!isPlainObject(obj) || typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') continue;
      const where = { file: doc.file, ...(doc.line !== undefined ? { line: doc.line } : {}), object: objectId(obj) };
      const waivers = collectWaivers(obj, scope, known, where, out);
      const suppressed = new Map<string, number>();
      for (const rule of rules) {
        const severity = rule.severity[scope.tier];
        if (severity === 'off' || !rule.applies(obj)) continue;
        const ctx: RuleContext = {
          tier: scope.tier,
          kubernetesVersion: scope.kubernetesVersion,
          ...(scope.env !== undefined ? { env: scope.env } : {}),
          neighbours,
          dataServices: scope.dataServices ?? [],
          installedServices: scope.installedServices ?? [],
          report: (path, message, hint, override) => ({
            check: `policy/${rule.id}`,
            severity: override ?? severity,
            ...where,
            ...(path.length > 0 ? { path: typeof path === 'string' ? path : formatPath(path) } : {}),
            message,
            ...(hint !== undefined ? { hint } : {}),
          }),
        };
        const found = rule.check(obj, ctx);
        if (found.length === 0) continue;
        if (waivers.has(rule.id)) suppressed.set(rule.id, (suppressed.get(rule.id) ?? 0) + found.length);
        else out.push(...found);
      }
      for (const [id, w] of waivers) {
        const n = suppressed.get(id) ?? 0;
        if (w.config) used.set(w.config, (used.get(w.config) ?? 0) + n);
        if (n > 0) out.push(waivedFinding(where, id, n, w.reason, w.config?.source));
        else if (!w.config) out.push(unusedFinding(where, id, `annotation ${WAIVER_PREFIX}${id}`));
      }
    }
  }
  for (const [w, n] of used) if (n === 0) out.push(unusedFinding({ file: w.source, ...(w.line !== undefined ? { line: w.line } : {}) }, w.check, 'a waiver'));
  return sortFindings(dedupe(out));
}

interface ActiveWaiver {
  reason: string;
  config?: ConfigWaiver;
}

/** The waivers on one object: its annotations, then the scope's config waivers (an annotation wins). */
function collectWaivers(obj: Obj, scope: PolicyScope, known: Set<string>, where: { file: string; line?: number; object: string }, out: Finding[]): Map<string, ActiveWaiver> {
  const waivers = new Map<string, ActiveWaiver>();
  const meta = isPlainObject(obj.metadata) ? obj.metadata : {};
  const annotations = isPlainObject(meta.annotations) ? meta.annotations : {};
  for (const key of Object.keys(annotations).sort(cmp)) {
    if (!key.startsWith(WAIVER_PREFIX)) continue;
    const id = key.slice(WAIVER_PREFIX.length);
    const path = formatPath(['metadata', 'annotations', key]);
    if (!known.has(id)) {
      const near = suggest(id, known);
      out.push({
        check: 'policy/waiver-unknown',
        severity: 'error',
        ...where,
        path,
        message: `waiver for unknown check "${id}"${near ? `, did you mean "${near}"?` : ''}`,
        hint: 'name a check id from docs/policies.md, without the `policy/` prefix',
      });
      continue;
    }
    const reason = annotations[key];
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length < MIN_WAIVER_REASON) {
      out.push({
        check: 'policy/waiver-reason',
        severity: 'error',
        ...where,
        path,
        message: text === '' ? `waiver of policy/${id} has no reason; the check still applies` : `waiver of policy/${id} gives the reason ${JSON.stringify(text)}, too short to tell a reviewer why; the check still applies`,
        hint: `write why the check does not apply here, in a sentence (at least ${MIN_WAIVER_REASON} characters): ${key}: "<reason>"`,
      });
      continue;
    }
    waivers.set(id, { reason: text });
  }
  const kind = String(obj.kind);
  for (const w of scope.waivers ?? []) {
    if (w.kind !== undefined && w.kind !== kind) continue;
    if (!waivers.has(w.check)) waivers.set(w.check, { reason: w.reason, config: w });
  }
  return waivers;
}

function waivedFinding(where: { file: string; line?: number; object: string }, id: string, n: number, reason: string, source: string | undefined): Finding {
  return {
    check: 'policy/waived',
    severity: 'info',
    ...where,
    message: `policy/${id} waived${source ? ` in ${source}` : ''} (${n} finding${n === 1 ? '' : 's'}): ${reason}`,
    hint: 'remove the waiver once the object complies',
  };
}

function unusedFinding(where: { file: string; line?: number; object?: string }, id: string, what: string): Finding {
  return {
    check: 'policy/waiver-unused',
    severity: 'warning',
    ...where,
    message: `${what} waives policy/${id}, which finds nothing to waive here`,
    hint: 'remove the waiver',
  };
}

/** The same finding twice (a rule reaching one field by two routes) is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = JSON.stringify([f.check, f.file, f.line, f.object, f.path, f.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
