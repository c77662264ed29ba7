/**
 * `diff` (issue 14): object changes between two renders, matched by identity, fields matched by name
 * in named lists, highlighted topics, and the three formats.
 */
import { describe, expect, it } from 'vitest';
import type { BuildTarget } from '../../src/render/layout.js';
import type { K8sObject } from '../../src/render/kinds.js';
import { diffTargets, type ObjectChange } from '../../src/review/object-diff.js';
import { diffJson, diffMarkdown, diffSummary, diffText } from '../../src/review/diff-format.js';

const deployment = (image: string, replicas = 2, env: { name: string; value: string }[] = [{ name: 'LOG_LEVEL', value: 'info' }]): K8sObject =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'xiaoai', namespace: 'suoke-prod' },
    spec: { replicas, template: { spec: { containers: [{ name: 'xiaoai', image, env, resources: { requests: { cpu: '1' } } }] } } },
  }) as K8sObject;
const configMap = (name: string, data: Record<string, string>): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'suoke-prod' }, data }) as K8sObject;
const target = (objects: K8sObject[], path = 'clusters/prod/prod/xiaoai', env = 'prod'): BuildTarget => ({ path, application: `${env}-xiaoai`, env, objects });

describe('diffTargets', () => {
  it('nothing changed: no changes', () => {
    expect(diffTargets([target([deployment('r/xiaoai:2.1.0')])], [target([deployment('r/xiaoai:2.1.0')])])).toEqual([]);
  });

  it('keys in another order are the same object', () => {
    const a = configMap('c', { A: '1', B: '2' });
    const b = { ...a, data: { B: '2', A: '1' } } as K8sObject;
    expect(diffTargets([target([a])], [target([b])])).toEqual([]);
  });

  it('an image and replicas changed: one changed object, its fields highlighted', () => {
    const changes = diffTargets([target([deployment('r/xiaoai:2.1.0', 2)])], [target([deployment('r/xiaoai:2.2.0', 3)])]);
    expect(changes).toEqual<ObjectChange[]>([
      {
        env: 'prod',
        path: 'clusters/prod/prod/xiaoai',
        application: 'prod-xiaoai',
        change: 'changed',
        object: 'Deployment suoke-prod/xiaoai',
        apiVersion: 'apps/v1',
        fields: [
          { path: 'spec.replicas', before: 2, after: 3, topic: 'replicas' },
          { path: 'spec.template.spec.containers[name=xiaoai].image', before: 'r/xiaoai:2.1.0', after: 'r/xiaoai:2.2.0', topic: 'image' },
        ],
      },
    ]);
  });

  it('named lists are matched by name: an env var added in front shows as one addition', () => {
    const before = deployment('r/x:1', 2, [{ name: 'LOG_LEVEL', value: 'info' }]);
    const after = deployment('r/x:1', 2, [{ name: 'A_FIRST', value: 'yes' }, { name: 'LOG_LEVEL', value: 'debug' }]);
    expect(diffTargets([target([before])], [target([after])])[0]!.fields).toEqual([
      { path: 'spec.template.spec.containers[name=xiaoai].env[name=LOG_LEVEL].value', before: 'info', after: 'debug' },
      { path: 'spec.template.spec.containers[name=xiaoai].env[name=A_FIRST]', after: { name: 'A_FIRST', value: 'yes' } },
    ]);
  });

  it('a list of unnamed items that grew or shrank: the items added and removed, by value', () => {
    const project = (destinations: object[]) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'p', namespace: 'argocd' }, spec: { destinations } }) as unknown as K8sObject;
    const a = { server: 's', namespace: 'a' };
    const b = { server: 's', namespace: 'b' };
    const m = { server: 's', namespace: 'monitoring' };
    const [c] = diffTargets([target([project([a, b])], 'argocd', '')], [target([project([a, m, b, m])], 'argocd', '')]);
    expect(c!.fields).toEqual([
      { path: 'spec.destinations[+]', after: m },
      { path: 'spec.destinations[+]', after: m },
    ]);
    const [d] = diffTargets([target([project([a, b])], 'argocd', '')], [target([project([b])], 'argocd', '')]);
    expect(d!.fields).toEqual([{ path: 'spec.destinations[-]', before: a }]);
    expect(diffSummary([d!])).toBe('1 object (0 added, 0 removed, 1 changed) in 1 path');
  });

  it('a key that is not a plain word is quoted: labels, annotations, file names', () => {
    const [c] = diffTargets([target([configMap('c', { 'run.sh': 'a' })])], [target([configMap('c', { 'run.sh': 'b' })])]);
    expect(c!.fields).toEqual([{ path: 'data["run.sh"]', before: 'a', after: 'b' }]);
  });

  it('the Argo CD folder of an environment counts as that environment; the rest of argocd/ comes last', () => {
    const appset = (v: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'suoke-prod', namespace: 'argocd' }, spec: { v } }) as unknown as K8sObject;
    const project = (d: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'p', namespace: 'argocd' }, spec: { description: d } }) as unknown as K8sObject;
    const changes = diffTargets(
      [target([appset('1')], 'argocd/environments/prod', ''), target([project('a')], 'argocd/projects', ''), target([configMap('c', { a: '1' })])],
      [target([appset('2')], 'argocd/environments/prod', ''), target([project('b')], 'argocd/projects', ''), target([configMap('c', { a: '2' })])],
    );
    expect(changes.map((c) => `${c.env}|${c.path}`)).toEqual(['prod|argocd/environments/prod', 'prod|clusters/prod/prod/xiaoai', '|argocd/projects']);
    expect(diffText({ base: 'HEAD' }, changes).split('\n').filter((l) => /^\S/.test(l))).toEqual([
      'Compared with HEAD: 3 objects (0 added, 0 removed, 3 changed) in 3 paths of 1 environment',
      'prod',
      'Argo CD layer (argocd/)',
    ]);
  });

  it('objects and whole paths added and removed, sorted by environment, path and object', () => {
    const changes = diffTargets(
      [target([deployment('r/x:1'), configMap('old', {})]), target([configMap('gone', {})], 'clusters/dev/dev/xiaoai', 'dev')],
      [target([deployment('r/x:1'), configMap('new', {})]), target([configMap('s', {})], 'clusters/staging/staging/xiaoai', 'staging')],
    );
    expect(changes.map((c) => `${c.env} ${c.path} ${c.change} ${c.object}`)).toEqual([
      'dev clusters/dev/dev/xiaoai removed ConfigMap suoke-prod/gone',
      'prod clusters/prod/prod/xiaoai added ConfigMap suoke-prod/new',
      'prod clusters/prod/prod/xiaoai removed ConfigMap suoke-prod/old',
      'staging clusters/staging/staging/xiaoai added ConfigMap suoke-prod/s',
    ]);
  });

  it.each([
    ['spec.strategy.canary.steps[0].setWeight', 'weight'],
    ['spec.http[0].route[1].weight', 'weight'],
    ['spec.maxReplicas', 'replicas'],
    ['spec.template.spec.containers[name=x].resources.limits.memory', 'resources'],
    ['spec.syncWindows[0].schedule', 'windows'],
    ['images[0].newTag', 'image'],
    ['metadata.labels.app', undefined],
    ['spec.generators[0].list.elements[0].stableVersion', 'image'],
  ])('%s is highlighted as %s', (path, topic) => {
    const set = (o: Record<string, unknown>, v: number) => {
      const keys = path.replace(/\[name=[^\]]*\]/g, '').replace(/\[(\d+)\]/g, '.$1').split('.');
      let at: any = o;
      keys.slice(0, -1).forEach((k, i) => (at = at[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}));
      at[keys.at(-1)!] = v;
      return o;
    };
    // Lists of named items are matched by name: give the named item a name.
    const build = (v: number) => {
      const o = set({ apiVersion: 'v1', kind: 'X', metadata: { name: 'x' } }, v) as any;
      if (path.includes('[name=x]')) o.spec.template.spec.containers = [{ name: 'x', resources: { limits: { memory: v } } }];
      return o as K8sObject;
    };
    const [c] = diffTargets([target([build(1)])], [target([build(2)])]);
    expect(c!.fields).toEqual([{ path, before: 1, after: 2, ...(topic ? { topic } : {}) }]);
  });
});

