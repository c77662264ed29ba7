/**
 * Rendered objects are typed (issue 10): a builder that misspells a field must not compile. Most of
 * this file is checked by `tsc --noEmit` (`npm run typecheck`, CI), not by vitest: each
 * `@ts-expect-error` fails the type check as soon as the error it expects is gone, that is, as soon
 * as the typing it relies on is lost; each `expectTypeOf` fails it when a builder no longer returns
 * its typed kind (say, the generic `K8sObject` again).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isGray } from '../../src/model/build.js';
import { analysisTemplate } from '../../src/render/analysis.js';
import { application } from '../../src/render/argocd-apps.js';
import { environmentRoot } from '../../src/render/argocd-environments.js';
import { healthConfigMap } from '../../src/render/argocd-health.js';
import { environmentProject, platformProject } from '../../src/render/argocd-projects.js';
import { configMap, externalSecret } from '../../src/render/config.js';
import { environmentObjects } from '../../src/render/environment-objects.js';
import { virtualService } from '../../src/render/mesh.js';
import { podMonitor, serviceMonitor } from '../../src/render/monitoring.js';
import { canaryService, networkPolicy, service } from '../../src/render/networking.js';
import { podTemplate, serviceAccount } from '../../src/render/pod.js';
import { rollout } from '../../src/render/rollout.js';
import { serviceObjects } from '../../src/render/service-objects.js';
import { autoscaler, disruptionBudget, workload, workloadReplicas } from '../../src/render/workload.js';
import { FIXTURE_PLATFORM, modelOf, renderOf } from '../helpers/platform.js';
/** Every kind the renderer produces, each named through its type in render/kinds.ts (a typo does not compile). */
const TYPED_KINDS = [
    'apps/v1 Deployment',
    'argoproj.io/v1alpha1 AnalysisTemplate',
    'argoproj.io/v1alpha1 AppProject',
    'argoproj.io/v1alpha1 Application',
    'argoproj.io/v1alpha1 ApplicationSet',
    'argoproj.io/v1alpha1 Rollout',
    'autoscaling/v2 HorizontalPodAutoscaler',
    'external-secrets.io/v1 ExternalSecret',
    'monitoring.coreos.com/v1 PodMonitor',
    'monitoring.coreos.com/v1 PrometheusRule',
    'monitoring.coreos.com/v1 ServiceMonitor',
    'networking.istio.io/v1 VirtualService',
    'networking.k8s.io/v1 NetworkPolicy',
    'policy/v1 PodDisruptionBudget',
    'rabbitmq.com/v1beta1 RabbitmqCluster',
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
        expectTypeOf(serviceAccount).returns.toEqualTypeOf();
        expectTypeOf(configMap).returns.toEqualTypeOf();
        expectTypeOf(externalSecret).returns.toEqualTypeOf();
        expectTypeOf(podTemplate).returns.toEqualTypeOf();
        expectTypeOf(workload).returns.toEqualTypeOf();
        expectTypeOf(rollout).returns.toEqualTypeOf();
        expectTypeOf(autoscaler).returns.toEqualTypeOf();
        expectTypeOf(disruptionBudget).returns.toEqualTypeOf();
        expectTypeOf(service).returns.toEqualTypeOf();
        expectTypeOf(canaryService).returns.toEqualTypeOf();
        expectTypeOf(networkPolicy).returns.toEqualTypeOf();
        expectTypeOf(serviceMonitor).returns.toEqualTypeOf();
        expectTypeOf(podMonitor).returns.toEqualTypeOf();
        expectTypeOf(virtualService).returns.toEqualTypeOf();
        expectTypeOf(analysisTemplate).returns.toEqualTypeOf();
        expectTypeOf(environmentObjects).returns.toEqualTypeOf();
        expectTypeOf(application).returns.toEqualTypeOf();
        expectTypeOf(environmentRoot).returns.toEqualTypeOf();
        expectTypeOf(environmentProject).returns.toEqualTypeOf();
        expectTypeOf(platformProject).returns.toEqualTypeOf();
        expectTypeOf(healthConfigMap).returns.toEqualTypeOf();
        // What a builder spreads into a spec is typed by the spec too.
        expectTypeOf(workloadReplicas).returns.toEqualTypeOf();
    });
    it('a misspelt field in a builder or its input does not compile', () => {
        const instances = modelOf(FIXTURE_PLATFORM).environments.flatMap((e) => e.instances);
        const gray = instances.find(isGray);
        const plain = instances.find((i) => !isGray(i));
        const template = podTemplate(gray);
        const selector = { matchLabels: { 'app.kubernetes.io/name': gray.service.name } };
        const metadata = { name: gray.service.name };
        // The input the workload builder hands the Rollout builder.
        // @ts-expect-error `replica` is not a Rollout spec field (`replicas` is)
        const misspelt = rollout(gray, metadata, { replica: 2, revisionHistoryLimit: 5, selector, template });
        expect(rollout(gray, metadata, { replicas: 2, revisionHistoryLimit: 5, selector, template }).spec?.replicas).toBe(2);
        expect(misspelt.spec).not.toHaveProperty('replicas');
        const deployment = {
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
        const deploymentTemplate = {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata,
            spec: {
                selector,
                // @ts-expect-error `spc` is not a PodTemplateSpec field (`spec.template.spec` is)
                template: { metadata: {}, spc: template.spec },
            },
        };
        const container = {
            name: 'x',
            // @ts-expect-error `imagePullpolicy` is not a Container field (`imagePullPolicy` is)
            imagePullpolicy: 'IfNotPresent',
        };
        const port = {
            port: 8080,
            // @ts-expect-error the protocol is one of `TCP`, `UDP`, `SCTP`
            protocol: 'tcp',
        };
        const route = {
            apiVersion: 'networking.istio.io/v1',
            kind: 'VirtualService',
            metadata,
            // @ts-expect-error `rout` is not an HTTPRoute field (`route` is)
            spec: { http: [{ name: 'primary', rout: [] }] },
        };
        const secret = {
            // @ts-expect-error the platform's CRD serves `external-secrets.io/v1`; `v1beta1` is not served
            apiVersion: 'external-secrets.io/v1beta1',
            kind: 'ExternalSecret',
            metadata,
        };
        const monitor = {
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'PodMonitor',
            metadata,
            // @ts-expect-error `podMetricEndpoints` is not a PodMonitor field (`podMetricsEndpoints` is)
            spec: { selector, podMetricEndpoints: [] },
        };
        const project = {
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'AppProject',
            metadata,
            // @ts-expect-error `timezone` is not a sync window field (`timeZone` is)
            spec: { syncWindows: [{ kind: 'allow', schedule: '0 22 * * *', duration: '2h', timezone: 'UTC' }] },
        };
        const app = {
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
        // The misspelt objects are plain data all the same: typing changes nothing at run time.
        expect([deployment, deploymentTemplate, container, port, route, secret, monitor, project, app]).toHaveLength(9);
        expect(serviceObjects(plain).map((o) => o.kind)).toContain('Deployment');
    });
});
