/**
 * Every check of the catalogue: a firing case (exact severity, path and message) and a quiet case,
 * on in-memory objects modelled on what the generator renders.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/policy/rules/index.js';
import type { InstalledService, Obj, Tier } from '../../src/policy/engine.js';
import { deployment, edited, egressTo, hpa, networkPolicy, pdb, platform, postgres, rollout, run, service, serviceMonitor, virtualService } from './helpers.js';
import type { DataService } from '../../src/model/types.js';

const C = 'spec.template.spec.containers[0]';
const dep = (edit: (d: any) => void) => [edited(deployment(), edit), service(), hpa(), pdb(), networkPolicy(), serviceMonitor()];
const container = (edit: (c: any) => void) => dep((d) => edit(d.spec.template.spec.containers[0]));
const replace = (kind: string, o: Obj) => platform().map((x) => (x.kind === kind ? o : x));
/** The service as a canary: the Rollout instead of the Deployment, the canary Service, and the VirtualService as edited. */
const gray = (edit: (v: any) => void, editRollout: (r: any) => void = () => {}) => [
  edited(rollout(), editRollout), service(), edited(service(), (s) => (s.metadata.name = 'xiaoai-canary')), edited(virtualService(), edit),
];
const PG_MISSED = 'error spec.egress[0].to[0]: egress to postgres (CloudNativePG Cluster "postgres": pods cnpg.io/cluster=postgres in namespace suoke-prod-data, TCP 5432) selects pods cnpg.io/cluster=postgres in the policy\'s own namespace suoke-prod, so it never reaches postgres';
const FROZEN = 'Argo CD keeps the live spec.http of this VirtualService, so it could never change from Git';

/** Data custom resources as the generator renders them (render/data), sized and spread. */
const D = { namespace: 'suoke-prod-data' };
const SIZE = () => ({ requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } });
const PER_NODE = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'redis' } } }] } };
const pgCluster = (edit: (s: any) => void = () => {}) => edited({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'postgres', ...D }, spec: { instances: 3, resources: SIZE(), affinity: { podAntiAffinityType: 'required' } } } as any, (o) => edit(o.spec));
const pooler = (edit: (s: any) => void = () => {}) =>
  edited({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Pooler', metadata: { name: 'postgres-pooler-rw', ...D }, spec: { cluster: { name: 'postgres' }, instances: 2, template: { spec: { containers: [{ name: 'pgbouncer', resources: SIZE() }], affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } }] } } } } } } as any, (o) => edit(o.spec));
const redisReplication = (edit: (s: any) => void = () => {}) =>
  edited({ apiVersion: 'redis.redis.opstreelabs.in/v1beta2', kind: 'RedisReplication', metadata: { name: 'redis', ...D }, spec: { clusterSize: 3, kubernetesConfig: { image: 'quay.io/opstree/redis:v7.0.15', resources: SIZE() }, redisExporter: { enabled: true, image: 'quay.io/opstree/redis-exporter:v1.44.0', resources: SIZE() }, affinity: PER_NODE } } as any, (o) => edit(o.spec));
const rabbit = (edit: (s: any) => void = () => {}) => edited({ apiVersion: 'rabbitmq.com/v1beta1', kind: 'RabbitmqCluster', metadata: { name: 'rabbitmq', ...D }, spec: { replicas: 3, resources: SIZE(), affinity: PER_NODE } } as any, (o) => edit(o.spec));

const dataPdb = (matchLabels: Record<string, string>) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: `pdb-${Object.values(matchLabels)[0]}`, ...D }, spec: { maxUnavailable: 1, selector: { matchLabels } } });

/** Argo CD's application-controller metrics Service as installed upstream (render/argocd-monitoring.ts), and a monitor of it. */
const ARGOCD_SERVICE: InstalledService = { namespace: 'argocd', labels: { 'app.kubernetes.io/name': 'argocd-metrics', 'app.kubernetes.io/part-of': 'argocd' }, ports: ['metrics'] };
const ARGOCD_MONITOR = (): Obj => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'argocd-metrics', namespace: 'argocd' }, spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'argocd-metrics' } }, endpoints: [{ port: 'metrics' }] } });

interface Case {
  name: string;
  objects: Obj[];
  tier?: Tier;
  version?: string;
  /** The environment's configured data services. Default none. */
  data?: DataService[];
  /** Services installed outside the repository in the scope's cluster. Default none. */
  installed?: InstalledService[];
  expected: string[];
}

