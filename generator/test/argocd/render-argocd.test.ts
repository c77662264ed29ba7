import { describe, expect, it } from 'vitest';
import { ARGO_KEYS, PARAM_KEYS, serviceParams } from '../../src/render/argocd-apps.js';
import { CANARY_ANNOTATIONS } from '../../src/render/conventions.js';
import { HEALTH_CUSTOMIZATIONS } from '../../src/render/argocd-health.js';
import { roleGroups, rolePolicies } from '../../src/render/argocd-projects.js';
import { destinationPermitted, globMatch, sourcePermitted } from '../../src/argo/glob.js';
import { argoDocuments } from '../../src/argo/documents.js';
import { checkArgo } from '../../src/validate/argocd.js';
import { FIXTURE_PLATFORM, modelOf, REPO_ROOT, renderOf } from '../helpers/platform.js';

const model = modelOf(FIXTURE_PLATFORM);
const docs = argoDocuments(renderOf(FIXTURE_PLATFORM).files, 'argocd');
/** The Applications `logging-<cluster>` of the clusters with `logging` (render/logging.ts). */
const LOGGING_APPS = model.clusters.filter((c) => c.logging).map((c) => `logging-${c.name}`);
/** The projects of the platform's own Applications (the bootstrap's, the add-ons'), not of an environment. */
const PLATFORM_PROJECTS = ['suoke-platform', 'suoke-addons'];
const of = (kind: string) => docs.filter((d) => d.object['kind'] === kind).map((d) => d.object as Record<string, any>);

