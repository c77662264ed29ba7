/**
 * How each environment's retention (`logging.retentionDays`) becomes real: an index lifecycle policy and
 * an index template per environment, written into Elasticsearch by a Job that Argo CD runs as a Sync hook
 * of `logging-<cluster>` between the Elasticsearch (wave 0) and the shipper (wave 2), so the data stream
 * is created by our template from its first event, never by the built-in `logs` one.
 *
 * ECK has no custom resource for ILM. Its StackConfigPolicy would set the policies declaratively, but the
 * operator refuses it without an enterprise licence (elastic/cloud-on-k8s
 * pkg/controller/stackconfigpolicy/controller.go:265-271 @ v3.5.0); ILM itself is in the free Basic
 * licence the cluster runs with. The Job's PUTs are idempotent: every sync writes the policies again, so a
 * changed retention reaches Elasticsearch with the next sync.
 */
import type { ClusterConfig } from '../config/types.js';
import type { LoggingConfig } from '../config/cluster/logging-schema.js';
import type { ConfigMap, Job } from './kinds.js';

/**
 * The data stream of an environment's logs. `logs-<dataset>-<namespace>` is within the index privileges
 * ECK gives the Filebeat association user (`logs-*`, elastic/cloud-on-k8s
 * pkg/controller/elasticsearch/user/roles.go:267-268, :278-283 @ v3.5.0).
 */
export function logStream(env: string): string {
  return `logs-suoke-${env}`;
}

/** The index lifecycle policy of an environment. */
function lifecyclePolicyName(env: string): string {
  return `suoke-logs-${env}`;
}

/** The ILM policy: roll over daily (or at 50 GB a shard), delete a backing index `days` after its rollover. */
export function lifecyclePolicy(days: number): Record<string, unknown> {
  return {
    policy: {
      phases: {
        hot: { actions: { rollover: { max_age: '1d', max_primary_shard_size: '50gb' } } },
        delete: { min_age: `${days}d`, actions: { delete: {} } },
      },
    },
  };
}

/**
 * The index template of an environment's data stream. Priority 200 wins over the built-in `logs`
 * template (`logs-*-*`, priority 100); one replica where there is a second node to hold it, none on a
 * single node (a replica that cannot be assigned keeps the cluster yellow).
 */
export function indexTemplate(env: string, nodes: number): Record<string, unknown> {
  return {
    index_patterns: [logStream(env)],
    data_stream: {},
    priority: 200,
    template: { settings: { 'index.lifecycle.name': lifecyclePolicyName(env), 'index.number_of_replicas': nodes > 1 ? 1 : 0 } },
  };
}

/** The Job's image: curl, nothing else (the Elasticsearch API is plain HTTPS and JSON). */
const CURL_IMAGE = 'curlimages/curl:8.11.1';

/** Names the Job, its pods' `app.kubernetes.io/name` and its ConfigMap share. */
export const ILM = 'logging-ilm';

/** The cluster's environments with their retention, sorted by name. */
function retentions(cluster: ClusterConfig, l: LoggingConfig): { env: string; days: number }[] {
  return cluster.environments.map((e) => ({ env: e.name, days: l.retentionDays[e.name]! })).sort((a, b) => (a.env < b.env ? -1 : 1));
}

/** The ConfigMap of request bodies (`policy-<env>.json`, `template-<env>.json`) the Job sends. */
export function ilmConfigMap(cluster: ClusterConfig, l: LoggingConfig, labels: Record<string, string>): ConfigMap {
  const data: Record<string, string> = {};
  for (const { env, days } of retentions(cluster, l)) {
    data[`policy-${env}.json`] = `${JSON.stringify(lifecyclePolicy(days), null, 2)}\n`;
    data[`template-${env}.json`] = `${JSON.stringify(indexTemplate(env, l.elasticsearch.nodes), null, 2)}\n`;
  }
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ILM, namespace: l.namespace, labels, annotations: { 'argocd.argoproj.io/sync-wave': '0' } }, data };
}

/**
 * The Job: PUT each policy, then each template, with the `elastic` user ECK generates, over the
 * Elasticsearch HTTP Service with its self-signed CA. Names and keys are the operator's: the Service
 * `<es>-es-http` and Secret `<es>-es-elastic-user` (pkg/apis/elasticsearch/v1/name.go:25,29,61,164-169 @ v3.5.0)
 * whose key is the user name `elastic` (pkg/controller/elasticsearch/user/predefined.go:31), and the
 * public CA Secret `<es>-es-http-certs-public` with `ca.crt` (pkg/controller/common/certificates/secret.go:24,33,46).
 */
export function ilmJob(cluster: ClusterConfig, l: LoggingConfig, es: string, labels: Record<string, string>): Job {
  const url = `https://${es}-es-http.${l.namespace}.svc:9200`;
  const envs = retentions(cluster, l).map((r) => r.env);
  const put = (path: string, file: string) => `curl -sS --fail-with-body --retry 10 --retry-all-errors --cacert /ca/ca.crt -u "elastic:$ELASTIC_PASSWORD" -X PUT -H 'Content-Type: application/json' "${url}/${path}" --data-binary @/ilm/${file}`;
  const script = ['set -eu', ...envs.map((e) => put(`_ilm/policy/${lifecyclePolicyName(e)}`, `policy-${e}.json`)), ...envs.map((e) => put(`_index_template/${lifecyclePolicyName(e)}`, `template-${e}.json`))].join('\n');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: ILM,
      namespace: l.namespace,
      labels,
      annotations: {
        'argocd.argoproj.io/hook': 'Sync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
        'argocd.argoproj.io/sync-wave': '1',
        // The object waiver of the policy engine (docs/policies.md, "Waivers"), with its reason.
        'policy.suoke-life.com/waive.image-digest': `${CURL_IMAGE} is pinned by its immutable release tag; its digest was not looked up (no registry access when written): add it at the next bump`,
      },
    },
    spec: {
      backoffLimit: 6,
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': ILM } },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 100, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'ilm',
              image: CURL_IMAGE,
              command: ['/bin/sh', '-c', script],
              env: [{ name: 'ELASTIC_PASSWORD', valueFrom: { secretKeyRef: { name: `${es}-es-elastic-user`, key: 'elastic' } } }],
              resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'ilm', mountPath: '/ilm', readOnly: true }, { name: 'ca', mountPath: '/ca', readOnly: true }],
            },
          ],
          volumes: [
            { name: 'ilm', configMap: { name: ILM } },
            { name: 'ca', secret: { secretName: `${es}-es-http-certs-public` } },
          ],
        },
      },
    },
  };
}
