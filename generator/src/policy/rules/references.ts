/** Objects that select or target other objects must find them (kube-linter's dangling-* checks). */
import type { Obj, Rule } from '../engine.js';
import { labelledCandidates, list, namespaceOf, objectsNamed, rec, selects, selectsMap, showSelector, str, workloadCandidates } from './pod.js';
import { isPlainObject } from '../../core/objects.js';
import { operatorPodLabels, operatorServices } from './operator-pods.js';

const where = 'in the same environment';

/** A LabelSelector with neither `matchLabels` nor `matchExpressions` (it selects everything). */
function isEmptySelector(selector: Record<string, unknown>): boolean {
  return Object.keys(rec(selector.matchLabels)).length === 0 && list(selector.matchExpressions).length === 0;
}

/** Whether a LabelSelector of `obj` matches the pods of some workload in its namespace. */
function selectsSomeWorkload(obj: Obj, neighbours: readonly Obj[], selector: Record<string, unknown>): boolean {
  return workloadCandidates(neighbours, namespaceOf(obj), selector).some((w) => selects(selector, w.pod.labels));
}

export const danglingService: Rule = {
  id: 'dangling-service',
  description: "A Service's selector matches the pods of some workload in its namespace.",
  severity: { development: 'warning', production: 'error' },
  applies: (o) => o.kind === 'Service' && o.apiVersion === 'v1' && isPlainObject(rec(o.spec).selector) && Object.keys(rec(rec(o.spec).selector)).length > 0,
  check(obj, ctx) {
    const selector = rec(rec(obj.spec).selector);
    if (workloadCandidates(ctx.neighbours, namespaceOf(obj), selector).some((w) => selectsMap(selector, w.pod.labels))) return [];
    return [ctx.report(['spec', 'selector'], `Service selects no pods: no workload ${where} has pods labelled ${showSelector(selector)}`, "make spec.selector equal the workload's pod template labels")];
  },
};

export const danglingHpa: Rule = {
  id: 'dangling-hpa',
  description: "A HorizontalPodAutoscaler's scaleTargetRef names a workload in its namespace.",
  severity: { development: 'warning', production: 'error' },
  applies: (o) => o.kind === 'HorizontalPodAutoscaler',
  check(obj, ctx) {
    const ref = rec(rec(obj.spec).scaleTargetRef);
    const found = typeof ref.name === 'string' && objectsNamed(ctx.neighbours, namespaceOf(obj), String(ref.kind), ref.name).some(
      (o) => ref.apiVersion === undefined || o.apiVersion === ref.apiVersion,
    );
    if (found) return [];
    return [ctx.report(['spec', 'scaleTargetRef'], `HorizontalPodAutoscaler targets ${String(ref.apiVersion ?? '')}${ref.apiVersion ? '/' : ''}${String(ref.kind)} "${String(ref.name)}", which does not exist ${where}`, 'name an existing Deployment, StatefulSet or Rollout (apiVersion, kind and name)')];
  },
};

/**
 * A check that the LabelSelector at `spec.<field>` of `kind` matches the pods of some workload in its
 * namespace; an empty selector selects them all.
 */
function selectsSomePods(o: Pick<Rule, 'id' | 'description' | 'severity'> & { kind: string; field: string; fails: string; onlyWhenSet: boolean; dataPods?: boolean }): Rule {
  return {
    id: o.id,
    description: o.description,
    severity: o.severity,
    applies: (x) => x.kind === o.kind && (!o.onlyWhenSet || isPlainObject(rec(x.spec)[o.field])),
    check(obj, ctx) {
      const selector = rec(rec(obj.spec)[o.field]);
      if (isEmptySelector(selector) || selectsSomeWorkload(obj, ctx.neighbours, selector)) return [];
      if (operatorPodLabels(ctx.neighbours, namespaceOf(obj)).some((labels) => selects(selector, labels))) return [];
      // A data service's pods are made by its operator, never rendered as a workload: they count where configured.
      if (o.dataPods && ctx.dataServices.some((d) => d.namespace === namespaceOf(obj) && selects(selector, d.podLabels))) return [];
      return [ctx.report(['spec', o.field], `${o.kind} ${o.fails}: no workload ${where} has pods labelled ${showSelector(selector)}`, `make spec.${o.field} match the workload's pod template labels`)];
    },
  };
}