describe('Argo CD objects of the fixture platform', () => {
  it('bootstrap.yaml alone holds the platform project and the bootstrap Application, so it applies on its own', () => {
    expect(docs.filter((d) => d.file === 'argocd/bootstrap.yaml').map((d) => `${d.object['kind']} ${(d.object['metadata'] as any).name}`)).toEqual([
      'AppProject suoke-platform',
      'Application suoke-life-bootstrap',
    ]);
    const boot = of('Application').find((a) => a.metadata.name === 'suoke-life-bootstrap')!;
    expect(boot.spec.project).toBe('suoke-platform');
    expect(boot.metadata.finalizers).toBeUndefined();
  });

  it('orders the bootstrap sync in waves: projects and health checks, then the environment roots; each root: foundation, then services', () => {
    // What each Application's sync applies: the objects its path builds.
    const waves = (path: string) =>
      renderOf(FIXTURE_PLATFORM)
        .targets.find((t) => t.path === path)!
        .objects.map((o) => `${o.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 'none'} ${o.kind} ${o.metadata.name}`)
        .sort();
    // -10 leaves -9…-3 to the add-ons and the clusters' platform Applications (the fixture has prod's
    // platform and both clusters' logging).
    expect(LOGGING_APPS).toEqual(['logging-dev', 'logging-prod']);
    expect(waves('argocd')).toEqual([
      '-10 AppProject suoke-addons',
      '-10 AppProject suoke-dev',
      '-10 AppProject suoke-platform',
      '-10 AppProject suoke-prod',
      '-10 AppProject suoke-test',
      '-10 ConfigMap argocd-cm',
      '-2 Application suoke-dev',
      '-2 Application suoke-prod',
      '-2 Application suoke-test',
      ...LOGGING_APPS.map((a) => `-3 Application ${a}`),
      '-3 Application platform-prod',
      'none Application suoke-life-bootstrap',
    ]);
    expect(waves('argocd/environments/prod')).toEqual(['-1 Application prod-data', '-2 Application prod-shared', '0 ApplicationSet suoke-prod', '1 Application prod-edge', '2 Application prod-verification']);
  });

  it("regression (issue 9, defects 1 and 2): the bootstrap, the environment roots and the clusters' logging are exempt from wave gates; nothing else is", () => {
    const exempt = of('Application')
      .filter((a) => a.metadata.labels['suoke-life.com/health-gate'] === 'none')
      .map((a) => a.metadata.name)
      .sort();
    // The logging Applications never hold the environments' wave (render/logging.ts, loggingApplication).
    expect(exempt).toEqual([...LOGGING_APPS, 'suoke-dev', 'suoke-life-bootstrap', 'suoke-prod', 'suoke-test'].sort());
    for (const set of of('ApplicationSet')) expect(set.spec.template.metadata.labels).not.toHaveProperty(['suoke-life.com/health-gate']);
  });

  it('an environment root syncs its environment directory under the platform project, prunes last, retries, and cascades on deletion', () => {
    const root = of('Application').find((a) => a.metadata.name === 'suoke-prod')!;
    expect(root.spec).toEqual({
      project: 'suoke-platform',
      source: { repoURL: 'https://git.example.internal/fixture/gitops.git', targetRevision: 'main', path: 'argocd/environments/prod' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['PruneLast=true'], retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } } },
    });
    expect(root.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(docs.filter((d) => d.file.startsWith('argocd/environments/prod/')).map((d) => `${d.file} ${d.object['kind']} ${(d.object['metadata'] as any).name}`)).toEqual([
      'argocd/environments/prod/data.yaml Application prod-data',
      'argocd/environments/prod/edge.yaml Application prod-edge',
      'argocd/environments/prod/services.yaml ApplicationSet suoke-prod',
      'argocd/environments/prod/shared.yaml Application prod-shared',
      'argocd/environments/prod/verification.yaml Application prod-verification',
    ]);
  });

  it('environment projects stay until no Application names them, so removing an environment can finish', () => {
    for (const p of of('AppProject').filter((p) => !PLATFORM_PROJECTS.includes(p.metadata.name))) expect(p.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
  });

  it('ApplicationSets use Go templates with missingkey=error, no RollingSync, and elements with every key', () => {
    for (const set of of('ApplicationSet')) {
      expect(set.spec.goTemplate).toBe(true);
      expect(set.spec.goTemplateOptions).toEqual(['missingkey=error']);
      expect(set.spec.strategy).toBeUndefined();
      for (const el of set.spec.generators[0].list.elements) expect(Object.keys(el)).toEqual(PARAM_KEYS);
      expect(set.spec.template.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(set.spec.template.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    }
  });

  it('environment projects allow only this repository, their own destinations (namespace, data namespace, the ingress namespace of the edge), and the kinds they render', () => {
    const prod = of('AppProject').find((p) => p.metadata.name === 'suoke-prod')!;
    expect(prod.spec.sourceRepos).toEqual(['https://git.example.internal/fixture/gitops.git']);
    expect(prod.spec.destinations).toEqual(['fixture-prod', 'fixture-prod-data', 'istio-ingress'].map((namespace) => ({ server: 'https://prod.example.internal:6443', namespace })));
    expect(prod.spec.clusterResourceWhitelist).toEqual([{ group: '', kind: 'Namespace' }]);
    expect(prod.spec.namespaceResourceWhitelist.map((k: any) => k.kind)).not.toContain('Namespace');
    expect(prod.spec.orphanedResources).toEqual({ warn: true, ignore: [{ group: '', kind: 'ConfigMap', name: 'istio-ca-root-cert' }] });
  });

  it('regression: orphaned-resource warnings named the ConfigMap Istio creates in every namespace', () => {
    for (const p of of('AppProject').filter((p) => !PLATFORM_PROJECTS.includes(p.metadata.name))) {
      expect(p.spec.orphanedResources.ignore).toContainEqual({ group: '', kind: 'ConfigMap', name: 'istio-ca-root-cert' });
    }
  });

  it('regression: argocd-cm lacked app.kubernetes.io/part-of: argocd, so Argo CD never loaded its health checks', () => {
    expect(of('ConfigMap')[0]!.metadata.labels).toEqual({ 'app.kubernetes.io/part-of': 'argocd' });
  });

  it('the argocd-cm patch carries only the health checks and is applied server-side, never pruned or deleted', () => {
    const cm = of('ConfigMap')[0]!;
    expect(Object.keys(cm.data)).toEqual([
      'resource.customizations.health.argoproj.io_Application',
      'resource.customizations.health.postgresql.cnpg.io_Cluster',
      // Argo CD v3.5.1 ships none for the Redis operator (issue 12); its RabbitMQ checks are built in.
      'resource.customizations.health.redis.redis.opstreelabs.in_RedisReplication',
    ]);
    expect(cm.metadata.annotations['argocd.argoproj.io/sync-options']).toBe('ServerSideApply=true,Prune=false,Delete=false');
    for (const lua of Object.values(HEALTH_CUSTOMIZATIONS)) expect(lua).toMatch(/return hs\n$/);
  });
});

describe('canary visibility', () => {
  const instance = model.environments.find((e) => e.env.name === 'prod')!.instances[0]!;

  it('a service without a gray release says so', () => {
    const plain = { ...instance, grayRelease: undefined };
    expect(serviceParams(plain)).toMatchObject({ grayRelease: 'false', canaryWeight: '0', canaryVersion: '', canarySteps: '', canaryControl: '' });
  });

  it('a canary in progress shows its weight, version, plan and control', () => {
    const gray = { ...instance, grayRelease: { steps: [5, 20, 50, 100], pause: '10m', control: 'git' as const, canary: { version: '9.9.9', weight: 20 } } };
    expect(serviceParams(gray)).toMatchObject({ grayRelease: 'true', canaryWeight: '20', canaryVersion: '9.9.9', canarySteps: '5,20,50,100', canaryControl: 'git' });
  });

  it('a gray-release service between releases is at weight 0', () => {
    const idle = { ...instance, grayRelease: { steps: [10, 100], pause: '5m', control: 'auto' as const } };
    expect(serviceParams(idle)).toMatchObject({ grayRelease: 'true', canaryWeight: '0', canaryVersion: '', canarySteps: '10,100' });
  });
});

describe('canary visibility in the repository: ApplicationSet element → Application labels and annotations → Rollout', () => {
  const result = renderOf(REPO_ROOT);
  const { applications } = checkArgo({ documents: argoDocuments(result.files, 'argocd'), renderedPaths: [], isDir: () => true });
  const meta = (o: Record<string, unknown>) => o['metadata'] as { name: string; labels: Record<string, string>; annotations: Record<string, string> };

  it('the Applications of the seed gray releases say which service, environment, weight and versions; every other service Application says none', () => {
    const seen = applications
      .map((a) => meta(a.application))
      .filter((m) => m.labels[ARGO_KEYS.service] !== undefined && m.labels[ARGO_KEYS.grayRelease] === 'true')
      .map((m) => ({
        name: m.name,
        environment: m.labels[ARGO_KEYS.environment],
        service: m.labels[ARGO_KEYS.service],
        weight: m.labels[ARGO_KEYS.canaryWeight],
        version: m.annotations[ARGO_KEYS.canaryVersion],
        stable: m.annotations[ARGO_KEYS.stableVersion],
        control: m.annotations[ARGO_KEYS.canaryControl],
        steps: m.annotations[ARGO_KEYS.canarySteps],
      }));
    expect(seen).toEqual([
      { name: 'prod-xiaoke', environment: 'prod', service: 'xiaoke', weight: '20', version: '2.1.0', stable: '2.0.3', control: 'git', steps: '5,20,50,100' },
      { name: 'staging-knowledge', environment: 'staging', service: 'knowledge', weight: '10', version: '1.4.0', stable: '1.3.0', control: 'auto', steps: '10,25,50,100' },
    ]);
    const others = applications.map((a) => meta(a.application)).filter((m) => m.labels?.[ARGO_KEYS.grayRelease] === 'false');
    // Less the two gray releases, the bootstrap Application, the four environment roots, the 27 add-on
    // Applications (9 add-ons on 3 clusters), the 3 clusters' platform Applications, their 3 alerting, 3 monitoring
    // and 3 logging Applications, and the Argo CD monitoring Application of the cluster Argo CD runs in.
    expect(others.length).toBe(applications.length - 2 - 1 - 4 - 27 - 3 - 3 - 3 - 3 - 1);
    for (const m of others) expect([m.name, m.labels[ARGO_KEYS.canaryWeight], m.annotations[ARGO_KEYS.canaryVersion]]).toEqual([m.name, '0', '']);
  });

  it('each gray-release Application builds a Rollout whose canary annotations and image agree with the Application', () => {
    for (const app of applications.filter((a) => meta(a.application).labels?.[ARGO_KEYS.grayRelease] === 'true')) {
      const m = meta(app.application);
      const path = (app.application['spec'] as { source: { path: string } }).source.path;
      const rollout = result.targets.find((t) => t.path === path)!.objects.find((o) => o.kind === 'Rollout')!;
      const image = (rollout.spec as any).template.spec.containers[0].image as string;
      expect([rollout.metadata.annotations![CANARY_ANNOTATIONS.weight], rollout.metadata.annotations![CANARY_ANNOTATIONS.version], image.split(':')[1]], m.name).toEqual([
        m.labels[ARGO_KEYS.canaryWeight],
        m.annotations[ARGO_KEYS.canaryVersion],
        m.annotations[ARGO_KEYS.canaryVersion],
      ]);
    }
  });
});

describe('roles', () => {
  it('policies are in Argo CD project form', () => {
    expect(rolePolicies('suoke-prod', 'read-only')).toEqual(['p, proj:suoke-prod:read-only, applications, get, suoke-prod/*, allow']);
    expect(rolePolicies('suoke-prod', 'deployer')).toContain('p, proj:suoke-prod:deployer, applications, sync, suoke-prod/*, allow');
  });

  it('a per-environment list replaces the platform-wide one; the other list is kept', () => {
    const a = { ...model.argocd, roles: { deployers: ['dev'], readOnly: ['ro'], environments: { prod: { deployers: ['sre'] } } } };
    expect(roleGroups(a, 'prod')).toEqual({ deployers: ['sre'], readOnly: ['ro'] });
    expect(roleGroups(a, 'dev')).toEqual({ deployers: ['dev'], readOnly: ['ro'] });
  });
});

describe("Argo CD's project matching", () => {
  it.each([
    ['*', 'anything', true],
    ['suoke-*', 'suoke-prod', true],
    ['suoke-?', 'suoke-prod', false],
    ['suoke-{dev,test}', 'suoke-test', true],
    ['suoke-[a-d]ev', 'suoke-dev', true],
    ['suoke-[!a-d]ev', 'suoke-dev', false],
    ['suoke-prod', 'suoke-prod-2', false],
  ])('glob %s against %s is %s', (pattern, text, want) => {
    expect(globMatch(pattern, text)).toBe(want);
  });

  it('a deny destination wins over an allow', () => {
    const entries = [{ server: '*', namespace: '*' }, { server: '*', namespace: '!kube-system' }];
    expect(destinationPermitted(entries, { server: 'https://x', namespace: 'suoke-dev' })).toBe(true);
    expect(destinationPermitted(entries, { server: 'https://x', namespace: 'kube-system' })).toBe(false);
  });

  it('source repositories compare without case and a trailing .git', () => {
    expect(sourcePermitted(['https://git.example.com/Org/Repo.git'], 'https://git.example.com/org/repo')).toBe(true);
    expect(sourcePermitted(['https://git.example.com/*', '!https://git.example.com/evil'], 'https://git.example.com/evil.git')).toBe(false);
  });
});
