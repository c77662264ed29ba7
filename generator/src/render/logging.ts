/**
 * Each cluster's logs, from `logging` of its cluster.yaml (docs/logging.md): ECK custom resources in the
 * logging namespace, run by the `eck-operator` add-on (platform/addons.yaml): one Elasticsearch, one
 * Kibana, and a Filebeat DaemonSet (a `Beat`) shipping the container logs of the cluster's environment
 * and data namespaces, each environment to its own data stream with its own retention (logging-ilm.ts).
 * Rendered to `clusters/<cluster>/logging/`, synced by the Application `logging-<cluster>` after the
 * add-ons (the CRDs and the operator).
 *
 * Citations are elastic/cloud-on-k8s `<path>:<line> @ v3.5.0` (the pinned operator) unless named.
 */
import type { ArgoConfig, ClusterConfig } from '../config/types.js';
import type { LoggingConfig } from '../config/cluster/logging-schema.js';
import { clusterFolderApplication } from './cluster-platform.js';
import { HEALTH_GATE } from './argocd-health.js';
import { placement } from './monitoring-stack.js';
import { ILM, ilmConfigMap, ilmJob, logStream } from './logging-ilm.js';
import { loggingNetworkPolicies } from './logging-network.js';
import type { Application, Beat, ClusterRole, ClusterRoleBinding, ConfigMap, Elasticsearch, Job, Kibana, Namespace, NetworkPolicy, PodTemplate, ServiceAccount } from './kinds.js';

/** An object of a cluster's logging folder. */
type LoggingObject = Namespace | Elasticsearch | ConfigMap | Job | Kibana | Beat | ServiceAccount | ClusterRole | ClusterRoleBinding | NetworkPolicy;

/** Names of the Elasticsearch, Kibana and Filebeat (and its ServiceAccount and ClusterRole). */
const ES = 'logging';
const KIBANA = 'logging';
const FILEBEAT = 'filebeat';
const WAVE = 'argocd.argoproj.io/sync-wave';

/**
 * Where an environment's logs are read back (the runbooks): the Kibana of its cluster, its Service
 * (ECK names a Kibana's HTTP Service `<name>-kb-http`, TLS with its own certificate), the Secret of the
 * user to sign in as, the environment's data stream and how long it is kept; `undefined` when the cluster declares no `logging`.
 */
export function logsOf(cluster: ClusterConfig, env: string): { namespace: string; service: string; userSecret: string; stream: string; days: number } | undefined {
  const l = cluster.logging;
  const days = l?.retentionDays[env];
  // The `elastic` user's password: the Secret ECK writes for the Elasticsearch (as the ILM Job reads it).
  return l && days !== undefined ? { namespace: l.namespace, service: `${KIBANA}-kb-http`, userSecret: `${ES}-es-elastic-user`, stream: logStream(env), days } : undefined;
}

/**
 * The namespaces whose container logs are shipped: every environment namespace and data namespace of
 * the cluster, each with the environment it belongs to, sorted by namespace.
 */
function shippedNamespaces(cluster: ClusterConfig): { namespace: string; env: string }[] {
  const out = cluster.environments.flatMap((e) => [{ namespace: e.namespace, env: e.name }, ...(e.dataServices ? [{ namespace: e.dataServices.namespace, env: e.name }] : [])]);
  return out.sort((a, b) => (a.namespace < b.namespace ? -1 : 1));
}

/**
 * One filestream input per namespace. The kubelet links each container's log as
 * `/var/log/containers/<pod>_<namespace>_<container>-<id>.log` (kubernetes pkg/kubelet/kuberuntime/legacy.go,
 * `legacyLogSymlink`), so the path names the namespace exactly and nothing else is read; each input sends
 * to its environment's data stream (the input's `index`).
 */
function filebeatConfig(cluster: ClusterConfig): Record<string, unknown> {
  return {
    'filebeat.inputs': shippedNamespaces(cluster).map(({ namespace, env }) => ({
      type: 'filestream',
      id: `containers-${namespace}`,
      paths: [`/var/log/containers/*_${namespace}_*.log`],
      parsers: [{ container: {} }],
      // The recipe's file identity: a rotated or re-linked file is not read twice (config/recipes/beats/filebeat_no_autodiscover.yaml:19-23).
      prospector: { scanner: { fingerprint: { enabled: true }, symlinks: true } },
      file_identity: { fingerprint: {} },
      index: logStream(env),
    })),
    processors: [{ add_kubernetes_metadata: { host: '${NODE_NAME}', matchers: [{ logs_path: { logs_path: '/var/log/containers/' } }] } }],
    // The templates and lifecycle policies are ours (logging-ilm.ts): Filebeat must not install its own.
    'setup.template.enabled': false,
    'setup.ilm.enabled': false,
  };
}

/** The Filebeat pod: as the ECK recipe (config/recipes/beats/filebeat_autodiscover.yaml:36-70), on every node. */
function filebeatPod(l: LoggingConfig): NonNullable<PodTemplate> {
  const host = (name: string, path: string) => ({ name, hostPath: { path } });
  return {
    spec: {
      serviceAccountName: FILEBEAT,
      automountServiceAccountToken: true,
      terminationGracePeriodSeconds: 30,
      // Every node, tainted pools included: the data services' pods run on the database and cache pools.
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'filebeat',
          resources: l.shipper.resources,
          // Root reads the kubelet's log files (the recipe's, :44-47).
          securityContext: { runAsUser: 0 },
          env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          volumeMounts: [
            { name: 'varlogcontainers', mountPath: '/var/log/containers', readOnly: true },
            { name: 'varlogpods', mountPath: '/var/log/pods', readOnly: true },
          ],
        },
      ],
      volumes: [host('varlogcontainers', '/var/log/containers'), host('varlogpods', '/var/log/pods')],
    },
  };
}

