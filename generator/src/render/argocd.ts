import type { Model } from '../model/types.js';
import { MANAGED_BY, PART_OF } from './conventions.js';
import { yamlFile, type RenderedFile } from './files.js';
import type { BuildTarget } from './layout.js';
import type { K8sObject } from './service-objects.js';

/** The in-cluster API server, where Argo CD itself runs. */
const IN_CLUSTER = 'https://kubernetes.default.svc';
const PLATFORM_PROJECT = 'suoke-platform';
const FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Path Argo CD builds for its own objects (the bootstrap Application points here). */
export const ARGOCD_PATH = 'argocd';

/**
 * The Argo CD layer: a bootstrap Application (app of apps) that manages everything in `argocd/`,
 * one AppProject per environment, and one ApplicationSet per environment generating an Application
 * for the shared resources and for each service. Every Application path it names is a build target.
 */
export function renderArgo(model: Model, targets: readonly BuildTarget[]): { files: RenderedFile[]; target: BuildTarget } {
  const a = model.argocd;
  const sources = [a.file, 'clusters/*/cluster.yaml'];
  const labels = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY };
  const objects: { file: string; object: K8sObject }[] = [];

  objects.push({
    file: 'projects/suoke-platform.yaml',
    object: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: PLATFORM_PROJECT, namespace: a.namespace, labels },
      spec: {
        description: 'Argo CD objects of the Suoke Life platform (bootstrap, projects, ApplicationSets)',
        sourceRepos: [a.repoURL],
        destinations: [{ server: IN_CLUSTER, namespace: a.namespace }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: ['AppProject', 'ApplicationSet', 'Application'].map((kind) => ({ group: 'argoproj.io', kind })),
      },
    },
  });

  for (const e of model.environments) {
    const project = `suoke-${e.env.name}`;
    const envLabels = { ...labels, 'suoke-life.com/environment': e.env.name };
    const kinds = new Set<string>();
    for (const t of targets.filter((t) => t.env === e.env.name)) {
      for (const o of t.objects) if (o.kind !== 'Namespace') kinds.add(`${group(o.apiVersion)}|${o.kind}`);
    }
    objects.push({
      file: `projects/${project}.yaml`,
      object: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: project, namespace: a.namespace, labels: envLabels },
        spec: {
          description: `Suoke Life ${e.env.name} environment (namespace ${e.env.namespace} on cluster ${e.cluster.name})`,
          sourceRepos: [a.repoURL],
          destinations: [{ server: e.cluster.server, namespace: e.env.namespace }],
          clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
          namespaceResourceWhitelist: [...kinds].sort().map((k) => {
            const [g, kind] = k.split('|') as [string, string];
            return { group: g, kind };
          }),
        },
      },
    });
    const elements = targets
      .filter((t) => t.env === e.env.name)
      .map((t) => ({ app: t.application, path: t.path, component: t.path.split('/').pop()! }));
    objects.push({
      file: `applicationsets/${project}.yaml`,
      object: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: { name: project, namespace: a.namespace, labels: envLabels },
        spec: {
          goTemplate: true,
          goTemplateOptions: ['missingkey=error'],
          generators: [{ list: { elements } }],
          template: {
            metadata: {
              name: '{{.app}}',
              labels: { ...envLabels, 'suoke-life.com/component': '{{.component}}' },
              finalizers: [FINALIZER],
            },
            spec: {
              project,
              source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: '{{.path}}' },
              destination: { server: e.cluster.server, namespace: e.env.namespace },
              syncPolicy: {
                automated: { prune: true, selfHeal: true },
                syncOptions: ['PruneLast=true', 'RespectIgnoreDifferences=true'],
                retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
              },
              // The HPA owns the replica count once the Deployment exists.
              ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
            },
          },
        },
      },
    });
  }

  objects.push({
    file: 'bootstrap.yaml',
    object: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'suoke-life-bootstrap', namespace: a.namespace, labels, finalizers: [FINALIZER] },
      spec: {
        project: PLATFORM_PROJECT,
        source: { repoURL: a.repoURL, targetRevision: a.targetRevision, path: ARGOCD_PATH },
        destination: { server: IN_CLUSTER, namespace: a.namespace },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
        },
      },
    } as K8sObject,
  });

  const files = objects.map((o) => yamlFile(`${ARGOCD_PATH}/${o.file}`, sources, o.object));
  files.push(
    yamlFile(`${ARGOCD_PATH}/kustomization.yaml`, sources, {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: objects.map((o) => o.file).sort(),
    }),
  );
  return {
    files,
    target: { path: ARGOCD_PATH, application: 'suoke-life-bootstrap', env: '', objects: objects.map((o) => o.object) },
  };
}

function group(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}
