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
import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import type { IExternalSecret as IExternalSecretV1beta1 } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IEnvoyFilter } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/EnvoyFilter';
import type { IGateway as IGatewayV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway';
import type { IVirtualService as IVirtualServiceV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import type { IAlertmanagerConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig';
import type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
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
export type Job = Named<IJob>;
export type ClusterRole = Named<IClusterRole>;
export type ClusterRoleBinding = Named<IClusterRoleBinding>;

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

/**
 * `networking.istio.io/v1` Gateway, as VirtualService above: the schema of `v1beta1` (Istio 1.30.3
 * `crd-all.gen.yaml`, the Gateway CRD from :7221, `v1` from :7229). The package's `v1beta1` lacks
 * `servers[].tls.caCertCredentialName`, `caCrl`, `credentialNames` and `tlsCertificates`: extend this
 * type when one of them is rendered.
 */
export type Gateway = Named<Omit<IGatewayV1beta1, 'apiVersion'> & { apiVersion: 'networking.istio.io/v1' }>;

/**
 * `networking.istio.io/v1alpha3` EnvoyFilter, the only version Istio 1.30.3 serves (`crd-all.gen.yaml`
 * from :6770). The package (2.3.0) lacks `spec.targetRefs`, `configPatches[].match.waypoint` and
 * `match.routeConfiguration.vhost.domainName`, none rendered; a patch's `value` is Envoy's own
 * configuration, any object.
 */
export type EnvoyFilter = Named<IEnvoyFilter>;

/**
 * `cert-manager.io/v1` Certificate (cert-manager v1.21.1 `cert-manager.io_certificates.yaml`). The
 * package (4.4.4) lacks `nameConstraints`, `otherNames`, `renewBeforePercentage`, `signatureAlgorithm`
 * and the keystores' `password`/`alias`/`profile`, none rendered.
 */
export type Certificate = Named<ICertificate>;

type IssuerSpec = IClusterIssuer['spec'];
type Acme = NonNullable<IssuerSpec['acme']>;
type AcmeSolver = NonNullable<Acme['solvers']>[number];
type Http01 = NonNullable<AcmeSolver['http01']>;
/** An HTTP-01 solver with `ingress.ingressClassName` (cert-manager v1.21.1 `cert-manager.io_clusterissuers.yaml`:2219), which the package lacks. */
type Http01Solver = Omit<AcmeSolver, 'http01'> & { http01?: Omit<Http01, 'ingress'> & { ingress?: NonNullable<Http01['ingress']> & { ingressClassName?: string } } };

/**
 * `cert-manager.io/v1` ClusterIssuer (cert-manager v1.21.1 `cert-manager.io_clusterissuers.yaml`). The
 * package (4.4.4) lags it; of what is rendered, it lacks the ACME HTTP-01 solver's
 * `ingress.ingressClassName`, added here. (Also missing, not rendered: `acme.profile`,
 * `solvers[].waitInsteadOfSelfCheck`, some DNS-01 and Vault fields.)
 */
export type ClusterIssuer = Named<Omit<IClusterIssuer, 'spec'> & { spec: Omit<IssuerSpec, 'acme'> & { acme?: Omit<Acme, 'solvers'> & { solvers?: Http01Solver[] } } }>;

export type Application = Named<IApplication>;
export type ApplicationSet = Named<IApplicationSet>;
export type AppProject = Named<IAppProject>;

/*
 * ECK's custom resources, typed locally (no model package covers them), narrowed to the fields rendered,
 * named as the pinned CRDs name them: elastic/cloud-on-k8s v3.5.0 `config/crds/v1/all-crds.yaml`
 * (platform/crds/eck-operator/v3.5.0/). That file keeps every `podTemplate` an open object; the operator
 * reads it as a Kubernetes pod template, which is how it is typed here.
 */

/** Elastic Stack objects reference their Elasticsearch by name, in their own namespace here. */
interface ElasticsearchRef {
  name: string;
}

/** `elasticsearch.k8s.elastic.co/v1` Elasticsearch (`all-crds.yaml` from :4592, `v1` from :4600, the storage version). */
export type Elasticsearch = Named<{
  apiVersion: 'elasticsearch.k8s.elastic.co/v1';
  kind: 'Elasticsearch';
  metadata?: ObjectMeta;
  spec: {
    version: string;
    nodeSets: {
      name: string;
      count?: number;
      /** Elasticsearch's own settings (`elasticsearch.yml`), any keys. */
      config?: Record<string, unknown>;
      podTemplate?: PodTemplate;
      volumeClaimTemplates?: Pick<IPersistentVolumeClaim, 'metadata' | 'spec'>[];
    }[];
  };
}>;

/** `kibana.k8s.elastic.co/v1` Kibana (`all-crds.yaml` from :9128, `v1` from :9136, the storage version). */
export type Kibana = Named<{
  apiVersion: 'kibana.k8s.elastic.co/v1';
  kind: 'Kibana';
  metadata?: ObjectMeta;
  spec: { version: string; count?: number; elasticsearchRef?: ElasticsearchRef; podTemplate?: PodTemplate };
}>;

/** `beat.k8s.elastic.co/v1beta1` Beat (`all-crds.yaml` from :2970, `v1beta1` from :2978, its only served version). */
export type Beat = Named<{
  apiVersion: 'beat.k8s.elastic.co/v1beta1';
  kind: 'Beat';
  metadata?: ObjectMeta;
  spec: {
    /** The Beat: `filebeat`, `metricbeat`, … */
    type: string;
    version: string;
    elasticsearchRef?: ElasticsearchRef;
    /** The Beat's own configuration (`filebeat.yml`), any keys. */
    config?: Record<string, unknown>;
    daemonSet?: { podTemplate?: PodTemplate };
  };
}>;
