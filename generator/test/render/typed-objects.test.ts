/**
 * Rendered objects are typed (issue 10): a builder that misspells a field must not compile. Most of
 * this file is checked by `tsc --noEmit` (`npm run typecheck`, CI), not by vitest: each
 * `@ts-expect-error` fails the type check as soon as the error it expects is gone, that is, as soon
 * as the typing it relies on is lost; each `expectTypeOf` fails it when a builder no longer returns
 * its typed kind (say, the generic `K8sObject` again).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isGray } from '../../src/model/build.js';
import type { GrayInstance, ServiceInstance } from '../../src/model/types.js';
import { analysisTemplate } from '../../src/render/analysis.js';
import { application } from '../../src/render/argocd-apps.js';
import { environmentRoot } from '../../src/render/argocd-environments.js';
import { healthConfigMap } from '../../src/render/argocd-health.js';
import { environmentProject, platformProject } from '../../src/render/argocd-projects.js';
import { clusterIssuer } from '../../src/render/cluster-platform.js';
import { configMap, externalSecret } from '../../src/render/config.js';
import { edgeObjects } from '../../src/render/edge.js';
import { envoyFilters } from '../../src/render/edge-filters.js';
import { environmentObjects } from '../../src/render/environment-objects.js';
import type * as K from '../../src/render/kinds.js';
import type * as D from '../../src/render/data/kinds-redis-mq.js';
import { loggingObjects } from '../../src/render/logging.js';
import { ilmJob } from '../../src/render/logging-ilm.js';
import { virtualService } from '../../src/render/mesh.js';
import { migrationObjects } from '../../src/render/migrations.js';
import { podMonitor, serviceMonitor } from '../../src/render/monitoring.js';
import { canaryService, networkPolicy, service } from '../../src/render/networking.js';
import { podTemplate, serviceAccount } from '../../src/render/pod.js';
import { rollout } from '../../src/render/rollout.js';
import { serviceObjects } from '../../src/render/service-objects.js';
import { verificationObjects } from '../../src/render/verification/index.js';
import { smokeObjects } from '../../src/render/verification/smoke.js';
import { autoscaler, disruptionBudget, workload, workloadReplicas } from '../../src/render/workload.js';
import { FIXTURE_PLATFORM, modelOf, renderOf } from '../helpers/platform.js';

/** `apiVersion kind` of a typed kind, e.g. `apps/v1 Deployment`. */
type KindOf<T extends { apiVersion: string; kind: string }> = `${T['apiVersion']} ${T['kind']}`;

/** Every kind the renderer produces, each named through its type in render/kinds.ts (a typo does not compile). */
const TYPED_KINDS: (
  | KindOf<K.ServiceAccount>
  | KindOf<K.ConfigMap>
  | KindOf<K.ExternalSecret>
  | KindOf<K.Deployment>
  | KindOf<K.Rollout>
  | KindOf<K.Service>
  | KindOf<K.HorizontalPodAutoscaler>
  | KindOf<K.PodDisruptionBudget>
  | KindOf<K.NetworkPolicy>
  | KindOf<K.ServiceMonitor>
  | KindOf<K.PodMonitor>
  | KindOf<K.PrometheusRule>
  | KindOf<K.VirtualService>
  | KindOf<K.Gateway>
  | KindOf<K.EnvoyFilter>
  | KindOf<K.Certificate>
  | KindOf<K.ClusterIssuer>
  | KindOf<K.Job>
  | KindOf<K.ClusterRole>
  | KindOf<K.ClusterRoleBinding>
  | KindOf<K.Elasticsearch>
  | KindOf<K.Kibana>
  | KindOf<K.Beat>
  | KindOf<K.AnalysisTemplate>
  | KindOf<K.Namespace>
  | KindOf<K.ResourceQuota>
  | KindOf<K.LimitRange>
  | KindOf<K.Application>
  | KindOf<K.ApplicationSet>
  | KindOf<K.AppProject>
  | KindOf<D.RedisReplication>
  | KindOf<D.RabbitmqCluster>
)[] = [
  'apps/v1 Deployment',
  'argoproj.io/v1alpha1 AnalysisTemplate',
  'argoproj.io/v1alpha1 AppProject',
  'argoproj.io/v1alpha1 Application',
  'argoproj.io/v1alpha1 ApplicationSet',
  'argoproj.io/v1alpha1 Rollout',
  'autoscaling/v2 HorizontalPodAutoscaler',
  'batch/v1 Job',
  'beat.k8s.elastic.co/v1beta1 Beat',
  'cert-manager.io/v1 Certificate',
  'cert-manager.io/v1 ClusterIssuer',
  'elasticsearch.k8s.elastic.co/v1 Elasticsearch',
  'external-secrets.io/v1 ExternalSecret',
  'kibana.k8s.elastic.co/v1 Kibana',
  'monitoring.coreos.com/v1 PodMonitor',
  'monitoring.coreos.com/v1 PrometheusRule',
  'monitoring.coreos.com/v1 ServiceMonitor',
  'networking.istio.io/v1 Gateway',
  'networking.istio.io/v1 VirtualService',
  'networking.istio.io/v1alpha3 EnvoyFilter',
  'networking.k8s.io/v1 NetworkPolicy',
  'policy/v1 PodDisruptionBudget',
  'rabbitmq.com/v1beta1 RabbitmqCluster',
  'rbac.authorization.k8s.io/v1 ClusterRole',
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding',
  'redis.redis.opstreelabs.in/v1beta2 RedisReplication',
  'v1 ConfigMap',
  'v1 LimitRange',
  'v1 Namespace',
  'v1 ResourceQuota',
  'v1 Service',
  'v1 ServiceAccount',
];

