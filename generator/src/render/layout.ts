import type { EnvironmentModel, Model, ServiceInstance } from '../model/types.js';
import { productionLikeness, runningVersion } from '../model/build.js';
import { cmp } from '../core/finding.js';
import { environmentObjects } from './environment-objects.js';
import type { RenderedFile } from '../core/generated-files.js';
import { deferredYamlFile, relativePath, yamlFile } from './files.js';
import { toYaml } from './yaml.js';
import { jsonDiff } from './json-patch.js';
import type { K8sObject } from './kinds.js';
import { serviceObjects } from './service-objects.js';
import { dataObjects } from './data/index.js';
import { dataApplicationName, edgeApplicationName, verificationApplicationName } from './argocd-apps.js';
import { edgeObjects } from './edge.js';
import { verificationObjects } from './verification/index.js';

/** A path Argo CD builds with kustomize, and the objects the generator means it to produce. */
export interface BuildTarget {
  path: string;
  /** Argo CD Application that builds it. */
  application: string;
  env: string;
  objects: K8sObject[];
}

export interface LayoutResult {
  files: RenderedFile[];
  targets: BuildTarget[];
}

const KUSTOMIZATION = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };

/**
 * Renders the Kustomize tree: one base per service (`apps/<service>/base`, the service as it runs in
 * its most production-like environment by {@link productionLikeness}, without namespace) and one
 * overlay per service and environment that sets the namespace and image tag and patches the
 * differences. The overlays are derived from the fully resolved objects, so a kustomize build of
 * each overlay must reproduce them exactly; `validate` checks that it does.
 */
export function renderLayout(model: Model): LayoutResult {
  const files: RenderedFile[] = [];
  const targets: BuildTarget[] = [];
  const byService = new Map<string, ServiceInstance[]>();
  for (const e of model.environments) {
    for (const i of e.instances) byService.set(i.service.name, [...(byService.get(i.service.name) ?? []), i]);
  }
  for (const service of model.services) {
    const instances = byService.get(service.name) ?? [];
    const reference = instances.reduce<ServiceInstance | undefined>((best, i) => (!best || productionLikeness(i.env, best.env) > 0 ? i : best), undefined);
    if (!reference) continue;
    const base = serviceObjects(reference).map(withoutNamespace);
    const baseDir = `apps/${service.name}/base`;
    const sources = [service.file];
    for (const obj of base) files.push(yamlFile(`${baseDir}/${fileName(obj, service.name)}`, sources, obj));
    files.push(
      yamlFile(`${baseDir}/kustomization.yaml`, sources, { ...KUSTOMIZATION, resources: base.map((o) => fileName(o, service.name)) }),
    );
    for (const i of instances) {
      const intended = serviceObjects(i);
      files.push(...overlay(i, base, intended, baseDir));
      targets.push({ path: i.path, application: `${i.env.name}-${service.name}`, env: i.env.name, objects: intended });
    }
  }
  for (const e of model.environments) {
    const objects = environmentObjects(e);
    files.push(...shared(e, objects));
    targets.push({ path: e.sharedPath, application: `${e.env.name}-shared`, env: e.env.name, objects });
    const edge = edgeObjects(e);
    if (edge.length > 0) {
      files.push(...flat(e.edgePath, [e.cluster.file], edge));
      targets.push({ path: e.edgePath, application: edgeApplicationName(e.env.name), env: e.env.name, objects: edge });
    }
    const verification = verificationObjects(e);
    if (verification.length > 0) {
      files.push(...flat(e.verificationPath, [e.cluster.file, 'apps/*/service.yaml'], verification));
      targets.push({ path: e.verificationPath, application: verificationApplicationName(e.env.name), env: e.env.name, objects: verification });
    }
    const data = dataObjects(e, model.environments);
    if (data.length === 0) continue;
    files.push(...flat(e.dataPath, [e.cluster.file, 'apps/*/service.yaml'], data));
    targets.push({ path: e.dataPath, application: dataApplicationName(e.env.name), env: e.env.name, objects: data });
  }
  return { files, targets };
}

