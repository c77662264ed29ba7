import { describe, expect, it } from 'vitest';
import { argoDocuments, checkArgo, type ArgoDocument } from '../../src/validate/argocd.js';
import { FIXTURE_PLATFORM, REPO_ROOT, renderOf } from '../helpers/platform.js';

const rendered = renderOf(FIXTURE_PLATFORM);
const renderedPaths = rendered.targets.map((t) => t.path);
const dirs = new Set(renderedPaths);

/** The fixture's Argo CD objects, deep-copied so each case can break them. */
function documents(): ArgoDocument[] {
  return structuredClone(argoDocuments(rendered.files, 'argocd'));
}

function find(docs: ArgoDocument[], kind: string, name: string): Record<string, any> {
  const d = docs.find((x) => x.object['kind'] === kind && (x.object['metadata'] as { name: string }).name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  return d.object as Record<string, any>;
}

/** What each rendered path builds, as validate passes it (kustomize proves the builds equal these). */
const renderedBuilds = new Map(rendered.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))]));

function run(docs: ArgoDocument[], isDir: (p: string) => boolean = (p) => dirs.has(p), paths = renderedPaths, builds = renderedBuilds) {
  return checkArgo({ documents: docs, renderedPaths: paths, isDir, builds });
}

describe('the rendered Argo CD layer of the fixture platform', () => {
  const result = run(documents());

  it('has no findings', () => {
    expect(result.findings).toEqual([]);
  });

  it('expands to one Application per service instance, one foundation Application and one root per environment, and the bootstrap', () => {
    expect(result.applications.map((a) => `${(a.application['metadata'] as { name: string }).name} <- ${a.origin}`)).toEqual([
      'dev-gateway <- ApplicationSet suoke-dev element 0',
      'dev-records <- ApplicationSet suoke-dev element 1',
      'dev-scheduler <- ApplicationSet suoke-dev element 2',
      'dev-shared <- Application dev-shared',
      'prod-gateway <- ApplicationSet suoke-prod element 0',
      'prod-records <- ApplicationSet suoke-prod element 1',
      'prod-scheduler <- ApplicationSet suoke-prod element 2',
      'prod-shared <- Application prod-shared',
      'suoke-dev <- Application suoke-dev',
      'suoke-life-bootstrap <- Application suoke-life-bootstrap',
      'suoke-prod <- Application suoke-prod',
      'suoke-test <- Application suoke-test',
      'test-gateway <- ApplicationSet suoke-test element 0',
      'test-records <- ApplicationSet suoke-test element 1',
      'test-shared <- Application test-shared',
    ]);
  });

  it('builds exactly the rendered paths, derived from the Applications', () => {
    expect(result.buildPaths).toEqual([...renderedPaths].sort());
  });

  it('expands a generated Application with every parameter substituted, canary state included', () => {
    const app = result.applications.find((a) => (a.application['metadata'] as { name: string }).name === 'prod-records')!.application as any;
    const el = find(documents(), 'ApplicationSet', 'suoke-prod').spec.generators[0].list.elements[1];
    expect(JSON.stringify(app)).not.toContain('{{');
    expect(app.spec.source.path).toBe('clusters/prod/prod/records');
    expect(app.metadata.labels['suoke-life.com/gray-release']).toBe(el.grayRelease);
    expect(app.metadata.labels['suoke-life.com/canary-weight']).toBe(el.canaryWeight);
    expect(app.metadata.annotations['suoke-life.com/canary-version']).toBe(el.canaryVersion);
    expect(app.metadata.annotations['suoke-life.com/canary-steps']).toBe(el.canarySteps);
  });
});

type Case = {
  name: string;
  edit: (docs: ArgoDocument[]) => void;
  isDir?: (p: string) => boolean;
  paths?: string[];
  builds?: Map<string, { kind: string; name: string }[]>;
  expect: object[];
};