describe('rendered objects are typed', () => {
  it('every kind the fixture platform renders (which exercises every branch) has a typed builder', () => {
    const rendered = new Set(renderOf(FIXTURE_PLATFORM).targets.flatMap((t) => t.objects.map((o) => `${o.apiVersion} ${o.kind}`)));
    expect([...rendered].sort()).toEqual([...TYPED_KINDS].sort());
  });

  it('each builder returns its typed kind, not the generic K8sObject', () => {
    expectTypeOf(serviceAccount).returns.toEqualTypeOf<K.ServiceAccount>();
    expectTypeOf(configMap).returns.toEqualTypeOf<K.ConfigMap>();
    expectTypeOf(externalSecret).returns.toEqualTypeOf<K.ExternalSecret>();
    expectTypeOf(podTemplate).returns.toEqualTypeOf<K.PodTemplate>();
    expectTypeOf(workload).returns.toEqualTypeOf<K.Deployment | K.Rollout>();
    expectTypeOf(rollout).returns.toEqualTypeOf<K.Rollout>();
    expectTypeOf(autoscaler).returns.toEqualTypeOf<K.HorizontalPodAutoscaler>();
    expectTypeOf(disruptionBudget).returns.toEqualTypeOf<K.PodDisruptionBudget>();
    expectTypeOf(service).returns.toEqualTypeOf<K.Service>();
    expectTypeOf(canaryService).returns.toEqualTypeOf<K.Service>();
    expectTypeOf(networkPolicy).returns.toEqualTypeOf<K.NetworkPolicy>();
    expectTypeOf(serviceMonitor).returns.toEqualTypeOf<K.ServiceMonitor>();
    expectTypeOf(podMonitor).returns.toEqualTypeOf<K.PodMonitor>();
    expectTypeOf(virtualService).returns.toEqualTypeOf<K.VirtualService>();
    expectTypeOf(analysisTemplate).returns.toEqualTypeOf<K.AnalysisTemplate | undefined>();
    expectTypeOf(environmentObjects).returns.toEqualTypeOf<(K.Namespace | K.ResourceQuota | K.LimitRange | K.NetworkPolicy | K.PrometheusRule | K.PodMonitor)[]>();
    expectTypeOf(application).returns.toEqualTypeOf<K.Application>();
    expectTypeOf(environmentRoot).returns.toEqualTypeOf<K.Application>();
    expectTypeOf(environmentProject).returns.toEqualTypeOf<K.AppProject>();
    expectTypeOf(platformProject).returns.toEqualTypeOf<K.AppProject>();
    expectTypeOf(healthConfigMap).returns.toEqualTypeOf<K.ConfigMap>();
    expectTypeOf(edgeObjects).returns.toEqualTypeOf<(K.Gateway | K.Certificate | K.VirtualService | K.EnvoyFilter | K.NetworkPolicy)[]>();
    expectTypeOf(envoyFilters).returns.toEqualTypeOf<K.EnvoyFilter[]>();
    expectTypeOf(clusterIssuer).returns.toEqualTypeOf<K.ClusterIssuer>();
    expectTypeOf(smokeObjects).returns.toEqualTypeOf<(K.ConfigMap | K.Job | K.NetworkPolicy)[]>();
    expectTypeOf(verificationObjects).returns.toEqualTypeOf<(K.ConfigMap | K.Job | D.CronJob | K.NetworkPolicy)[]>();
    expectTypeOf(migrationObjects).returns.toEqualTypeOf<(K.ExternalSecret | K.Job | K.NetworkPolicy)[]>();
    expectTypeOf(ilmJob).returns.toEqualTypeOf<K.Job>();
    expectTypeOf(loggingObjects).returns.toEqualTypeOf<
      { file: string; object: K.Namespace | K.Elasticsearch | K.ConfigMap | K.Job | K.Kibana | K.Beat | K.ServiceAccount | K.ClusterRole | K.ClusterRoleBinding | K.NetworkPolicy }[]
    >();
    // What a builder spreads into a spec is typed by the spec too.
    expectTypeOf(workloadReplicas).returns.toEqualTypeOf<Pick<NonNullable<K.Deployment['spec']>, 'replicas'>>();
  });

  it('a misspelt field in a builder or its input does not compile', () => {
    const instances = modelOf(FIXTURE_PLATFORM).environments.flatMap((e) => e.instances);
    const gray = instances.find(isGray) as GrayInstance;
    const plain = instances.find((i) => !isGray(i)) as ServiceInstance;
    const template = podTemplate(gray);
    const selector = { matchLabels: { 'app.kubernetes.io/name': gray.service.name } };
    const metadata = { name: gray.service.name };

    // The input the workload builder hands the Rollout builder.
    // @ts-expect-error `replica` is not a Rollout spec field (`replicas` is)
    const misspelt = rollout(gray, metadata, { replica: 2, revisionHistoryLimit: 5, selector, template });
    expect(rollout(gray, metadata, { replicas: 2, revisionHistoryLimit: 5, selector, template }).spec?.replicas).toBe(2);
    expect(misspelt.spec).not.toHaveProperty('replicas');

    const deployment: K.Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        // @ts-expect-error `replica` is not a DeploymentSpec field
        replica: 2,
        selector,
        template,
      },
    };
    const deploymentTemplate: K.Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        selector,
        // @ts-expect-error `spc` is not a PodTemplateSpec field (`spec.template.spec` is)
        template: { metadata: {}, spc: template.spec },
      },
    };
    const container: NonNullable<K.PodTemplate['spec']>['containers'][number] = {
      name: 'x',
      // @ts-expect-error `imagePullpolicy` is not a Container field (`imagePullPolicy` is)
      imagePullpolicy: 'IfNotPresent',
    };
    const port: NonNullable<NonNullable<K.Service['spec']>['ports']>[number] = {
      port: 8080,
      // @ts-expect-error the protocol is one of `TCP`, `UDP`, `SCTP`
      protocol: 'tcp',
    };
    const route: K.VirtualService = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata,
      // @ts-expect-error `rout` is not an HTTPRoute field (`route` is)
      spec: { http: [{ name: 'primary', rout: [] }] },
    };
    const secret: K.ExternalSecret = {
      // @ts-expect-error the platform's CRD serves `external-secrets.io/v1`; `v1beta1` is not served
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata,
    };
    const monitor: K.PodMonitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata,
      // @ts-expect-error `podMetricEndpoints` is not a PodMonitor field (`podMetricsEndpoints` is)
      spec: { selector, podMetricEndpoints: [] },
    };
    const project: K.AppProject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata,
      // @ts-expect-error `timezone` is not a sync window field (`timeZone` is)
      spec: { syncWindows: [{ kind: 'allow', schedule: '0 22 * * *', duration: '2h', timezone: 'UTC' }] },
    };
    const app: K.Application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata,
      spec: {
        project: 'p',
        source: { repoURL: 'https://example.com/repo.git' },
        destination: {},
        // @ts-expect-error `selfheal` is not a field of `syncPolicy.automated` (`selfHeal` is)
        syncPolicy: { automated: { selfheal: true } },
      },
    };
    const gateway: K.Gateway = {
      // @ts-expect-error the Gateway is rendered at `networking.istio.io/v1`, as the VirtualServices
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'Gateway',
      metadata,
    };
    const issuer: K.ClusterIssuer = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata,
      // @ts-expect-error `ingressClassname` is not an HTTP-01 ingress field (`ingressClassName` is, which the package lacks and kinds.ts adds)
      spec: { acme: { server: 'https://acme.example', privateKeySecretRef: { name: 'k' }, solvers: [{ http01: { ingress: { ingressClassname: 'istio' } } }] } },
    };
    const job: K.Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata,
      // @ts-expect-error `backOffLimit` is not a JobSpec field (`backoffLimit` is)
      spec: { backOffLimit: 1, template },
    };
    const elasticsearch: K.Elasticsearch = {
      apiVersion: 'elasticsearch.k8s.elastic.co/v1',
      kind: 'Elasticsearch',
      metadata,
      // @ts-expect-error `nodeSet` is not an Elasticsearch spec field (`nodeSets` is)
      spec: { version: '9.4.3', nodeSets: [], nodeSet: [] },
    };
    // The misspelt objects are plain data all the same: typing changes nothing at run time.
    expect([deployment, deploymentTemplate, container, port, route, secret, monitor, project, app, gateway, issuer, job, elasticsearch]).toHaveLength(13);
    expect(serviceObjects(plain).map((o) => o.kind)).toContain('Deployment');
  });
});