/**
 * One overlay: a single kustomization.yaml holding the namespace, the image tag and, inline, a JSON
 * patch per object that differs from the base (and a delete patch per base object this environment
 * does without), so a reviewer reads an environment's whole difference in one file. Objects that
 * exist only in this environment are resource files beside it.
 */
function overlay(i: ServiceInstance, base: K8sObject[], intended: K8sObject[], baseDir: string): RenderedFile[] {
  const sources = [i.service.file, i.cluster.file];
  const files: RenderedFile[] = [];
  const resources = [relativePath(i.path, baseDir)];
  const patched: [K8sObject, K8sObject][] = [];
  for (const want of intended) {
    const from = base.find((b) => sameObject(b, want));
    if (!from) {
      const name = fileName(want, i.service.name);
      files.push(yamlFile(`${i.path}/${name}`, sources, withoutNamespace(want)));
      resources.push(name);
      continue;
    }
    patched.push([from, want]);
  }
  const gone = base.filter((b) => !intended.some((w) => sameObject(b, w)));
  // The patches are the file's alone (the target's objects are `intended`): computed when it is read.
  const patches = (): unknown[] => [
    ...patched.flatMap(([from, want]) => {
      const ops = jsonDiff(transformed(from, i), want);
      return ops.length > 0 ? [{ target: target(want), patch: toYaml(ops) }] : [];
    }),
    ...gone.map((g) => ({ patch: toYaml({ $patch: 'delete', apiVersion: g.apiVersion, kind: g.kind, metadata: { name: g.metadata.name } }) })),
  ];
  files.push(
    deferredYamlFile(`${i.path}/kustomization.yaml`, sources, () => {
      const p = patches();
      return { ...KUSTOMIZATION, namespace: i.env.namespace, resources, images: [{ name: i.service.image, newTag: runningVersion(i) }], ...(p.length > 0 ? { patches: p } : {}) };
    }),
  );
  return files;
}

function shared(e: EnvironmentModel, objects: K8sObject[]): RenderedFile[] {
  return flat(e.sharedPath, [e.cluster.file], objects);
}

/** A directory of one file per object, `<kind>-<name>.yaml`, and a kustomization listing them. */
function flat(dir: string, sources: string[], objects: K8sObject[]): RenderedFile[] {
  const names = objects.map((o) => `${o.kind.toLowerCase()}-${o.metadata.name}.yaml`);
  return [
    ...objects.map((o, n) => yamlFile(`${dir}/${names[n]}`, sources, o)),
    yamlFile(`${dir}/kustomization.yaml`, sources, { ...KUSTOMIZATION, resources: [...names].sort(cmp) }),
  ];
}

type PodOwner = { spec?: { template?: { spec?: { containers?: { image?: string }[] } } } };

/**
 * What kustomize's namespace and images transformers make of a base object in this environment.
 * Copies only the path to what changes (the result is compared, never mutated).
 */
function transformed(base: K8sObject, i: ServiceInstance): K8sObject {
  const copy = { ...base, metadata: { ...base.metadata, namespace: i.env.namespace } };
  const spec = (base as PodOwner).spec;
  const containers = spec?.template?.spec?.containers;
  if (!spec?.template?.spec || !containers) return copy;
  const retag = (c: { image?: string }) =>
    c.image?.startsWith(`${i.service.image}:`) ? { ...c, image: i.image } : c;
  return {
    ...copy,
    spec: { ...spec, template: { ...spec.template, spec: { ...spec.template.spec, containers: containers.map(retag) } } },
  } as K8sObject;
}

function target(o: K8sObject) {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  return { ...(group ? { group } : {}), version, kind: o.kind, name: o.metadata.name };
}

function sameObject(a: K8sObject, b: K8sObject): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.metadata.name === b.metadata.name;
}

/** `deployment.yaml` for the service's own objects; `service-xiaoai-canary.yaml` for the others (a gray release's). */
function fileName(o: K8sObject, service: string): string {
  const kind = o.kind.toLowerCase();
  return o.metadata.name === service ? `${kind}.yaml` : `${kind}-${o.metadata.name}.yaml`;
}

function withoutNamespace(o: K8sObject): K8sObject {
  const { namespace: _ns, ...metadata } = o.metadata;
  return { ...o, metadata } as K8sObject;
}

