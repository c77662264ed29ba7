import { describe, expect, it } from 'vitest';
import { FIXTURE_PLATFORM, REPO_ROOT, renderOf } from '../helpers/platform.js';
import { upstreamAvailable, upstreamValidate } from '../helpers/upstream.js';

/**
 * Kinds of the data layer and the cluster platform (issue 12) that ../shared/upstream-schemas' two
 * tag sets do not carry: they are checked against the pinned CRDs of platform/crds by our own
 * validator (generator/test/render/data/*.test.ts, `npm run validate`).
 */
const PINNED_ONLY = [
  'postgresql.cnpg.io/v1/Pooler',
  'postgresql.cnpg.io/v1/Database',
  'barmancloud.cnpg.io/v1/ObjectStore',
  'redis.redis.opstreelabs.in/v1beta2/Redis',
  'redis.redis.opstreelabs.in/v1beta2/RedisReplication',
  'redis.redis.opstreelabs.in/v1beta2/RedisSentinel',
  'rabbitmq.com/v1beta1/RabbitmqCluster',
  'rabbitmq.com/v1beta1/Exchange',
  'rabbitmq.com/v1beta1/Queue',
  'rabbitmq.com/v1beta1/Binding',
  'rabbitmq.com/v1beta1/Policy',
  'velero.io/v1/BackupStorageLocation',
  'velero.io/v1/Schedule',
  // Alert routing (issue 13): v1alpha1, which neither upstream tag set carries.
  'monitoring.coreos.com/v1alpha1/AlertmanagerConfig',
  // The cluster's Alertmanager (issue 13, clusters/<cluster>/monitoring/): neither tag set carries its CRD.
  'monitoring.coreos.com/v1/Alertmanager',
  // The logging stack (issue 13, clusters/<cluster>/logging/): ECK's CRDs are in neither tag set; they are
  // checked against platform/crds/eck-operator/v3.5.0/ (generator/test/render/logging.test.ts).
  'elasticsearch.k8s.elastic.co/v1/Elasticsearch',
  'kibana.k8s.elastic.co/v1/Kibana',
  'beat.k8s.elastic.co/v1beta1/Beat',
  // The edge (issue 13): Istio's Gateway and EnvoyFilter, like its VirtualService, are in neither tag set;
  // they are checked against the pinned Istio CRDs by validate's schema step.
  'networking.istio.io/v1/Gateway',
  'networking.istio.io/v1alpha3/EnvoyFilter',
];

/** Kinds we render that ../shared/upstream-schemas has no schema for (see its README), by CRD set. */
const WITHOUT_UPSTREAM_SCHEMA = {
  old: new Set(['networking.istio.io/v1/VirtualService', 'monitoring.coreos.com/v1/PodMonitor', ...PINNED_ONLY]),
  new: new Set(['networking.istio.io/v1/VirtualService', ...PINNED_ONLY]),
};

/**
 * Every object the generator renders, checked against the upstream published schemas (Kubernetes
 * 1.31 OpenAPI and the CRDs of the old and new tags), strictly. Skipped where ../shared is absent.
 */
describe.skipIf(!upstreamAvailable())('rendered objects pass the upstream schemas', () => {
  it.each([
    ['the repository', REPO_ROOT],
    ['the fixture platform', FIXTURE_PLATFORM],
  ])('%s', (_name, root) => {
    const objects = renderOf(root).targets.flatMap((t) => t.objects);
    expect(objects.length).toBeGreaterThan(30);
    const problems: string[] = [];
    const unknown: string[] = [];
    for (const obj of objects) {
      const id = `${obj.apiVersion}/${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
      for (const set of ['old', 'new'] as const) {
        const v = upstreamValidate(obj, set);
        const kind = `${obj.apiVersion}/${obj.kind}`;
        if (!v.known && !WITHOUT_UPSTREAM_SCHEMA[set].has(kind)) unknown.push(`${set}: ${kind}`);
        for (const e of v.errors) problems.push(`${set}: ${id}: ${e}`);
      }
    }
    expect(problems).toEqual([]);
    // Every kind we render has an upstream schema to be checked against, except Istio's (the folder
    // has none; our own validator checks them against the @kubernetes-models/istio schemas) and, in
    // the old set, PodMonitor (checked against the new release only).
    expect([...new Set(unknown)]).toEqual([]);
  });
});