describe('formats', () => {
  const changes = diffTargets(
    [target([deployment('r/xiaoai:2.1.0', 2), configMap('old', {})])],
    [target([deployment('r/xiaoai:2.2.0', 2), configMap('script', { 'run.sh': 'x'.repeat(200) })])],
  );
  const h = { base: 'origin/main (merge base 0123456789ab)' };

  it('summary', () => {
    expect(diffSummary(changes)).toBe('3 objects (1 added, 1 removed, 1 changed) in 1 path of 1 environment; image 1');
    expect(diffSummary([])).toBe('no object changes');
  });

  it('text', () => {
    expect(diffText(h, changes)).toBe(
      [
        'Compared with origin/main (merge base 0123456789ab): 3 objects (1 added, 1 removed, 1 changed) in 1 path of 1 environment; image 1',
        '',
        'prod',
        '  clusters/prod/prod/xiaoai (prod-xiaoai)',
        '    - ConfigMap suoke-prod/old',
        '    + ConfigMap suoke-prod/script',
        '    ~ Deployment suoke-prod/xiaoai',
        '        image     spec.template.spec.containers[name=xiaoai].image: r/xiaoai:2.1.0 → r/xiaoai:2.2.0',
        '',
      ].join('\n'),
    );
  });

  it('markdown: a table per environment, details per changed object', () => {
    const md = diffMarkdown(h, changes);
    expect(md).toContain('| `clusters/prod/prod/xiaoai` | `Deployment suoke-prod/xiaoai` | changed | **image** |');
    expect(md).toContain('<details><summary>Deployment suoke-prod/xiaoai (clusters/prod/prod/xiaoai)</summary>');
    expect(md).toContain('- **image** `spec.template.spec.containers[name=xiaoai].image`: `r/xiaoai:2.1.0 → r/xiaoai:2.2.0`');
  });

  it('json parses back to the changes', () => {
    expect(JSON.parse(diffJson(h, changes))).toEqual({ base: h.base, summary: diffSummary(changes), changes });
  });

  it('a long value is cut, with its length', () => {
    const [c] = diffTargets([target([configMap('s', { k: 'a' })])], [target([configMap('s', { k: 'y'.repeat(300) })])]);
    expect(diffText(h, [c!])).toContain(`data.k: a → ${'y'.repeat(120)}… (300 characters)`);
  });

  it.each([
    ['a line of a long file: the line, where it changed, not the file\'s start', `${'x: 1\n'.repeat(60)}  "version": "2.1.0",\n${'y: 2\n'.repeat(40)}`, '2.1.0', '2.2.0', 'data.k: line 61: "version": "2.1.0", → "version": "2.2.0",'],
    ['a line added: where, how many, and the first of them', `${'x: 1\n'.repeat(60)}end\n`, 'end\n', 'new: 3\nnew: 4\nend\n', 'data.k: line 61: 2 lines added: new: 3 …'],
    ['lines removed', `${'x: 1\n'.repeat(60)}gone: 1\nend\n`, 'gone: 1\n', '', 'data.k: line 61: 1 line removed: gone: 1'],
    ['the same edit on three lines: the first, and how many more', `${'x: 1\n'.repeat(60)}${'  a|b|c\n'.repeat(3)}end\n`.padEnd(400, '.'), /a\|b\|c/g as unknown as string, 'a|b|x|c', 'data.k: line 61 (and 2 lines after it): a|b|c → a|b|x|c'],
    ['one long line (minified JSON)', `{"a":"${'z'.repeat(200)}","v":"2.1.0","b":"${'w'.repeat(200)}"}`, '2.1.0', '2.2.0', `data.k: line 1: …${'z'.repeat(21)}","v":"2.1.0","b":"${'w'.repeat(21)}… → …${'z'.repeat(21)}","v":"2.2.0","b":"${'w'.repeat(21)}…`],
  ])('a change inside a long text (a ConfigMap file) shows %s', (_name, text, from, to, expected) => {
    const [c] = diffTargets([target([configMap('s', { k: text })])], [target([configMap('s', { k: text.replace(from, to) })])]);
    expect(diffText(h, [c!]).split('\n')).toContain(`                  ${expected}`);
  });

  it('rules of a Prometheus group are matched by alert (and service) or record: a rule added in front is one addition, not every later one changed', () => {
    const rule = (alert: string, service?: string, expr = 'up == 0') => ({ alert, expr, labels: service ? { service } : {} });
    const group = (rules: object[]) => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'r', namespace: 'n' }, spec: { groups: [{ name: 'g', rules }] } });
    const base = [{ record: 'x:rate5m', expr: 'rate(x[5m])' }, rule('Down', 'a'), rule('Slow', undefined, 'a > 1')];
    const head = [{ record: 'x:rate5m', expr: 'rate(x[5m])' }, rule('Down', 'new'), rule('Down', 'a'), rule('Slow', undefined, 'a > 2')];
    const [c] = diffTargets([target([group(base)])], [target([group(head)])]);
    expect(c!.fields.map((f) => [f.path, f.before, f.after])).toEqual([
      ['spec.groups[name=g].rules[alert=Slow].expr', 'a > 1', 'a > 2'],
      ['spec.groups[name=g].rules[alert=Down,service=new]', undefined, rule('Down', 'new')],
    ]);
  });
});
