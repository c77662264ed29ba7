/**
 * Issue 13, the smoke test in the simulation: the verification Application's PostSync Job runs after
 * its Sync phase, and the sync succeeds only once the Job is Complete (simulate/sync.ts, Argo CD's Job
 * health). A Job whose pod the namespace refuses never completes, so the sync stays running.
 */
import { describe, expect, it } from 'vitest';
import { verificationObjects } from '../../src/render/verification/index.js';
import type { Obj } from '../../src/simulate/objects.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';
import { application, namespace, outcome, play } from './tiny.js';

const prod = modelOf(REPO_ROOT).environments.find((e) => e.env.name === 'prod')!;
/** The namespace as the environment's foundation renders it: restricted pod security. */
const ns = namespace(prod.env.namespace, { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.31' });
/** The prod smoke test without its pod's seccomp profile: refused by the restricted namespace. */
function withoutSeccomp(objects: Obj[]): Obj[] {
  return objects.map((o: any) => (o.kind !== 'Job' ? o : { ...o, spec: { ...o.spec, template: { ...o.spec.template, spec: { ...o.spec.template.spec, securityContext: { runAsNonRoot: true } } } } }));
}
const run = (objects: Obj[]) =>
  play([application('prod-verification', 'v', { namespace: prod.env.namespace, syncPolicy: { automated: { prune: true } } })], { v: [ns, ...objects] }, '2026-12-05T12:00:00+08:00', 3_600_000);

describe('the smoke test hook in the simulation', () => {
  it('the rendered smoke Job is admitted, completes, and the sync with it', () => {
    expect(outcome(run(verificationObjects(prod) as Obj[]), 'prod-verification')).toEqual({ sync: 'Synced', health: 'Healthy' });
  });

  it('a smoke pod the namespace refuses never completes: the sync waits on the hook', () => {
    const r = outcome(run(withoutSeccomp(verificationObjects(prod) as Obj[])), 'prod-verification');
    expect(r.blocker).toContain('smoke-test');
  });
});
