/**
 * `cluster` of argocd/argocd.yaml, the cluster Argo CD runs in (render/argocd-monitoring.ts): given and
 * valid, absent, or naming no cluster or one without a Prometheus, each with its exact finding.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../src/config/load.js';
import type { Edit, Expected } from './fixture.js';
import { fixtureFs, withoutSeverity } from './fixture.js';
import { loadOptions } from '../helpers/load-options.js';

const G = 'argocd/argocd.yaml';
const P = 'clusters/prod/cluster.yaml';
const REPO = 'repoURL: https://git.example.com/platform/gitops.git\n';
/** The fixture's prod cluster with a Prometheus (every `monitoring` setting at its default). */
const WITH_MONITORING: Edit = [P, 'monitoringLabels: {release: kube-prometheus-stack}\n', 'monitoringLabels: {release: kube-prometheus-stack}\nmonitoring: {}\n'];

interface Case {
  name: string;
  argocd: string;
  edits?: Edit[];
  /** The typed `cluster` when the configuration loads. */
  cluster?: string;
  findings?: Expected[];
}

const cases: Case[] = [
  { name: 'a cluster with a Prometheus', argocd: `${REPO}cluster: prod\n`, edits: [WITH_MONITORING], cluster: 'prod' },
  { name: 'absent: Argo CD is not scraped', argocd: REPO, edits: [WITH_MONITORING] },
  {
    name: 'a typo of a cluster',
    argocd: `${REPO}cluster: prd\n`,
    edits: [WITH_MONITORING],
    findings: [
      { check: 'config/unknown-cluster', file: G, line: 2, path: 'cluster', message: '`cluster` is "prd", which no cluster file declares; expected the `name` of one of clusters/*/cluster.yaml, the cluster Argo CD runs in', hint: 'did you mean `prod`?' },
    ],
  },
  {
    name: 'nothing like a cluster',
    argocd: `${REPO}cluster: management\n`,
    findings: [
      { check: 'config/unknown-cluster', file: G, line: 2, path: 'cluster', message: '`cluster` is "management", which no cluster file declares; expected the `name` of one of clusters/*/cluster.yaml, the cluster Argo CD runs in', hint: 'clusters: nonprod, prod' },
    ],
  },
  {
    name: 'a cluster without a Prometheus',
    argocd: `${REPO}cluster: prod\n`,
    findings: [
      { check: 'config/no-monitoring', file: G, line: 2, path: 'cluster', message: '`cluster` is "prod", whose clusters/prod/cluster.yaml has no `monitoring`: no Prometheus there would scrape Argo CD or evaluate the configuration alerts', hint: 'add `monitoring` to clusters/prod/cluster.yaml (docs/monitoring.md), or name the cluster whose Prometheus should scrape Argo CD' },
    ],
  },
  {
    name: 'empty',
    argocd: `${REPO}cluster: ""\n`,
    findings: [{ check: 'config/empty', file: G, line: 2, path: 'cluster', message: '`cluster` must not be empty', hint: 'e.g. `cluster: prod`' }],
  },
];

describe('`cluster` of argocd/argocd.yaml', () => {
  test.each(cases)('$name', (c) => {
    const { config, findings } = readConfig(fixtureFs(c.edits, { [G]: c.argocd }), loadOptions);
    expect(withoutSeverity(findings)).toEqual(c.findings ?? []);
    if (c.findings) expect(config).toBeUndefined();
    else expect(config?.argocd.cluster).toBe(c.cluster);
  });
});
