/**
 * The P0–P3 alerts of an environment (issue 13; the plan's 监控和告警), rendered from
 * `environments.<env>.alerts` (config/cluster/alerts-schema.ts) into its shared Application
 * (`clusters/<cluster>/<env>/shared/`), one PrometheusRule per topic. Every alert carries `priority`
 * and `severity` (render/alerts-rule.ts), a per-service one also `service`: Alertmanager routes and
 * inhibits on them. What each alert means, its threshold and its metric's source: docs/monitoring.md.
 * The promtool suite (test/monitoring/alerts-promtool.test.ts) makes every one fire and stay quiet.
 */
import { inMesh } from '../model/build.js';
import type { EnvironmentModel } from '../model/types.js';
import { prometheusRule, type RuleGroup } from './alerts-rule.js';
import { dataGroup, dataPressureGroup } from './alerts-platform.js';
import { availabilityGroup, securityGroup, workloadsGroup } from './alerts-services.js';
import { cacheQueueGroup } from './alerts-cache-queue.js';
import { businessGroup } from './alerts-business.js';
import type { PrometheusRule } from './kinds.js';

/**
 * The groups of an environment, each its own PrometheusRule. The SLO, response-time and gateway
 * alerts need the Istio sidecars' metrics, so only a meshed environment has them (an unmeshed one
 * would carry rules that can never fire), and so do the business anomalies; the gateway's only where
 * the gateway service runs. The configuration alerts read Argo CD's metrics, so they are rendered
 * where Argo CD runs (render/argocd-monitoring.ts), not here.
 */
export function alertGroups(e: EnvironmentModel): RuleGroup[] {
  const a = e.env.alerts;
  const meshed = inMesh(e.instances);
  const gateway = e.instances.some((i) => i.service.name === a.security.gateway);
  const data = dataGroup(e, a);
  const pressure = dataPressureGroup(e, a);
  const cacheQueue = cacheQueueGroup(e, a);
  const business = meshed ? businessGroup(e, a) : undefined;
  return [
    ...(meshed && e.instances.length > 0 ? [availabilityGroup(e, a)] : []),
    ...(e.instances.length > 0 ? [workloadsGroup(e, a)] : []),
    ...(meshed && gateway ? [securityGroup(e, a)] : []),
    ...(data ? [data] : []),
    ...(pressure ? [pressure] : []),
    ...(cacheQueue ? [cacheQueue] : []),
    ...(business ? [business] : []),
  ];
}

/** The PrometheusRules of {@link alertGroups}. */
export function alertRules(e: EnvironmentModel): PrometheusRule[] {
  return alertGroups(e).map((g) => prometheusRule(e, g));
}
