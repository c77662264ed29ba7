import type { ArgoConfig } from '../config/types.js';
import type { EnvironmentModel } from '../model/types.js';
import { application, applicationTemplate, dataParams, edgeParams, element, RESOURCES_FINALIZER, serviceParams, sharedParams, SYNC_RETRY, verificationParams, type AppContext } from './argocd-apps.js';
import { HEALTH_GATE } from './argocd-health.js';
import { projectName } from './conventions.js';
import type { Application, ApplicationSet } from './kinds.js';

const WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * Sync waves of an environment root's sync (Argo CD waits for every object of a wave to be Healthy
 * before the next): the environment's foundation Application (namespace, quota, network baseline),
 * then the data layer (render/data: its custom resources need the namespace and its policies, and the
 * services need their databases; Argo CD's built-in health checks of CloudNativePG's `Cluster` and
 * `Database` hold the wave until they are ready), then the ApplicationSet that generates the
 * services' Applications, then the edge (render/edge.ts: the Gateway opens the services to the
 * public once they run; its Certificate holds the wave until it is issued), then the verification
 * (render/verification: the PostSync smoke test, which waits for the services' own Applications
 * itself: they are no resources of this sync, and the ApplicationSet is Healthy once it generated
 * them). Every wait is on the environment's own Applications, so only its own
 * change windows can hold it.
 */
const ENVIRONMENT_WAVES = { foundation: '-2', data: '-1', services: '0', edge: '1', verification: '2' } as const;

/**
 * The data layer's Application: the environment's Application with the data namespace as its
 * destination. It prunes like the others; the objects that hold data (the Cluster, whose volumes the
 * operator deletes with it) carry `Prune=false,Delete=false` themselves (render/data/postgres.ts).
 */
function dataApplication(ctx: AppContext, e: EnvironmentArgo): Application {
  const params = dataParams(e.env);
  const app = application(ctx, (k) => params[k]);
  return {
    ...app,
    metadata: { ...app.metadata, annotations: { [WAVE]: ENVIRONMENT_WAVES.data, ...app.metadata.annotations } },
    spec: { ...app.spec!, destination: { server: ctx.server, namespace: e.env.env.dataServices!.namespace } },
  };
}

/**
 * The edge's Application: the environment's Application with the cluster's ingress namespace as its
 * destination, where the Gateway, its certificate's Secret and the EnvoyFilters must live (render/edge.ts).
 */
function edgeApplication(ctx: AppContext, e: EnvironmentArgo): Application {
  const params = edgeParams(e.env);
  const app = application(ctx, (k) => params[k]);
  return {
    ...app,
    metadata: { ...app.metadata, annotations: { [WAVE]: ENVIRONMENT_WAVES.edge, ...app.metadata.annotations } },
    spec: { ...app.spec!, destination: { server: ctx.server, namespace: e.env.cluster.ingressNamespace } },
  };
}

/**
 * The verification Application (render/verification), in the environment's namespace, in the last
 * wave: the root applies it once the services' ApplicationSet and the edge are Healthy. Its own
 * resources (the scripts, the load test's CronJob, the tests' NetworkPolicies) are applied in its Sync
 * phase, before the PostSync hook that needs them.
 */
function verificationApplication(ctx: AppContext, e: EnvironmentArgo): Application {
  const params = verificationParams(e.env);
  const app = application(ctx, (k) => params[k]);
  return { ...app, metadata: { ...app.metadata, annotations: { [WAVE]: ENVIRONMENT_WAVES.verification, ...app.metadata.annotations } } };
}

/** What the Argo CD objects of one environment share. */
export interface EnvironmentArgo {
  argo: ArgoConfig;
  env: EnvironmentModel;
  /** The in-cluster API server, where Argo CD keeps its Applications. */
  inCluster: string;
  /** Project of the Argo CD objects themselves (no change windows). */
  platformProject: string;
  /** Directory the root Application syncs, e.g. `argocd/environments/prod`. */
  path: string;
  labels: Record<string, string>;
  /** Whether the environment has a data layer to deliver (`clusters/<cluster>/<env>/data`). */
  data: boolean;
  /** Whether the environment has an edge to deliver (`clusters/<cluster>/<env>/edge`). */
  edge: boolean;
  /** Whether the environment has smoke or load tests to deliver (`clusters/<cluster>/<env>/verification`). */
  verification: boolean;
}

/** Name of an environment's root Application: `suoke-<env>`. */
function rootName(env: string): string {
  return `suoke-${env}`;
}

/**
 * The root Application of one environment, at `wave` of the bootstrap's sync: synced by the bootstrap, it syncs the environment's
 * directory under the platform project (no change windows, so the root itself is never denied a
 * sync). Its wave gate waits only on its own environment: a freeze or a closed window in prod holds
 * `suoke-prod` and nothing else. Labelled {@link HEALTH_GATE} so that this wait never reaches the
 * bootstrap's waves. The resources finalizer makes removing an environment from the configuration
 * (the bootstrap prunes the root) remove its Applications and, through theirs, its objects.
 */
export function environmentRoot(e: EnvironmentArgo, wave: string): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: rootName(e.env.env.name),
      namespace: e.argo.namespace,
      labels: { ...e.labels, [HEALTH_GATE.label]: HEALTH_GATE.none },
      annotations: { [WAVE]: wave },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec: {
      project: e.platformProject,
      source: { repoURL: e.argo.repoURL, targetRevision: e.argo.targetRevision, path: e.path },
      destination: { server: e.inCluster, namespace: e.argo.namespace },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['PruneLast=true'], retry: SYNC_RETRY },
    },
  };
}

/**
 * The objects of an environment's directory, by file name: its foundation Application
 * (`shared.yaml`, wave {@link ENVIRONMENT_WAVES.foundation}) and its ApplicationSet (`services.yaml`,
 * wave {@link ENVIRONMENT_WAVES.services}), one Application per service instance.
 */
export function environmentObjects(e: EnvironmentArgo): { file: string; object: Application | ApplicationSet }[] {
  const ctx: AppContext = {
    project: projectName(e.env.env.name),
    environment: e.env.env.name,
    repoURL: e.argo.repoURL,
    targetRevision: e.argo.targetRevision,
    argoNamespace: e.argo.namespace,
    server: e.env.cluster.server,
    namespace: e.env.env.namespace,
  };
  const shared = sharedParams(e.env);
  const foundation = application(ctx, (k) => shared[k]);
  foundation.metadata.annotations = { [WAVE]: ENVIRONMENT_WAVES.foundation, ...foundation.metadata.annotations };
  const services: ApplicationSet = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: ctx.project, namespace: e.argo.namespace, labels: e.labels, annotations: { [WAVE]: ENVIRONMENT_WAVES.services } },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements: e.env.instances.map((i) => element(serviceParams(i))) } }],
      // Generated Applications carry the resources finalizer from the template, so removing a
      // service from an environment prunes its objects; deleting the ApplicationSet does too.
      syncPolicy: { preserveResourcesOnDeletion: false },
      template: applicationTemplate(ctx),
    },
  };
  const data = e.data ? [dataApplication(ctx, e)] : [];
  const edge = e.edge ? [edgeApplication(ctx, e)] : [];
  const verification = e.verification ? [verificationApplication(ctx, e)] : [];
  return [
    ...data.map((object) => ({ file: 'data.yaml', object })),
    ...edge.map((object) => ({ file: 'edge.yaml', object })),
    { file: 'services.yaml', object: services },
    { file: 'shared.yaml', object: foundation },
    ...verification.map((object) => ({ file: 'verification.yaml', object })),
  ];
}
