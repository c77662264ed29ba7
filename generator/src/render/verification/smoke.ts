/**
 * The smoke test of an environment (`environments.<env>.smokeTests`, docs/verification.md): a Job that
 * Argo CD runs as a PostSync hook of the `<env>-verification` Application, in the environment root's
 * last wave (render/argocd-environments.ts). The services' Applications sync on their own, so it waits
 * for them itself (the script's rounds). It requests, from inside the namespace, every service's
 * readiness path, the business flow (the API gateway and the core and support services it routes to)
 * and the agent-collaboration path (xiaoai and every service it declares it calls: the five-diagnosis
 * coordinator, the diagnosis services, knowledge and health data).
 *
 * How Argo CD runs it (gitops-engine in argo-cd, @ v3.5.1): a PostSync hook makes the sync
 * multi-step, and a multi-step sync waits until every running task of the earlier phase reports
 * Healthy before it applies the next (gitops-engine/pkg/sync/sync_context.go:540-596, `multiStep`
 * sync_tasks.go:274-276); a hook's result is its health, a Degraded Job (its `Failed` condition,
 * gitops-engine/pkg/health/health_job.go:36-63) being a failed task (sync_context.go:349-371), and any
 * failed task fails the sync operation "one or more synchronization tasks completed unsuccessfully"
 * (sync_context.go:632-640). `BeforeHookCreation` keeps the finished Job, and so its result, until the
 * next sync deletes it before creating the next run (sync_task.go:134-136); no `ttlSecondsAfterFinished`
 * for the same reason.
 */
import type { EnvironmentModel, ServiceInstance } from '../../model/types.js';
import { PORTS, selectorLabels } from '../conventions.js';
import type { ConfigMap, Job, NetworkPolicy } from '../kinds.js';
import { poolPlacement } from '../pod.js';
import { k6Template, VERIFICATION_LABEL } from './k6.js';

/** The service every client request enters by: the business flow starts here. */
const GATEWAY = 'api-gateway';
/** The agent whose calls are the agent-collaboration path (小艾 → 五诊). */
const AGENT = 'xiaoai';
/** Groups of the business services the gateway routes to (the agents are the other path). */
const BUSINESS_GROUPS: ReadonlySet<string> = new Set(['core', 'support']);

/**
 * One request of the smoke test: the flow it belongs to, what it shows, and the URL it gets; a
 * readiness request also names the version the environment runs, so that a release changes this
 * list, the Application goes OutOfSync, and its automated sync runs the test again.
 */
export interface SmokeCheck {
  flow: 'readiness' | 'business' | 'agents';
  name: string;
  url: string;
  version?: string;
}

const url = (i: ServiceInstance, path: string) => `http://${i.service.name}.${i.env.namespace}.svc:${PORTS.http}${path}`;

/**
 * The requests of the smoke test of `e`, in order. The services document no business endpoint
 * (reference/services.md lists health paths only), so each hop of a flow is checked at the callee's
 * readiness path, under the flow's name.
 */
export function smokeChecks(e: EnvironmentModel): SmokeCheck[] {
  const byName = new Map(e.instances.map((i) => [i.service.name, i]));
  const hops = (from: ServiceInstance, keep: (i: ServiceInstance) => boolean) =>
    from.calls.flatMap((c) => {
      const to = byName.get(c.name);
      return to && keep(to) ? [{ name: `${from.service.name} -> ${to.service.name}`, url: url(to, to.service.health.readiness) }] : [];
    });
  const checks: SmokeCheck[] = e.instances.map((i) => ({ flow: 'readiness', name: i.service.name, url: url(i, i.service.health.readiness), version: i.version }));
  const gateway = byName.get(GATEWAY);
  if (gateway) {
    checks.push({ flow: 'business', name: `${GATEWAY} live`, url: url(gateway, gateway.service.health.liveness) });
    checks.push(...hops(gateway, (i) => BUSINESS_GROUPS.has(i.service.group)).map((h) => ({ flow: 'business' as const, ...h })));
  }
  const agent = byName.get(AGENT);
  if (agent) checks.push(...hops(agent, () => true).map((h) => ({ flow: 'agents' as const, ...h })));
  return checks;
}