/** Prod's change windows as the seed writes them: one allow window and a freeze, for every Application. */
const PROD_WINDOWS = [
  { kind: 'allow', schedule: '0 22 * * 2,4', duration: '2h', applications: ['*'], manualSync: true, timeZone: 'Asia/Shanghai' },
  { kind: 'deny', schedule: '0 0 3 2 *', duration: '288h', applications: ['*'], manualSync: false, timeZone: 'Asia/Shanghai' },
];
const prodWindows = (d: ArgoDocument[], windows: object[] = PROD_WINDOWS) => {
  find(d, 'AppProject', 'suoke-prod').spec.syncWindows = windows;
};
const gateLabel = (o: Record<string, any>) => delete o.metadata.labels['suoke-life.com/health-gate'];

/**
 * The layout before issue 9: the bootstrap synced every environment's foundation Application (wave
 * -2) and ApplicationSet itself, with no environment roots and no exemption.
 */
const OLD_ROOTS = ['suoke-dev', 'suoke-prod', 'suoke-test'];
function oldLayout(d: ArgoDocument[]): void {
  for (let i = d.length - 1; i >= 0; i--) if (OLD_ROOTS.includes((d[i]!.object['metadata'] as { name: string }).name) && d[i]!.object['kind'] === 'Application') d.splice(i, 1);
  gateLabel(find(d, 'Application', 'suoke-life-bootstrap'));
  prodWindows(d);
}
const oldBuilds = new Map([
  ['argocd', [...renderedBuilds].filter(([p]) => p.startsWith('argocd')).flatMap(([, objects]) => objects).filter((o) => !(o.kind === 'Application' && OLD_ROOTS.includes(o.name)))],
  ...[...renderedBuilds].filter(([p]) => !p.startsWith('argocd')),
]);
const waitsOnWindow = (app: string, file: string, message: string) => ({
  check: 'argocd/waits-on-window',
  file,
  object: `argoproj.io/v1alpha1/Application ${app}`,
  path: 'metadata.labels["suoke-life.com/health-gate"]',
  message,
});
const PROD_HELD = 'the change windows of project suoke-prod (allow "0 22 * * 2,4" for 2h, deny "0 0 3 2 *" for 288h)';
const SELF =
  'Application suoke-life-bootstrap syncs itself (wave 0) and is not labelled suoke-life.com/health-gate: none: during that sync its .operation is set, so the argocd-cm health check reports it Progressing until the sync ends, and a wave that waits on it never does (any wave waits once something is pruned)';

