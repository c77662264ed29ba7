import { describe, expect, it } from 'vitest';
import { argoDocuments, type ArgoDocument } from '../../src/argo/documents.js';
import { checkArgo } from '../../src/validate/argocd.js';
import { FIXTURE_PLATFORM, REPO_ROOT, renderOf } from '../helpers/platform.js';

// Issue 9, defects 1 and 2: no sync may wait on itself, nor on a change window that does not govern
// everything it delivers (generator/src/validate/argocd-gates.ts; docs/argocd.md, "Sync waves").

const rendered = renderOf(FIXTURE_PLATFORM);
const renderedPaths = rendered.targets.map((t) => t.path);
/** What each rendered path builds, as validate passes it (kustomize proves the builds equal these). */
const renderedBuilds = new Map(rendered.targets.map((t) => [t.path, t.objects.map((o) => ({ kind: o.kind, name: o.metadata.name }))]));

function documents(): ArgoDocument[] {
  return structuredClone(argoDocuments(rendered.files, 'argocd'));
}

function find(docs: ArgoDocument[], kind: string, name: string): Record<string, any> {
  const d = docs.find((x) => x.object['kind'] === kind && (x.object['metadata'] as { name: string }).name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  return d.object as Record<string, any>;
}

type Case = { name: string; edit: (docs: ArgoDocument[]) => void; paths?: string[]; builds?: Map<string, { kind: string; name: string }[]>; expect: object[] };

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
/** The checker's list of the Applications held alike: sorted, the first three and how many more. */
const listed = (names: string[]) => {
  const sorted = [...names].sort();
  return sorted.length > 3 ? `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more` : sorted.join(', ');
};
/** The fixture's Applications outside prod's project (the bootstrap and the old layout's roots aside): what prod's windows do not govern. */
const notProd = checkArgo({ documents: documents(), renderedPaths, isDir: () => true, builds: renderedBuilds })
  .applications.map((a) => a.application as { metadata: { name: string }; spec: { project: string } })
  .filter((a) => a.spec.project !== 'suoke-prod' && a.metadata.name !== 'suoke-life-bootstrap')
  .map((a) => a.metadata.name);
/** What the bootstrap applies itself besides prod's root: the other roots and the clusters' Applications (argocd/platform/). */
const bootstrapOthers = rendered.targets
  .find((t) => t.path === 'argocd')!
  .objects.filter((o) => o.kind === 'Application' && !['suoke-life-bootstrap', 'suoke-prod'].includes(o.metadata.name))
  .map((o) => o.metadata.name);
const PROD_HELD = 'the change windows of project suoke-prod (allow "0 22 * * 2,4" for 2h, deny "0 0 3 2 *" for 288h)';
const SELF =
  'Application suoke-life-bootstrap syncs itself (wave 0) and is not labelled suoke-life.com/health-gate: none: during that sync its .operation is set, so the argocd-cm health check reports it Progressing until the sync ends, and a wave that waits on it never does (any wave waits once something is pruned)';

const cases: Case[] = [
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
      ...[
        ['prod-data', 'data', -1],
        ['prod-edge', 'edge', 1],
        ['prod-shared', 'shared', -2],
        ['prod-verification', 'verification', 2],
      ].map(([app, file, wave]) =>
        waitsOnWindow(
          String(app),
          `argocd/environments/prod/${file}.yaml`,
          `Application ${app} (wave ${wave} of suoke-life-bootstrap's sync) can be held by ${PROD_HELD}; while it is, suoke-life-bootstrap's sync waits on it and its auto-sync is skipped, so ${listed(notProd.filter((n) => !OLD_ROOTS.includes(n)))}, which those windows do not govern alike, wait too`,
        ),
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
        `Application suoke-prod (wave -2 of suoke-life-bootstrap's sync) can be held by ${PROD_HELD}; while it is, suoke-life-bootstrap's sync waits on it and its auto-sync is skipped, so ${listed(bootstrapOthers)}, which those windows do not govern alike, wait too`,
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
        'Application prod-shared (wave -2 of suoke-prod\'s sync) can be held by the change windows of project suoke-prod (deny "0 0 1 10 *" for 168h); while it is, suoke-prod\'s sync waits on it and its auto-sync is skipped, so prod-data, prod-edge, prod-gateway and 3 more, which those windows do not govern alike, wait too',
      ),
    ],
  },
  { name: 'quiet: windows over every Application of an environment hold only that environment', edit: (d) => prodWindows(d), expect: [] },
  {
    name: 'quiet: a window by namespace (every namespace of the environment, its data and its ingress namespace too) or cluster governs the whole environment alike',
    edit: (d) =>
      prodWindows(d, [
        { kind: 'allow', schedule: '0 10 * * 1-5', duration: '8h', namespaces: ['fixture-prod', 'fixture-prod-data', 'istio-ingress'] },
        { kind: 'deny', schedule: '0 0 1 10 *', duration: '168h', clusters: ['https://prod.example.internal:6443'] },
      ]),
    expect: [],
  },
];

describe('sync-wave gates give exactly these findings', () => {
  it("the Applications prod's windows do not govern are the other environments' and the clusters' own (platform, logging)", () => {
    const byPrefix = (names: string[]) => [...new Set(names.map((n) => n.split('-')[0]))].sort();
    expect(byPrefix(notProd)).toEqual(['dev', 'logging', 'platform', 'suoke', 'test']);
    expect(bootstrapOthers.sort()).toEqual(['logging-dev', 'logging-prod', 'platform-prod', 'suoke-dev', 'suoke-test']);
  });

  it.each(cases)('$name', (c) => {
    const docs = documents();
    c.edit(docs);
    const { findings } = checkArgo({ documents: docs, renderedPaths: c.paths ?? renderedPaths, isDir: () => true, builds: c.builds ?? renderedBuilds });
    expect(findings.map(({ severity: _s, hint: _h, ...rest }) => rest)).toEqual(c.expect);
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.hint).toContain('suoke-life.com/health-gate: none');
    }
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
