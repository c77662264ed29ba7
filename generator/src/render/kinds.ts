/**
 * The object kinds the renderer builds, typed by the models the project depends on
 * (`kubernetes-models`, `@kubernetes-models/*`), so that a builder that misspells a field does not
 * compile. Only their interfaces are used, never their classes: the builders return plain objects,
 * whose key order is the order of the YAML written.
 *
 * Where a package lags the CRD the platform installs, a local type extends the package's interface
 * with what is missing and names the CRD version it follows.
 */
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { IExternalSecret as IExternalSecretV1beta1 } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IVirtualService as IVirtualServiceV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import type { IAlertmanagerConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig';
import type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

/** `metadata` as Kubernetes defines it (`ObjectMeta`). */
export type ObjectMeta = NonNullable<IConfigMap['metadata']>;

/**
 * An object as its builder returns it: `metadata` always set, with a name. (`Omit` rather than an
 * intersection keeps the result assignable to the generic {@link K8sObject}.)
 */
type Named<T extends { metadata?: ObjectMeta }> = Omit<T, 'metadata'> & { metadata: ObjectMeta & { name: string } };

/**
 * Any rendered object, once built: what the layout, the Argo CD allow-lists and `validate` read
 * (kind, name, namespace), whatever its kind. Builders return the typed kinds below.
 */
export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
};

export type ServiceAccount = Named<IServiceAccount>;
export type ConfigMap = Named<IConfigMap>;
export type Service = Named<IService>;
export type Namespace = Named<INamespace>;
export type ResourceQuota = Named<IResourceQuota>;
export type LimitRange = Named<ILimitRange>;
export type Deployment = Named<IDeployment>;
export type HorizontalPodAutoscaler = Named<IHorizontalPodAutoscaler>;
export type PodDisruptionBudget = Named<IPodDisruptionBudget>;
export type NetworkPolicy = Named<INetworkPolicy>;

/** The pod template a Deployment and a Rollout share. */
export type PodTemplate = NonNullable<IDeployment['spec']>['template'];

export type Rollout = Named<IRollout>;
export type AnalysisTemplate = Named<IAnalysisTemplate>;
export type ServiceMonitor = Named<IServiceMonitor>;
export type PodMonitor = Named<IPodMonitor>;
export type AlertmanagerConfig = Named<IAlertmanagerConfig>;
export type PrometheusRule = Named<IPrometheusRule>;

/**
 * `external-secrets.io/v1`, the version the platform's CRD serves (external-secrets v0.17.0 and
 * v2.9.0 `external-secrets.io_externalsecrets.yaml`; `v1beta1` is `served: false` there). The
 * package (0.5.2) stops at `v1beta1`, whose spec has every field rendered here; v2.9.0's `v1` adds
 * `spec.syncWindows`, `spec.target.manifest` and `remoteRef.nullBytePolicy`: extend this type when
 * one of them is rendered.
 */
export type ExternalSecret = Named<Omit<IExternalSecretV1beta1, 'apiVersion'> & { apiVersion: 'external-secrets.io/v1' }>;

/**
 * `networking.istio.io/v1`, served since Istio 1.22 with the schema of `v1beta1` (Istio 1.30.3
 * `crd-all.gen.yaml`: each version carries the same schema). The package (2.3.0) stops at `v1beta1`.
 */
export type VirtualService = Named<Omit<IVirtualServiceV1beta1, 'apiVersion'> & { apiVersion: 'networking.istio.io/v1' }>;

export type Application = Named<IApplication>;
export type ApplicationSet = Named<IApplicationSet>;
export type AppProject = Named<IAppProject>;
