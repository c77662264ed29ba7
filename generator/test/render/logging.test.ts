/**
 * Each cluster's logging stack (render/logging.ts, logging-ilm.ts, logging-network.ts): the shipper reads
 * exactly the cluster's environment and data namespaces, each environment's retention reaches its ILM
 * policy, the Job writes every policy, and the objects pass the pinned ECK CRDs (`validate --schema-only`).
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../src/render/kinds.js';
import { indexTemplate, lifecyclePolicy } from '../../src/render/logging-ilm.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

type Obj = K8sObject & { spec: Record<string, any>; data?: Record<string, string> };

const rendered = renderOf(REPO_ROOT);
const logging = (cluster: string) => rendered.targets.find((t) => t.path === `clusters/${cluster}/logging`)!.objects as Obj[];

/** The namespaces and retentions of clusters/<c>/cluster.yaml, as written there. */
const CLUSTERS = {
  dev: { namespaces: { 'suoke-dev': 'dev', 'suoke-dev-data': 'dev', 'suoke-test': 'test', 'suoke-test-data': 'test' }, retention: { dev: 3, test: 7 }, nodes: 1 },
  staging: { namespaces: { 'suoke-staging': 'staging', 'suoke-staging-data': 'staging' }, retention: { staging: 14 }, nodes: 1 },
  prod: { namespaces: { 'suoke-prod': 'prod', 'suoke-prod-data': 'prod' }, retention: { prod: 30 }, nodes: 2 },
} as const;

describe.each(Object.entries(CLUSTERS))('the logging stack of %s', (cluster, want) => {
  const objects = logging(cluster);
  const one = (kind: string, name?: string) => objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name))!;

  it('is the namespace, one Elasticsearch, Kibana, Filebeat with its RBAC, the lifecycle Job and its ConfigMap, and the NetworkPolicies', () => {
    expect(objects.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort()).toEqual([
      'Beat logging/filebeat',
      'ClusterRole /suoke-filebeat',
      'ClusterRoleBinding /suoke-filebeat',
      'ConfigMap logging/logging-ilm',
      'Elasticsearch logging/logging',
      'Job logging/logging-ilm',
      'Kibana logging/logging',
      'Namespace /logging',
      'NetworkPolicy logging/default-deny',
      'NetworkPolicy logging/elasticsearch',
      'NetworkPolicy logging/filebeat',
      'NetworkPolicy logging/kibana',
      'NetworkPolicy logging/logging-ilm',
      'ServiceAccount logging/filebeat',
    ]);
  });

  it("the shipper reads exactly the cluster's environment and data namespaces, each into its environment's data stream", () => {
    const inputs = one('Beat').spec['config']['filebeat.inputs'] as { paths: string[]; index: string }[];
    expect(inputs.map((i) => [i.paths, i.index])).toEqual(
      Object.entries(want.namespaces).sort().map(([ns, env]) => [[`/var/log/containers/*_${ns}_*.log`], `logs-suoke-${env}`]),
    );
  });

  it("each environment's retention reaches its ILM policy, and its template names that policy", () => {
    const data = one('ConfigMap', 'logging-ilm').data!;
    const envs = Object.keys(want.retention).sort();
    expect(Object.keys(data).sort()).toEqual(envs.flatMap((e) => [`policy-${e}.json`, `template-${e}.json`]).sort());
    for (const [env, days] of Object.entries(want.retention)) {
      const policy = JSON.parse(data[`policy-${env}.json`]!);
      expect(policy.policy.phases.delete).toEqual({ min_age: `${days}d`, actions: { delete: {} } });
      const template = JSON.parse(data[`template-${env}.json`]!);
      expect(template).toMatchObject({ index_patterns: [`logs-suoke-${env}`], data_stream: {}, template: { settings: { 'index.lifecycle.name': `suoke-logs-${env}`, 'index.number_of_replicas': want.nodes > 1 ? 1 : 0 } } });
    }
  });

  it('the Job PUTs every policy and template, a Sync hook between the Elasticsearch and the shipper', () => {
    const job = one('Job');
    expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/sync-wave': '1' });
    expect(one('Elasticsearch').metadata.annotations).toMatchObject({ 'argocd.argoproj.io/sync-wave': '0' });
    expect(one('Beat').metadata.annotations).toMatchObject({ 'argocd.argoproj.io/sync-wave': '2' });
    const script = job.spec['template'].spec.containers[0].command[2] as string;
    for (const env of Object.keys(want.retention)) {
      expect(script).toContain(`/_ilm/policy/suoke-logs-${env}" --data-binary @/ilm/policy-${env}.json`);
      expect(script).toContain(`/_index_template/suoke-logs-${env}" --data-binary @/ilm/template-${env}.json`);
    }
    expect(script.indexOf('_ilm/policy')).toBeLessThan(script.indexOf('_index_template'));
  });

  it('Filebeat tolerates every taint, so the data pools\' logs are shipped too', () => {
    expect(one('Beat').spec['daemonSet'].podTemplate.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });
});

describe('the lifecycle bodies', () => {
  it('roll over daily and delete after the retention; one replica only with a second node', () => {
    expect(lifecyclePolicy(7)).toEqual({ policy: { phases: { hot: { actions: { rollover: { max_age: '1d', max_primary_shard_size: '50gb' } } }, delete: { min_age: '7d', actions: { delete: {} } } } } });
    expect(indexTemplate('dev', 1)).toMatchObject({ priority: 200, template: { settings: { 'index.number_of_replicas': 0 } } });
    expect(indexTemplate('prod', 3)).toMatchObject({ template: { settings: { 'index.number_of_replicas': 1 } } });
  });
});

describe('the Application logging-<cluster>', () => {
  it('syncs each cluster\'s folder into the logging namespace, at the platform wave, without gating the environments', () => {
    const apps = rendered.targets.find((t) => t.path === 'argocd')!.objects.filter((o) => o.kind === 'Application' && o.metadata.name.startsWith('logging-')) as Obj[];
    expect(apps.map((a) => [a.metadata.name, a.spec['source'].path, a.spec['destination'].namespace, a.metadata.labels?.['suoke-life.com/health-gate']])).toEqual([
      ['logging-dev', 'clusters/dev/logging', 'logging', 'none'],
      ['logging-prod', 'clusters/prod/logging', 'logging', 'none'],
      ['logging-staging', 'clusters/staging/logging', 'logging', 'none'],
    ]);
  });
});

describe('strict schemas from the pinned ECK CRDs', () => {
  it('every logging object of the repository is valid', async () => {
    const dirs = Object.keys(CLUSTERS).map((c) => path.join(REPO_ROOT, `clusters/${c}/logging`));
    const r = await runCli(['validate', '--schema-only', '--skip', 'Kustomization', ...dirs]);
    expect(r.stdout).toMatch(/Invalid: 0, Errors: 0, Skipped: 3/);
    expect(r.code).toBe(0);
  });
});
