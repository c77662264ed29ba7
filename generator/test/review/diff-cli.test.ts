/**
 * `diff` end to end (issue 14) on a Git copy of the seed: a configuration change shows as object
 * changes per environment before it is even rendered, in the three formats; bad usage exits 2.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedRepo, runCli } from '../helpers/cli.js';

describe('diff', () => {
  const repo = committedRepo();
  // Not rendered: diff renders both sides from configuration.
  repo.write('apps/xiaoai/service.yaml', repo.read('apps/xiaoai/service.yaml').replace('version: "2.1.0"', 'version: "2.2.0"'));

  it('nothing changed against the working tree itself: exit 0, no object changes', async () => {
    const clean = committedRepo();
    expect(await runCli(['diff', '--base', 'HEAD', '--root', clean.root])).toEqual({ code: 0, signal: null, stdout: 'Compared with HEAD: no object changes\n', stderr: '' });
  });

  it('text: a version bump is an image change of xiaoai in each environment that runs the service\'s version (dev pins its own)', async () => {
    const r = await runCli(['diff', '--base', 'HEAD', '--root', repo.root]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // Per environment: its Deployment, and the version its ApplicationSet passes the service.
    expect(lines[0]).toBe('Compared with HEAD: 9 objects (0 added, 0 removed, 9 changed) in 9 paths of 3 environments; image 6');
    expect(lines.filter((l) => /^\S/.test(l)).slice(1)).toEqual(['prod', 'staging', 'test']);
    expect(lines).toContain('        image     spec.generators[0].list.elements[name=prod-xiaoai].stableVersion: 2.1.0 → 2.2.0');
    expect(lines).toContain('                  spec.template.metadata.labels["app.kubernetes.io/version"]: 2.1.0 → 2.2.0');
    expect(lines).toContain('        image     spec.template.spec.containers[name=xiaoai].image: registry.suoke-life.com/suoke-life/xiaoai:2.1.0 → registry.suoke-life.com/suoke-life/xiaoai:2.2.0');
    expect(r.stderr).toBe('');
  });

  it('markdown and json carry the same changes', async () => {
    const md = await runCli(['diff', '--base', 'HEAD', '-o', 'markdown', '--root', repo.root]);
    expect(md.stdout.startsWith('### Rendered objects against HEAD\n')).toBe(true);
    expect(md.stdout).toContain('| path | object | change | highlighted |');
    const json = JSON.parse((await runCli(['diff', '--base', 'HEAD', '-o', 'json', '--root', repo.root])).stdout);
    expect(json.base).toBe('HEAD');
    expect(new Set(json.changes.map((c: { env: string }) => c.env))).toEqual(new Set(['test', 'staging', 'prod']));
    expect(json.summary).toBe('9 objects (0 added, 0 removed, 9 changed) in 9 paths of 3 environments; image 6');
  });

  it('a canary advance: the weight, highlighted, in the Rollout and in what the ApplicationSet passes; prod only', async () => {
    const canary = committedRepo();
    canary.write('apps/xiaoke/service.yaml', canary.read('apps/xiaoke/service.yaml').replace('        weight: 20', '        weight: 50'));
    const r = await runCli(['diff', '--base', 'HEAD', '--root', canary.root]);
    expect(r).toEqual({
      code: 0,
      signal: null,
      stderr: '',
      stdout: [
        'Compared with HEAD: 2 objects (0 added, 0 removed, 2 changed) in 2 paths of 1 environment; weight 1',
        '',
        'prod',
        '  argocd/environments/prod (suoke-prod)',
        '    ~ ApplicationSet argocd/suoke-prod',
        '                  spec.generators[0].list.elements[name=prod-xiaoke].canaryWeight: 20 → 50',
        '  clusters/prod/prod/xiaoke (prod-xiaoke)',
        '    ~ Rollout suoke-prod/xiaoke',
        '                  metadata.annotations["suoke-life.com/canary-weight"]: 20 → 50',
        '        weight    spec.strategy.canary.steps[0].setWeight: 20 → 50',
        '',
      ].join('\n'),
    });
  });

  it('a window edit: the AppProject\'s sync window, highlighted, in the Argo CD layer', async () => {
    const window = committedRepo();
    window.write('clusters/staging/cluster.yaml', window.read('clusters/staging/cluster.yaml').replace('"0 10 * * 1-5", duration: 8h', '"0 9 * * 1-5", duration: 9h'));
    const r = await runCli(['diff', '--base', 'HEAD', '--root', window.root]);
    expect(r.stdout).toBe(
      [
        'Compared with HEAD: 1 object (0 added, 0 removed, 1 changed) in 1 path; windows 2',
        '',
        'Argo CD layer (argocd/)',
        '  argocd (suoke-life-bootstrap)',
        '    ~ AppProject argocd/suoke-staging',
        '        windows   spec.syncWindows[0].schedule: "0 10 * * 1-5" → "0 9 * * 1-5"',
        '        windows   spec.syncWindows[0].duration: 8h → 9h',
        '',
      ].join('\n'),
    );
  });

  it('a new service: its objects added in each environment, and what it changes around it (alert lists, smoke checks) as lines, not whole texts', async () => {
    const added = committedRepo();
    added.write('apps/tongue/service.yaml', added.read('apps/look/service.yaml').replace(/\blook\b/g, 'tongue'));
    const r = await runCli(['diff', '--base', 'HEAD', '--root', added.root]);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Compared with HEAD: 54 objects (34 added, 0 removed, 20 changed) in 16 paths of 4 environments');
    expect(lines.filter((l) => /^\S/.test(l)).slice(1)).toEqual(['dev', 'prod', 'staging', 'test']);
    expect(lines.filter((l) => l.startsWith('  clusters/') && l.includes('/tongue '))).toEqual([
      '  clusters/dev/dev/tongue (dev-tongue)',
      '  clusters/prod/prod/tongue (prod-tongue)',
      '  clusters/staging/staging/tongue (staging-tongue)',
      '  clusters/dev/test/tongue (test-tongue)',
    ]);
    expect(lines.filter((l) => l.startsWith('    + ')).length).toBe(34);
    expect(lines).toContain('                  spec.groups[name=alerts-workloads].rules[alert=ContainerRestarting].expr: line 2: …ke|listen|look|palpation|soer|unified-support|user-managemen… → …ke|listen|look|palpation|soer|tongue|unified-support|user-managemen…');
    expect(lines).toContain('                  data["checks.json"]: line 82: 6 lines added: "name": "tongue", …');
  });

  it('a second run reads both configurations from the cache (node_modules/.cache) and prints the same; --no-cache loads them again', async () => {
    const first = await runCli(['diff', '--base', 'HEAD', '--root', repo.root]);
    expect(fs.existsSync(repo.abs('node_modules/.cache/suoke-gitops/validate/configs.json'))).toBe(true);
    expect(await runCli(['diff', '--base', 'HEAD', '--root', repo.root])).toEqual(first);
    expect(await runCli(['diff', '--base', 'HEAD', '--no-cache', '--root', repo.root])).toEqual(first);
  });

  it('an unknown revision is bad usage: exit 2, one line', async () => {
    const r = await runCli(['diff', '--base', 'no-such-rev', '--root', repo.root]);
    expect(r).toEqual({ code: 2, signal: null, stdout: '', stderr: `error: --base "no-such-rev" is not a Git revision of ${repo.root}\n` });
  });

  it('an unknown format is bad usage', async () => {
    const r = await runCli(['diff', '-o', 'yaml', '--root', repo.root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '-o, --output <format>' argument 'yaml' is invalid. Allowed choices are text, markdown, json.");
  });
});