const cases: Case[] = [
  {
    name: 'duplicate Application name across an ApplicationSet and a plain Application',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-dev').spec.generators[0].list.elements[0].name = 'dev-shared';
    },
    expect: [
      {
        check: 'argocd/duplicate-name',
        file: 'argocd/environments/dev/services.yaml',
        object: 'argoproj.io/v1alpha1/Application dev-shared',
        path: 'metadata.name',
        message: 'Application name "dev-shared" is generated by ApplicationSet suoke-dev element 0 and by Application dev-shared; Argo CD keeps only one of them',
      },
      { check: 'argocd/path-not-deployed', file: 'clusters/dev/dev/gateway', message: 'the generator renders this path but no Application deploys it' },
    ],
  },
  {
    name: 'element without a key the template uses',
    edit: (d) => {
      delete find(d, 'ApplicationSet', 'suoke-prod').spec.generators[0].list.elements[1].canaryWeight;
    },
    expect: [
      {
        check: 'argocd/missing-key',
        file: 'argocd/environments/prod/services.yaml',
        object: 'argoproj.io/v1alpha1/ApplicationSet suoke-prod',
        path: 'spec.generators[0].list.elements[1]',
        message:
          'element 1 (prod-records) has no key "canaryWeight", which the template uses at spec.template.metadata.labels["suoke-life.com/canary-weight"]; with missingkey=error Argo CD generates no Application from this ApplicationSet',
      },
      // The element's Application is then not generated, so its path is deployed by nobody.
      { check: 'argocd/path-not-deployed', file: 'clusters/prod/prod/records', message: 'the generator renders this path but no Application deploys it' },
    ],
  },
  {
    name: 'Application path missing from the repository',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-test').spec.generators[0].list.elements[0].path = 'clusters/dev/test/gateway-old';
    },
    expect: [
      { check: 'argocd/path-missing', file: 'argocd/environments/test/services.yaml', object: 'argoproj.io/v1alpha1/Application test-gateway', path: 'spec.source.path', message: 'source path "clusters/dev/test/gateway-old" does not exist in the repository' },
      { check: 'argocd/path-not-deployed', file: 'clusters/dev/test/gateway', message: 'the generator renders this path but no Application deploys it' },
    ],
  },
  {
    name: 'Application path that exists but is not rendered',
    edit: (d) => {
      find(d, 'Application', 'prod-shared').spec.source.path = 'apps/records/base';
    },
    isDir: () => true,
    expect: [
      { check: 'argocd/path-not-rendered', file: 'argocd/environments/prod/shared.yaml', object: 'argoproj.io/v1alpha1/Application prod-shared', path: 'spec.source.path', message: 'source path "apps/records/base" exists but the generator does not render it, so nothing proves what it builds' },
      { check: 'argocd/path-not-deployed', file: 'clusters/prod/prod/shared', message: 'the generator renders this path but no Application deploys it' },
    ],
  },
  {
    name: 'destination namespace not allowed by the project',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-dev').spec.template.spec.destination.namespace = 'suoke-test';
    },
    expect: ['dev-gateway', 'dev-records', 'dev-scheduler'].map((n) => ({
      check: 'argocd/destination-not-allowed',
      file: 'argocd/environments/dev/services.yaml',
      object: `argoproj.io/v1alpha1/Application ${n}`,
      path: 'spec.destination',
      message: 'destination https://dev.example.internal:6443 namespace suoke-test is not allowed by project suoke-dev (destinations: [{"server":"https://dev.example.internal:6443","namespace":"fixture-dev"}])',
    })),
  },
  {
    name: 'source repository not allowed by the project',
    edit: (d) => {
      find(d, 'Application', 'test-shared').spec.source.repoURL = 'https://github.com/someone/fork.git';
    },
    expect: [
      { check: 'argocd/repo-not-allowed', file: 'argocd/environments/test/shared.yaml', object: 'argoproj.io/v1alpha1/Application test-shared', path: 'spec.source.repoURL', message: 'source repository "https://github.com/someone/fork.git" is not allowed by project suoke-test (sourceRepos: ["https://git.example.internal/fixture/gitops.git"])' },
    ],
  },
  {
    name: 'project that does not exist',
    edit: (d) => {
      find(d, 'Application', 'dev-shared').spec.project = 'default';
    },
    expect: [
      { check: 'argocd/project-missing', file: 'argocd/environments/dev/shared.yaml', object: 'argoproj.io/v1alpha1/Application dev-shared', path: 'spec.project', message: 'project "default" is not among the rendered AppProjects (suoke-dev, suoke-platform, suoke-prod, suoke-test)' },
    ],
  },
  {
    name: 'RollingSync strategy',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-prod').spec.strategy = { type: 'RollingSync', rollingSync: { steps: [] } };
    },
    expect: [
      { check: 'argocd/rolling-sync', file: 'argocd/environments/prod/services.yaml', object: 'argoproj.io/v1alpha1/ApplicationSet suoke-prod', path: 'spec.strategy.type', message: 'RollingSync turns automated sync off on the Applications it drives, so Argo CD would stop auto-syncing the committed output' },
    ],
  },
  {
    name: 'goTemplate without missingkey=error',
    edit: (d) => {
      delete find(d, 'ApplicationSet', 'suoke-test').spec.goTemplateOptions;
    },
    expect: [
      { check: 'argocd/go-template', file: 'argocd/environments/test/services.yaml', object: 'argoproj.io/v1alpha1/ApplicationSet suoke-test', path: 'spec.goTemplate', message: 'ApplicationSet must set `goTemplate: true` and `goTemplateOptions: ["missingkey=error"]`; otherwise a missing parameter renders as an empty string silently' },
    ],
  },
  {
    name: 'template action other than a plain parameter',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-test').spec.template.metadata.name = '{{.name | upper}}';
    },
    expect: ['element 0', 'element 1'].map(() => ({
      check: 'argocd/template-unsupported',
      file: 'argocd/environments/test/services.yaml',
      object: 'argoproj.io/v1alpha1/ApplicationSet suoke-test',
      path: 'spec.template',
      message: 'template action "{{.name | upper}}" at spec.template.metadata.name is not a plain `{{.key}}` parameter and cannot be expanded offline',
    })).concat(
      ['clusters/dev/test/gateway', 'clusters/dev/test/records'].map((file) => ({ check: 'argocd/path-not-deployed', file, message: 'the generator renders this path but no Application deploys it' }) as never),
    ),
  },
  {
    name: 'generator other than a list',
    edit: (d) => {
      find(d, 'ApplicationSet', 'suoke-test').spec.generators = [{ git: { repoURL: 'x', revision: 'main', directories: [{ path: 'clusters/dev/test/*' }] } }];
    },
    expect: [
      { check: 'argocd/generator-unsupported', file: 'argocd/environments/test/services.yaml', object: 'argoproj.io/v1alpha1/ApplicationSet suoke-test', path: 'spec.generators[0]', message: 'generator "git" cannot be expanded offline; only `list` generators can be proven' },
      { check: 'argocd/path-not-deployed', file: 'clusters/dev/test/gateway', message: 'the generator renders this path but no Application deploys it' },
      { check: 'argocd/path-not-deployed', file: 'clusters/dev/test/records', message: 'the generator renders this path but no Application deploys it' },
    ],
  },
  {
    name: 'Application without automated prune and self-heal',
    edit: (d) => {
      delete find(d, 'Application', 'prod-shared').spec.syncPolicy.automated.selfHeal;
    },
    expect: [
      { check: 'argocd/not-automated', file: 'argocd/environments/prod/shared.yaml', object: 'argoproj.io/v1alpha1/Application prod-shared', path: 'spec.syncPolicy.automated', message: 'Application does not auto-sync with prune and self-heal, so Argo CD would not keep the cluster equal to the committed output' },
    ],
  },
  {
    name: 'regression (issue 9, defect 1): the bootstrap without the exemption waits on itself',
    edit: (d) => gateLabel(find(d, 'Application', 'suoke-life-bootstrap')),
    expect: [{ check: 'argocd/waits-on-itself', file: 'argocd/bootstrap.yaml', object: 'argoproj.io/v1alpha1/Application suoke-life-bootstrap', path: 'metadata.labels["suoke-life.com/health-gate"]', message: SELF }],
  },
  {
    name: 'regression (issue 9, defects 1 and 2): the layout before issue 9 waits on itself and on prod\'s windows for every environment',
    edit: oldLayout,
    paths: renderedPaths.filter((p) => !p.startsWith('argocd/environments/')),
    builds: oldBuilds,
    expect: [
      { check: 'argocd/waits-on-itself', file: 'argocd/bootstrap.yaml', object: 'argoproj.io/v1alpha1/Application suoke-life-bootstrap', path: 'metadata.labels["suoke-life.com/health-gate"]', message: SELF },
      waitsOnWindow(
        'prod-shared',
        'argocd/environments/prod/shared.yaml',
        `Application prod-shared (wave -2 of suoke-life-bootstrap's sync) can be held by ${PROD_HELD}; while it is, suoke-life-bootstrap's sync waits on it and its auto-sync is skipped, so dev-gateway, dev-records, dev-scheduler and 4 more, which those windows do not govern alike, wait too`,
      ),
    ],
  },
  {
    name: 'an environment root without the exemption holds the bootstrap, and so every other environment, on its windows',
    edit: (d) => {
      prodWindows(d);
      gateLabel(find(d, 'Application', 'suoke-prod'));
    },
    expect: [
      waitsOnWindow(
        'suoke-prod',
        'argocd/environments/prod.yaml',
        `Application suoke-prod (wave -2 of suoke-life-bootstrap's sync) can be held by ${PROD_HELD}; while it is, suoke-life-bootstrap's sync waits on it and its auto-sync is skipped, so suoke-dev, suoke-test, which those windows do not govern alike, wait too`,
      ),
    ],
  },
  {
    name: 'a window over the foundation Application alone holds services it does not govern',
    edit: (d) => prodWindows(d, [{ kind: 'deny', schedule: '0 0 1 10 *', duration: '168h', applications: ['prod-shared'], manualSync: false }]),
    expect: [
      waitsOnWindow(
        'prod-shared',
        'argocd/environments/prod/shared.yaml',
        'Application prod-shared (wave -2 of suoke-prod\'s sync) can be held by the change windows of project suoke-prod (deny "0 0 1 10 *" for 168h); while it is, suoke-prod\'s sync waits on it and its auto-sync is skipped, so prod-gateway, prod-records, prod-scheduler, which those windows do not govern alike, wait too',
      ),
    ],
  },
  { name: 'quiet: windows over every Application of an environment hold only that environment', edit: (d) => prodWindows(d), expect: [] },
  {
    name: 'quiet: a window by namespace or cluster governs the whole environment alike',
    edit: (d) =>
      prodWindows(d, [
        { kind: 'allow', schedule: '0 10 * * 1-5', duration: '8h', namespaces: ['fixture-prod'] },
        { kind: 'deny', schedule: '0 0 1 10 *', duration: '168h', clusters: ['https://prod.example.internal:6443'] },
      ]),
    expect: [],
  },
  {
    name: 'rendered path that no Application deploys',
    edit: () => {},
    paths: [...renderedPaths, 'clusters/prod/prod/orphan'],
    expect: [{ check: 'argocd/path-not-deployed', file: 'clusters/prod/prod/orphan', message: 'the generator renders this path but no Application deploys it' }],
  },
];

