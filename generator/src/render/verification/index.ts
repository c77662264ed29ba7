/**
 * An environment's verification (docs/verification.md), rendered to `clusters/<cluster>/<env>/verification`
 * and synced by its `<env>-verification` Application after the services and the edge: the PostSync
 * smoke test and the load test started by hand. The services' NetworkPolicies admit the tests' pods
 * ({@link verificationPeers}).
 */
import { LOAD_TARGET } from '../../config/cluster/verification.js';
import type { EnvironmentModel, ServiceInstance } from '../../model/types.js';
import type { CronJob } from '../data/kinds-redis-mq.js';
import type { ConfigMap, Job, NetworkPolicy } from '../kinds.js';
import { loadObjects } from './load.js';
import { MANAGED_BY, PART_OF } from '../conventions.js';
import { smokeObjects } from './smoke.js';

/** The smoke and load test objects of one environment; empty when it declares neither. */
export function verificationObjects(e: EnvironmentModel): (ConfigMap | Job | CronJob | NetworkPolicy)[] {
  const labels = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/component': 'verification', 'suoke-life.com/environment': e.env.name };
  return [...smokeObjects(e, labels), ...loadObjects(e, labels)];
}

/**
 * The test pods (values of `suoke-life.com/verification`) a service's NetworkPolicy admits on its HTTP
 * port: the smoke test's wherever the environment runs one, the load test's at the API gateway.
 */
export function verificationPeers(i: ServiceInstance): ('smoke' | 'load')[] {
  return [...(i.env.smokeTests?.enabled ? (['smoke'] as const) : []), ...(i.env.perfTests?.load && i.service.name === LOAD_TARGET ? (['load'] as const) : [])];
}
