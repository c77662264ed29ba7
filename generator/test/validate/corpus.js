const labels = { 'app.kubernetes.io/name': 'xiaoai', 'app.kubernetes.io/part-of': 'suoke-life', 'app.kubernetes.io/version': '1.4.2' };
const selector = { 'app.kubernetes.io/name': 'xiaoai' };
const meta = (name, extra = {}) => ({ name, namespace: 'suoke-prod', labels: { ...labels }, ...extra });
export function deployment() {
    return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta('xiaoai', { annotations: { 'suoke.life/owner': 'agents-team', 'argocd.argoproj.io/sync-wave': '1' } }),
        spec: {
            replicas: 3,
            revisionHistoryLimit: 5,
            selector: { matchLabels: { ...selector } },
            strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
            template: {
                metadata: { labels: { ...labels }, annotations: { 'prometheus.io/scrape': 'true' } },
                spec: {
                    serviceAccountName: 'xiaoai',
                    securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
                    nodeSelector: { 'kubernetes.io/os': 'linux' },
                    topologySpreadConstraints: [
                        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { ...selector } } },
                    ],
                    containers: [
                        {
                            name: 'xiaoai',
                            image: 'registry.suoke.life/xiaoai:1.4.2',
                            imagePullPolicy: 'IfNotPresent',
                            args: ['--port=8080'],
                            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
                            env: [
                                { name: 'LOG_LEVEL', value: 'info' },
                                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'xiaoai-db', key: 'password' } } },
                            ],
                            envFrom: [{ configMapRef: { name: 'xiaoai-config' } }],
                            resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '512Mi' } },
                            readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
                            livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 10 },
                            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
                        },
                    ],
                    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
                },
            },
        },
    };
}
export function service() {
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('xiaoai'),
        spec: { type: 'ClusterIP', selector: { ...selector }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
    };
}
function serviceAccount() {
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('xiaoai'), automountServiceAccountToken: false };
}
export function configMap() {
    return {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta('xiaoai-config'),
        data: { 'application.yaml': 'server:\n  port: 8080\n', LOG_FORMAT: 'json', 'any key at all': 'free-form values' },
    };
}
function hpa() {
    return {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta('xiaoai'),
        spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'xiaoai' },
            minReplicas: 3,
            maxReplicas: 10,
            metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
            behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } },
        },
    };
}
function pdb() {
    return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('xiaoai'), spec: { minAvailable: 1, selector: { matchLabels: { ...selector } } } };
}
function networkPolicy() {
    return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta('xiaoai'),
        spec: {
            podSelector: { matchLabels: { ...selector } },
            policyTypes: ['Ingress', 'Egress'],
            ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
            egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
        },
    };
}
export function externalSecret() {
    return {
        // external-secrets.io/v1 is validated with the v1beta1 model (same schema, promoted).
        apiVersion: 'external-secrets.io/v1',
        kind: 'ExternalSecret',
        metadata: meta('xiaoai-db'),
        spec: {
            refreshInterval: '1h',
            secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
            target: { name: 'xiaoai-db', creationPolicy: 'Owner', template: { metadata: { labels: { ...labels } } } },
            data: [{ secretKey: 'password', remoteRef: { key: 'suoke/prod/xiaoai/db', property: 'password' } }],
        },
    };
}
export function serviceMonitor() {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: meta('xiaoai'),
        spec: {
            selector: { matchLabels: { ...selector } },
            namespaceSelector: { matchNames: ['suoke-prod'] },
            endpoints: [{ port: 'http', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }],
        },
    };
}
export function rollout() {
    const d = deployment();
    const spec = d.spec;
    delete spec.strategy;
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: d.metadata,
        spec: {
            ...spec,
            strategy: {
                canary: {
                    canaryService: 'xiaoai-canary',
                    stableService: 'xiaoai',
                    steps: [{ setWeight: 20 }, { pause: { duration: '5m' } }, { setWeight: 50 }, { pause: {} }],
                },
            },
        },
    };
}
export function application() {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'xiaoai-prod', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: {
            project: 'suoke-life',
            source: {
                repoURL: 'https://git.suoke.life/platform/gitops.git',
                targetRevision: 'main',
                path: 'apps/xiaoai/overlays/prod',
                kustomize: { patches: [{ target: { kind: 'Deployment', name: 'xiaoai' }, patch: '- op: replace\n  path: /spec/replicas\n  value: 4\n' }] },
            },
            destination: { server: 'https://kubernetes.default.svc', namespace: 'suoke-prod' },
            syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'], retry: { limit: 5 } },
        },
    };
}
function helmApplication() {
    return {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'redis', namespace: 'argocd' },
        spec: {
            project: 'platform',
            source: {
                repoURL: 'https://charts.bitnami.com/bitnami',
                chart: 'redis',
                targetRevision: '19.0.1',
                // valuesObject is free-form (x-kubernetes-preserve-unknown-fields): any nested keys are fine.
                helm: { releaseName: 'redis', valuesObject: { architecture: 'replication', auth: { enabled: true, anyKey: { deeper: [1, 'two'] } } } },
            },
            destination: { name: 'in-cluster', namespace: 'redis' },
        },
    };
}
function certificate() {
    return {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: meta('xiaoai-tls'),
        spec: { secretName: 'xiaoai-tls', dnsNames: ['xiaoai.suoke.life'], issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' }, duration: '2160h' },
    };
}
function prometheusRule() {
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: meta('xiaoai'),
        spec: {
            groups: [
                {
                    name: 'xiaoai',
                    rules: [
                        {
                            alert: 'XiaoaiDown',
                            expr: 'up{job="xiaoai"} == 0',
                            for: '5m',
                            // Prometheus labels, not Kubernetes labels: free text and templates are fine.
                            labels: { severity: 'critical', summary: 'Xiaoai is down in {{ $labels.namespace }}' },
                            annotations: { description: 'No target up for 5 minutes.' },
                        },
                    ],
                },
            ],
        },
    };
}
function crd() {
    return {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.suoke.life' },
        spec: {
            group: 'suoke.life',
            names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
            scope: 'Namespaced',
            versions: [
                {
                    name: 'v1',
                    served: true,
                    storage: true,
                    schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } } },
                },
            ],
        },
    };
}
/** The benchmark mix: the kinds every service renders. */
export function benchMix() {
    return [deployment(), service(), serviceAccount(), configMap(), hpa(), pdb(), networkPolicy(), externalSecret(), serviceMonitor()];
}
/** Every valid object above, by name. */
export const VALID = {
    deployment, service, serviceAccount, configMap, hpa, pdb, networkPolicy, externalSecret, serviceMonitor,
    rollout, application, helmApplication, certificate, prometheusRule, crd,
};
