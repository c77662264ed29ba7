/**
 * The policies of a rendered repository: one scope per Argo CD path with its environment's tier and
 * cluster version, the configuration's waivers, the capacity check per cluster and the quota check
 * per environment. Pure.
 */
import { sortFindings } from '../core/finding.js';
import { measureCapacity } from './capacity.js';
import { measureQuota } from './quota.js';
import { checkDataLayer } from './data.js';
import { checkStorageClasses } from './storage.js';
import { clusterPlatformPath } from '../render/cluster-platform.js';
import { runPolicies } from './engine.js';
import { RULES } from './rules/index.js';
/** Runs the catalogue on every rendered target of `model`, and the capacity check of every cluster with node pools. */
export function checkRepository(model, targets, rules = RULES) {
    const envs = new Map(model.environments.map((e) => [e.env.name, e]));
    const serviceOf = new Map(model.environments.flatMap((e) => e.instances.map((i) => [i.path, i.service])));
    // One object per configured waiver, so a waiver covering many paths is judged (used or not) once.
    const fromConfig = new Map();
    const toEngine = (w, source) => {
        let c = fromConfig.get(w);
        if (!c)
            fromConfig.set(w, (c = { check: w.check, reason: w.reason, source, ...(w.kind !== undefined ? { kind: w.kind } : {}), ...(w.line !== undefined ? { line: w.line } : {}) }));
        return c;
    };
    const applies = (w, env) => w.check !== 'capacity' && (w.environments === undefined || w.environments.includes(env));
    const highest = model.clusters.map((c) => c.kubernetesVersion).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop() ?? '1.31';
    const scopes = targets.map((t) => {
        const e = envs.get(t.env);
        const documents = t.objects.map((object) => ({ object, file: t.path }));
        if (!e)
            return { name: t.path, tier: 'production', kubernetesVersion: highest, documents };
        const service = serviceOf.get(t.path);
        const waivers = [
            ...(e.cluster.waivers ?? []).filter((w) => applies(w, t.env)).map((w) => toEngine(w, e.cluster.file)),
            ...(service?.waivers ?? []).filter((w) => applies(w, t.env)).map((w) => toEngine(w, service.file)),
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
    const capacity = [];
    for (const c of model.clusters) {
        if (!c.nodePools || c.nodePools.length === 0)
            continue;
        const names = new Set(c.environments.map((e) => e.name));
        const objects = targets.filter((t) => names.has(t.env)).flatMap((t) => t.objects);
        const waiver = (c.waivers ?? []).find((w) => w.check === 'capacity');
        const m = measureCapacity({ cluster: c.name, file: c.file, pools: c.nodePools, objects, ...(waiver ? { waiver: { reason: waiver.reason, ...(waiver.line !== undefined ? { line: waiver.line } : {}) } } : {}) });
        capacity.push(m.report);
        findings.push(...m.findings);
    }
    for (const e of model.environments) {
        const objects = targets.filter((t) => t.env === e.env.name).flatMap((t) => t.objects);
        const line = e.env.quota.line;
        findings.push(...measureQuota({ env: e.env.name, file: e.cluster.file, ...(line !== undefined ? { line } : {}), objects }).findings);
    }
    findings.push(...checkDataLayer(model.environments));
    for (const c of model.clusters) {
        const names = new Set(c.environments.map((e) => e.name));
        const provided = targets.filter((t) => t.path === clusterPlatformPath(c.name)).flatMap((t) => t.objects).filter((o) => o.kind === 'StorageClass').map((o) => o.metadata.name);
        findings.push(...checkStorageClasses(c.name, c.file, provided, targets.filter((t) => names.has(t.env)).map((t) => ({ path: t.path, objects: t.objects }))));
    }
    return { findings: sortFindings(findings), capacity };
}
/**
 * `validate PATH...`: the catalogue on loaded manifests. They form one scope, so references (a
 * Service's pods, an HPA's target) resolve among every file given; waivers are annotations only.
 */
export function checkManifests(documents, options = {}, rules = RULES) {
    const scope = {
        name: 'manifests',
        tier: options.tier ?? 'production',
        kubernetesVersion: options.kubernetesVersion ?? '1.31',
        documents: documents.filter((d) => d.object !== undefined).map((d) => ({ object: d.object, file: d.file, ...(d.line !== undefined ? { line: d.line } : {}) })),
    };
    return runPolicies([scope], { rules });
}