const IMAGE = 'registry.suoke-life.com/suoke-life/xiaoai:2.1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
/** The service's ExternalSecret composing DATABASE_URL from the rendered pooler (render/externalsecret.ts). */
const dbSecret = (url = 'postgresql://{{ .database_username | urlquery }}:{{ .database_password | urlquery }}@postgres-pooler-rw.suoke-prod-data.svc:5432/xiaoai') => ({
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'xiaoai', namespace: 'suoke-prod' },
  spec: { target: { name: 'xiaoai-secrets', template: { data: { DATABASE_URL: url } } } },
});
/** The workload reading DATABASE_URL from that Secret. */
const withDb = (edit: (c: any) => void = () => {}) => container((c) => { c.env.push({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'xiaoai-secrets', key: 'DATABASE_URL' } } }); edit(c); });
/** A migration Job with these annotations and image (render/migrations.ts). */
const migrateJob = (annotations: Record<string, string>, image = IMAGE) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'xiaoai-migrate', namespace: 'suoke-prod', annotations },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image, command: ['/app/migrate', 'up'] }] } } },
});
const PRESYNC = { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' };
const NOT_MIGRATED = `warning ${C}.env[2]: container "xiaoai" of Deployment "xiaoai" reads DATABASE_URL from a database this repository renders, but no Argo CD PreSync hook Job runs its image ${IMAGE}: new versions start against a schema nobody migrated`;

const cases: Record<string, Case[]> = {
  'image-tag': [
    { name: 'latest', objects: container((c) => (c.image = 'registry.suoke-life.com/suoke-life/xiaoai:latest')), expected: [`error ${C}.image: container "xiaoai" image "registry.suoke-life.com/suoke-life/xiaoai:latest" uses the tag "latest", which changes under running pods`] },
    { name: 'no tag (a registry port is not a tag)', objects: container((c) => (c.image = 'localhost:5000/xiaoai')), expected: [`error ${C}.image: container "xiaoai" image "localhost:5000/xiaoai" has no tag, so it runs whatever "latest" is when the pod starts`] },
    { name: 'no image', objects: container((c) => delete c.image), expected: [`error ${C}.image: container "xiaoai" has no image`] },
    { name: 'quiet: a version tag', objects: container((c) => (c.image = 'nginx:1.27.0')), expected: [] },
  ],
  'image-digest': [
    { name: 'a tag only, in production: a warning', objects: container((c) => (c.image = 'nginx:1.27.0')), expected: [`warning ${C}.image: container "xiaoai" image "nginx:1.27.0" is not pinned by digest`] },
    { name: 'quiet: a tag only, in development', objects: container((c) => (c.image = 'nginx:1.27.0')), tier: 'development', expected: [] },
  ],
  resources: [
    { name: 'no memory limit, no CPU request', objects: container((c) => { delete c.resources.limits.memory; delete c.resources.requests.cpu; }), expected: [`error ${C}.resources.limits.memory: container "xiaoai" sets no memory limit`, `error ${C}.resources.requests.cpu: container "xiaoai" sets no CPU request`] },
    { name: 'none at all, in development: warnings', objects: container((c) => delete c.resources), tier: 'development', expected: [`warning ${C}.resources.limits.cpu: container "xiaoai" sets no CPU limit`, `warning ${C}.resources.limits.memory: container "xiaoai" sets no memory limit`, `warning ${C}.resources.requests.cpu: container "xiaoai" sets no CPU request`, `warning ${C}.resources.requests.memory: container "xiaoai" sets no memory request`] },
    { name: 'quiet: an init container that sets all four too', objects: dep((d) => (d.spec.template.spec.initContainers = [{ name: 'migrate', image: 'x:1', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } }, securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } }])), expected: [] },
  ],
  quantity: [
    { name: 'request above limit', objects: container((c) => (c.resources.requests.memory = '8Gi')), expected: [`error ${C}.resources.requests.memory: container "xiaoai" requests more memory (8Gi) than its limit (4Gi); the API server refuses it`] },
    { name: 'CPU finer than 1m', objects: container((c) => (c.resources.requests.cpu = '0.0001')), expected: [`error ${C}.resources.requests.cpu: container "xiaoai" requests.cpu "0.0001" is not a CPU amount in cores or whole millicores`] },
    { name: 'quiet: not a quantity at all is the schema check\'s (schema/format)', objects: container((c) => (c.resources.requests.cpu = 'abc')), expected: [] },
  ],
  probes: [
    { name: 'no readiness probe', objects: container((c) => delete c.readinessProbe), expected: [`error ${C}.readinessProbe: container "xiaoai" has no readiness probe`] },
    { name: 'no liveness probe, in development: a warning', objects: container((c) => delete c.livenessProbe), tier: 'development', expected: [`warning ${C}.livenessProbe: container "xiaoai" has no liveness probe`] },
    { name: 'quiet: a Job runs to completion and needs no probes', objects: [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'suoke-prod' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'x:1' }] } } } }], expected: [] },
  ],
  'probe-port': [
    { name: 'a port name the container does not have', objects: container((c) => (c.livenessProbe.httpGet.port = 'health')), expected: [`error ${C}.livenessProbe.httpGet.port: container "xiaoai" livenessProbe aims at port "health", which the container does not name (its ports: "http", "metrics")`] },
    { name: 'a port number it does not expose', objects: container((c) => (c.readinessProbe = { tcpSocket: { port: 8081 } })), expected: [`error ${C}.readinessProbe.tcpSocket.port: container "xiaoai" readinessProbe aims at port 8081, which the container does not expose (its ports: 8080, 9090)`] },
    { name: 'a number when the container declares no ports', objects: container((c) => { delete c.ports; c.livenessProbe.httpGet.port = 8080; c.readinessProbe = { exec: { command: ['true'] } }; }), expected: [`error ${C}.livenessProbe.httpGet.port: container "xiaoai" livenessProbe aims at port 8080, which the container does not expose (it declares no ports)`] },
    { name: 'quiet: a declared number, a declared name, an exec probe', objects: container((c) => { c.startupProbe = { tcpSocket: { port: 9090 } }; c.readinessProbe = { exec: { command: ['true'] } }; }), expected: [] },
  ],
  'run-as-non-root': [
    { name: 'runAsNonRoot nowhere, user 0 on the pod', objects: dep((d) => { d.spec.template.spec.securityContext = { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } }; delete d.spec.template.spec.containers[0].securityContext.runAsNonRoot; }), expected: [`error ${C}.securityContext.runAsNonRoot: container "xiaoai" may run as root: runAsNonRoot is not true on the container or the pod`, 'error spec.template.spec.securityContext.runAsUser: container "xiaoai" runs as user 0 (root)'] },
    { name: 'quiet: set on the pod only', objects: container((c) => delete c.securityContext.runAsNonRoot), expected: [] },
  ],
  'read-only-root-fs': [
    { name: 'writable', objects: container((c) => (c.securityContext.readOnlyRootFilesystem = false)), expected: [`error ${C}.securityContext.readOnlyRootFilesystem: container "xiaoai" has a writable root file system`] },
    { name: 'writable, in development: a warning', objects: container((c) => delete c.securityContext.readOnlyRootFilesystem), tier: 'development', expected: [`warning ${C}.securityContext.readOnlyRootFilesystem: container "xiaoai" has a writable root file system`] },
    { name: 'quiet: read-only on the init container too', objects: dep((d) => (d.spec.template.spec.initContainers = [{ name: 'migrate', image: 'x:1', securityContext: { readOnlyRootFilesystem: true } }])), expected: [] },
  ],
  privileged: [{ name: 'privileged', objects: container((c) => (c.securityContext.privileged = true)), expected: [`error ${C}.securityContext.privileged: container "xiaoai" is privileged: it has every capability and all host devices`] }, { name: 'quiet: privileged: false written out', objects: container((c) => (c.securityContext.privileged = false)), expected: [] }],
  'privilege-escalation': [{ name: 'not set', objects: container((c) => delete c.securityContext.allowPrivilegeEscalation), expected: [`error ${C}.securityContext.allowPrivilegeEscalation: container "xiaoai" does not set allowPrivilegeEscalation: false`] }, { name: 'explicitly true on an init container', objects: dep((d) => (d.spec.template.spec.initContainers = [{ name: 'migrate', image: 'x:1', securityContext: { allowPrivilegeEscalation: true } }])), expected: ['error spec.template.spec.initContainers[0].securityContext.allowPrivilegeEscalation: init container "migrate" does not set allowPrivilegeEscalation: false'] }, { name: 'quiet: false on the init container too', objects: dep((d) => (d.spec.template.spec.initContainers = [{ name: 'migrate', image: 'x:1', securityContext: { allowPrivilegeEscalation: false } }])), expected: [] }],
  capabilities: [
    { name: 'drops only NET_RAW, adds SYS_ADMIN', objects: container((c) => (c.securityContext.capabilities = { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] })), expected: [`error ${C}.securityContext.capabilities.add[1]: container "xiaoai" adds capability SYS_ADMIN; only NET_BIND_SERVICE may be added`, `error ${C}.securityContext.capabilities.drop: container "xiaoai" does not drop ALL capabilities`] },
    { name: 'quiet: drop ALL, add NET_BIND_SERVICE', objects: container((c) => (c.securityContext.capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] })), expected: [] },
  ],
  seccomp: [
    { name: 'none', objects: dep((d) => delete d.spec.template.spec.securityContext.seccompProfile), expected: ['error spec.template.spec.securityContext.seccompProfile.type: container "xiaoai" runs without a seccomp profile'] },
    { name: 'Unconfined on the container', objects: container((c) => (c.securityContext.seccompProfile = { type: 'Unconfined' })), expected: [`error ${C}.securityContext.seccompProfile.type: container "xiaoai" runs with seccomp profile "Unconfined"`] },
    { name: 'quiet: Localhost', objects: container((c) => (c.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'x.json' })), expected: [] },
  ],
  'pod-security-baseline': [
    { name: 'hostProcess on the pod, Unmasked /proc, AppArmor Unconfined, SELinux user', objects: dep((d) => { const p = d.spec.template.spec; p.securityContext.windowsOptions = { hostProcess: true }; Object.assign(p.containers[0].securityContext, { procMount: 'Unmasked', appArmorProfile: { type: 'Unconfined' }, seLinuxOptions: { user: 'system_u' } }); }), expected: [`error ${C}.securityContext.appArmorProfile.type: container "xiaoai" runs without AppArmor confinement (Unconfined)`, `error ${C}.securityContext.procMount: container "xiaoai" mounts /proc Unmasked, without the masks that hide the node's kernel interfaces`, `error ${C}.securityContext.seLinuxOptions.user: container "xiaoai" sets a custom SELinux user "system_u"`, "error spec.template.spec.securityContext.windowsOptions.hostProcess: the pod runs as a Windows host process, with the node's privileges"] },
    { name: 'quiet: procMount Default, AppArmor RuntimeDefault, an SELinux level only', objects: container((c) => Object.assign(c.securityContext, { procMount: 'Default', appArmorProfile: { type: 'RuntimeDefault' }, seLinuxOptions: { level: 's0:c123,c456' } })), expected: [] },
  ],
  'host-namespaces': [{ name: 'hostNetwork and hostPID', objects: dep((d) => Object.assign(d.spec.template.spec, { hostNetwork: true, hostPID: true })), expected: ["error spec.template.spec.hostNetwork: the pod sets hostNetwork: true and shares the node's network namespace", "error spec.template.spec.hostPID: the pod sets hostPID: true and shares the node's PID namespace"] }, { name: 'quiet: hostNetwork, hostPID and hostIPC false written out', objects: dep((d) => Object.assign(d.spec.template.spec, { hostNetwork: false, hostPID: false, hostIPC: false })), expected: [] }],
  'host-path': [{ name: 'a hostPath volume', objects: dep((d) => d.spec.template.spec.volumes.push({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } })), expected: ['error spec.template.spec.volumes[1].hostPath: volume "docker" mounts the node\'s path "/var/run/docker.sock"'] }, { name: 'quiet: emptyDir, configMap and projected volumes', objects: dep((d) => d.spec.template.spec.volumes.push({ name: 'config', configMap: { name: 'xiaoai' } }, { name: 'token', projected: { sources: [] } })), expected: [] }],
  'host-port': [{ name: 'hostPort', objects: container((c) => (c.ports[0].hostPort = 80)), expected: [`error ${C}.ports[0].hostPort: container "xiaoai" binds host port 80`] }, { name: 'quiet: a containerPort without hostPort, and hostPort 0 (none)', objects: container((c) => (c.ports[1].hostPort = 0)), expected: [] }],
  'volume-types': [
    { name: 'an nfs volume', objects: dep((d) => d.spec.template.spec.volumes.push({ name: 'share', nfs: { server: 'nas', path: '/export' } })), expected: ['error spec.template.spec.volumes[1].nfs: volume "share" is of type nfs, which Pod Security restricted refuses'] },
    { name: 'quiet: configMap, secret, projected, PVC; hostPath is the host-path check\'s', objects: dep((d) => d.spec.template.spec.volumes.push({ name: 'c', configMap: { name: 'x' } }, { name: 's', secret: { secretName: 'x' } }, { name: 'p', projected: { sources: [] } }, { name: 'd', persistentVolumeClaim: { claimName: 'x' } }, { name: 'h', hostPath: { path: '/x' } })), expected: [] },
  ],
  'secret-env': [
    { name: 'a password and a URL with credentials', objects: container((c) => c.env.push({ name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'REDIS_URL', value: 'redis://app:s3cret@redis:6379/0' })), expected: [`error ${C}.env[2].value: container "xiaoai" env var "DB_PASSWORD" holds a secret written out: the name marks it as a secret, detector rule \`secret-name\``, `error ${C}.env[3].value: container "xiaoai" env var "REDIS_URL" holds a secret written out: a URL with a password in it, detector rule \`url-credentials\``] },
    {
      name: 'what passed before: DB_PASS, PASSPHRASE, a numeric PIN, a DSN password, a token shape, a Bearer JWT',
      objects: container((c) =>
        c.env.push(
          { name: 'DB_PASS', value: 'hunter2' },
          { name: 'PASSPHRASE', value: 'correct horse' },
          { name: 'PIN_PASSWORD', value: '8675309' },
          { name: 'PG_DSN', value: 'host=db user=app password=s3cr3t' },
          { name: 'UPSTREAM', value: ['ghp_', 'R7tKq2ZxW9mN4bV8cY3pL6sD1fH5jG0aE2uI'].join('') },
          { name: 'UPSTREAM_AUTH', value: ['Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.') },
        ),
      ),
      expected: [
        `error ${C}.env[2].value: container "xiaoai" env var "DB_PASS" holds a secret written out: the name marks it as a secret, detector rule \`secret-name\``,
        `error ${C}.env[3].value: container "xiaoai" env var "PASSPHRASE" holds a secret written out: the name marks it as a secret, detector rule \`secret-name\``,
        `error ${C}.env[4].value: container "xiaoai" env var "PIN_PASSWORD" holds a secret written out: the name marks it as a secret, detector rule \`secret-name\``,
        `error ${C}.env[5].value: container "xiaoai" env var "PG_DSN" holds a secret written out: a connection string or query with a password or token, detector rule \`connection-string\``,
        `error ${C}.env[6].value: container "xiaoai" env var "UPSTREAM" holds a secret written out: the shape of a credential (gitleaks rule github-pat), detector rule \`gitleaks:github-pat\``,
        `error ${C}.env[7].value: container "xiaoai" env var "UPSTREAM_AUTH" holds a secret written out: the shape of a credential (gitleaks rule jwt), detector rule \`gitleaks:jwt\``,
      ],
    },
    { name: 'a ConfigMap key, a number and a query password in a ConfigMap', objects: [...platform(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'xiaoai', namespace: 'suoke-prod' }, data: { API_KEY: 'abc123', PIN: 8675309, PIN_PASSWORD: 8675309, CALLBACK: 'https://x.example/cb?a=1&pwd=abc' } }], expected: ['error data.API_KEY: ConfigMap key "API_KEY" holds a secret written out: the name marks it as a secret, detector rule `secret-name`', 'error data.CALLBACK: ConfigMap key "CALLBACK" holds a secret written out: a connection string or query with a password or token, detector rule `connection-string`', 'error data.PIN_PASSWORD: ConfigMap key "PIN_PASSWORD" holds a secret written out: the name marks it as a secret, detector rule `secret-name`'] },
    { name: 'quiet: settings about a secret, URLs without a password, look-alikes', objects: container((c) => c.env.push({ name: 'TOKEN_TTL_SECONDS', value: '3600' }, { name: 'KEY_PATH', value: '/keys/a.pem' }, { name: 'MQ_URL', value: 'amqp://rabbitmq:5672' }, { name: 'PASSWORD_FILE', value: '/run/secrets/db' }, { name: 'AUTH_URL', value: 'https://auth.example/login' }, { name: 'IMAGE_DIGEST', value: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }, { name: 'REQUEST_ID', value: '123e4567-e89b-12d3-a456-426614174000' }, { name: 'ENABLE_PASSWORD_RESET', value: 'true' }, { name: 'UPSTREAM_TOKEN', value: '$(TOKEN_FROM_SECRET)' })), expected: [] },
  ],
  'secret-data': [
    { name: 'data and stringData', objects: [...platform(), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'suoke-prod' }, data: { password: 'aHVudGVyMg==' }, stringData: { user: 'app' } }], expected: ['error data: Secret carries data (password) in the repository', 'error stringData: Secret carries stringData (user) in the repository'] },
    { name: 'quiet: an empty Secret', objects: [...platform(), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'suoke-prod' } }], expected: [] },
  ],
  'duplicate-env': [{ name: 'LOG_LEVEL twice', objects: container((c) => c.env.push({ name: 'LOG_LEVEL', value: 'debug' })), expected: [`error ${C}.env[2].name: container "xiaoai" sets env var "LOG_LEVEL" twice (env[0] and env[2]); the last one wins`] }, { name: 'quiet: the same name in two containers, once each', objects: dep((d) => d.spec.template.spec.containers.push({ ...structuredClone(d.spec.template.spec.containers[0]), name: 'sidecar' })), expected: [] }],
  'dangling-service': [
    { name: 'a selector no pod has', objects: replace('Service', edited(service(), (s) => (s.spec.selector = { 'app.kubernetes.io/name': 'xiaoi' }))), expected: ['error spec.selector: Service selects no pods: no workload in the same environment has pods labelled app.kubernetes.io/name=xiaoi'] },
    { name: 'quiet: a Service without selector (endpoints managed elsewhere)', objects: replace('Service', edited(service(), (s) => delete s.spec.selector)), expected: [] },
  ],
  'dangling-hpa': [{ name: 'a StatefulSet that does not exist', objects: replace('HorizontalPodAutoscaler', edited(hpa(), (h) => (h.spec.scaleTargetRef.kind = 'StatefulSet'))), expected: ['error spec.scaleTargetRef: HorizontalPodAutoscaler targets apps/v1/StatefulSet "xiaoai", which does not exist in the same environment'] }, { name: 'quiet: a Rollout named by apiVersion, kind and name', objects: [edited(deployment(), (d) => { d.apiVersion = 'argoproj.io/v1alpha1'; d.kind = 'Rollout'; }), service(), edited(hpa(), (h) => (h.spec.scaleTargetRef = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'xiaoai' })), pdb(), networkPolicy(), serviceMonitor()], expected: [] }],
  'dangling-pdb': [{ name: 'selects nothing', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => (p.spec.selector.matchLabels = { app: 'xiaoai' }))), expected: ['error spec.selector: PodDisruptionBudget selects no pods: no workload in the same environment has pods labelled app=xiaoai'] }, { name: 'quiet: matchExpressions that select the pods', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => (p.spec.selector = { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: ['xiaoai', 'xiaoke'] }] }))), expected: [] }],
  'dangling-networkpolicy': [
    { name: 'selects nothing', objects: [...platform(), edited(networkPolicy(), (n) => { n.metadata.name = 'old'; n.spec.podSelector.matchLabels = { 'app.kubernetes.io/name': 'gone' }; })], expected: ['warning spec.podSelector: NetworkPolicy applies to no pods: no workload in the same environment has pods labelled app.kubernetes.io/name=gone'] },
    { name: 'quiet: an empty podSelector (default deny) selects every pod', objects: [...platform(), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'suoke-prod' }, spec: { podSelector: {} } }], expected: [] },
    { name: 'quiet: a configured data service\'s pods, made by its operator', objects: [...platform(), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'postgres-access', namespace: 'suoke-prod-data' }, spec: { podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } }, policyTypes: ['Ingress'] } }], data: [postgres], expected: [] },
    { name: 'the same policy where no data service is configured', objects: [...platform(), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'postgres-access', namespace: 'suoke-prod-data' }, spec: { podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } }, policyTypes: ['Ingress'] } }], expected: ['warning spec.podSelector: NetworkPolicy applies to no pods: no workload in the same environment has pods labelled cnpg.io/cluster=postgres'] },
  ],
  'dangling-servicemonitor': [
    { name: 'selects no Service', objects: replace('ServiceMonitor', edited(serviceMonitor(), (m) => (m.spec.selector.matchLabels = { release: 'x' }))), expected: ['error spec.selector: ServiceMonitor selects no Service: none in the same environment is labelled release=x'] },
    { name: 'scrapes a port the Service does not name', objects: replace('ServiceMonitor', edited(serviceMonitor(), (m) => (m.spec.endpoints[0].port = 'prometheus'))), expected: ['error spec.endpoints[0].port: ServiceMonitor scrapes port "prometheus", which the selected Service does not name ("http", "metrics")'] },
    { name: 'quiet: namespaceSelector any', objects: replace('ServiceMonitor', edited(serviceMonitor(), (m) => { m.spec.selector.matchLabels = { release: 'x' }; m.spec.namespaceSelector = { any: true }; })), expected: [] },
    { name: 'quiet: Argo CD\'s metrics Service, installed outside the repository', objects: [ARGOCD_MONITOR()], installed: [ARGOCD_SERVICE], expected: [] },
    { name: 'Argo CD\'s metrics Service, on a port it does not name', objects: [edited(ARGOCD_MONITOR(), (m) => (m.spec.endpoints[0].port = 'http-metrics'))], installed: [ARGOCD_SERVICE], expected: ['error spec.endpoints[0].port: ServiceMonitor scrapes port "http-metrics", which the installed Service does not name ("metrics")'] },
    { name: 'Argo CD\'s monitor where Argo CD\'s Services are not installed', objects: [ARGOCD_MONITOR()], expected: ['error spec.selector: ServiceMonitor selects no Service: none in the same environment is labelled app.kubernetes.io/name=argocd-metrics'] },
  ],
  'pdb-blocks-eviction': [
    { name: 'maxUnavailable 0', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => (p.spec.maxUnavailable = 0))), expected: ['error spec.maxUnavailable: PodDisruptionBudget allows no pod to be unavailable: every voluntary eviction (node drain, upgrade) is blocked'] },
    { name: 'minAvailable equal to the HPA minimum', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = 2; })), expected: ['error spec.minAvailable: PodDisruptionBudget requires 2 available pods but Deployment "xiaoai" may run only 2: every voluntary eviction is blocked'] },
    { name: 'minAvailable 50% of the one replica in development (rounded up): a warning', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = '50%'; })).map((o) => (o.kind === 'HorizontalPodAutoscaler' ? edited(o, (h) => (h.spec.minReplicas = 1)) : o)), tier: 'development', expected: ['warning spec.minAvailable: PodDisruptionBudget requires 50% (1 of 1) available pods but Deployment "xiaoai" may run only 1: every voluntary eviction is blocked'] },
    { name: 'quiet: minAvailable 50% of 2 replicas leaves one eviction', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = '50%'; })), expected: [] },
    { name: 'quiet: minAvailable below the replicas', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = 1; })), expected: [] },
  ],
  'min-replicas': [
    { name: 'an HPA minimum of 1', objects: replace('HorizontalPodAutoscaler', edited(hpa(), (h) => (h.spec.minReplicas = 1))), expected: ['error spec.replicas: Deployment may run a single replica (1): one pod is a single point of failure in production'] },
    { name: 'quiet: 1 replica in development', objects: replace('HorizontalPodAutoscaler', edited(hpa(), (h) => (h.spec.minReplicas = 1))), tier: 'development', expected: [] },
  ],
  'topology-spread': [
    { name: 'no spread', objects: dep((d) => delete d.spec.template.spec.topologySpreadConstraints), expected: ['warning spec.template.spec.topologySpreadConstraints: Deployment does not spread its replicas: one node or zone failure may take all of them'] },
    { name: 'quiet: pod anti-affinity', objects: dep((d) => { delete d.spec.template.spec.topologySpreadConstraints; d.spec.template.spec.affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } }; }), expected: [] },
  ],
  'network-policy-coverage': [
    { name: 'an ingress-only policy', objects: replace('NetworkPolicy', edited(networkPolicy(), (n) => (n.spec.policyTypes = ['Ingress']))), expected: ['error spec.template.metadata.labels: the pods of Deployment "xiaoai" are not isolated for egress: no NetworkPolicy in the same environment selects them'] },
    { name: 'quiet: the namespace default deny covers it', objects: [...platform().filter((o) => o.kind !== 'NetworkPolicy'), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'suoke-prod' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } }], expected: [] },
    { name: 'no NetworkPolicy at all, in development: a warning', objects: platform().filter((o) => o.kind !== 'NetworkPolicy'), tier: 'development', expected: ['warning spec.template.metadata.labels: the pods of Deployment "xiaoai" are not isolated for ingress and egress: no NetworkPolicy in the same environment selects them'] },
  ],
  'data-service-reach': [
    { name: 'regression: a podSelector alone looks for postgres in the services\' own namespace', objects: replace('NetworkPolicy', egressTo([{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } }])), data: [postgres], expected: [PG_MISSED] },
    { name: 'quiet: namespace and pods in one peer', objects: replace('NetworkPolicy', egressTo([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'suoke-prod-data' } }, podSelector: { matchLabels: { 'cnpg.io/cluster': 'postgres' } } }])), data: [postgres], expected: [] },
  ],
  'data-resources': [
    { name: 'a pooler without resources (the prod Pooler, before)', objects: [pooler((s) => delete s.template.spec.containers[0].resources)], expected: ['error spec.template.spec.containers[0].resources: the pgbouncer container of Pooler "postgres-pooler-rw" sets no CPU request, memory request, CPU limit or memory limit: the operator runs its pods unsized (a quota refuses them, or one starves its node)'] },
    { name: 'the Redis exporter without a CPU limit, in development: a warning', objects: [redisReplication((s) => delete s.redisExporter.resources.limits.cpu)], tier: 'development', expected: ['warning spec.redisExporter.resources: the redis-exporter container of RedisReplication "redis" sets no CPU limit: the operator runs its pods unsized (a quota refuses them, or one starves its node)'] },
    { name: 'a RabbitmqCluster without resources', objects: [rabbit((s) => delete s.resources)], expected: ['error spec.resources: the rabbitmq container of RabbitmqCluster "rabbitmq" sets no CPU request, memory request, CPU limit or memory limit: the operator runs its pods unsized (a quota refuses them, or one starves its node)'] },
    { name: 'quiet: every data resource sized (the exporter disabled needs none)', objects: [pgCluster(), pooler(), redisReplication((s) => { s.redisExporter = { enabled: false }; }), rabbit()], expected: [] },
  ],
  'data-spread': [
    { name: 'three PostgreSQL instances, anti-affinity only preferred (the operator\'s default)', objects: [pgCluster((s) => delete s.affinity)], expected: ['error spec: Cluster "postgres" runs 3 pods without a required anti-affinity on kubernetes.io/hostname: two may share a node, and losing that node loses both (a replica and its primary, or a quorum)'] },
    { name: 'a RabbitmqCluster of 3 without anti-affinity, in development: a warning', objects: [rabbit((s) => delete s.affinity)], tier: 'development', expected: ['warning spec: RabbitmqCluster "rabbitmq" runs 3 pods without a required anti-affinity on kubernetes.io/hostname: two may share a node, and losing that node loses both (a replica and its primary, or a quorum)'] },
    { name: 'a pooler of 2 with no anti-affinity', objects: [pooler((s) => delete s.template.spec.affinity)], expected: ['error spec.template.spec.affinity: Pooler "postgres-pooler-rw" runs 2 pods with no anti-affinity on kubernetes.io/hostname: they may all share a node'] },
    { name: 'quiet: one instance needs no spreading', objects: [pgCluster((s) => { s.instances = 1; delete s.affinity; })], expected: [] },
    { name: 'quiet: required for the stateful ones, preferred for the pooler', objects: [pgCluster(), pooler(), redisReplication(), rabbit()], expected: [] },
  ],
  'data-disruption': [
    { name: 'a pooler of 2 without a budget', objects: [pooler()], expected: ['error metadata.name: no PodDisruptionBudget in suoke-prod-data selects the 2 pods of Pooler "postgres-pooler-rw": a node drain may evict them all at once'] },
    { name: 'a RabbitmqCluster of 3 whose budget selects other pods, in development: a warning', objects: [rabbit(), dataPdb({ app: 'redis' })], tier: 'development', expected: ['warning metadata.name: no PodDisruptionBudget in suoke-prod-data selects the 3 pods of RabbitmqCluster "rabbitmq": a node drain may evict them all at once'] },
    { name: 'CloudNativePG told not to make its budgets', objects: [pgCluster((s) => (s.enablePDB = false))], expected: ['error spec.enablePDB: Cluster "postgres" runs 3 instances with enablePDB: false: a node drain may evict the primary and its replicas at once'] },
    { name: 'quiet: CloudNativePG\'s own budgets (enablePDB by default), the pooler\'s and RabbitMQ\'s rendered', objects: [pgCluster(), pooler(), dataPdb({ 'cnpg.io/poolerName': 'postgres-pooler-rw' }), rabbit(), dataPdb({ 'app.kubernetes.io/name': 'rabbitmq' })], expected: [] },
    { name: 'quiet: one pod needs no budget', objects: [rabbit((s) => (s.replicas = 1))], expected: [] },
  ],
  'data-migrations': [
    { name: 'a rendered database, no migration Job', objects: [...withDb(), dbSecret()], expected: [NOT_MIGRATED] },
    { name: 'in development too (a warning in every tier)', objects: [...withDb(), dbSecret()], tier: 'development', expected: [NOT_MIGRATED] },
    { name: 'a Job that is no hook (it would run alongside the new pods)', objects: [...withDb(), dbSecret(), migrateJob({})], expected: [NOT_MIGRATED] },
    { name: 'a PostSync hook runs after the new pods', objects: [...withDb(), dbSecret(), migrateJob({ 'argocd.argoproj.io/hook': 'PostSync' })], expected: [NOT_MIGRATED] },
    {
      name: 'the PreSync Job runs another version of the image: an error',
      objects: [...withDb(), dbSecret(), migrateJob(PRESYNC, 'registry.suoke-life.com/suoke-life/xiaoai:2.0.9')],
      expected: [`error ${C}.image: the PreSync Job migrates with registry.suoke-life.com/suoke-life/xiaoai:2.0.9, but container "xiaoai" of Deployment "xiaoai" runs ${IMAGE}: the schema would be another version's`],
    },
    { name: 'quiet: a PreSync Job with the same image', objects: [...withDb(), dbSecret(), migrateJob(PRESYNC)], expected: [] },
    { name: 'quiet: PreSync among several phases, spaces allowed (gitops-engine reads a CSV)', objects: [...withDb(), dbSecret(), migrateJob({ 'argocd.argoproj.io/hook': 'Sync, PreSync' })], expected: [] },
    { name: 'quiet: a Helm pre-upgrade hook is PreSync to Argo CD', objects: [...withDb(), dbSecret(), migrateJob({ 'helm.sh/hook': 'pre-install,pre-upgrade' })], expected: [] },
    { name: 'quiet: DATABASE_URL read whole from the secret store (a database outside this repository)', objects: [...withDb()], expected: [] },
    { name: 'quiet: the ExternalSecret composes something else', objects: [...withDb(), dbSecret('redis://redis:6379')], expected: [] },
  ],
  'rbac-wildcard': [
    { name: '* verbs and resources', objects: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'all', namespace: 'suoke-prod' }, rules: [{ apiGroups: [''], resources: ['*'], verbs: ['*'] }] }], expected: ['error rules[0].resources: Role grants every resource ("*" in rules[0].resources)', 'error rules[0].verbs: Role grants every verb ("*" in rules[0].verbs)'] },
    { name: 'a ClusterRole on every non-resource URL', objects: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'probe' }, rules: [{ nonResourceURLs: ['*'], verbs: ['get'] }] }], expected: ['error rules[0].nonResourceURLs: ClusterRole grants every non-resource URL ("*" in rules[0].nonResourceURLs)'] },
    { name: 'quiet: named verbs', objects: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'read', namespace: 'suoke-prod' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] }], expected: [] },
  ],
  'cluster-admin-binding': [{ name: 'a ServiceAccount bound to cluster-admin', objects: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'x' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'xiaoai', namespace: 'suoke-prod' }] }], expected: ['error roleRef.name: ClusterRoleBinding grants cluster-admin to ServiceAccount xiaoai'] }, { name: 'quiet: a RoleBinding to the ClusterRole view', objects: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'x', namespace: 'suoke-prod' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'xiaoai', namespace: 'suoke-prod' }] }], expected: [] }],
  'deprecated-api': [
    { name: 'policy/v1beta1 PDB, removed in 1.25', objects: replace('PodDisruptionBudget', edited(pdb(), (p) => (p.apiVersion = 'policy/v1beta1'))), expected: ['error apiVersion: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; the cluster runs 1.31'] },
    { name: 'autoscaling/v2beta2 on 1.26', objects: replace('HorizontalPodAutoscaler', edited(hpa(), (h) => (h.apiVersion = 'autoscaling/v2beta2'))), version: '1.26', expected: ['error apiVersion: autoscaling/v2beta2 HorizontalPodAutoscaler was removed in Kubernetes 1.26; the cluster runs 1.26'] },
    { name: 'flowcontrol v1beta3 on 1.31: deprecated, a warning', objects: [{ apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'x' } }], expected: ['warning apiVersion: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since Kubernetes 1.29 and removed in 1.32'] },
    { name: 'quiet: autoscaling/v2beta2 on 1.22, before its deprecation', objects: replace('HorizontalPodAutoscaler', edited(hpa(), (h) => (h.apiVersion = 'autoscaling/v2beta2'))), version: '1.22', expected: [] },
  ],
  'default-namespace': [
    { name: 'namespace default', objects: [edited(service(), (s) => (s.metadata.namespace = 'default'))], expected: ['error metadata.namespace: object is in the default namespace'] },
    { name: 'quiet: no namespace (set by kustomize)', objects: [edited(service(), (s) => delete s.metadata.namespace)], expected: [] },
  ],
  'dns-name': [
    { name: 'container, port and volume names', objects: dep((d) => { const p = d.spec.template.spec; p.containers[0].name = 'Xiao_AI'; p.containers[0].ports[1].name = 'prometheus-metrics'; p.volumes[0].name = 'Tmp'; }), expected: ['error spec.template.spec.containers[0].name: container name "Xiao_AI" is not a DNS-1123 label', 'error spec.template.spec.containers[0].ports[1].name: container "Xiao_AI" port name "prometheus-metrics" is not an IANA service name', 'error spec.template.spec.volumes[0].name: volume name "Tmp" is not a DNS-1123 label'] },
    { name: 'quiet: a 63-character container name and a 15-character port name', objects: dep((d) => { const c = d.spec.template.spec.containers[0]; c.name = 'a'.repeat(62) + '1'; c.ports[1].name = 'prometheus-metr'; }), expected: [] },
  ],
  'weighted-route-only': [
    {
      name: 'retries, a timeout and a match on the weighted route; headers on a destination, a port on its target',
      objects: gray((v) => {
        Object.assign(v.spec.http[0], { match: [{ uri: { prefix: '/' } }], retries: { attempts: 3 }, timeout: '5s' });
        v.spec.http[0].route[0].headers = { request: { set: { x: '1' } } };
        v.spec.http[0].route[1].destination.port = { number: 8080 };
      }),
      expected: [
        `error spec.http[0].match: the weighted route "primary" of Rollout "xiaoai" also sets match: ${FROZEN}`,
        `error spec.http[0].retries: the weighted route "primary" of Rollout "xiaoai" also sets retries: ${FROZEN}`,
        `error spec.http[0].route[0].headers: the weighted route "primary" of Rollout "xiaoai" also sets headers on a destination: ${FROZEN}`,
        `error spec.http[0].route[1].destination.port: the weighted route "primary" of Rollout "xiaoai" also sets destination.port: ${FROZEN}`,
        `error spec.http[0].timeout: the weighted route "primary" of Rollout "xiaoai" also sets timeout: ${FROZEN}`,
      ],
    },
    {
      name: 'a second route before the weighted one, and a third Service among its destinations',
      objects: gray((v) => {
        v.spec.http.unshift({ name: 'legacy', match: [{ uri: { prefix: '/v1' } }], route: [{ destination: { host: 'xiaoai-v1' } }] });
        v.spec.http[1].route.push({ destination: { host: 'xiaoai-mirror.suoke-prod.svc.cluster.local' }, weight: 0 });
      }),
      expected: [
        'error spec.http[0]: VirtualService has HTTP route "legacy" besides the weighted route Rollout "xiaoai" moves: Argo CD keeps the live spec.http of this VirtualService, so the route could never change from Git',
        'error spec.http[1].route[2].destination.host: the weighted route "primary" of Rollout "xiaoai" sends traffic to "xiaoai-mirror.suoke-prod.svc.cluster.local", neither of its Services ("xiaoai", "xiaoai-canary"); the controller removes such a destination',
      ],
    },
    {
      name: 'named as name.namespace among virtualServices, routes left out: the first route is the weighted one, a second is extra',
      objects: gray(
        (v) => v.spec.http.push({ route: [{ destination: { host: 'xiaoai' } }] }),
        (r) => (r.spec.strategy.canary.trafficRouting.istio = { virtualServices: [{ name: 'xiaoai.suoke-prod' }] }),
      ),
      expected: ['error spec.http[1]: VirtualService has HTTP route #1 besides the weighted route Rollout "xiaoai" moves: Argo CD keeps the live spec.http of this VirtualService, so the route could never change from Git'],
    },
    {
      name: 'quiet: the weighted route alone, hosts written in full, DestinationRule subsets',
      objects: gray((v) => {
        v.spec.http[0].route[0].destination = { host: 'xiaoai.suoke-prod.svc.cluster.local', subset: 'stable' };
        v.spec.http[0].route[1].destination = { host: 'xiaoai-canary.suoke-prod.svc.cluster.local', subset: 'canary' };
      }),
      expected: [],
    },
    {
      name: 'quiet: an edge route served on the Gateway and port 443 alone, its destinations on the http port, moved with the mesh route',
      objects: gray(
        (v) => {
          const gw = 'istio-ingress/suoke-prod';
          Object.assign(v.spec, { hosts: ['xiaoai', 'ai.suoke-life.com'], gateways: ['mesh', gw] });
          v.spec.http.unshift({ name: 'edge', match: [{ gateways: [gw], port: 443 }], route: [{ destination: { host: 'xiaoai', port: { number: 8080 } }, weight: 100 }, { destination: { host: 'xiaoai-canary', port: { number: 8080 } }, weight: 0 }] });
        },
        (r) => (r.spec.strategy.canary.trafficRouting.istio.virtualService.routes = ['primary', 'edge']),
      ),
      expected: [],
    },
    {
      name: 'an edge route that also matches a path: the match is frozen, and so is the port',
      objects: gray(
        (v) => v.spec.http.unshift({ name: 'edge', match: [{ gateways: ['istio-ingress/suoke-prod'], uri: { prefix: '/api' } }], route: [{ destination: { host: 'xiaoai', port: { number: 8080 } }, weight: 100 }, { destination: { host: 'xiaoai-canary' }, weight: 0 }] }),
        (r) => (r.spec.strategy.canary.trafficRouting.istio.virtualService.routes = ['primary', 'edge']),
      ),
      expected: [
        `error spec.http[0].match: the weighted route "edge" of Rollout "xiaoai" also sets match: ${FROZEN}`,
        `error spec.http[0].route[0].destination.port: the weighted route "edge" of Rollout "xiaoai" also sets destination.port: ${FROZEN}`,
      ],
    },
    {
      name: 'quiet: a VirtualService no Rollout manages routes as it likes (a Rollout of another namespace names it)',
      objects: gray((v) => (v.spec.http[0].retries = { attempts: 3 }), (r) => (r.metadata.namespace = 'suoke-staging')),
      expected: [],
    },
  ],
};

describe('the check catalogue', () => {
  it('has cases for every rule, and nothing else', () => {
    expect(Object.keys(cases).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it.each(RULES.map((r) => [r.id]))('%s has a firing case and a quiet case of its own', (id) => {
    const list = cases[id] ?? [];
    expect(list.filter((c) => c.expected.length > 0).length, `${id}: firing cases`).toBeGreaterThan(0);
    expect(list.filter((c) => c.expected.length === 0).length, `${id}: quiet cases`).toBeGreaterThan(0);
  });

  it.each(RULES.map((r) => [r.id]))('%s is quiet on the compliant service', (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    expect(run([rule], platform())).toEqual([]);
  });

  for (const [id, list] of Object.entries(cases)) {
    describe(`policy/${id}`, () => {
      it.each(list.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const rule = RULES.find((r) => r.id === id)!;
        expect(run([rule], c.objects, c.tier, c.version, c.data, c.installed)).toEqual(c.expected);
      });
    });
  }
});

describe('the whole catalogue on the compliant service', () => {
  it('finds nothing in production', () => expect(run(RULES, platform())).toEqual([]));
});
