/**
 * The policies of a rendered repository: one scope per Argo CD path with its environment's tier and
 * cluster version, the configuration's waivers, the capacity check per cluster and the quota check
 * per environment. Pure.
 */
import { sortFindings, type Finding } from '../core/finding.js';
import type { PolicyWaiverConfig } from '../config/types.js';
import type { Model } from '../model/types.js';
import type { BuildTarget } from '../render/layout.js';
import { measureCapacity, type CapacityReport } from './capacity.js';
import { measureQuota } from './quota.js';
import { checkDataLayer } from './data.js';
import { checkStorageClasses } from './storage.js';
import { clusterPlatformPath } from '../render/cluster-platform.js';
import { loggingPath } from '../render/logging.js';
import { ARGOCD_METRICS, argocdMonitoringPath } from '../render/argocd-monitoring.js';
import { runPolicies, type ConfigWaiver, type Obj, type PolicyScope, type Rule, type Tier } from './engine.js';
import { RULES } from './rules/index.js';

export interface RepositoryPolicies {
  /** Rule, waiver and capacity findings (capacity headroom as `info`). */
  findings: Finding[];
  /** Headroom per cluster with node pools. */
  capacity: CapacityReport[];
}

/** Runs the catalogue on every rendered target of `model`, and the capacity check of every cluster with node pools. */
export function checkRepository(model: Model, targets: readonly BuildTarget[], rules: readonly Rule[] = RULES): RepositoryPolicies {
  const envs = new Map(model.environments.map((e) => [e.env.name, e]));
  const serviceOf = new Map(model.environments.flatMap((e) => e.instances.map((i) => [i.path, i.service] as const)));
  // One object per configured waiver, so a waiver covering many paths is judged (used or not) once.
  const fromConfig = new Map<PolicyWaiverConfig, ConfigWaiver>();
  const toEngine = (w: PolicyWaiverConfig, source: string): ConfigWaiver => {
    let c = fromConfig.get(w);
    if (!c) fromConfig.set(w, (c = { check: w.check, reason: w.reason, source, ...(w.kind !== undefined ? { kind: w.kind } : {}), ...(w.line !== undefined ? { line: w.line } : {}) }));
    return c;
  };
  const applies = (w: PolicyWaiverConfig, env: string) => w.check !== 'capacity' && (w.environments === undefined || w.environments.includes(env));
  // Argo CD's metrics Services, installed outside the repository where Argo CD runs, which its monitors select.
  const argocd = model.argocd;
  const installed = (path: string): Pick<PolicyScope, 'installedServices'> =>
    argocd.cluster !== undefined && path === argocdMonitoringPath(argocd.cluster)
      ? { installedServices: ARGOCD_METRICS.map((m) => ({ namespace: argocd.namespace, labels: m.labels, ports: m.ports })) }
      : {};
  const highest = model.clusters.map((c) => c.kubernetesVersion).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop() ?? '1.31';
  const scopes: PolicyScope[] = targets.map((t) => {
    const e = envs.get(t.env);
    const documents = t.objects.map((object) => ({ object, file: t.path }));
    if (!e) return { name: t.path, tier: 'production' as Tier, kubernetesVersion: highest, documents, ...installed(t.path) };
    const service = serviceOf.get(t.path);
    const waivers = [
      ...(e.cluster.waivers ?? []).filter((w) => applies(w, t.env)).map((w) => toEngine(w, e.cluster.file)),
      ...(service?.waivers ?? []).filter((w) => applies(w, t.env)).map((w) => toEngine(w, service!.file)),
    ];
    const dataServices = e.data.map((d) => d.service);
    return {
      name: t.path,
      env: t.env,
      tier: e.env.tier,
      kubernetesVersion: e.cluster.kubernetesVersion,
      documents,
      ...(waivers.length > 0 ? { waivers } : {}),
      ...(dataServices.length > 0 ? { dataServices } : {}),
    };
  });
  const findings = runPolicies(scopes, { rules });
  const capacity: CapacityReport[] = [];
  for (const c of model.clusters) {
    if (!c.nodePools || c.nodePools.length === 0) continue;
    const names = new Set(c.environments.map((e) => e.name));
    // The environments' objects, and the logging stack's pods on the cluster's pools (render/logging.ts).
    const objects = targets.filter((t) => names.has(t.env) || t.path === loggingPath(c.name)).flatMap((t) => t.objects as Obj[]);
    const waiver = (c.waivers ?? []).find((w) => w.check === 'capacity');
    const m = measureCapacity({ cluster: c.name, file: c.file, pools: c.nodePools, objects, ...(waiver ? { waiver: { reason: waiver.reason, ...(waiver.line !== undefined ? { line: waiver.line } : {}) } } : {}) });
    capacity.push(m.report);
    findings.push(...m.findings);
  }
  for (const e of model.environments) {
    const objects = targets.filter((t) => t.env === e.env.name).flatMap((t) => t.objects as Obj[]);
    const line = e.env.quota.line;
    findings.push(...measureQuota({ env: e.env.name, file: e.cluster.file, ...(line !== undefined ? { line } : {}), objects }).findings);
  }
  findings.push(...checkDataLayer(model.environments));
  for (const c of model.clusters) {
    const names = new Set(c.environments.map((e) => e.name));
    const provided = targets.filter((t) => t.path === clusterPlatformPath(c.name)).flatMap((t) => t.objects).filter((o) => o.kind === 'StorageClass').map((o) => o.metadata.name);
    findings.push(...checkStorageClasses(c.name, c.file, provided, targets.filter((t) => names.has(t.env)).map((t) => ({ path: t.path, objects: t.objects as Obj[] }))));
  }
  return { findings: sortFindings(findings), capacity };
}

/** Options of {@link checkManifests}. */
export interface ManifestPolicyOptions {
  /** Strictness. Default `production` (the strictest): arbitrary manifests are judged as if bound for prod. */
  tier?: Tier;
  /** Kubernetes minor version the manifests must work on. Default `1.31`, the clusters' version. */
  kubernetesVersion?: string;
}

/**
 * `validate PATH...`: the catalogue on loaded manifests. They form one scope, so references (a
 * Service's pods, an HPA's target) resolve among every file given; waivers are annotations only.
 */
export function checkManifests(documents: readonly { file: string; line?: number; object?: unknown }[], options: ManifestPolicyOptions = {}, rules: readonly Rule[] = RULES): Finding[] {
  const scope: PolicyScope = {
    name: 'manifests',
    tier: options.tier ?? 'production',
    kubernetesVersion: options.kubernetesVersion ?? '1.31',
    documents: documents.filter((d) => d.object !== undefined).map((d) => ({ object: d.object, file: d.file, ...(d.line !== undefined ? { line: d.line } : {}) })),
  };
  return runPolicies([scope], { rules });
}
