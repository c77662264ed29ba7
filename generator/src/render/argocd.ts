import { cmp } from '../core/finding.js';
import type { Model } from '../model/types.js';
import { application, applicationTemplate, element, serviceParams, sharedParams, SYNC_RETRY, type AppContext, type AppParams } from './argocd-apps.js';
import { healthConfigMap } from './argocd-health.js';
import { environmentProject, platformProject, projectName } from './argocd-projects.js';
import { MANAGED_BY, PART_OF } from './conventions.js';
import { yamlFile, yamlStream, type RenderedFile } from './files.js';
import type { BuildTarget } from './layout.js';
import type { K8sObject } from './service-objects.js';

/** The in-cluster API server, where Argo CD itself runs. */
export const IN_CLUSTER = 'https://kubernetes.default.svc';
export const PLATFORM_PROJECT = 'suoke-platform';
export const BOOTSTRAP_APPLICATION = 'suoke-life-bootstrap';

/** Path Argo CD builds for its own objects (the bootstrap Application points here). */
export const ARGOCD_PATH = 'argocd';

/** The file an operator applies once: the platform AppProject and the bootstrap Application. */
export const BOOTSTRAP_FILE = `${ARGOCD_PATH}/bootstrap.yaml`;

/**
 * Sync waves of the bootstrap Application's own sync (Argo CD waits for every object of a wave to
 * be Healthy before the next): projects and the health checks first, then each environment's
 * foundation Application (namespace, quota, network baseline), then the data services (reserved,
 * not rendered yet), then the ApplicationSets that generate the services' Applications.
 */
export const WAVES = { projects: '-3', foundation: '-2', data: '-1', services: '0' } as const;

const WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * The Argo CD layer. `argocd/bootstrap.yaml` (platform AppProject + bootstrap Application) is applied
 * once by hand; the bootstrap Application then syncs all of `argocd/` — itself included — in waves:
 * AppProjects and the `argocd-cm` health patch, the foundation Application of each environment, and
 * one ApplicationSet per environment generating one Application per service instance. Every
 * Application path is a build target.
 */
export function renderArgo(model: Model, targets: readonly BuildTarget[]): { files: RenderedFile[]; target: BuildTarget } {
  const a = model.argocd;
  const sources = [a.file, 'clusters/*/cluster.yaml', 'apps/*/service.yaml'];
  const labels = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY };
  const docs: { file: string; objects: K8sObject[] }[] = [];

  const bootstrap: K8sObject = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    // No resources finalizer: deleting the bootstrap Application must not cascade to every environment.
    metadata: { name: BOOTSTRAP_APPLICATION, namespace: a.namespace, labels },
    spec: {
      project: PLATFORM_PROJECT,
      source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: ARGOCD_PATH },
      destination: { server: IN_CLUSTER, namespace: a.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['PruneLast=true'], retry: SYNC_RETRY },
    },
  };
  docs.push({ file: 'bootstrap.yaml', objects: [platformProject(a, PLATFORM_PROJECT, IN_CLUSTER, labels), bootstrap] });
  docs.push({ file: 'config/argocd-cm.yaml', objects: [healthConfigMap(a.namespace)] });

  for (const e of model.environments) {
    const project = projectName(e.env.name);
    const envLabels = { ...labels, 'suoke-life.com/environment': e.env.name };
    docs.push({ file: `projects/${project}.yaml`, objects: [environmentProject(a, e, targets, envLabels)] });
    const ctx: AppContext = {
      project,
      environment: e.env.name,
      repoURL: a.repoURL,
      targetRevision: a.targetRevision,
      argoNamespace: a.namespace,
      server: e.cluster.server,
      namespace: e.env.namespace,
    };
    const shared = sharedParams(e);
    const foundation = application(ctx, (k: keyof AppParams) => shared[k]);
    foundation.metadata.annotations = { [WAVE]: WAVES.foundation, ...foundation.metadata.annotations };
    docs.push({ file: `applications/${shared.name}.yaml`, objects: [foundation] });
    docs.push({
      file: `applicationsets/${project}.yaml`,
      objects: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'ApplicationSet',
          metadata: { name: project, namespace: a.namespace, labels: envLabels, annotations: { [WAVE]: WAVES.services } },
          spec: {
            goTemplate: true,
            goTemplateOptions: ['missingkey=error'],
            generators: [{ list: { elements: e.instances.map((i) => element(serviceParams(i))) } }],
            // Generated Applications carry the resources finalizer from the template, so removing a
            // service from an environment prunes its objects; deleting the ApplicationSet does too.
            syncPolicy: { preserveResourcesOnDeletion: false },
            template: applicationTemplate(ctx),
          },
        },
      ],
    });
  }

  docs.sort((x, y) => cmp(x.file, y.file));
  const files = docs.map((d) =>
    d.objects.length === 1 ? yamlFile(`${ARGOCD_PATH}/${d.file}`, sources, d.objects[0]) : yamlStream(`${ARGOCD_PATH}/${d.file}`, sources, d.objects),
  );
  files.push(
    yamlFile(`${ARGOCD_PATH}/kustomization.yaml`, sources, {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: docs.map((d) => d.file),
    }),
  );
  return {
    files,
    target: { path: ARGOCD_PATH, application: BOOTSTRAP_APPLICATION, env: '', objects: docs.flatMap((d) => d.objects) },
  };
}
