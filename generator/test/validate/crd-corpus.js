/**
 * Valid custom resources of every add-on kind we render (or may render), written against the CRDs
 * pinned under platform/crds, several with fields newer than the @kubernetes-models packages know.
 * Each call returns a fresh copy, safe to mutate.
 */
import { application, externalSecret, rollout, serviceMonitor } from './corpus.js';
const meta = (name, namespace = 'suoke-prod') => ({ name, namespace, labels: { 'app.kubernetes.io/name': name } });
/** Argo Rollouts >= 1.7: `provider.prometheus.timeout`; the model package predates it. */
export function analysisTemplate() {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AnalysisTemplate',
        metadata: meta('xiaoke-canary'),
        spec: {
            args: [{ name: 'service' }],
            metrics: [
                {
                    name: 'success-rate',
                    interval: '1m',
                    count: 5,
                    failureLimit: 1,
                    successCondition: 'result[0] >= 0.99',
                    provider: { prometheus: { address: 'http://prometheus.monitoring:9090', timeout: 30, query: 'sum(rate(x[1m]))' } },
                },
            ],
        },
    };
}
/** cert-manager >= 1.12: `http01.ingress.ingressClassName`. */
export function clusterIssuer() {
    return {
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: { name: 'letsencrypt-prod' },
        spec: {
            acme: {
                server: 'https://acme-v02.api.letsencrypt.org/directory',
                email: 'ops@suoke-life.com',
                privateKeySecretRef: { name: 'letsencrypt-prod' },
                solvers: [{ http01: { ingress: { ingressClassName: 'istio' } } }],
            },
        },
    };
}
/** prometheus-operator >= 0.66: `keep_firing_for`. */
export function prometheusRule() {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: meta('xiaoke'),
        spec: {
            groups: [
                {
                    name: 'xiaoke',
                    rules: [{ alert: 'XiaokeDown', expr: 'up{job="xiaoke"} == 0', for: '5m', keep_firing_for: '10m', labels: { severity: 'page' } }],
                },
            ],
        },
    };
}
export function certificate() {
    return {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: meta('api-tls', 'istio-system'),
        spec: {
            secretName: 'api-tls',
            dnsNames: ['api.suoke-life.com'],
            duration: '2160h',
            renewBefore: '360h',
            issuerRef: { name: 'letsencrypt-prod', kind: 'ClusterIssuer', group: 'cert-manager.io' },
            privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
        },
    };
}
export function podMonitor() {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PodMonitor',
        metadata: meta('xiaoke'),
        spec: {
            selector: { matchLabels: { 'app.kubernetes.io/name': 'xiaoke' } },
            podMetricsEndpoints: [{ port: 'http-envoy-prom', path: '/stats/prometheus', interval: '15s' }],
        },
    };
}
export function virtualService() {
    return {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: meta('xiaoke'),
        spec: {
            hosts: ['xiaoke'],
            http: [
                {
                    name: 'primary',
                    route: [
                        { destination: { host: 'xiaoke', port: { number: 80 } }, weight: 80 },
                        { destination: { host: 'xiaoke-canary', port: { number: 80 } }, weight: 20 },
                    ],
                    timeout: '10s',
                },
            ],
        },
    };
}
export function destinationRule() {
    return {
        apiVersion: 'networking.istio.io/v1',
        kind: 'DestinationRule',
        metadata: meta('xiaoke'),
        spec: {
            host: 'xiaoke.suoke-prod.svc.cluster.local',
            trafficPolicy: { connectionPool: { http: { http2MaxRequests: 100 } }, outlierDetection: { consecutive5xxErrors: 5, interval: '30s', baseEjectionTime: '1m' } },
        },
    };
}
/** CloudNativePG Cluster. */
export function pgCluster() {
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: meta('xiaoke-db'),
        spec: {
            instances: 3,
            imageName: 'ghcr.io/cloudnative-pg/postgresql:17.2',
            storage: { size: '20Gi', storageClass: 'ssd' },
            resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '1Gi' } },
            postgresql: { parameters: { max_connections: '200' } },
            plugins: [{ name: 'barman-cloud.cloudnative-pg.io', isWALArchiver: true, parameters: { barmanObjectName: 'xiaoke-store' } }],
        },
    };
}
export function scheduledBackup() {
    return {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'ScheduledBackup',
        metadata: meta('xiaoke-db-daily'),
        spec: { schedule: '0 0 2 * * *', cluster: { name: 'xiaoke-db' }, method: 'plugin', pluginConfiguration: { name: 'barman-cloud.cloudnative-pg.io' } },
    };
}
export function applicationSet() {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: { name: 'suoke-prod', namespace: 'argocd' },
        spec: {
            goTemplate: true,
            goTemplateOptions: ['missingkey=error'],
            generators: [{ list: { elements: [{ service: 'xiaoke' }] } }],
            template: {
                metadata: { name: '{{.service}}-prod', labels: { 'suoke-life.com/service': '{{.service}}' } },
                spec: {
                    project: 'suoke-prod',
                    source: { repoURL: 'https://git.suoke-life.com/platform/suoke-life-gitops.git', targetRevision: 'main', path: 'clusters/prod/prod/{{.service}}' },
                    destination: { server: 'https://kubernetes.default.svc', namespace: 'suoke-prod' },
                    syncPolicy: { automated: { prune: true, selfHeal: true } },
                },
            },
        },
    };
}
export function appProject() {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: 'suoke-prod', namespace: 'argocd' },
        spec: {
            sourceRepos: ['https://git.suoke-life.com/platform/suoke-life-gitops.git'],
            destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'suoke-prod' }],
            syncWindows: [{ kind: 'allow', schedule: '0 22 * * 2,4', duration: '2h', applications: ['*'], manualSync: true, timeZone: 'Asia/Shanghai' }],
        },
    };
}
/** One valid object per add-on kind, by a readable name. */
export const CRD_VALID = {
    'Rollout (Argo Rollouts v1.9.1)': rollout,
    'AnalysisTemplate with prometheus.timeout (Argo Rollouts >= 1.7)': analysisTemplate,
    'Application (Argo CD v3.5.1)': application,
    'ApplicationSet (Argo CD v3.5.1)': applicationSet,
    'AppProject (Argo CD v3.5.1)': appProject,
    'ExternalSecret (external-secrets v2.9.0)': externalSecret,
    'ServiceMonitor (prometheus-operator v0.93.0)': serviceMonitor,
    'PodMonitor (prometheus-operator v0.93.0)': podMonitor,
    'PrometheusRule with keep_firing_for (prometheus-operator >= 0.66)': prometheusRule,
    'VirtualService (Istio 1.30.3)': virtualService,
    'DestinationRule (Istio 1.30.3)': destinationRule,
    'Cluster (CloudNativePG v1.30.0)': pgCluster,
    'ScheduledBackup (CloudNativePG v1.30.0)': scheduledBackup,
    'Certificate (cert-manager v1.21.1)': certificate,
    'ClusterIssuer with http01.ingress.ingressClassName (cert-manager >= 1.12)': clusterIssuer,
};
