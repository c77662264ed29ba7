/**
 * Where a rendered object comes from, and which configuration values its names are made of: so a
 * name Kubernetes or Argo CD would refuse is reported at the configuration line that makes it.
 */
import type { Anchor, PathSegment } from '../config/yaml-source.js';
import type { EnvironmentModel, Model, ServiceInstance } from '../model/types.js';
import { runningVersion } from '../model/build.js';
import { ARGO_KEYS } from '../render/argocd-apps.js';

/** A place in a configuration file. */
export interface Place {
  file: string;
  path: PathSegment[];
  anchor: Anchor;
}

/** A configuration value that rendered names are made of. */
export interface Input {
  /** What it is: `service name`, `version`, `environment name`. */
  kind: string;
  /** How messages name it, e.g. ``service name `xiaoai` ``. */
  noun: string;
  value: string;
  place: Place;
}

/** What rendered an object: a service in an environment, an environment's shared resources, or the platform's Argo CD objects. */
export interface Origin {
  /** What rendered it, followed by its environment: ``service `xiaoai` in``, `the shared resources of`. */
  head: string;
  env?: string;
  /** The values its names can contain, most specific first. */
  inputs: Input[];
  /** Objects deployed to the same scope share one name space (per kind and namespace). */
  scope: string;
}

const tick = (s: string) => `\`${s}\``;

/** The origin of every Argo CD path the model renders, by path. */
export function originsByPath(model: Model): Map<string, Origin> {
  const out = new Map<string, Origin>();
  for (const e of model.environments) {
    out.set(e.sharedPath, environmentOrigin(e));
    for (const i of e.instances) out.set(i.path, instanceOrigin(i));
  }
  return out;
}

function environmentInputs(e: Pick<EnvironmentModel, 'env' | 'cluster'>): Input[] {
  return [{ kind: 'environment name', noun: `environment name ${tick(e.env.name)}`, value: e.env.name, place: { file: e.cluster.file, path: ['environments', e.env.name], anchor: 'key' } }];
}

function environmentOrigin(e: EnvironmentModel): Origin {
  return { head: 'the shared resources of', env: e.env.name, inputs: environmentInputs(e), scope: `cluster ${e.cluster.name}` };
}

function instanceOrigin(i: ServiceInstance): Origin {
  const s = i.service;
  const at = (...p: PathSegment[]): PathSegment[] => ['environments', i.env.name, ...p];
  const version = runningVersion(i);
  const versionPath = i.grayRelease?.canary ? at('grayRelease', 'canary', 'version') : s.environments[i.env.name]?.version !== undefined ? at('version') : ['version'];
  return {
    head: `service ${tick(s.name)} in`,
    env: i.env.name,
    inputs: [
      { kind: 'service name', noun: `service name ${tick(s.name)}`, value: s.name, place: { file: s.file, path: ['name'], anchor: 'value' } },
      { kind: 'version', noun: `version ${tick(version)}`, value: version, place: { file: s.file, path: versionPath, anchor: 'value' } },
      ...environmentInputs(i),
    ],
    scope: `cluster ${i.cluster.name}`,
  };
}

/**
 * The origin of an object of `argocd/` (or an Application an ApplicationSet generates): the path it
 * deploys, else the environment it is labelled with, else the platform itself (no configuration
 * value in its names).
 */
export function argoOrigin(obj: Record<string, unknown>, byPath: ReadonlyMap<string, Origin>, model: Model): Origin {
  const scope = 'argocd';
  const path = ((obj['spec'] as { source?: { path?: unknown } } | undefined)?.source?.path ?? '') as string;
  const deployed = byPath.get(path);
  if (deployed) return { ...deployed, scope };
  const env = (obj['metadata'] as { labels?: Record<string, string> } | undefined)?.labels?.[ARGO_KEYS.environment];
  const e = model.environments.find((x) => x.env.name === env);
  if (e) return { head: 'the Argo CD objects of', env: e.env.name, inputs: environmentInputs(e), scope };
  return { head: "the platform's Argo CD objects", inputs: [], scope };
}

/**
 * The input a bad or colliding name is blamed on: one that breaks `rule` on its own, else the
 * longest one the name contains (the one to shorten); `undefined` when the name holds none (a
 * name of the generator's own, such as `suoke-platform`).
 */
export function blame(name: string, origin: Origin, rule?: (v: string) => string | undefined): Input | undefined {
  const contained = origin.inputs.filter((i) => i.value !== '' && name.includes(i.value));
  const bad = rule ? contained.find((i) => rule(i.value) !== undefined) : undefined;
  return bad ?? contained.reduce<Input | undefined>((best, i) => (!best || i.value.length > best.value.length ? i : best), undefined);
}

/** ``service `x` in environments `dev`, `prod` ``; ``the shared resources of environment `dev` ``; `the platform's Argo CD objects`. */
export function describeOrigins(origins: readonly Origin[]): string {
  const groups = new Map<string, string[]>();
  for (const o of origins) {
    const envs = groups.get(o.head) ?? [];
    if (o.env !== undefined && !envs.includes(o.env)) envs.push(o.env);
    groups.set(o.head, envs);
  }
  return [...groups]
    .map(([head, envs]) => (envs.length === 0 ? head : `${head} environment${envs.length > 1 ? 's' : ''} ${envs.map(tick).join(', ')}`))
    .join('; ');
}