/**
 * Requests every check until it answers 2xx or the deadline passes (the services' Applications sync
 * on their own, so a rollout may still be under way when the hook starts), then records one k6 check
 * and prints one PASS or FAIL line per request, and k6's summary; the `checks` threshold fails the run
 * (and so the Job) on any failed request. `open()` reads the list at init time. The scenario's
 * `maxDuration` lets the one iteration run as long as the Job may.
 */
const SMOKE_SCRIPT = `import http from 'k6/http';
import { check, sleep } from 'k6';

const checks = JSON.parse(open('./checks.json'));
const deadline = Number(__ENV.DEADLINE_SECONDS);
export const options = {
  scenarios: { smoke: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: deadline + 30 + 's' } },
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  const until = Date.now() + deadline * 1000;
  const last = {};
  let pending = checks;
  while (pending.length > 0) {
    pending = pending.filter((c) => {
      const res = http.get(c.url, { timeout: __ENV.REQUEST_TIMEOUT, tags: { flow: c.flow } });
      last[c.url] = res;
      return !(res.status >= 200 && res.status < 300);
    });
    if (pending.length === 0 || Date.now() > until) break;
    sleep(5);
  }
  for (const c of checks) {
    const res = last[c.url];
    const ok = check(res, { [c.flow + ': ' + c.name]: (r) => r.status >= 200 && r.status < 300 });
    console.log((ok ? 'PASS ' : 'FAIL ') + c.flow + ': ' + c.name + ' ' + c.url + ' -> ' + res.status + (res.error ? ' ' + res.error : ''));
  }
}
`;

/** Name of the smoke test's Job, ConfigMap and NetworkPolicy. */
const NAME = 'smoke-test';

/** The smoke test's ConfigMap, hook Job and NetworkPolicy; none unless `smokeTests.enabled`. */
export function smokeObjects(e: EnvironmentModel, labels: Record<string, string>): (ConfigMap | Job | NetworkPolicy)[] {
  const t = e.env.smokeTests;
  if (!t?.enabled || e.instances.length === 0) return [];
  const checks = smokeChecks(e);
  const ns = e.env.namespace;
  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: NAME, namespace: ns, labels: { ...labels } },
    data: { 'checks.json': `${JSON.stringify(checks, null, 2)}\n`, 'smoke.js': SMOKE_SCRIPT },
  };
  const gateway = e.instances.find((i) => i.service.name === GATEWAY);
  const job: Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: NAME,
      namespace: ns,
      labels: { ...labels },
      annotations: { 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' },
    },
    spec: {
      // The script already waits for the services; a retry only covers the pod itself failing.
      backoffLimit: 1,
      activeDeadlineSeconds: t.timeoutSeconds,
      template: k6Template({
        kind: 'smoke',
        configMap: NAME,
        script: 'smoke.js',
        // The deadline leaves a minute of the Job's time for the last round and the summary.
        env: [
          { name: 'REQUEST_TIMEOUT', value: `${t.requestTimeoutSeconds}s` },
          { name: 'DEADLINE_SECONDS', value: String(Math.max(t.timeoutSeconds - 60, t.requestTimeoutSeconds)) },
        ],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        // On the gateway's pool, where client requests enter.
        placement: gateway ? poolPlacement(gateway) : {},
      }),
    },
  };
  const targets = [...new Set(e.instances.map((i) => i.service.name))];
  const policy: NetworkPolicy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: NAME, namespace: ns, labels: { ...labels } },
    spec: {
      podSelector: { matchLabels: { [VERIFICATION_LABEL]: 'smoke' } },
      policyTypes: ['Ingress', 'Egress'],
      // DNS is the namespace's allow-dns policy; the services admit this label (render/networking.ts).
      egress: [{ to: targets.map((s) => ({ podSelector: { matchLabels: selectorLabels(s) } })), ports: [{ protocol: 'TCP', port: PORTS.http }] }],
    },
  };
  return [configMap, job, policy];
}
