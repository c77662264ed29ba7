/** The policies on the committed configuration: clean, and the capacity and quota figures of the seed platform. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { buildModel } from '../../src/model/build.js';
import { checkRepository } from '../../src/policy/repository.js';
import { render } from '../../src/render/index.js';
import { REPO_ROOT } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';

describe('the repository', () => {
  const { config } = readConfig(diskFs(REPO_ROOT), loadOptions);
  const model = buildModel(config!);
  const result = checkRepository(model, render(model).targets);

  it('has no error or warning, only waived checks and the headroom reports', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect([...new Set(result.findings.map((f) => f.check))].sort()).toEqual(['policy/capacity-headroom', 'policy/data-connections-headroom', 'policy/data-recovery-figures', 'policy/quota-headroom', 'policy/waived']);
  });

  it('strictness per environment: the same defect is a warning in dev and test, an error in staging and prod, off where the tier says so', () => {
    // Every xiaoai Deployment with a writable root file system and a single replica.
    const targets = render(model).targets.map((t) =>
      t.path.endsWith('/xiaoai')
        ? {
            ...t,
            objects: t.objects.map((o) => {
              if (o.kind !== 'Deployment') return o;
              const copy = structuredClone(o);
              (copy as unknown as { spec: { template: { spec: { containers: { securityContext: Record<string, unknown> }[] } } } }).spec.template.spec.containers[0]!.securityContext.readOnlyRootFilesystem = false;
              return copy;
            }),
          }
        : t,
    );
    const found = checkRepository(model, targets).findings.filter((f) => f.check === 'policy/read-only-root-fs');
    expect(found.map((f) => `${f.file} ${f.severity}`)).toEqual([
      'clusters/dev/dev/xiaoai warning',
      'clusters/dev/test/xiaoai warning',
      'clusters/prod/prod/xiaoai error',
      'clusters/staging/staging/xiaoai error',
    ]);
    // min-replicas is off in development: dev and test run one replica without a finding.
    expect(result.findings.some((f) => f.check === 'policy/min-replicas')).toBe(false);
    expect(model.environments.find((e) => e.env.name === 'dev')!.env.tier).toBe('development');
  });

  // The seed sized to the deployment plan (docs/policies.md#sizing-the-seed): every pod with its Istio sidecar,
  // every workload at its HPA maximum with rolling-update surge and canary pods, fits its pool and the quota.
  it('prod capacity and quota of the seed plan: every pool (the data pools with the data layer\'s pods) and the quota hold the worst case, without a waiver', () => {
    // Each pool's finding is at its entry under `nodePools:` (the line found, so that the file may grow above it).
    const text = fs.readFileSync(path.join(REPO_ROOT, 'clusters/prod/cluster.yaml'), 'utf8').split('\n');
    const pool = (name: string) => 1 + text.findIndex((l) => l === `  - name: ${name}` || l.startsWith(`  - {name: ${name},`));
    const prod = result.findings.filter((f) => f.file === 'clusters/prod/cluster.yaml').map((f) => `${f.line} ${f.path}: ${f.message}`);
    expect(prod).toEqual([
      '15 environments.prod.quota: ResourceQuota suoke-prod/compute allows requests 64 CPU / 128Gi, limits 160 CPU / 256Gi, 150 pods; at minimum replicas 44 pods request 21.6 CPU / 38.75Gi and limit 56.4 CPU / 77.5Gi (Istio sidecars 4.4 CPU / 5.5Gi of the requests, 22 CPU / 11Gi of the limits); at the worst case (maximum replicas, 22 surge and 5 canary pods) 108 pods request 61.6 CPU / 108Gi and limit 155.6 CPU / 216Gi (Istio sidecars 10.8 CPU / 13.5Gi of the requests, 54 CPU / 27Gi of the limits)',
      '59 environments.prod.dataServices.postgres.cluster: prod: server connections 160 of 187 available (max_connections 200); client connections at maxima 215 of 2000 the pooler accepts',
      '59 environments.prod.dataServices.postgres.cluster: prod: RPO ≤ 5m (archive_timeout 5min); RTO ≈ 1h7m33s (110Gi at 50Mi/s, plus 30m)',
      `${pool('api-gateway')} nodePools[0]: node pool api-gateway (2 nodes, 8 CPU / 16Gi): 2 workloads; at maximum replicas with surge and canary pods 7.85 CPU (98%) / 8.52Gi (53%), headroom 0.15 CPU / 7.48Gi; at minimum replicas 1.25 CPU / 1.64Gi`,
      `${pool('agents')} nodePools[1]: node pool agents (4 nodes, 32 CPU / 64Gi): 5 workloads; at maximum replicas with surge and canary pods 32 CPU (100%) / 62.41Gi (98%), headroom 0 CPU / 1.59Gi; at minimum replicas 8.9 CPU / 17.78Gi`,
      `${pool('business')} nodePools[2]: node pool business (6 nodes, 24 CPU / 48Gi): 15 workloads; at maximum replicas with surge and canary pods 22.05 CPU (92%) / 39.42Gi (82%), headroom 1.95 CPU / 8.58Gi; at minimum replicas 11.75 CPU / 21.67Gi`,
      `${pool('database')} nodePools[3]: node pool database (3 nodes, 24 CPU / 96Gi): 3 workloads; at maximum replicas with surge and canary pods 12.575 CPU (52%) / 48.84Gi (51%), headroom 11.425 CPU / 47.16Gi; at minimum replicas 12.575 CPU / 48.84Gi`,
      `${pool('cache')} nodePools[4]: node pool cache (3 nodes, 12 CPU / 48Gi): 4 workloads; at maximum replicas with surge and canary pods 5.025 CPU (42%) / 13.15Gi (27%), headroom 6.975 CPU / 34.85Gi; at minimum replicas 5.025 CPU / 13.15Gi`,
      `${pool('monitoring')} nodePools[5]: node pool monitoring (2 nodes, 8 CPU / 16Gi): 3 workloads; at maximum replicas with surge and canary pods 2.25 CPU (28%) / 9.39Gi (59%), headroom 5.75 CPU / 6.61Gi; at minimum replicas 2.25 CPU / 9.39Gi`,
    ]);
  });

  it('staging quota of the seed: the worst case fits', () => {
    const staging = result.findings.filter((f) => f.file === 'clusters/staging/cluster.yaml' && f.check === 'policy/quota-headroom').map((f) => f.message);
    expect(staging).toEqual([
      'ResourceQuota suoke-staging/compute allows requests 32 CPU / 64Gi, limits 96 CPU / 128Gi, 120 pods; ' +
        'at minimum replicas 44 pods request 10.8 CPU / 19.38Gi and limit 39.2 CPU / 44.25Gi (Istio sidecars 2.2 CPU / 2.75Gi of the requests, 22 CPU / 11Gi of the limits); ' +
        'at the worst case (maximum replicas, 18 surge and 3 canary pods) 89 pods request 22.95 CPU / 41.13Gi and limit 81.5 CPU / 93.38Gi (Istio sidecars 4.45 CPU / 5.56Gi of the requests, 44.5 CPU / 22.25Gi of the limits)',
    ]);
  });
});
