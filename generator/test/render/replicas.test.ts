/**
 * Regression: HPA and Argo CD self-heal fighting over `spec.replicas`. An autoscaled workload
 * (Deployment or Rollout) leaves `spec.replicas` out, so the HPA alone owns the count; a fixed-size one
 * keeps it, and no Application ignores replica differences (self-heal restores a count changed by hand).
 * The PodDisruptionBudget follows the fewest pods that always run: the HPA minimum, else the fixed count.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { buildModel } from '../../src/model/build.js';
import { render } from '../../src/render/index.js';
import type { K8sObject } from '../../src/render/kinds.js';
import { argoDocuments } from '../../src/argo/documents.js';
import { checkArgo } from '../../src/validate/argocd.js';
import { fixtureFs } from '../config/fixture.js';
import { FIXTURE_PLATFORM, renderOf } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';

const WORKLOADS = ['Deployment', 'Rollout'];
const VIRTUAL_SERVICE_WEIGHTS = { group: 'networking.istio.io', kind: 'VirtualService', jqPathExpressions: ['.spec.http[]?.route[]?.weight'] };

/** `kind env/name replicas=<n|absent> hpa=<yes|no> pdb=<yes|no>` for every workload of a render. */
function workloads(targets: readonly { path: string; env: string; objects: readonly K8sObject[] }[]): string[] {
  return targets.flatMap((t) =>
    t.objects
      .filter((o) => WORKLOADS.includes(o.kind))
      .map((w) => {
        const spec = w.spec as { replicas?: number };
        const hpa = t.objects.some((o) => o.kind === 'HorizontalPodAutoscaler' && (o.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef.kind === w.kind);
        const pdb = t.objects.some((o) => o.kind === 'PodDisruptionBudget');
        return `${w.kind} ${t.env}/${w.metadata.name} replicas=${'replicas' in spec ? String(spec.replicas) : 'absent'} hpa=${hpa ? 'yes' : 'no'} pdb=${pdb ? 'yes' : 'no'}`;
      }),
  );
}

describe('replicas: the HPA owns them, Git owns the fixed ones', () => {
  it('fixture platform: autoscaled workloads (Deployment and Rollout) have no spec.replicas; fixed-size ones keep theirs', () => {
    expect(workloads(renderOf(FIXTURE_PLATFORM).targets)).toEqual([
      'Deployment dev/gateway replicas=absent hpa=yes pdb=no',
      'Deployment dev/records replicas=absent hpa=yes pdb=no',
      'Rollout dev/scheduler replicas=1 hpa=no pdb=no',
      'Deployment test/gateway replicas=1 hpa=no pdb=no',
      'Deployment test/records replicas=absent hpa=yes pdb=no',
      'Deployment prod/gateway replicas=absent hpa=yes pdb=yes',
      'Rollout prod/records replicas=absent hpa=yes pdb=yes',
      'Deployment prod/scheduler replicas=2 hpa=no pdb=yes',
    ]);
  });

  it('no Application ignores replica differences, so self-heal keeps fixed counts as committed', () => {
    const result = renderOf(FIXTURE_PLATFORM);
    const { applications } = checkArgo({ documents: argoDocuments(result.files, 'argocd'), renderedPaths: [], isDir: () => true });
    expect(applications.length).toBeGreaterThan(0);
    for (const app of applications) {
      const ignored = ((app.application['spec'] as { ignoreDifferences?: unknown[] }).ignoreDifferences ?? []).map((d) => JSON.stringify(d));
      expect(ignored.filter((d) => d.includes('replicas')), app.origin).toEqual([]);
      // What remains is the canary weights the Rollouts controller moves (the bootstrap and the environment roots, which
      // sync Argo CD objects, and the cluster platforms of the add-ons project, which render no VirtualService, have none).
      const argoOnly = ['suoke-platform', 'suoke-addons'].includes((app.application['spec'] as { project: string }).project);
      expect(ignored, app.origin).toEqual(argoOnly ? [] : [JSON.stringify(VIRTUAL_SERVICE_WEIGHTS)]);
    }
  });

  it.each([
    ['HPA minimum 1 under 3 starting replicas: no PDB (the HPA may scale to one pod)', 'replicas: 3\nautoscaling: {minReplicas: 1, maxReplicas: 4, cpu: 70}', 'absent', false],
    ['HPA minimum 2: a PDB', 'replicas: 2\nautoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}', 'absent', true],
    ['fixed 2: replicas kept, a PDB', 'replicas: 2\nautoscaling: false', 2, true],
    ['fixed 1: replicas kept, no PDB', 'replicas: 1\nautoscaling: false', 1, false],
  ])('%s', (_name, sizing, replicas, pdb) => {
    const fs = fixtureFs([['apps/alpha/service.yaml', 'replicas: 2\nautoscaling: {minReplicas: 2, maxReplicas: 4, cpu: 70}', sizing]]);
    const { config, findings } = readConfig(fs, loadOptions);
    expect(findings).toEqual([]);
    const prod = render(buildModel(config!)).targets.find((t) => t.env === 'prod' && t.path.endsWith('/alpha'))!;
    const deployment = prod.objects.find((o) => o.kind === 'Deployment')!;
    const spec = deployment.spec as { replicas?: number };
    expect(['replicas' in spec ? spec.replicas : 'absent', prod.objects.some((o) => o.kind === 'PodDisruptionBudget')]).toEqual([replicas, pdb]);
  });
});
