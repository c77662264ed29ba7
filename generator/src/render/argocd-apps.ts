import { formatPath } from '../core/finding.js';
import { eachString } from '../core/walk.js';
import type { EnvironmentModel, ServiceInstance } from '../model/types.js';
import { MANAGED_BY, PART_OF } from './conventions.js';
import type { Application, ApplicationSet } from './kinds.js';

type ApplicationSpec = NonNullable<Application['spec']>;
type SyncPolicy = NonNullable<ApplicationSpec['syncPolicy']>;

/** Finalizer that makes deleting an Application delete (prune) its resources too. */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Label and annotation keys Argo CD users filter and read, e.g. `argocd app list -l suoke-life.com/gray-release=true`. */
export const ARGO_KEYS = {
  environment: 'suoke-life.com/environment',
  tier: 'suoke-life.com/tier',
  service: 'suoke-life.com/service',
  grayRelease: 'suoke-life.com/gray-release',
  canaryWeight: 'suoke-life.com/canary-weight',
  canaryVersion: 'suoke-life.com/canary-version',
  canarySteps: 'suoke-life.com/canary-steps',
  canaryControl: 'suoke-life.com/canary-control',
  stableVersion: 'suoke-life.com/stable-version',
} as const;

/**
 * The parameters of one Application: one list-generator element of an environment's ApplicationSet.
 * Every element carries every key (all strings), because the template runs with `missingkey=error`.
 */
export interface AppParams {
  /** Application name, `<env>-<component>`, e.g. `prod-xiaoai`. */
  name: string;
  /** Path Argo CD builds with kustomize, e.g. `clusters/prod/prod/xiaoai`. */
  path: string;
  /** Service group (`core`, `agent`, …), or `platform` for the environment's shared resources. */
  tier: string;
  /** Service name, or `shared`. */
  service: string;
  /** `"true"` when the service runs as an Argo Rollouts canary in this environment. */
  grayRelease: string;
  /** Percent of traffic the committed canary plan sends to the new version; `"0"` when no canary is in progress. */
  canaryWeight: string;
  /** Image tag under test; `""` when no canary is in progress. */
  canaryVersion: string;
  /** The weight plan, comma-separated (`"5,20,50,100"`); `""` without a gray release. */
  canarySteps: string;
  /** `auto` (the Rollouts controller walks the steps) or `git` (every step is a commit); `""` without a gray release. */
  canaryControl: string;
  /** Stable image tag; `""` for the shared resources. */
  stableVersion: string;
}

/** The keys of {@link AppParams}, in the order elements are written. */
export const PARAM_KEYS: readonly (keyof AppParams)[] = [
  'name',
  'path',
  'tier',
  'service',
  'grayRelease',
  'canaryWeight',
  'canaryVersion',
  'canarySteps',
  'canaryControl',
  'stableVersion',
];

/** Parameters of one service instance, canary state included. */
export function serviceParams(i: ServiceInstance): AppParams {
  const g = i.grayRelease;
  return {
    name: `${i.env.name}-${i.service.name}`,
    path: i.path,
    tier: i.service.group,
    service: i.service.name,
    grayRelease: String(g !== undefined),
    canaryWeight: String(g?.canary?.weight ?? 0),
    canaryVersion: g?.canary?.version ?? '',
    canarySteps: g ? g.steps.join(',') : '',
    canaryControl: g?.control ?? '',
    stableVersion: i.version,
  };
}

/** Parameters of an environment's shared resources (namespace, quota, limits, network baseline). */
export function sharedParams(e: EnvironmentModel): AppParams {
  return {
    name: `${e.env.name}-shared`,
    path: e.sharedPath,
    tier: 'platform',
    service: 'shared',
    grayRelease: 'false',
    canaryWeight: '0',
    canaryVersion: '',
    canarySteps: '',
    canaryControl: '',
    stableVersion: '',
  };
}

/** Name of an environment's data-layer Application, e.g. `prod-data`. */
export function dataApplicationName(env: string): string {
  return `${env}-data`;
}

/** Parameters of an environment's data layer (render/data): PostgreSQL, Redis, RabbitMQ and their backups. */
export function dataParams(e: EnvironmentModel): AppParams {
  return { ...sharedParams(e), name: dataApplicationName(e.env.name), path: e.dataPath, service: 'data' };
}

/** Name of an environment's edge Application, e.g. `prod-edge`. */
export function edgeApplicationName(env: string): string {
  return `${env}-edge`;
}

/** Parameters of an environment's edge (render/edge.ts): its Gateway, certificate and EnvoyFilters. */
export function edgeParams(e: EnvironmentModel): AppParams {
  return { ...sharedParams(e), name: edgeApplicationName(e.env.name), path: e.edgePath, service: 'edge' };
}

