/**
 * Schema migrations (数据库迁移, docs/data-layer.md#migrations): per service with
 * `database.migrations`, a Job Argo CD runs as a PreSync hook of the service's Application, so the
 * schema is migrated before the new version's pods start, with the image of the version being
 * deployed. The command must be idempotent: it runs before every sync of the service.
 */
import { serviceDatabase } from '../model/postgres.js';
import type { ServiceInstance } from '../model/types.js';
import { MANAGED_BY, PART_OF, RUN_AS } from './conventions.js';
import type { ExternalSecret, Job, NetworkPolicy } from './kinds.js';
import { poolPlacement } from './pod.js';


/** Labels of a migration pod: not the service's selector label, so no Service sends it traffic. */
function podLabels(service: string): Record<string, string> {
  return { 'app.kubernetes.io/component': 'migration', 'app.kubernetes.io/part-of': PART_OF, 'suoke-life.com/migration': service };
}

/** The migration pods of `service`, as NetworkPolicies select them. */
export function migrationSelector(service: string): Record<string, string> {
  return { 'suoke-life.com/migration': service };
}

/** Whether the instance runs migrations: it declares them and the environment renders its database. */
export function runsMigrations(i: ServiceInstance): boolean {
  return i.service.database?.migrations !== undefined && serviceDatabase(i)?.kind === 'rendered';
}

/**
 * The hook Job and the NetworkPolicy its pod needs (the namespace denies all traffic by default).
 *
 * - `PreSync` runs before any object of the sync is applied, and a failed hook fails the sync: the new
 *   version's pods are never created against an unmigrated schema (argo-cd docs/user-guide/resource_hooks.md).
 * - `BeforeHookCreation` deletes the previous run's Job before creating the next, as a Job's pod
 *   template cannot be changed (same document, "Hook deletion policies").
 * - It connects to the Cluster's read-write Service, not PgBouncer: a migration may take session
 *   locks and run DDL that transaction pooling would break.
 * - Its credentials come from an ExternalSecret that is itself a PreSync hook, one wave earlier: the
 *   service's own Secret is applied in the Sync phase, after PreSync, so on a first deploy it does not
 *   exist yet and the Job's pod would wait for it forever (the simulation shows it). Argo CD waits for
 *   a hook wave to be healthy before the next (the ExternalSecret's health is its `Ready` condition).
 * - No Istio sidecar: a Job whose sidecar never exits never completes (`sidecar.istio.io/inject`).
 */
export function migrationObjects(i: ServiceInstance): (ExternalSecret | Job | NetworkPolicy)[] {
  const m = i.service.database?.migrations;
  const db = serviceDatabase(i);
  if (!m || db?.kind !== 'rendered') return [];
  const s = i.service;
  const name = `${s.name}-migrate`;
  const labels = { 'app.kubernetes.io/name': s.name, 'app.kubernetes.io/component': 'migration', 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY };
  const credentials: ExternalSecret = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: {
      name,
      namespace: i.env.namespace,
      labels,
      annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': '-1' },
    },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: i.env.secretStore.kind, name: i.env.secretStore.name },
      target: {
        name,
        creationPolicy: 'Owner',
        deletionPolicy: 'Delete',
        template: {
          engineVersion: 'v2',
          data: { DATABASE_URL: `postgresql://{{ .username | urlquery }}:{{ .password | urlquery }}@${db.rwHost}:${db.port}/${db.database}` },
        },
      },
      data: [
        { secretKey: 'username', remoteRef: { key: db.credentialsKey, property: 'username' } },
        { secretKey: 'password', remoteRef: { key: db.credentialsKey, property: 'password' } },
      ],
    },
  };
  const job: Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: i.env.namespace,
      labels,
      annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation', 'argocd.argoproj.io/sync-wave': '0' },
    },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 900,
      template: {
        metadata: { labels: { ...podLabels(s.name), 'app.kubernetes.io/version': i.version }, annotations: { 'sidecar.istio.io/inject': 'false' } },
        spec: {
          serviceAccountName: s.name,
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          restartPolicy: 'Never',
          securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, fsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'migrate',
              image: i.image,
              imagePullPolicy: 'IfNotPresent',
              command: [...m.command],
              env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name, key: 'DATABASE_URL' } } }],
              resources: {
                requests: { cpu: i.resources.requests.cpu, memory: i.resources.requests.memory },
                limits: { cpu: i.resources.limits.cpu, memory: i.resources.limits.memory },
              },
              securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }],
          // On the service's own pool, whose capacity holds its pods.
          ...poolPlacement(i),
        },
      },
    },
  };
  const d = i.data.find((x) => x.kind === 'postgres')!;
  const policy: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: i.env.namespace, labels },
    spec: {
      podSelector: { matchLabels: migrationSelector(s.name) },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': d.namespace } }, podSelector: { matchLabels: { ...d.podLabels } } }],
          ports: [{ protocol: 'TCP', port: d.port }],
        },
      ],
    },
  };
  return [credentials, job, policy];
}
