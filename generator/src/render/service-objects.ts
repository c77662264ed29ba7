import { isGray } from '../model/build.js';
import type { ServiceInstance } from '../model/types.js';
import { analysisTemplate } from './analysis.js';
import { configMap, externalSecret, secretVariables } from './config.js';
import type { K8sObject } from './kinds.js';
import { edgeVirtualService, virtualService } from './mesh.js';
import { monitorLabels, podMonitor, serviceMonitor } from './monitoring.js';
import { canaryService, networkPolicy, service } from './networking.js';
import { migrationObjects } from './migrations.js';
import { serviceAccount } from './pod.js';
import { autoscaler, disruptionBudget, workload } from './workload.js';

/**
 * Every object one service runs with in one environment, exactly as the cluster should hold it
 * (namespace set, image tagged), in the order its base lists them. The Kustomize base and overlay
 * are derived from these, and `validate` proves that kustomize rebuilds them byte for byte.
 * Each family is built in its own file: pod.ts, config.ts, workload.ts (rollout.ts), networking.ts,
 * monitoring.ts, mesh.ts, analysis.ts.
 */
export function serviceObjects(i: ServiceInstance): K8sObject[] {
  const svc = service(i);
  const gray = isGray(i) ? i : undefined;
  const analysis = gray ? analysisTemplate(gray) : undefined;
  const edge = gray ? undefined : edgeVirtualService(i);
  return [
    serviceAccount(i),
    configMap(i),
    ...(secretVariables(i).length > 0 ? [externalSecret(i)] : []),
    workload(i),
    svc,
    ...(gray ? [canaryService(gray, svc)] : []),
    ...(i.autoscaling ? [autoscaler(i, i.autoscaling)] : []),
    ...(i.disruptionBudget ? [disruptionBudget(i)] : []),
    networkPolicy(i),
    // Schema migrations: a PreSync hook Job and the egress its pod needs (migrations.ts).
    ...migrationObjects(i),
    // A Rollout's pods are scraped by a PodMonitor: the controller re-points its Services (monitoring.ts).
    ...(i.service.metrics ? [gray ? podMonitor(gray, monitorLabels(i)) : serviceMonitor(i)] : []),
    // A gray release adds its traffic route and, where thresholds are set, its analysis.
    // An edge target without one gets the Gateway's route (mesh.ts).
    ...(gray ? [virtualService(gray)] : edge ? [edge] : []),
    ...(analysis ? [analysis] : []),
  ];
}
