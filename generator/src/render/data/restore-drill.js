import { stringify } from 'yaml';
import { dnsEgress, RUN_AS } from '../conventions.js';
import { BARMAN_PLUGIN, objectStoreCredentials } from './postgres.js';
const NAME = 'postgres-restore-drill';
/** Every object of the drill of `plan` (this environment) restoring `source`'s backups. */
export function restoreDrillObjects(ctx, plan, source) {
    const drill = plan.cluster.restoreDrill;
    const b = source.cluster.backup;
    const store = `${source.name}-${drill.from}-backup`;
    const meta = (name) => ({ name, namespace: ctx.namespace, labels: { ...ctx.labels, 'suoke-life.com/data-service': 'postgres', 'app.kubernetes.io/component': 'restore-drill' } });
    // Read-only: no retention policy here, so this environment never removes the source's backups.
    const objectStore = {
        apiVersion: 'barmancloud.cnpg.io/v1',
        kind: 'ObjectStore',
        metadata: meta(store),
        spec: {
            configuration: {
                destinationPath: b.destinationPath,
                ...(b.endpointURL !== undefined ? { endpointURL: b.endpointURL } : {}),
                s3Credentials: { accessKeyId: { name: store, key: 'ACCESS_KEY_ID' }, secretAccessKey: { name: store, key: 'ACCESS_SECRET_KEY' } },
                wal: { compression: 'gzip' },
                data: { compression: 'gzip' },
            },
        },
    };
    const credentials = objectStoreCredentials(ctx, meta(store), drill.credentials);
    // The recovery Cluster the Job applies: one instance, the source's size, bootstrapped from its
    // backups through the plugin (cloudnative-pg docs/src/recovery.md:94-118 @ v1.30.0); `serverName` is
    // the source Cluster's name, the folder its backups are under.
    const cluster = {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: meta(NAME),
        spec: {
            instances: 1,
            imageName: source.cluster.imageName,
            storage: { size: source.cluster.storage.size, storageClass: source.cluster.storage.storageClass },
            resources: plan.cluster.resources,
            enableSuperuserAccess: false,
            ...(Object.keys(ctx.scheduling).length > 0 ? { affinity: { ...ctx.scheduling } } : {}),
            bootstrap: { recovery: { source: 'origin' } },
            externalClusters: [{ name: 'origin', plugin: { name: BARMAN_PLUGIN, parameters: { barmanObjectName: store, serverName: source.name } } }],
        },
    };
    const databases = source.databases.map((d) => d.database);
    const script = drillScript(ctx.namespace, databases);
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(NAME), data: { 'cluster.yaml': stringify(cluster), 'drill.sh': script } };
    const serviceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(NAME), automountServiceAccountToken: false };
    const role = {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: meta(NAME),
        rules: [
            { apiGroups: ['postgresql.cnpg.io'], resources: ['clusters'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'] },
            { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
            { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
        ],
    };
    const binding = {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: meta(NAME),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: NAME },
        subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ctx.namespace }],
    };
    const job = {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta(NAME),
        spec: {
            schedule: drill.schedule,
            timeZone: drill.timeZone,
            concurrencyPolicy: 'Forbid',
            startingDeadlineSeconds: 3600,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 3,
            jobTemplate: {
                spec: {
                    backoffLimit: 0,
                    // The plan's RTO: a restore that takes longer than 4 hours fails the drill.
                    activeDeadlineSeconds: 4 * 3600,
                    template: {
                        metadata: { labels: { 'suoke-life.com/restore-drill': 'postgres' } },
                        spec: {
                            serviceAccountName: NAME,
                            automountServiceAccountToken: true,
                            restartPolicy: 'Never',
                            securityContext: { runAsNonRoot: true, runAsUser: RUN_AS, runAsGroup: RUN_AS, seccompProfile: { type: 'RuntimeDefault' } },
                            containers: [
                                {
                                    name: 'drill',
                                    image: drill.image,
                                    imagePullPolicy: 'IfNotPresent',
                                    command: ['/bin/sh', '/drill/drill.sh'],
                                    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
                                    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
                                    volumeMounts: [
                                        { name: 'drill', mountPath: '/drill', readOnly: true },
                                        { name: 'tmp', mountPath: '/tmp' },
                                    ],
                                },
                            ],
                            volumes: [
                                { name: 'drill', configMap: { name: NAME } },
                                { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
                            ],
                        },
                    },
                },
            },
        },
    };
    // The restored Cluster holds the source's data: nothing but its own pods and the operator reaches it.
    const isolation = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: {
            ...meta(NAME),
            annotations: { 'policy.suoke-life.com/waive.dangling-networkpolicy': 'selects the restore drill Cluster, which exists only while the drill Job runs (it applies the Cluster from the ConfigMap and deletes it)' },
        },
        spec: {
            podSelector: { matchLabels: { 'cnpg.io/cluster': NAME } },
            policyTypes: ['Ingress'],
            ingress: [{ from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': NAME } } }] }, { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': plan.operatorNamespace } } }] }],
        },
    };
    // The drill Job talks only to DNS and the API server (kubectl, `exec` included); nothing comes in.
    const jobIsolation = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta(`${NAME}-job`),
        spec: {
            podSelector: { matchLabels: { 'suoke-life.com/restore-drill': 'postgres' } },
            policyTypes: ['Ingress', 'Egress'],
            egress: [
                dnsEgress(),
                // The API server's address is the cluster's, not known here: its ports.
                { ports: [{ protocol: 'TCP', port: 443 }, { protocol: 'TCP', port: 6443 }] },
            ],
        },
    };
    return [objectStore, credentials, configMap, serviceAccount, role, binding, job, isolation, jobIsolation, alerts(ctx, meta(NAME), drill.staleAfterHours)];
}
/**
 * The drill: recreate the Cluster from the ConfigMap, wait for its `Ready` condition (api/v1/cluster_types.go:1178
 * @ v1.30.0), check each database answers through the primary's local socket, print the elapsed
 * seconds (the measured restore time, against the RTO arithmetic), delete the Cluster. `set -e`: any
 * failure fails the Job, and the alert fires.
 */