/** The logging objects of one cluster, by file name inside its folder; none without `logging`. */
export function loggingObjects(cluster: ClusterConfig, labels: Record<string, string>): { file: string; object: LoggingObject }[] {
  const l = cluster.logging;
  if (!l) return [];
  const ns = l.namespace;
  const meta = (name: string, wave: number) => ({ name, namespace: ns, labels, annotations: { [WAVE]: String(wave) } });
  const psa = `v${cluster.kubernetesVersion}`;
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    // Filebeat mounts host paths as root: only the privileged level admits it; audit and warn say so.
    metadata: { name: ns, labels: { ...labels, 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': psa, 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/warn-version': psa }, annotations: { [WAVE]: '-1' } },
  };
  const e = l.elasticsearch;
  const elasticsearch: Elasticsearch = {
    apiVersion: 'elasticsearch.k8s.elastic.co/v1',
    kind: 'Elasticsearch',
    metadata: meta(ES, 0),
    spec: {
      version: l.version,
      nodeSets: [
        {
          name: 'default',
          count: e.nodes,
          // No vm.max_map_count on the nodes is needed (the recipe's, filebeat_no_autodiscover.yaml:67-68).
          config: { 'node.store.allow_mmap': false },
          podTemplate: { spec: { containers: [{ name: 'elasticsearch', resources: e.resources }], ...placement(cluster, e.nodePool) } },
          volumeClaimTemplates: [
            // ECK's data volume name (pkg/controller/elasticsearch/volume/names.go:30); the size and class are ours.
            { metadata: { name: 'elasticsearch-data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: e.storage.storageClass, resources: { requests: { storage: e.storage.size } } } },
          ],
        },
      ],
    },
  };
  const k = l.kibana;
  const kibana: Kibana = {
    apiVersion: 'kibana.k8s.elastic.co/v1',
    kind: 'Kibana',
    metadata: meta(KIBANA, 2),
    spec: { version: l.version, count: k.replicas, elasticsearchRef: { name: ES }, podTemplate: { spec: { containers: [{ name: 'kibana', resources: k.resources }], ...placement(cluster, k.nodePool) } } },
  };
  const beat: Beat = {
    apiVersion: 'beat.k8s.elastic.co/v1beta1',
    kind: 'Beat',
    metadata: meta(FILEBEAT, 2),
    spec: { type: 'filebeat', version: l.version, elasticsearchRef: { name: ES }, config: filebeatConfig(cluster), daemonSet: { podTemplate: filebeatPod(l) } },
  };
  const account: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(FILEBEAT, 0) };
  const role: ClusterRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'suoke-filebeat', labels },
    // What add_kubernetes_metadata reads, as the recipe grants it (filebeat_autodiscover.yaml:72-99).
    rules: [
      { apiGroups: [''], resources: ['namespaces', 'pods', 'nodes'], verbs: ['get', 'watch', 'list'] },
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch'] },
    ],
  };
  const binding: ClusterRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'suoke-filebeat', labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'suoke-filebeat' },
    subjects: [{ kind: 'ServiceAccount', name: FILEBEAT, namespace: ns }],
  };
  return [
    { file: 'namespace.yaml', object: namespace },
    { file: 'elasticsearch.yaml', object: elasticsearch },
    { file: 'ilm-configmap.yaml', object: ilmConfigMap(cluster, l, labels) },
    { file: 'ilm-job.yaml', object: ilmJob(cluster, l, ES, labels) },
    { file: 'kibana.yaml', object: kibana },
    { file: 'filebeat.yaml', object: beat },
    { file: 'filebeat-serviceaccount.yaml', object: account },
    { file: 'filebeat-clusterrole.yaml', object: role },
    { file: 'filebeat-clusterrolebinding.yaml', object: binding },
    ...loggingNetworkPolicies({ namespace: ns, elasticsearch: ES, kibana: KIBANA, beat: FILEBEAT, job: ILM }, labels),
  ];
}

/** Folder of a cluster's logging objects. */
export function loggingPath(cluster: string): string {
  return `clusters/${cluster}/logging`;
}

/**
 * The Application `logging-<cluster>`, at the platform wave (after the add-on's CRDs and operator). Like
 * `monitoring-<cluster>` it never holds the environments' wave: the operator reports a starting Beat as
 * health `red` (pkg/controller/beat/common/health.go:27-37), which Argo CD reads as Degraded (argo-cd
 * resource_customizations/beat.k8s.elastic.co/Beat/health.lua:4-7 @ v3.5.1).
 */
export function loggingApplication(a: ArgoConfig, cluster: ClusterConfig, project: string, labels: Record<string, string>): Application {
  const app = clusterFolderApplication(a, cluster, project, labels, { name: `logging-${cluster.name}`, path: loggingPath(cluster.name), namespace: cluster.logging?.namespace ?? 'logging' });
  app.metadata.labels = { ...app.metadata.labels, [HEALTH_GATE.label]: HEALTH_GATE.none };
  return app;
}
