/**
 * Smoke and load tests (issue 13): one PostSync smoke Job per environment that enables it, whose
 * requests are exactly that environment's services and flows; the NetworkPolicies that let its pods
 * reach what they test; staging's load test with the configuration's thresholds; the Application
 * that syncs them after the services and the edge.
 */
import { describe, expect, it } from 'vitest';
import type { EnvironmentModel } from '../../src/model/types.js';
import { environmentObjects } from '../../src/render/argocd-environments.js';
import { networkPolicy } from '../../src/render/networking.js';
import { verificationObjects } from '../../src/render/verification/index.js';
import { loadOptions } from '../../src/render/verification/load.js';
import { smokeChecks } from '../../src/render/verification/smoke.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

/** Rendered objects, read as plain data. */
type Any = any;

const model = modelOf(REPO_ROOT);
const envs = model.environments;
const env = (name: string) => envs.find((e) => e.env.name === name)!;
const of = (e: EnvironmentModel, kind: string) => (verificationObjects(e) as Any[]).filter((o) => o.kind === kind);
const SMOKE = { 'suoke-life.com/verification': 'smoke' };
const LOAD = { 'suoke-life.com/verification': 'load' };
/** The pod selectors of a NetworkPolicy's ingress rules that open `port`. */
const admitted = (policy: Any, port: number): Any[] =>
  policy.spec.ingress.filter((r: Any) => r.ports.some((p: Any) => p.port === port)).flatMap((r: Any) => r.from.map((f: Any) => f.podSelector?.matchLabels));

