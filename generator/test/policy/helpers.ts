/** In-memory objects for the policy tests: a compliant service (as the generator renders it) to break one field at a time. */
import type { DataService } from '../../src/model/types.js';
import { runPolicies, type InstalledService, type Obj, type PolicyScope, type Rule, type Tier } from '../../src/policy/engine.js';

const labels = { 'app.kubernetes.io/name': 'xiaoai' };

export function deployment(): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: labels } }],
          containers: [
            {
              name: 'xiaoai',
              image: 'registry.suoke-life.com/suoke-life/xiaoai:2.1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
              ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'JWT_SECRET', valueFrom: { secretKeyRef: { name: 'xiaoai-secrets', key: 'JWT_SECRET' } } }],
              resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
              livenessProbe: { httpGet: { path: '/health', port: 'http' } },
              readinessProbe: { httpGet: { path: '/health', port: 8080 } },
              securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

export function service(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod', labels },
    spec: { selector: labels, ports: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }] },
  };
}

export function hpa(): Obj {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod', labels },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'xiaoai' }, minReplicas: 2, maxReplicas: 10 },
  };
}

export function pdb(): Obj {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'xiaoai', namespace: 'suoke-prod' }, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } };
}

export function networkPolicy(): Obj {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'xiaoai', namespace: 'suoke-prod' }, spec: { podSelector: { matchLabels: labels }, policyTypes: ['Ingress', 'Egress'] } };
}

export function serviceMonitor(): Obj {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod' },
    spec: { selector: { matchLabels: labels }, endpoints: [{ port: 'metrics', path: '/metrics' }] },
  };
}

/** The Deployment as an Argo Rollouts canary whose Istio routing moves the weights of VirtualService `xiaoai`. */
export function rollout(): Obj {
  return edited(deployment(), (r) => {
    r.apiVersion = 'argoproj.io/v1alpha1';
    r.kind = 'Rollout';
    r.spec.strategy = {
      canary: {
        stableService: 'xiaoai',
        canaryService: 'xiaoai-canary',
        trafficRouting: { istio: { virtualService: { name: 'xiaoai', routes: ['primary'] } } },
        steps: [{ setWeight: 5 }, { pause: {} }],
      },
    };
  });
}

/** The VirtualService a gray release renders: one route, stable 100 and canary 0. */
export function virtualService(): Obj {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod', labels },
    spec: {
      hosts: ['xiaoai'],
      http: [{ name: 'primary', route: [{ destination: { host: 'xiaoai' }, weight: 100 }, { destination: { host: 'xiaoai-canary' }, weight: 0 }] }],
    },
  };
}

/** Every object of the compliant service. */
export function platform(): Obj[] {
  return [deployment(), service(), hpa(), pdb(), networkPolicy(), serviceMonitor()];
}

/** The prod PostgreSQL as configured: CloudNativePG Cluster `postgres` in `suoke-prod-data`. */
export const postgres: DataService = {
  kind: 'postgres',
  name: 'postgres',
  resource: 'CloudNativePG Cluster',
  namespace: 'suoke-prod-data',
  podLabels: { 'cnpg.io/cluster': 'postgres' },
  port: 5432,
  operatorNamespace: 'cnpg-system',
  metricsPort: 9187,
};

/** The service's NetworkPolicy with one egress rule to TCP 5432 through `peers`. */
export function egressTo(peers: Obj[], port = 5432): Obj {
  return edited(networkPolicy(), (n) => (n.spec.egress = [{ to: peers, ports: [{ protocol: 'TCP', port }] }]));
}

/** Deep copy, then `edit` changes it in place. */
export function edited<T extends Obj>(o: T, edit: (x: any) => void): T {
  const copy = structuredClone(o);
  edit(copy);
  return copy;
}

/** Runs rules on the objects as one scope (one Argo CD path) and prints each finding as `severity path: message`. */
export function run(rules: readonly Rule[], objects: Obj[], tier: Tier = 'production', kubernetesVersion = '1.31', dataServices: readonly DataService[] = [], installedServices: readonly InstalledService[] = []): string[] {
  const scope: PolicyScope = { name: 'clusters/prod/prod/xiaoai', env: 'prod', tier, kubernetesVersion, documents: objects.map((object) => ({ object, file: 'clusters/prod/prod/xiaoai' })), dataServices, installedServices };
  return runPolicies([scope], { rules }).map((f) => `${f.severity} ${f.path ?? '-'}: ${f.message}`);
}
