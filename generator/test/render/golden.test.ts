import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { FIXTURE_PLATFORM, renderOf } from '../helpers/platform.js';
import { GENERATED_MARKDOWN_MARKER, GENERATED_MARKER } from '../../src/core/generated-files.js';

describe('rendered tree of the fixture platform', () => {
  const result = renderOf(FIXTURE_PLATFORM);

  it('matches the golden files byte for byte', () => {
    expectGolden('platform', result.files);
  });

  it('marks every file as generated and names its sources', () => {
    // Markdown (the runbooks) carries the marker inside an HTML comment, which viewers hide.
    for (const f of result.files) expect(f.content.startsWith(f.path.endsWith('.md') ? GENERATED_MARKDOWN_MARKER : GENERATED_MARKER), f.path).toBe(true);
  });

  it('lists files sorted by path, once each', () => {
    const paths = result.files.map((f) => f.path);
    expect(paths).toEqual([...new Set(paths)].sort());
  });

  it('has one Argo CD path per service instance, one shared path, one data path and one root directory per environment, an edge path where one is declared, a verification path where a smoke test is, the platform path of a cluster with an issuer, the logging path of a cluster with `logging`, and argocd/', () => {
    expect(result.targets.map((t) => `${t.application} ${t.path}`)).toEqual([
      'suoke-life-bootstrap argocd',
      'suoke-dev argocd/environments/dev',
      'suoke-prod argocd/environments/prod',
      'suoke-test argocd/environments/test',
      'dev-data clusters/dev/dev/data',
      'dev-gateway clusters/dev/dev/gateway',
      'dev-records clusters/dev/dev/records',
      'dev-scheduler clusters/dev/dev/scheduler',
      'dev-shared clusters/dev/dev/shared',
      'logging-dev clusters/dev/logging',
      'test-data clusters/dev/test/data',
      'test-gateway clusters/dev/test/gateway',
      'test-records clusters/dev/test/records',
      'test-shared clusters/dev/test/shared',
      'logging-prod clusters/prod/logging',
      'platform-prod clusters/prod/platform',
      'prod-data clusters/prod/prod/data',
      'prod-edge clusters/prod/prod/edge',
      'prod-gateway clusters/prod/prod/gateway',
      'prod-records clusters/prod/prod/records',
      'prod-scheduler clusters/prod/prod/scheduler',
      'prod-shared clusters/prod/prod/shared',
      'prod-verification clusters/prod/prod/verification',
    ]);
  });
});
