/** The policies on the committed configuration: clean, and the capacity figures of the seed platform. */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { buildModel } from '../../src/model/build.js';
import { checkRepository } from '../../src/policy/repository.js';
import { render } from '../../src/render/index.js';
import { REPO_ROOT } from '../helpers/platform.js';

describe('the repository', () => {
  const { config } = readConfig(diskFs(REPO_ROOT));
  const model = buildModel(config!);
  const result = checkRepository(model, render(model).targets);

  it('has no error or warning, only waived checks and the headroom report', () => {
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect([...new Set(result.findings.map((f) => f.check))].sort()).toEqual(['policy/capacity-headroom', 'policy/waived']);
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

  it('prod capacity of the seed plan: agents near full, business over at maximum replicas (waived, an open decision)', () => {
    const prod = result.findings.filter((f) => f.file === 'clusters/prod/cluster.yaml').map((f) => `${f.path}: ${f.message}`);
    expect(prod.slice(0, 3)).toEqual([
      'nodePools[0]: node pool api-gateway (2 nodes, 8 CPU / 16Gi): 1 workload; at maximum replicas 5 CPU (63%) / 5Gi (31%), headroom 3 CPU / 11Gi; at minimum replicas 1 CPU / 1Gi',
      'nodePools[1]: node pool agents (4 nodes, 32 CPU / 64Gi): 4 workloads; at maximum replicas 29 CPU (91%) / 58Gi (91%), headroom 3 CPU / 6Gi; at minimum replicas 8 CPU / 16Gi',
      'nodePools[2]: node pool business (6 nodes, 24 CPU / 48Gi): 14 workloads; at maximum replicas 40.6 CPU (169%) / 80.75Gi (168%), headroom -16.6 CPU / -32.75Gi; at minimum replicas 8.2 CPU / 16.25Gi',
    ]);
    // Each at the line of its pool in the cluster file (SARIF regions, `file:line` in text).
    const lines = result.findings.filter((f) => f.file === 'clusters/prod/cluster.yaml').map((f) => `${f.line} ${f.path}`);
    expect(lines.slice(0, 4)).toEqual(['57 nodePools[0]', '58 nodePools[1]', '59 nodePools[2]', '59 nodePools[2]']);
    expect(prod[3]).toMatch(/^nodePools\[2\]: policy\/capacity waived in clusters\/prod\/cluster.yaml: open decision/);
  });
});
