import { cmp } from '../core/finding.js';
import type { Model } from '../model/types.js';
import { ADDONS_FILE } from '../config/addons/checks.js';
import { ADDONS_PROJECT, addonApplications, addonsProject } from './argocd-addons.js';
import { alertingApplication, alertingObjects, alertingPath } from './alerting.js';
import { monitoringStackApplication, monitoringStackObjects, monitoringStackPath } from './monitoring-stack.js';
import { argocdMonitoringApplication, argocdMonitoringObjects, argocdMonitoringPath } from './argocd-monitoring.js';
import { loggingApplication, loggingObjects, loggingPath } from './logging.js';
import { clusterPlatformApplication, clusterPlatformObjects, clusterPlatformPath } from './cluster-platform.js';
import { SYNC_RETRY } from './argocd-apps.js';
import { environmentObjects, environmentRoot } from './argocd-environments.js';
import { HEALTH_GATE, healthConfigMap } from './argocd-health.js';
import { environmentProject, platformProject } from './argocd-projects.js';
import { projectName } from './conventions.js';
import { BOOTSTRAP_WAVES } from './argocd-waves.js';
import { MANAGED_BY, PART_OF } from './conventions.js';
import type { RenderedFile } from '../core/generated-files.js';
import { yamlFile, yamlStream } from './files.js';
import type { BuildTarget } from './layout.js';
import type { Application, K8sObject } from './kinds.js';

/** The in-cluster API server, where Argo CD itself runs. */
const IN_CLUSTER = 'https://kubernetes.default.svc';
const PLATFORM_PROJECT = 'suoke-platform';
const BOOTSTRAP_APPLICATION = 'suoke-life-bootstrap';

/** Path Argo CD builds for its own objects (the bootstrap Application points here). */
export const ARGOCD_PATH = 'argocd';

/** Directory of an environment's root Application: `argocd/environments/<env>`. */
function environmentPath(env: string): string {
  return `${ARGOCD_PATH}/environments/${env}`;
}

/**
 * The Argo CD layer. `argocd/bootstrap.yaml` (platform AppProject + bootstrap Application) is applied
 * once by hand; the bootstrap Application then syncs `argocd/` — itself included — in waves: the
 * AppProjects and the `argocd-cm` health patch, then one root Application per environment. Each root
 * syncs `argocd/environments/<env>/`: the environment's foundation Application, then its
 * ApplicationSet generating one Application per service instance. Every Application path is a build
 * target.
 */
export function renderArgo(model: Model, targets: readonly BuildTarget[]): { files: RenderedFile[]; targets: BuildTarget[] } {
  const a = model.argocd;
  const sources = [a.file, 'clusters/*/cluster.yaml', 'apps/*/service.yaml'];
  const labels = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY };
  const docs: { file: string; objects: K8sObject[]; sources?: string[] }[] = [];

  const bootstrap: Application = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    // No resources finalizer: deleting the bootstrap Application must not cascade to every environment.
    metadata: { name: BOOTSTRAP_APPLICATION, namespace: a.namespace, labels: { ...labels, [HEALTH_GATE.label]: HEALTH_GATE.none } },
    spec: {
      project: PLATFORM_PROJECT,
      source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: ARGOCD_PATH },
      destination: { server: IN_CLUSTER, namespace: a.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['PruneLast=true'], retry: SYNC_RETRY },
    },
  };
  docs.push({ file: 'bootstrap.yaml', objects: [platformProject(a, PLATFORM_PROJECT, IN_CLUSTER, labels), bootstrap] });
  docs.push({ file: 'config/argocd-cm.yaml', objects: [healthConfigMap(a.namespace)] });
  // The add-ons (platform/addons.yaml): their Applications gate the bootstrap's later waves, so the
  // operators and CRDs are Healthy before any environment root syncs.
  const addons = addonApplications(a, model.addons, model.clusters, labels);
  const addonSources = [...sources, ADDONS_FILE];
  for (const x of addons) docs.push({ file: x.file, objects: [x.application], sources: addonSources });
  // Each cluster's storage class and backups, after the add-ons (Velero's CRDs), before the environments.
  const platform = renderClusterPlatforms(model, labels);
  for (const x of platform.applications) docs.push({ file: x.file, objects: [x.application] });
  const projectApps = [...addons.map((x) => x.application), ...platform.applications.map((x) => x.application)];
  if (projectApps.length > 0) docs.push({ file: `projects/${ADDONS_PROJECT}.yaml`, objects: [addonsProject(a, projectApps, labels)], sources: addonSources });

  const out: RenderedFile[] = [];
  const envTargets: BuildTarget[] = [];
  for (const e of model.environments) {
    const env = e.env.name;
    const envLabels = { ...labels, 'suoke-life.com/environment': env };
    docs.push({ file: `projects/${projectName(env)}.yaml`, objects: [environmentProject(a, e, targets, envLabels)] });
    const ea = { argo: a, env: e, inCluster: IN_CLUSTER, platformProject: PLATFORM_PROJECT, path: environmentPath(env), labels: envLabels, data: targets.some((t) => t.path === e.dataPath), edge: targets.some((t) => t.path === e.edgePath), verification: targets.some((t) => t.path === e.verificationPath) };
    const root = environmentRoot(ea, String(BOOTSTRAP_WAVES.environments));
    docs.push({ file: `environments/${env}.yaml`, objects: [root] });
    const inside = environmentObjects(ea);
    out.push(...inside.map((d) => yamlFile(`${ea.path}/${d.file}`, sources, d.object)), kustomization(ea.path, sources, inside.map((d) => d.file)));
    envTargets.push({ path: ea.path, application: root.metadata.name, env: '', objects: inside.map((d) => d.object) });
  }

  docs.sort((x, y) => cmp(x.file, y.file));
  const files = docs.map((d) =>
    d.objects.length === 1 ? yamlFile(`${ARGOCD_PATH}/${d.file}`, d.sources ?? sources, d.objects[0]) : yamlStream(`${ARGOCD_PATH}/${d.file}`, d.sources ?? sources, d.objects),
  );
  files.push(kustomization(ARGOCD_PATH, sources, docs.map((d) => d.file)), ...out, ...platform.files);
  return {
    files,
    targets: [{ path: ARGOCD_PATH, application: BOOTSTRAP_APPLICATION, env: '', objects: docs.flatMap((d) => d.objects) }, ...envTargets, ...platform.targets],
  };
}

