/**
 * What a service's pods run as and with: the ServiceAccount, and the pod template a Deployment and a
 * Rollout share (containers, probes, security settings, spreading, the Istio sidecar's size).
 */
import { createHash } from 'node:crypto';
import { SIDECAR_ANNOTATIONS } from '../core/istio.js';
import { isGray, runningVersion } from '../model/build.js';
import { configData } from './config.js';
import { secretVariables } from './config.js';
import { PORTS, RUN_AS, secretName, selectorLabels, serviceLabels, serviceMeta } from './conventions.js';
export function serviceAccount(i) {
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: serviceMeta(i), automountServiceAccountToken: false };
}
/** HTTP always; gRPC and metrics where the service serves them. The Service's ports follow these. */
export function containerPorts(i) {
    return [
        { name: 'http', containerPort: PORTS.http, protocol: 'TCP' },
        ...(i.service.grpc ? [{ name: 'grpc', containerPort: PORTS.grpc, protocol: 'TCP' }] : []),
        ...(i.service.metrics ? [{ name: 'metrics', containerPort: PORTS.metrics, protocol: 'TCP' }] : []),
    ];
}
export function podTemplate(i) {
    const s = i.service;
    const probe = (path, period, failures) => ({
        httpGet: { path, port: 'http' },
        periodSeconds: period,
        timeoutSeconds: 2,
        failureThreshold: failures,
    });
    // Config changes must roll the pods: the ConfigMap's content hash sits in the pod template.
    const configHash = createHash('sha256').update(JSON.stringify(configData(i))).digest('hex').slice(0, 16);
    const podSpec = {
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
                ...(secretVariables(i).length > 0
                    ? {
                        env: secretVariables(i).map((name) => ({
                            name,
                            valueFrom: { secretKeyRef: { name: secretName(s.name), key: name } },
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
    Object.assign(podSpec, poolPlacement(i));
    if (i.topologySpread) {
        // Spread each revision on its own: the label that tells revisions apart is `pod-template-hash` on a
        // Deployment's pods and `rollouts-pod-template-hash` on a Rollout's (argo-rollouts
        // pkg/apis/rollouts/v1alpha1/types.go:149 @ v1.8.4); a key the pod lacks is silently ignored.
        const revisionKey = isGray(i) ? 'rollouts-pod-template-hash' : 'pod-template-hash';
        const spread = (topologyKey) => ({
            maxSkew: 1,
            topologyKey,
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: selectorLabels(s.name) },
            matchLabelKeys: [revisionKey],
        });
        podSpec.topologySpreadConstraints = [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')];
    }
    return {
        metadata: {
            // The version the pods run: a canary's pods are told apart from the stable ones by it.
            labels: { ...serviceLabels(s.name, s.group), 'app.kubernetes.io/version': runningVersion(i) },
            annotations: { 'suoke-life.com/config-hash': configHash, ...sidecarAnnotations(i) },
        },
        spec: podSpec,
    };
}
/**
 * The pod-spec fields that put a service's pods (its workload's and its migration Job's) on the nodes
 * of its pool (model/scheduling.ts): a pool's taints keep other pods off it, so its own pods tolerate
 * them. None when no pool hosts the service.
 */
export function poolPlacement(i) {
    if (!i.scheduling)
        return {};
    return {
        nodeSelector: { ...i.scheduling.nodeSelector },
        ...(i.scheduling.tolerations.length > 0 ? { tolerations: i.scheduling.tolerations.map((t) => ({ ...t })) } : {}),
    };
}
/**
 * The size of the sidecar Istio injects where the namespace is in the mesh, as its per-pod annotations:
 * all four, because injection emits only the ones set (a pod without limits would be refused by a
 * quota on `limits.*`: "must specify limits.cpu"). See core/istio.ts.
 */
function sidecarAnnotations(i) {
    const s = i.sidecar;
    if (!s)
        return {};
    return {
        [SIDECAR_ANNOTATIONS.cpu]: s.requests.cpu,
        [SIDECAR_ANNOTATIONS.cpuLimit]: s.limits.cpu,
        [SIDECAR_ANNOTATIONS.memory]: s.requests.memory,
        [SIDECAR_ANNOTATIONS.memoryLimit]: s.limits.memory,
    };
}