/** Name of an environment's verification Application, e.g. `prod-verification`. */
export function verificationApplicationName(env: string): string {
  return `${env}-verification`;
}

/** Parameters of an environment's verification (render/verification): the smoke test hook and the load test. */
export function verificationParams(e: EnvironmentModel): AppParams {
  return { ...sharedParams(e), name: verificationApplicationName(e.env.name), path: e.verificationPath, service: 'verification' };
}

/** Settings every Application of the platform shares. */
export interface AppContext {
  project: string;
  environment: string;
  repoURL: string;
  targetRevision: string;
  /** Namespace Argo CD runs in, where the Application objects live. */
  argoNamespace: string;
  server: string;
  namespace: string;
}

/** Retries of a failed sync: 10 s, 20 s, 40 s, 80 s, 160 s (capped at 5 min), then Argo CD waits for the next commit. */
export const SYNC_RETRY: SyncPolicy['retry'] = { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } };

/**
 * One Application, with `value(key)` supplying each parameter: `{{.key}}` for the ApplicationSet
 * template, the element's value for an Application rendered directly. One function for both, so the
 * shared Applications and the generated ones cannot drift apart.
 */
export function application(c: AppContext, value: (key: keyof AppParams) => string): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: value('name'),
      namespace: c.argoNamespace,
      labels: {
        'app.kubernetes.io/part-of': PART_OF,
        'app.kubernetes.io/managed-by': MANAGED_BY,
        [ARGO_KEYS.environment]: c.environment,
        [ARGO_KEYS.tier]: value('tier'),
        [ARGO_KEYS.service]: value('service'),
        [ARGO_KEYS.grayRelease]: value('grayRelease'),
        [ARGO_KEYS.canaryWeight]: value('canaryWeight'),
      },
      annotations: {
        [ARGO_KEYS.canaryControl]: value('canaryControl'),
        [ARGO_KEYS.canarySteps]: value('canarySteps'),
        [ARGO_KEYS.canaryVersion]: value('canaryVersion'),
        [ARGO_KEYS.stableVersion]: value('stableVersion'),
      },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: c.project,
      source: { repoURL: c.repoURL, targetRevision: c.targetRevision, path: value('path') },
      destination: { server: c.server, namespace: c.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['FailOnSharedResource=true', 'PruneLast=true', 'RespectIgnoreDifferences=true'],
        retry: SYNC_RETRY,
      },
      ignoreDifferences: IGNORE_DIFFERENCES,
    },
  };
}

/**
 * Fields another controller owns that are written in Git, which self-heal must not reset: the route
 * weights the Argo Rollouts controller moves on a canary's Istio VirtualService.
 * `RespectIgnoreDifferences=true` keeps syncs from writing them back too. Replica counts need no entry:
 * an autoscaled workload leaves `spec.replicas` out (the HPA owns it), and a fixed-size one keeps it,
 * so self-heal restores a count changed by hand.
 */
const IGNORE_DIFFERENCES: ApplicationSpec['ignoreDifferences'] = [
  { group: 'networking.istio.io', kind: 'VirtualService', jqPathExpressions: ['.spec.http[]?.route[]?.weight'] },
];

/** The `spec.template` of an environment's ApplicationSet: {@link application} with every parameter a `{{.key}}` reference. */
export function applicationTemplate(c: AppContext): NonNullable<ApplicationSet['spec']>['template'] {
  const { apiVersion: _v, kind: _k, ...template } = application(c, param);
  return template;
}

/**
 * Every string of an ApplicationSet template that holds a Go-template marker, as the generator writes
 * it, by YAML path (`spec.template.spec.source.path` → `{{.path}}`; a map key's entry is prefixed
 * `key `). Derived from {@link applicationTemplate} with a context free of markers, so it cannot
 * drift from the renderer: `validate` refuses any other `{{ … }}`, which can only have come from a
 * configuration value or a hand edit.
 */
export function generatedTemplateActions(): ReadonlyMap<string, string> {
  const blank: AppContext = { project: '', environment: '', repoURL: '', targetRevision: '', argoNamespace: '', server: '', namespace: '' };
  const out = new Map<string, string>();
  eachString(applicationTemplate(blank), ['spec', 'template'], (path, s, key) => {
    if (s.includes('{{') || s.includes('}}')) out.set(`${key ? 'key ' : ''}${formatPath(path)}`, s);
  });
  return out;
}

/** Go-template reference to a list-generator parameter. */
function param(key: keyof AppParams): string {
  return `{{.${key}}}`;
}

/** The element written into the list generator: every key, in {@link PARAM_KEYS} order. */
export function element(p: AppParams): Record<string, string> {
  return Object.fromEntries(PARAM_KEYS.map((k) => [k, p[k]]));
}