function drillScript(namespace, databases) {
    return [
        '#!/bin/sh',
        'set -eu',
        `ns=${namespace}`,
        `name=${NAME}`,
        'start=$(date +%s)',
        'kubectl -n "$ns" delete cluster "$name" --ignore-not-found --wait=true',
        'kubectl -n "$ns" apply -f /drill/cluster.yaml',
        'trap \'kubectl -n "$ns" delete cluster "$name" --ignore-not-found --wait=false\' EXIT',
        'kubectl -n "$ns" wait cluster/"$name" --for=condition=Ready --timeout=4h',
        'primary=$(kubectl -n "$ns" get cluster "$name" -o jsonpath=\'{.status.currentPrimary}\')',
        `for db in ${databases.join(' ')}; do`,
        '  kubectl -n "$ns" exec "$primary" -c postgres -- psql -v ON_ERROR_STOP=1 -d "$db" -tAc "select 1" >/dev/null',
        '  echo "database $db answers"',
        'done',
        'kubectl -n "$ns" exec "$primary" -c postgres -- psql -tAc "select \'restored up to \' || coalesce(pg_last_xact_replay_timestamp()::text, \'unknown\')"',
        'echo "restore drill passed in $(( $(date +%s) - start )) s"',
        '',
    ].join('\n');
}
/**
 * P0 alerts (data-loss risk, issue 13's levels) from kube-state-metrics: the last drill did not
 * succeed (its last schedule is later than its last success and no Job is running), or no drill
 * succeeded for `staleHours`.
 */
function alerts(ctx, metadata, staleHours) {
    const sel = `namespace="${ctx.namespace}", cronjob="${NAME}"`;
    const annotations = (summary) => ({ summary, runbook_url: 'https://git.suoke-life.com/platform/suoke-life-gitops/-/blob/main/docs/disaster-recovery.md#restore-drill' });
    return {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { ...metadata, labels: { ...metadata.labels, ...ctx.monitorLabels } },
        spec: {
            groups: [
                {
                    name: 'postgres-restore-drill',
                    rules: [
                        {
                            alert: 'PostgresRestoreDrillFailed',
                            expr: `(kube_cronjob_status_last_schedule_time{${sel}} > kube_cronjob_status_last_successful_time{${sel}}) and on (namespace, cronjob) (kube_cronjob_status_active{${sel}} == 0)`,
                            for: '15m',
                            labels: { severity: 'critical', priority: 'P0' },
                            annotations: annotations('The last PostgreSQL restore drill failed: the backups may not be restorable'),
                        },
                        {
                            alert: 'PostgresRestoreDrillStale',
                            expr: `time() - kube_cronjob_status_last_successful_time{${sel}} > ${staleHours * 3600}`,
                            for: '15m',
                            labels: { severity: 'critical', priority: 'P0' },
                            annotations: annotations(`No PostgreSQL restore drill succeeded for ${staleHours}h`),
                        },
                        {
                            alert: 'PostgresRestoreDrillNeverSucceeded',
                            expr: `absent(kube_cronjob_status_last_successful_time{${sel}})`,
                            for: `${staleHours}h`,
                            labels: { severity: 'critical', priority: 'P0' },
                            annotations: annotations(`No PostgreSQL restore drill has succeeded since the drill was installed ${staleHours}h ago`),
                        },
                    ],
                },
            ],
        },
    };
}
