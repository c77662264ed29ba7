import { createHash } from 'node:crypto';
import type { ServiceInstance } from '../model/types.js';
import { SIDECAR_ANNOTATIONS } from '../core/istio.js';
import {
  PORTS,
  PRIVATE_RANGES,
  RUN_AS,
  SCRAPE,
  secretName,
  selectorLabels,
  serviceLabels,
} from './conventions.js';
import { runningVersion } from '../model/build.js';
import { analysisTemplate } from './analysis.js';
import { canaryService, isGray, podMonitor, rollout, virtualService } from './rollout.js';

export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
};

/**
 * Every object one service runs with in one environment, exactly as the cluster should hold it
 * (namespace set, image tagged). The Kustomize base and overlay are derived from these, and
 * `validate` proves that kustomize rebuilds them byte for byte.
 */
export function serviceObjects(i: ServiceInstance): K8sObject[] {
  const svc = service(i);
  const gray = isGray(i) ? i : undefined;
  const analysis = gray ? analysisTemplate(gray) : undefined;
  const objects: K8sObject[] = [
    serviceAccount(i),
    configMap(i),
    ...(i.service.secrets.length > 0 ? [externalSecret(i)] : []),
    workload(i),
    svc,
    ...(gray ? [canaryService(gray, svc)] : []),
    ...(i.autoscaling ? [autoscaler(i)] : []),
    ...(i.disruptionBudget ? [disruptionBudget(i)] : []),
    networkPolicy(i),
    // A Rollout's pods are scraped by a PodMonitor: the controller re-points its Services (rollout.ts).
    ...(i.service.metrics ? [gray ? podMonitor(gray, monitorLabels(i)) : serviceMonitor(i)] : []),
    // A gray release adds its traffic route and, where thresholds are set, its analysis.
    ...(gray ? [virtualService(gray)] : []),
    ...(analysis ? [analysis] : []),
  ];
  return objects;
}

function meta(i: ServiceInstance, name = i.service.name, extra: Record<string, string> = {}) {
  return { name, namespace: i.env.namespace, labels: { ...serviceLabels(i.service.name, i.service.group), ...extra } };
}

function serviceAccount(i: ServiceInstance): K8sObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(i), automountServiceAccountToken: false };
}

function configData(i: ServiceInstance): Record<string, string> {
  const data: Record<string, string> = {
    ...i.settings,
    ENVIRONMENT: i.env.name,
    HTTP_PORT: String(PORTS.http),
    SERVICE_NAME: i.service.name,
  };
  if (i.service.grpc) data['GRPC_PORT'] = String(PORTS.grpc);
  if (i.service.metrics) data['METRICS_PORT'] = String(PORTS.metrics);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function configMap(i: ServiceInstance): K8sObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(i), data: configData(i) };
}

function externalSecret(i: ServiceInstance): K8sObject {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: meta(i),
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: i.env.secretStore.kind, name: i.env.secretStore.name },
      target: { name: secretName(i.service.name), creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: i.service.secrets.map((s) => ({
        secretKey: s.env,
        remoteRef: { key: s.key.replaceAll('{env}', i.env.name), ...(s.property ? { property: s.property } : {}) },
      })),
    },
  };
}

function containerPorts(i: ServiceInstance) {
  return [
    { name: 'http', containerPort: PORTS.http, protocol: 'TCP' },
    ...(i.service.grpc ? [{ name: 'grpc', containerPort: PORTS.grpc, protocol: 'TCP' }] : []),
    ...(i.service.metrics ? [{ name: 'metrics', containerPort: PORTS.metrics, protocol: 'TCP' }] : []),
  ];
}

