import { application, applicationTemplate, dataParams, element, RESOURCES_FINALIZER, serviceParams, sharedParams, SYNC_RETRY } from './argocd-apps.js';
import { HEALTH_GATE } from './argocd-health.js';
import { projectName } from './conventions.js';
const WAVE = 'argocd.argoproj.io/sync-wave';
/**
 * Sync waves of an environment root's sync (Argo CD waits for every object of a wave to be Healthy
 * before the next): the environment's foundation Application (namespace, quota, network baseline),
 * then the data layer (render/data: its custom resources need the namespace and its policies, and the
 * services need their databases; Argo CD's built-in health checks of CloudNativePG's `Cluster` and
 * `Database` hold the wave until they are ready), then the ApplicationSet that generates the
 * services' Applications. Every wait is on the environment's own Applications, so only its own
 * change windows can hold it.
 */
const ENVIRONMENT_WAVES = { foundation: '-2', data: '-1', services: '0' };
/**
 * The data layer's Application: the environment's Application with the data namespace as its
 * destination. It prunes like the others; the objects that hold data (the Cluster, whose volumes the
 * operator deletes with it) carry `Prune=false,Delete=false` themselves (render/data/postgres.ts).
 */
function dataApplication(ctx, e) {
    const params = dataParams(e.env);
    const app = application(ctx, (k) => params[k]);
    return {
        ...app,
        metadata: { ...app.metadata, annotations: { [WAVE]: ENVIRONMENT_WAVES.data, ...app.metadata.annotations } },
        spec: { ...app.spec, destination: { server: ctx.server, namespace: e.env.env.dataServices.namespace } },
    };
}
/** Name of an environment's root Application: `suoke-<env>`. */
function rootName(env) {
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
export function environmentRoot(e, wave) {
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
export function environmentObjects(e) {
    const ctx = {
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
    const services = {
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
    return [
        ...data.map((object) => ({ file: 'data.yaml', object })),
        { file: 'services.yaml', object: services },
        { file: 'shared.yaml', object: foundation },
    ];
}