/**
 * The clusters' platform folders (render/cluster-platform.ts), alerting folders (render/alerting.ts),
 * monitoring folders (render/monitoring-stack.ts), the Argo CD monitoring folder of the cluster Argo CD
 * runs in (render/argocd-monitoring.ts) and logging folders (render/logging.ts),
 * their Applications and build targets.
 */
function renderClusterPlatforms(model: Model, labels: Record<string, string>): { files: RenderedFile[]; targets: BuildTarget[]; applications: { file: string; application: Application }[] } {
  const files: RenderedFile[] = [];
  const targets: BuildTarget[] = [];
  const applications: { file: string; application: Application }[] = [];
  for (const c of model.clusters) {
    const parts: { objects: { file: string; object: K8sObject }[]; dir: string; file: string; application: () => Application; from?: string[] }[] = [
      { objects: clusterPlatformObjects(c, labels), dir: clusterPlatformPath(c.name), file: `platform/${c.name}.yaml`, application: () => clusterPlatformApplication(model.argocd, c, ADDONS_PROJECT, labels) },
      { objects: alertingObjects(c, labels), dir: alertingPath(c.name), file: `platform/${c.name}-alerting.yaml`, application: () => alertingApplication(model.argocd, c, ADDONS_PROJECT, labels) },
      { objects: monitoringStackObjects(c, model.argocd, labels), dir: monitoringStackPath(c.name), file: `platform/${c.name}-monitoring.yaml`, application: () => monitoringStackApplication(model.argocd, c, ADDONS_PROJECT, labels) },
      { objects: argocdMonitoringObjects(model, c, labels), dir: argocdMonitoringPath(c.name), file: `platform/${c.name}-argocd-monitoring.yaml`, application: () => argocdMonitoringApplication(model.argocd, c, ADDONS_PROJECT, labels), from: [model.argocd.file, 'clusters/*/cluster.yaml'] },
      { objects: loggingObjects(c, labels), dir: loggingPath(c.name), file: `platform/${c.name}-logging.yaml`, application: () => loggingApplication(model.argocd, c, ADDONS_PROJECT, labels) },
    ];
    for (const p of parts) {
      if (p.objects.length === 0) continue;
      // Argo CD's monitoring reads argocd.yaml and every environment's alert thresholds.
      const from = p.from ?? [`clusters/${c.name}/cluster.yaml`];
      files.push(...p.objects.map((o) => yamlFile(`${p.dir}/${o.file}`, from, o.object)), kustomization(p.dir, from, p.objects.map((o) => o.file)));
      const application = p.application();
      applications.push({ file: p.file, application });
      targets.push({ path: p.dir, application: application.metadata.name, env: '', objects: p.objects.map((o) => o.object) });
    }
  }
  return { files, targets, applications };
}

function kustomization(dir: string, sources: readonly string[], resources: readonly string[]): RenderedFile {
  return yamlFile(`${dir}/kustomization.yaml`, sources, { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] });
}
