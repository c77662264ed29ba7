/**
 * The add-on Applications (render/argocd-addons.ts): one per add-on with `install:` per cluster, in
 * the bootstrap's waves between the AppProjects and the environment roots, under a project that
 * allows exactly the upstream repositories they use.
 */
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import type { AddonConfig, ClusterConfig } from '../../src/config/types.js';
import { addonApplications, addonsProject } from '../../src/render/argocd-addons.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';
import { render } from '../../src/render/index.js';

const model = modelOf(REPO_ROOT);
const files = new Map(render(model).files.map((f) => [f.path, f.content]));
const objectOf = (path: string) => yaml.load(files.get(path) ?? '') as Record<string, any>;
const wave = (o: Record<string, any>) => Number(o.metadata.annotations['argocd.argoproj.io/sync-wave']);

describe('the add-on Applications of this repository', () => {
  const apps = [...files.keys()].filter((p) => p.startsWith('argocd/addons/'));

  it('are one per installed add-on per cluster, named addon-<cluster>-<addon>', () => {
    const installed = model.addons.filter((a) => a.install).map((a) => a.name);
    expect(installed).toEqual(['cert-manager', 'cloudnative-pg', 'eck-operator', 'plugin-barman-cloud', 'prometheus-operator', 'rabbitmq-cluster-operator', 'rabbitmq-messaging-topology-operator', 'redis-operator', 'velero']);
    expect(apps).toEqual(model.clusters.flatMap((c) => installed.map((a) => `argocd/addons/${c.name}/${a}.yaml`)).sort());
    for (const p of apps) {
      const [, , cluster, file] = p.split('/');
      expect(objectOf(p).metadata.name).toBe(`addon-${cluster}-${file!.replace('.yaml', '')}`);
    }
  });

  it('are listed in argocd/kustomization.yaml, which the bootstrap syncs', () => {
    const resources = (objectOf('argocd/kustomization.yaml').resources as string[]).map((r) => `argocd/${r}`);
    for (const p of [...apps, 'argocd/projects/suoke-addons.yaml']) expect(resources).toContain(p);
  });

  it('sync after the projects and argocd-cm, before the environment roots, cert-manager before its dependants', () => {
    const projects = wave(objectOf('argocd/projects/suoke-prod.yaml'));
    expect(wave(objectOf('argocd/projects/suoke-addons.yaml'))).toBe(projects);
    expect(wave(objectOf('argocd/config/argocd-cm.yaml'))).toBe(projects);
    const roots = wave(objectOf('argocd/environments/prod.yaml'));
    for (const p of apps) {
      expect(wave(objectOf(p))).toBeGreaterThan(projects);
      expect(wave(objectOf(p))).toBeLessThan(roots);
    }
    const certManager = wave(objectOf('argocd/addons/prod/cert-manager.yaml'));
    for (const dependant of ['plugin-barman-cloud', 'rabbitmq-cluster-operator', 'rabbitmq-messaging-topology-operator']) {
      expect(wave(objectOf(`argocd/addons/prod/${dependant}.yaml`))).toBeGreaterThan(certManager);
    }
    expect(wave(objectOf('argocd/addons/prod/rabbitmq-messaging-topology-operator.yaml'))).toBeGreaterThan(wave(objectOf('argocd/addons/prod/rabbitmq-cluster-operator.yaml')));
  });

  it('apply server-side into a namespace they create, self-heal and never prune', () => {
    for (const p of apps) {
      const policy = objectOf(p).spec.syncPolicy;
      expect(policy.automated).toEqual({ prune: false, selfHeal: true });
      expect(policy.syncOptions).toEqual(['CreateNamespace=true', 'ServerSideApply=true']);
      expect(objectOf(p).metadata.finalizers).toBeUndefined();
    }
  });

  it('install a chart at its chart version with inline values, or a repository at the pinned tag', () => {
    expect(objectOf('argocd/addons/prod/cloudnative-pg.yaml').spec.source).toEqual({
      repoURL: 'https://cloudnative-pg.github.io/charts',
      chart: 'cloudnative-pg',
      targetRevision: '0.29.0',
      helm: { releaseName: 'cloudnative-pg', valuesObject: { config: { clusterWide: true }, crds: { create: true } } },
    });
    expect(objectOf('argocd/addons/prod/rabbitmq-cluster-operator.yaml').spec.source).toEqual({
      repoURL: 'https://github.com/rabbitmq/cluster-operator',
      targetRevision: 'v2.22.3',
      path: 'config/installation',
      kustomize: { images: ['rabbitmqoperator/cluster-operator-dev=ghcr.io/rabbitmq/cluster-operator:2.22.3'] },
    });
    expect(objectOf('argocd/addons/prod/velero.yaml').spec.destination).toEqual({ server: 'https://api.prod.k8s.suoke-life.internal:6443', namespace: 'velero' });
  });

  it('belong to suoke-addons, whose sources are exactly the repositories they use (and this one, of the cluster platform folders)', () => {
    const project = objectOf('argocd/projects/suoke-addons.yaml');
    const repos = [...new Set([...apps.map((p) => objectOf(p).spec.source.repoURL as string), model.argocd.repoURL])].sort();
    expect(project.spec.sourceRepos).toEqual(repos);
    for (const p of apps) expect(objectOf(p).spec.project).toBe('suoke-addons');
    expect(project.spec.clusterResourceWhitelist).toContainEqual({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' });
    expect(project.spec.destinations).toContainEqual({ server: 'https://api.dev.k8s.suoke-life.internal:6443', namespace: 'cnpg-system' });
  });
});

describe('addonApplications', () => {
  const argo = model.argocd;
  const cluster = (name: string) => ({ name, server: `https://${name}.example:6443` }) as ClusterConfig;
  const addon = (name: string, install?: Partial<NonNullable<AddonConfig['install']>>): AddonConfig => ({
    name,
    version: 'v1.0.0',
    repository: `example/${name}`,
    licence: 'Apache-2.0',
    file: 'platform/addons.yaml',
    index: 0,
    line: 1,
    ...(install ? { install: { chart: { repoURL: 'https://charts.example', name, version: '1.0.0' }, namespace: name, wave: 0, dependsOn: [], values: {}, ...install } } : {}),
  });

  it('installs on the listed clusters only, nothing for an add-on without install, and no values key without values', () => {
    const apps = addonApplications(argo, [addon('a', { clusters: ['prod'] }), addon('b')], [cluster('dev'), cluster('prod')], {});
    expect(apps.map((x) => x.file)).toEqual(['addons/prod/a.yaml']);
    expect(apps[0]!.application.spec!.source).toEqual({ repoURL: 'https://charts.example', chart: 'a', targetRevision: '1.0.0', helm: { releaseName: 'a' } });
    expect(apps[0]!.application.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-9' });
  });

  it('lists each add-on namespace of each cluster once as a project destination', () => {
    const apps = addonApplications(argo, [addon('a'), addon('b', { namespace: 'a' })], [cluster('dev')], {});
    expect(addonsProject(argo, apps.map((x) => x.application), {}).spec!.destinations).toEqual([{ server: 'https://dev.example:6443', namespace: 'a' }]);
  });
});