describe('bad Argo CD objects give exactly these findings', () => {
  it.each(cases)('$name', (c) => {
    const docs = documents();
    c.edit(docs);
    const { findings } = run(docs, c.isDir, c.paths, c.builds);
    const strip = findings.map(({ severity: _s, hint: _h, ...rest }) => rest);
    expect(strip).toEqual(c.expect);
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.hint).toBeTruthy();
    }
  });
});

describe('generated Applications are schema-checked strictly', () => {
  it('a template field Argo CD does not know is an error on the generated Application', async () => {
    const { createSchemaValidator } = await import('../../src/validate/schema/index.js');
    const docs = documents();
    find(docs, 'ApplicationSet', 'suoke-prod').spec.template.spec.syncPolicy.automatic = true;
    const { applications } = run(docs);
    const app = applications.find((a) => a.origin === 'ApplicationSet suoke-prod element 0')!;
    const v = createSchemaValidator({ ignoreMissingSchemas: false }).validate(app.application, { file: app.file });
    expect(v.findings.map((f) => `${f.check} ${f.path}`)).toEqual(['schema/unknown-field spec.syncPolicy.automatic']);
  });
});

describe('the seed platform, whose staging and prod have change windows and freezes', () => {
  it('regression (issue 9, defects 1 and 2): no sync waits on itself, nor on a window that does not govern all it delivers', () => {
    const seed = renderOf(REPO_ROOT);
    const { findings } = checkArgo({
      documents: argoDocuments(seed.files, 'argocd'),
      renderedPaths: seed.targets.map((t) => t.path),
      isDir: () => true,
      builds: new Map(seed.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))])),
    });
    expect(findings).toEqual([]);
  });
});