export const danglingPdb = selectsSomePods({
  id: 'dangling-pdb',
  description: "A PodDisruptionBudget's selector matches the pods of some workload in its namespace.",
  severity: { development: 'warning', production: 'error' },
  kind: 'PodDisruptionBudget',
  field: 'selector',
  fails: 'selects no pods',
  onlyWhenSet: true,
});

export const danglingNetworkPolicy = selectsSomePods({
  id: 'dangling-networkpolicy',
  description: "A NetworkPolicy's podSelector matches some pods in its namespace (an empty selector means all of them; a configured data service's pods count).",
  severity: { development: 'warning', production: 'warning' },
  kind: 'NetworkPolicy',
  field: 'podSelector',
  fails: 'applies to no pods',
  onlyWhenSet: false,
  dataPods: true,
});

export const danglingServiceMonitor: Rule = {
  id: 'dangling-servicemonitor',
  description: 'A ServiceMonitor selects some Service, and scrapes ports that Service names.',
  severity: { development: 'warning', production: 'error' },
  applies: (o) => o.kind === 'ServiceMonitor' && String(o.apiVersion).startsWith('monitoring.coreos.com/'),
  check(obj, ctx) {
    const spec = rec(obj.spec);
    const nsSel = rec(spec.namespaceSelector);
    if (nsSel.any === true) return [];
    const namespaces = list(nsSel.matchNames).length > 0 ? list(nsSel.matchNames) : [namespaceOf(obj)];
    const services = namespaces.flatMap((ns) =>
      labelledCandidates(ctx.neighbours, String(ns), 'Service', spec.selector).filter((o) => o.apiVersion === 'v1' && selects(spec.selector, rec(rec(o.metadata).labels))),
    );
    // A Service an operator makes for a rendered custom resource counts, with its port names; so does
    // one installed outside the repository (Argo CD's metrics Services where it runs).
    const installed = (ns: string) => ctx.installedServices.filter((s) => s.namespace === ns);
    const made = namespaces.flatMap((ns) => [...operatorServices(ctx.neighbours, String(ns)), ...installed(String(ns))].filter((s) => selects(spec.selector, s.labels)));
    if (services.length === 0 && made.length > 0) {
      const madePorts = new Set(made.flatMap((m) => m.ports));
      return list(spec.endpoints).flatMap((e, i) => {
        const port = str(rec(e).port);
        if (port === undefined || madePorts.has(port)) return [];
        const whose = made.some((m) => 'namespace' in m) ? 'the installed' : "the operator's";
        return [ctx.report(['spec', 'endpoints', i, 'port'], `ServiceMonitor scrapes port "${port}", which ${whose} Service does not name (${[...madePorts].map((p) => `"${p}"`).join(', ')})`, 'scrape a port the Service has')];
      });
    }
    if (services.length === 0) {
      return [ctx.report(['spec', 'selector'], `ServiceMonitor selects no Service: none ${where} is labelled ${showSelector(spec.selector)}`, "make spec.selector match the Service's labels")];
    }
    const ports = new Set(services.flatMap((s) => list(rec(s.spec).ports).map((p) => str(rec(p).name)).filter((n) => n !== undefined)));
    return list(spec.endpoints).flatMap((e, i) => {
      const port = str(rec(e).port);
      if (port === undefined || ports.has(port)) return [];
      return [ctx.report(['spec', 'endpoints', i, 'port'], `ServiceMonitor scrapes port "${port}", which the selected Service${services.length > 1 ? 's do' : ' does'} not name (${[...ports].map((p) => `"${p}"`).join(', ') || 'no named ports'})`, 'name the port of the Service, or scrape one it has')];
    });
  },
};