function workload(i: ServiceInstance): K8sObject {
  const s = i.service;
  const probe = (path: string, period: number, failures: number) => ({
    httpGet: { path, port: 'http' },
    periodSeconds: period,
    timeoutSeconds: 2,
    failureThreshold: failures,
  });
  // Config changes must roll the pods: the ConfigMap's content hash sits in the pod template.
  const configHash = createHash('sha256').update(JSON.stringify(configData(i))).digest('hex').slice(0, 16);
  const podSpec: Record<string, unknown> = {
    serviceAccountName: s.name,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: RUN_AS,
      runAsGroup: RUN_AS,
      fsGroup: RUN_AS,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    terminationGracePeriodSeconds: 30,
    containers: [
      {
        name: s.name,
        image: i.image,
        imagePullPolicy: 'IfNotPresent',
        ports: containerPorts(i),
        envFrom: [{ configMapRef: { name: s.name } }],
        ...(s.secrets.length > 0
          ? {
              env: s.secrets.map((x) => ({
                name: x.env,
                valueFrom: { secretKeyRef: { name: secretName(s.name), key: x.env } },
              })),
            }
          : {}),
        resources: {
          requests: { cpu: i.resources.requests.cpu, memory: i.resources.requests.memory },
          limits: { cpu: i.resources.limits.cpu, memory: i.resources.limits.memory },
        },
        startupProbe: probe(s.health.liveness, 5, Math.max(1, Math.ceil(s.startupSeconds / 5))),
        livenessProbe: probe(s.health.liveness, 10, 3),
        readinessProbe: probe(s.health.readiness, 5, 3),
        securityContext: {
          allowPrivilegeEscalation: false,
          privileged: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          capabilities: { drop: ['ALL'] },
        },
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      },
    ],
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
  };
  if (i.topologySpread) {
    // Spread each revision on its own: the label that tells revisions apart is `pod-template-hash` on a
    // Deployment's pods and `rollouts-pod-template-hash` on a Rollout's (argo-rollouts
    // pkg/apis/rollouts/v1alpha1/types.go:149 @ v1.8.4); a key the pod lacks is silently ignored.
    const revisionKey = isGray(i) ? 'rollouts-pod-template-hash' : 'pod-template-hash';
    const spread = (topologyKey: string) => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: selectorLabels(s.name) },
      matchLabelKeys: [revisionKey],
    });
    podSpec['topologySpreadConstraints'] = [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')];
  }
  const template = {
    metadata: {
      // The version the pods run: a canary's pods are told apart from the stable ones by it.
      labels: { ...serviceLabels(s.name, s.group), 'app.kubernetes.io/version': runningVersion(i) },
      annotations: { 'suoke-life.com/config-hash': configHash, ...sidecarAnnotations(i) },
    },
    spec: podSpec,
  };
  const selector = { matchLabels: selectorLabels(s.name) };
  const replicas = workloadReplicas(i);
  if (isGray(i)) return rollout(i, meta(i), { ...replicas, revisionHistoryLimit: 5, selector, template });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(i),
    spec: {
      ...replicas,
      revisionHistoryLimit: 5,
      selector,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template,
    },
  };
}

/**
 * The size of the sidecar Istio injects where the namespace is in the mesh, as its per-pod annotations:
 * all four, because injection emits only the ones set (a pod without limits would be refused by a
 * quota on `limits.*`: "must specify limits.cpu"). See core/istio.ts.
 */
function sidecarAnnotations(i: ServiceInstance): Record<string, string> {
  const s = i.sidecar;
  if (!s) return {};
  return {
    [SIDECAR_ANNOTATIONS.cpu]: s.requests.cpu,
    [SIDECAR_ANNOTATIONS.cpuLimit]: s.limits.cpu,
    [SIDECAR_ANNOTATIONS.memory]: s.requests.memory,
    [SIDECAR_ANNOTATIONS.memoryLimit]: s.limits.memory,
  };
}

/**
 * `spec.replicas` of the workload: the fixed count without an HPA; left out with one, so that the HPA
 * alone owns the count and Argo CD's self-heal has nothing to reset (Argo CD best practices, "Leaving
 * room for imperativeness"). The Applications therefore need no `ignoreDifferences` on replicas.
 */
export function workloadReplicas(i: Pick<ServiceInstance, 'replicas' | 'autoscaling'>): { replicas?: number } {
  return i.autoscaling ? {} : { replicas: i.replicas };
}

