import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadConfig, readConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { fixtureFs } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('the repository configuration', () => {
  const { config, findings } = readConfig(diskFs(repoRoot), loadOptions);

  test('loads without findings', () => {
    expect(findings).toEqual([]);
  });

  test('has 19 services and 4 environments in 3 clusters, sorted by name', () => {
    expect(config?.services).toHaveLength(19);
    const names = config!.services.map((s) => s.name);
    expect(names).toEqual([...names].sort());
    expect(config!.clusters.map((c) => c.name)).toEqual(['dev', 'prod', 'staging']);
    expect(config!.clusters.flatMap((c) => c.environments.map((e) => `${e.cluster}/${e.name}:${e.namespace}`))).toEqual([
      'dev/dev:suoke-dev',
      'dev/test:suoke-test',
      'prod/prod:suoke-prod',
      'staging/staging:suoke-staging',
    ]);
    expect(config!.argocd).toEqual({
      file: 'argocd/argocd.yaml',
      repoURL: 'https://git.suoke-life.com/platform/suoke-life-gitops.git',
      targetRevision: 'main',
      namespace: 'argocd',
      cluster: 'prod',
      roles: {
        deployers: ['suoke-life:developers'],
        readOnly: ['suoke-life:developers', 'suoke-life:qa'],
        environments: {
          staging: { deployers: ['suoke-life:qa', 'suoke-life:sre'] },
          prod: { deployers: ['suoke-life:sre'], readOnly: ['suoke-life:developers', 'suoke-life:qa', 'suoke-life:audit'] },
        },
      },
    });
  });

  test('reads only the hand-edited files', () => {
    expect(new Set(config!.services.map((s) => s.file))).toEqual(new Set(config!.services.map((s) => `apps/${s.name}/service.yaml`)));
    expect(config!.clusters.map((c) => c.file)).toEqual(['clusters/dev/cluster.yaml', 'clusters/prod/cluster.yaml', 'clusters/staging/cluster.yaml']);
  });
});

describe('defaults', () => {
  const config = loadConfig(fixtureFs(), loadOptions);

  test('a service with only the required keys gets every default', () => {
    expect(config.services.find((s) => s.name === 'alpha')).toEqual({
      file: 'apps/alpha/service.yaml',
      name: 'alpha',
      group: 'core',
      description: 'Alpha service',
      version: '1.0.0',
      image: 'registry.suoke-life.com/suoke-life/alpha',
      grpc: true,
      metrics: true,
      health: { liveness: '/health', readiness: '/health' },
      startupSeconds: 30,
      exposed: false,
      dependsOn: { data: [], services: [] },
      external: [],
      settings: {},
      secrets: [],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
      replicas: 2,
      autoscaling: { minReplicas: 2, maxReplicas: 4, cpu: 70 },
      environments: {},
    });
  });

  test('a service with every key keeps them', () => {
    expect(config.services.find((s) => s.name === 'beta')).toEqual({
      file: 'apps/beta/service.yaml',
      name: 'beta',
      group: 'agent',
      description: 'Beta agent',
      version: '2.1.0',
      image: 'registry.example.com/team/beta',
      grpc: false,
      metrics: true,
      health: { liveness: '/live', readiness: '/ready' },
      startupSeconds: 90,
      exposed: true,
      dependsOn: { data: ['postgres', 'redis'], services: ['alpha'] },
      external: [{ description: 'Payment provider', cidr: '203.0.113.0/24', ports: [443] }],
      settings: { MODE: 'fast' },
      secrets: [{ env: 'DATABASE_URL', key: 'suoke/{env}/beta', property: 'url' }],
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      replicas: 2,
      autoscaling: { minReplicas: 2, maxReplicas: 6, cpu: 70, memory: 80 },
      environments: { dev: { version: '2.2.0-rc.1', replicas: 1, autoscaling: false }, prod: { settings: { MODE: 'safe' } } },
    });
  });

  test('an environment without optional keys gets sizing, topologySpread, sidecar and settings defaults', () => {
    expect(config.clusters.find((c) => c.name === 'prod')).toEqual({
      file: 'clusters/prod/cluster.yaml',
      name: 'prod',
      server: 'https://prod.example.com',
      kubernetesVersion: '1.31',
      ingressNamespace: 'istio-ingress',
      monitoringNamespace: 'monitoring',
      monitoringLabels: { release: 'kube-prometheus-stack' },
      environments: [
        {
          name: 'prod',
          cluster: 'prod',
          namespace: 'suoke-prod',
          tier: 'production',
          sizing: { resourceScale: 1 },
          quota: { requests: { cpu: '20', memory: '40Gi' }, limits: { cpu: '40', memory: '80Gi' }, pods: 150, line: 11 },
          limitRange: { default: { cpu: '1', memory: '2Gi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } },
          topologySpread: false,
          // What Istio injects without annotations (istio-discovery values.yaml:357-364 @ 1.22.8).
          sidecar: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } },
          secretStore: { kind: 'ClusterSecretStore', name: 'vault-prod' },
          settings: {},
          // Port and operator namespace default by kind; Redis gets its size, image and persistence defaults.
          dataServices: {
            namespace: 'prod-data',
            services: {
              postgres: { name: 'postgres', port: 5432, operatorNamespace: 'cnpg-system' },
              redis: {
                name: 'redis',
                port: 6379,
                operatorNamespace: 'ot-operators',
                replicas: 1,
                sentinels: 3,
                version: 'v7.0.15',
                persistence: 'aof+rdb',
                resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
                storage: { size: '8Gi', storageClass: 'fast-ssd' },
              },
            },
          },
          // The plan's thresholds, every one a default (test/config/alerts.test.ts lists them).
          alerts: expect.objectContaining({ availability: expect.objectContaining({ objective: 99.9 }) }),
        },
      ],
    });
    expect(config.clusters.find((c) => c.name === 'nonprod')?.environments[0]?.sizing).toEqual({ resourceScale: 0.25, replicas: 1, maxReplicas: 2 });
  });

  test('Argo CD settings default to main and argocd', () => {
    expect(config.argocd).toEqual({ file: 'argocd/argocd.yaml', repoURL: 'https://git.example.com/platform/gitops.git', targetRevision: 'main', namespace: 'argocd', roles: { deployers: [], readOnly: [], environments: {} } });
  });

  test('quantities written as YAML numbers become strings', () => {
    const c = loadConfig(fixtureFs([['apps/alpha/service.yaml', '{cpu: 200m, memory: 256Mi}', '{cpu: 2, memory: 268435456}']]), loadOptions);
    expect(c.services.find((s) => s.name === 'alpha')?.resources.limits).toEqual({ cpu: '2', memory: '268435456' });
  });

  test('regression: a `__proto__` setting stays an own key and does not change the prototype', () => {
    const c = loadConfig(fixtureFs([['apps/beta/service.yaml', 'MODE: "fast"', 'MODE: "fast"\n  __proto__: "x"']]), loadOptions);
    const settings = c.services.find((s) => s.name === 'beta')!.settings;
    expect(Object.keys(settings)).toEqual(['MODE', '__proto__']);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });
});