describe('the smoke test', () => {
  it('is one PostSync Job per environment that enables it, kept until the next sync replaces it', () => {
    expect(envs.map((e) => [e.env.name, of(e, 'Job').map((j) => j.metadata.name)])).toEqual([
      ['dev', ['smoke-test']],
      ['test', ['smoke-test']],
      ['staging', ['smoke-test']],
      ['prod', ['smoke-test']],
    ]);
    for (const e of envs) {
      const [job] = of(e, 'Job');
      expect(job.metadata.namespace).toBe(e.env.namespace);
      expect(job.metadata.annotations).toEqual({ 'argocd.argoproj.io/hook': 'PostSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
      expect(job.spec.activeDeadlineSeconds).toBe(e.env.smokeTests!.timeoutSeconds);
      expect(job.spec.backoffLimit).toBe(1);
      expect(job.spec.ttlSecondsAfterFinished).toBeUndefined();
    }
  });

  it('renders nothing where `enabled: false`', () => {
    const e = env('dev');
    const off = { ...e, env: { ...e.env, smokeTests: { ...e.env.smokeTests!, enabled: false } } };
    expect(verificationObjects(off)).toEqual([]);
    expect(off.instances.every((i) => admitted(networkPolicy({ ...i, env: off.env }), 8080).every((m) => JSON.stringify(m) !== JSON.stringify(SMOKE)))).toBe(true);
  });

  it("runs a pinned k6 in a restricted pod without a sidecar, sized within the namespace's limit range", () => {
    const pod = of(env('prod'), 'Job')[0].spec.template;
    const [c] = pod.spec.containers;
    expect(c.image).toBe('grafana/k6:2.2.0');
    expect(pod.metadata.annotations).toEqual({ 'sidecar.istio.io/inject': 'false' });
    expect(pod.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 12345, runAsGroup: 12345, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
  });

  it.each(envs.map((e) => [e.env.name, e] as const))('in %s requests exactly the services of the environment, the business flow and the agent path', (_name, e) => {
    const checks = JSON.parse(of(e, 'ConfigMap').find((c) => c.metadata.name === 'smoke-test').data['checks.json']);
    expect(checks).toEqual(smokeChecks(e));
    const names = e.instances.map((i) => i.service.name);
    expect(checks.filter((c: Any) => c.flow === 'readiness').map((c: Any) => c.name)).toEqual(names);
    const xiaoai = e.instances.find((i) => i.service.name === 'xiaoai')!;
    const declared = (xiaoai.service.dependsOn?.services ?? []).filter((s) => names.includes(s)).sort();
    expect(checks.filter((c: Any) => c.flow === 'agents').map((c: Any) => c.name)).toEqual(declared.map((s) => `xiaoai -> ${s}`));
    expect(declared).toEqual(expect.arrayContaining(['five-diagnosis', 'inquiry', 'listen', 'look', 'palpation', 'calculation']));
    const business = checks.filter((c: Any) => c.flow === 'business').map((c: Any) => c.name);
    expect(business[0]).toBe('api-gateway live');
    expect(business).toContain('api-gateway -> user-management');
    for (const c of checks) expect(c.url).toMatch(new RegExp(`^http://[a-z-]+\\.${e.env.namespace}\\.svc:8080/`));
  });
});

describe('NetworkPolicies', () => {
  it.each(envs.map((e) => [e.env.name, e] as const))("in %s every service admits the smoke pod on 8080, and the smoke pod's policy reaches every service", (_name, e) => {
    for (const i of e.instances) expect(admitted(networkPolicy(i), 8080), i.service.name).toContainEqual(SMOKE);
    const policy = of(e, 'NetworkPolicy').find((p) => p.metadata.name === 'smoke-test');
    expect(policy.spec.podSelector.matchLabels).toEqual(SMOKE);
    expect(policy.spec.egress).toEqual([{ to: e.instances.map((i) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': i.service.name } } })), ports: [{ protocol: 'TCP', port: 8080 }] }]);
  });

  it.each(envs.map((e) => [e.env.name, e] as const))('in %s xiaoai itself may call each service it declares: its egress and their ingress agree', (_name, e) => {
    const xiaoai = e.instances.find((i) => i.service.name === 'xiaoai')!;
    const out = networkPolicy(xiaoai).spec!.egress!.flatMap((r) => r.to!.map((t) => t.podSelector?.matchLabels?.['app.kubernetes.io/name']));
    for (const c of xiaoai.calls) {
      expect(out).toContain(c.name);
      const callee = e.instances.find((i) => i.service.name === c.name)!;
      expect(admitted(networkPolicy(callee), 8080), c.name).toContainEqual({ 'app.kubernetes.io/name': 'xiaoai' });
    }
  });

  it('only the API gateway of staging admits the load test', () => {
    const admitsLoad = envs.flatMap((e) => e.instances.filter((i) => admitted(networkPolicy(i), 8080).some((m) => JSON.stringify(m) === JSON.stringify(LOAD))).map((i) => `${e.env.name}/${i.service.name}`));
    expect(admitsLoad).toEqual(['staging/api-gateway']);
  });
});

describe('the load test', () => {
  const e = env('staging');
  const t = e.env.perfTests!.load!;

  it('is only in staging: a suspended CronJob running k6 against the api-gateway Service', () => {
    expect(envs.map((x) => [x.env.name, of(x, 'CronJob').map((c) => c.metadata.name)])).toEqual([['dev', []], ['test', []], ['staging', ['load-test']], ['prod', []]]);
    const [cron] = of(e, 'CronJob');
    expect(cron.spec.suspend).toBe(true);
    const [c] = cron.spec.jobTemplate.spec.template.spec.containers;
    expect(c.image).toBe('grafana/k6:2.2.0');
    expect(c.env).toEqual([{ name: 'TARGET_URL', value: 'http://api-gateway.suoke-staging.svc:8080/health' }]);
  });

  it("has the configuration's thresholds: the plan's average under 2 s, errors within 99.9 % availability, ramping to its users", () => {
    expect(t).toEqual({ vus: 500, rampUpSeconds: 300, holdSeconds: 600, path: '/health', maxAvgMs: 2000, maxErrorRate: 0.001 });
    const options = JSON.parse(of(e, 'ConfigMap').find((c) => c.metadata.name === 'load-test').data['options.json']);
    expect(options.thresholds).toEqual({ http_req_duration: ['avg<2000'], http_req_failed: ['rate<0.001'] });
    expect(options.scenarios.ramp.stages).toEqual([{ duration: '300s', target: 500 }, { duration: '600s', target: 500 }, { duration: '60s', target: 0 }]);
    expect(loadOptions({ ...t, vus: 10000, maxP95Ms: 3000 }).thresholds).toEqual({ http_req_duration: ['avg<2000', 'p(95)<3000'], http_req_failed: ['rate<0.001'] });
  });
});

describe('the verification Application', () => {
  it.each(envs.map((e) => [e.env.name, e] as const))('of %s syncs into the namespace in the last wave, after the services and the edge', (_name, e) => {
    const objects = environmentObjects({ argo: model.argocd, env: e, inCluster: 'https://kubernetes.default.svc', platformProject: 'p', path: 'x', labels: {}, data: true, edge: true, verification: true });
    const wave = (f: string) => Number(objects.find((o) => o.file === f)!.object.metadata.annotations!['argocd.argoproj.io/sync-wave']);
    const app = objects.find((o) => o.file === 'verification.yaml')!.object as Any;
    expect(app.metadata.name).toBe(`${e.env.name}-verification`);
    expect(app.spec.source.path).toBe(e.verificationPath);
    expect(app.spec.destination.namespace).toBe(e.env.namespace);
    expect(wave('verification.yaml')).toBeGreaterThan(Math.max(wave('services.yaml'), wave('edge.yaml')));
  });
});