function service(i: ServiceInstance): K8sObject {
  const ports = containerPorts(i).map((p) => ({
    name: p.name,
    port: p.containerPort,
    targetPort: p.name,
    protocol: 'TCP',
    appProtocol: p.name === 'grpc' ? 'grpc' : 'http',
  }));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(i),
    spec: { type: 'ClusterIP', selector: selectorLabels(i.service.name), ports },
  };
}

function autoscaler(i: ServiceInstance): K8sObject {
  const a = i.autoscaling as Exclude<ServiceInstance['autoscaling'], false>;
  const metric = (name: string, averageUtilization: number) => ({
    type: 'Resource',
    resource: { name, target: { type: 'Utilization', averageUtilization } },
  });
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(i),
    spec: {
      scaleTargetRef: { apiVersion: i.workload === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1', kind: i.workload, name: i.service.name },
      minReplicas: a.minReplicas,
      maxReplicas: a.maxReplicas,
      metrics: [metric('cpu', a.cpu), ...(a.memory !== undefined ? [metric('memory', a.memory)] : [])],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

function disruptionBudget(i: ServiceInstance): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(i),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: selectorLabels(i.service.name) },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}

/** Allows exactly the declared callers in, and exactly the declared dependencies out. DNS is allowed per namespace. */
function networkPolicy(i: ServiceInstance): K8sObject {
  const s = i.service;
  const appPorts = [{ protocol: 'TCP', port: PORTS.http }, ...(s.grpc ? [{ protocol: 'TCP', port: PORTS.grpc }] : [])];
  const ingress: unknown[] = [];
  if (i.callers.length > 0) {
    ingress.push({ from: i.callers.map((c) => ({ podSelector: { matchLabels: selectorLabels(c) } })), ports: appPorts });
  }
  if (s.exposed) {
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': i.cluster.ingressNamespace } } }],
      ports: [{ protocol: 'TCP', port: PORTS.http }],
    });
  }
  if (s.metrics) {
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': i.cluster.monitoringNamespace } } }],
      ports: [{ protocol: 'TCP', port: PORTS.metrics }],
    });
  }
  const egress: unknown[] = [];
  for (const callee of i.calls) {
    const ports = [{ protocol: 'TCP', port: PORTS.http }, ...(callee.grpc ? [{ protocol: 'TCP', port: PORTS.grpc }] : [])];
    egress.push({ to: [{ podSelector: { matchLabels: selectorLabels(callee.name) } }], ports });
  }
  // One peer with both selectors: the data service's pods in its own namespace (NetworkPolicyPeer:
  // namespaceSelector and podSelector together select the pods matching both; docs/networking.md).
  for (const d of i.data) {
    egress.push({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': d.namespace } }, podSelector: { matchLabels: { ...d.podLabels } } }],
      ports: [{ protocol: 'TCP', port: d.port }],
    });
  }
  for (const x of s.external) {
    const anywhere = x.cidr === '0.0.0.0/0';
    egress.push({
      to: [{ ipBlock: { cidr: x.cidr, ...(anywhere ? { except: PRIVATE_RANGES } : {}) } }],
      ports: x.ports.map((port) => ({ protocol: 'TCP', port })),
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(i),
    spec: {
      podSelector: { matchLabels: selectorLabels(s.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}

/** Labels of a monitor object: the service's, and those the cluster's Prometheus selects monitors by. */
function monitorLabels(i: ServiceInstance): Record<string, string> {
  return meta(i, i.service.name, { team: 'suoke-life', ...i.cluster.monitoringLabels }).labels;
}

function serviceMonitor(i: ServiceInstance): K8sObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { ...meta(i), labels: monitorLabels(i) },
    spec: {
      selector: { matchLabels: selectorLabels(i.service.name) },
      endpoints: [{ port: 'metrics', path: '/metrics', interval: `${SCRAPE.intervalSeconds}s`, scrapeTimeout: SCRAPE.timeout }],
    },
  };
}
