/**
 * `validate`'s Argo CD checks on the add-on Applications (docs/addons.md, "Installing"): their sources
 * are upstream releases, not paths of this repository, and they never prune; every other Application
 * is held to its path and to pruning as before.
 */
import { describe, expect, it } from 'vitest';
import { argoDocuments, type ArgoDocument } from '../../src/argo/documents.js';
import { checkArgo } from '../../src/validate/argocd.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

const rendered = renderOf(REPO_ROOT);
const renderedPaths = rendered.targets.map((t) => t.path);
const dirs = new Set(renderedPaths);
const documents = (): ArgoDocument[] => structuredClone(argoDocuments(rendered.files, 'argocd'));
const run = (docs: ArgoDocument[]) => checkArgo({ documents: docs, renderedPaths, isDir: (p) => dirs.has(p) });
const find = (docs: ArgoDocument[], name: string) => docs.find((d) => (d.object['metadata'] as { name: string }).name === name)!.object as Record<string, any>;

describe('add-on Applications in validate', () => {
  it('the repository\'s add-on Applications pass: no path to find, no prune required, their repositories allowed', () => {
    const result = run(documents());
    expect(result.findings).toEqual([]);
    expect(result.buildPaths.some((p) => p === 'config/installation' || p === 'kubernetes')).toBe(false);
    expect(result.applications.filter((a) => (a.application['metadata'] as { name: string }).name.startsWith('addon-'))).toHaveLength(27);
  });

  it('without the add-on label the same Application is held to a path of this repository and to pruning', () => {
    const docs = documents();
    delete find(docs, 'addon-prod-rabbitmq-cluster-operator')['metadata'].labels['suoke-life.com/addon'];
    expect(run(docs).findings.map((f) => `${f.check} ${f.object}: ${f.message}`)).toEqual([
      'argocd/path-missing argoproj.io/v1alpha1/Application addon-prod-rabbitmq-cluster-operator: source path "config/installation" does not exist in the repository',
      'argocd/not-automated argoproj.io/v1alpha1/Application addon-prod-rabbitmq-cluster-operator: Application does not auto-sync with prune and self-heal, so Argo CD would not keep the cluster equal to the committed output',
    ]);
  });

  it('an add-on Application still self-heals', () => {
    const docs = documents();
    find(docs, 'addon-prod-velero')['spec'].syncPolicy.automated.selfHeal = false;
    expect(run(docs).findings.map((f) => f.check)).toEqual(['argocd/not-automated']);
  });

  it('an upstream repository the project does not list is refused', () => {
    const docs = documents();
    find(docs, 'addon-prod-velero')['spec'].source.repoURL = 'https://charts.example.com';
    expect(run(docs).findings.map((f) => f.check)).toEqual(['argocd/repo-not-allowed']);
  });
});
