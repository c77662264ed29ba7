/**
 * Which environment a service's Kustomize base (`apps/<service>/base`) is taken from: the most
 * production-like by tier, never decided by an environment's name sorting after `prod`
 * (regression: adding `qa` rewrote every base with dev sizes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { EnvironmentConfig } from '../../src/config/types.js';
import { memoryFs } from '../../src/core/fs.js';
import { buildModel, productionLikeness } from '../../src/model/build.js';
import { render } from '../../src/render/index.js';
import { configFiles } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/platform.js';
import { loadOptions } from '../helpers/load-options.js';

const DEV_CLUSTER = 'clusters/dev/cluster.yaml';
const STAGING_CLUSTER = 'clusters/staging/cluster.yaml';

/** The repository's configuration, in memory. */
function repoConfig(): Record<string, string> {
  return Object.fromEntries(configFiles(REPO_ROOT).map((rel) => [rel, fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8')]));
}

/** The `apps/<service>/base` files of a render of `files`. */
function bases(files: Record<string, string>): Record<string, string> {
  const result = render(buildModel(loadConfig(memoryFs(files), loadOptions)));
  return Object.fromEntries(result.files.filter((f) => /^apps\/[^/]+\/base\//.test(f.path)).map((f) => [f.path, f.content]));
}

/** An environment block for a cluster file: `name`, its namespace `suoke-<name>`, tier and scale. */
function environment(name: string, tier: string, scale: number): string {
  return [
    `  ${name}:`,
    `    namespace: suoke-${name}`,
    `    tier: ${tier}`,
    `    sizing: {resourceScale: ${scale}, replicas: 1, maxReplicas: 2}`,
    '    quota:',
    '      requests: {cpu: "8", memory: 16Gi}',
    '      limits: {cpu: "16", memory: 32Gi}',
    '      pods: 60',
    '    limitRange:',
    '      default: {cpu: 500m, memory: 1Gi}',
    '      defaultRequest: {cpu: 50m, memory: 64Mi}',
    `    secretStore: {kind: ClusterSecretStore, name: suoke-vault-${name}}`,
    `    dataServices: {namespace: suoke-${name}-data, postgres: {name: postgres}, redis: {name: redis}, mq: {name: rabbitmq}, elasticsearch: {name: elasticsearch}}`,
    '',
  ].join('\n');
}

/** The cluster file with `block` added as the first environment, and its logs kept a week (`logging.retentionDays`). */
function withEnvironment(text: string, block: string): string {
  expect(text).toContain('\nenvironments:\n');
  expect(text).toContain('\n  retentionDays:\n');
  const name = /^ {2}([a-z0-9-]+):/.exec(block)![1];
  return text.replace('\nenvironments:\n', `\nenvironments:\n${block}`).replace('\n  retentionDays:\n', `\n  retentionDays:\n    ${name}: 7\n`);
}

describe('the Kustomize base is taken from the most production-like environment', () => {
  const config = repoConfig();
  const before = bases(config);

  it('the repository has bases to compare', () => {
    expect(Object.keys(before).length).toBeGreaterThan(50);
  });

  const cases: { name: string; cluster: string; block: string }[] = [
    { name: 'adding `qa` (development tier) leaves every apps/*/base byte-identical', cluster: DEV_CLUSTER, block: environment('qa', 'development', 0.25) },
    { name: 'adding `zz-sandbox` (development tier, sorting after prod) leaves every base byte-identical', cluster: DEV_CLUSTER, block: environment('zz-sandbox', 'development', 0.25) },
    { name: 'adding `preprod` (production tier, not a well-known name) leaves every base byte-identical', cluster: STAGING_CLUSTER, block: environment('preprod', 'production', 0.5) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const after = bases({ ...config, [c.cluster]: withEnvironment(config[c.cluster]!, c.block) });
      expect(after).toEqual(before);
    });
  }
});

describe('productionLikeness', () => {
  const env = (name: string, tier: EnvironmentConfig['tier']) => ({ name, tier }) as EnvironmentConfig;
  const order = (envs: EnvironmentConfig[]) => [...envs].sort(productionLikeness).map((e) => e.name);
  const cases: { name: string; envs: EnvironmentConfig[]; expected: string[] }[] = [
    { name: 'the well-known environments in promotion order', envs: [env('prod', 'production'), env('dev', 'development'), env('staging', 'production'), env('test', 'development')], expected: ['dev', 'test', 'staging', 'prod'] },
    { name: 'tier before name: a development `zz` below a production `staging`', envs: [env('zz', 'development'), env('staging', 'production')], expected: ['zz', 'staging'] },
    { name: 'tier before name: a production `qa` above a development `test`', envs: [env('qa', 'production'), env('test', 'development')], expected: ['test', 'qa'] },
    { name: 'other names below the well-known ones of their tier', envs: [env('prod', 'production'), env('preprod', 'production'), env('dev', 'development'), env('qa', 'development')], expected: ['qa', 'dev', 'preprod', 'prod'] },
    { name: 'only other names: by name within a tier', envs: [env('live', 'production'), env('uat', 'production'), env('int', 'development')], expected: ['int', 'live', 'uat'] },
  ];
  for (const c of cases) it(c.name, () => expect(order(c.envs)).toEqual(c.expected));
});
