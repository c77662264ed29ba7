/**
 * The load test of an environment (`environments.<env>.perfTests.load`, docs/verification.md): a
 * suspended CronJob running k6 against the API gateway's Service, never on its schedule, started by
 * hand with `kubectl create job --from=cronjob/load-test`. Its thresholds are the configuration's (the
 * plan's 成功标准: average under 2 s, errors within 99.9 % availability); k6 exits non-zero when one
 * fails, so the Job's status is the verdict.
 *
 * It loads the Service, not the public host: the edge's per-pod rate limit (API限流) would answer 429
 * long before the services are loaded, and the CDN and load balancer are outside the cluster.
 */
import { LOAD_TARGET } from '../../config/cluster/verification.js';
import type { EnvironmentModel } from '../../model/types.js';
import { PORTS, selectorLabels } from '../conventions.js';
import type { CronJob } from '../data/kinds-redis-mq.js';
import type { ConfigMap, NetworkPolicy } from '../kinds.js';
import { k6Template, VERIFICATION_LABEL } from './k6.js';

type LoadConfig = NonNullable<NonNullable<EnvironmentModel['env']['perfTests']>['load']>;

/** Seconds of the ramp back down to 0 after the hold. */
const RAMP_DOWN_SECONDS = 60;

/**
 * k6's options of the test: one `ramping-vus` scenario up to `vus`, held, and down; thresholds on
 * `http_req_duration` (ms) and `http_req_failed` (a rate), which fail the run when missed.
 */
export function loadOptions(t: LoadConfig): Record<string, unknown> {
  return {
    scenarios: {
      ramp: {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [
          { duration: `${t.rampUpSeconds}s`, target: t.vus },
          { duration: `${t.holdSeconds}s`, target: t.vus },
          { duration: `${RAMP_DOWN_SECONDS}s`, target: 0 },
        ],
        gracefulRampDown: '30s',
      },
    },
    thresholds: {
      http_req_duration: [`avg<${t.maxAvgMs}`, ...(t.maxP95Ms !== undefined ? [`p(95)<${t.maxP95Ms}`] : [])],
      http_req_failed: [`rate<${t.maxErrorRate}`],
    },
  };
}

/** Each virtual user requests the target once a second: 10,000 users are about 10,000 requests a second. */
const LOAD_SCRIPT = `import http from 'k6/http';
import { sleep } from 'k6';

export const options = JSON.parse(open('./options.json'));

export default function () {
  http.get(__ENV.TARGET_URL);
  sleep(1);
}
`;

const NAME = 'load-test';

/** The load test's ConfigMap, suspended CronJob and NetworkPolicy; none without `perfTests.load`. */
export function loadObjects(e: EnvironmentModel, labels: Record<string, string>): (ConfigMap | CronJob | NetworkPolicy)[] {
  const t = e.env.perfTests?.load;
  const gateway = e.instances.find((i) => i.service.name === LOAD_TARGET);
  if (!t || !gateway) return [];
  const ns = e.env.namespace;
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: NAME, namespace: ns, labels: { ...labels } },
    data: { 'load.js': LOAD_SCRIPT, 'options.json': `${JSON.stringify(loadOptions(t), null, 2)}\n` },
  };
  const cronJob: CronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: NAME, namespace: ns, labels: { ...labels } },
    spec: {
      // Suspended: the schedule never fires; `kubectl create job --from=cronjob/load-test` runs it on demand.
      schedule: '0 0 1 1 *',
      suspend: true,
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          activeDeadlineSeconds: t.rampUpSeconds + t.holdSeconds + RAMP_DOWN_SECONDS + 600,
          ttlSecondsAfterFinished: 86400,
          template: k6Template({
            kind: 'load',
            configMap: NAME,
            script: 'load.js',
            env: [{ name: 'TARGET_URL', value: `http://${LOAD_TARGET}.${ns}.svc:${PORTS.http}${t.path}` }],
            // About 1 MiB of memory per virtual user for plain GETs; past a few thousand users one pod
            // runs out of CPU first (docs/verification.md: how to reach 10,000).
            resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
            // Not on the gateway's pool: the generator would take the CPU of what it measures.
            placement: {},
          }),
        },
      },
    },
  };
  const policy: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: NAME, namespace: ns, labels: { ...labels } },
    spec: {
      podSelector: { matchLabels: { [VERIFICATION_LABEL]: 'load' } },
      policyTypes: ['Ingress', 'Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: selectorLabels(LOAD_TARGET) } }], ports: [{ protocol: 'TCP', port: PORTS.http }] }],
    },
  };
  return [configMap, cronJob, policy];
}
