/**
 * The RENDERED AlertmanagerConfig of each cluster, turned into the alertmanager.yml prometheus-operator
 * writes for it (src/simulate/alertmanager-config.ts), under the real `amtool`: `check-config` accepts
 * it, and `config routes test --verify.receivers` proves where an alert of each level goes. The
 * matcher strategy the design depends on is shown both ways: under the operator's default
 * (`OnNamespace`) a P0 of `suoke-prod` would reach nobody.
 *
 * Needs `amtool` (Debian's `prometheus-alertmanager` package; `.ci/run` installs it). Without it the
 * suite fails under CI and is skipped locally, its title saying why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { AlertRule, RuleGroup } from '../../src/render/alerts-rule.js';
import type { AlertmanagerConfig } from '../../src/render/kinds.js';
import { operatorAlertmanagerYaml, type MatcherStrategy } from '../../src/simulate/alertmanager-config.js';
import { REPO_ROOT, renderOf } from '../helpers/platform.js';

const AMTOOL = spawnSync('amtool', ['--version'], { stdio: 'ignore' }).status === 0;
const MISSING = 'amtool not found: install Debian\'s `prometheus-alertmanager` package (apt-get install prometheus-alertmanager)';
const TITLE = AMTOOL ? 'the rendered alert routing under amtool' : MISSING;

const targets = renderOf(REPO_ROOT).targets;
const configOf = (cluster: string) => targets.find((t) => t.path === `clusters/${cluster}/alerting`)!.objects.find((o) => o.kind === 'AlertmanagerConfig') as AlertmanagerConfig;
/** The alert rules of the Argo CD monitoring folder of prod, the cluster the seed runs Argo CD in. */
function configurationAlerts(): AlertRule[] {
  const objects = targets.find((t) => t.path === 'clusters/prod/argocd-monitoring')!.objects;
  return objects.filter((o) => o.kind === 'PrometheusRule').flatMap((o) => (o.spec as { groups: RuleGroup[] }).groups.flatMap((g) => g.rules.filter((r): r is AlertRule => 'alert' in r)));
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amtool-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The alertmanager.yml of `cluster` written to a file; Secret values are stand-ins of the right shape. */
function configFile(cluster: string, strategy: MatcherStrategy = 'OnNamespaceExceptForAlertmanagerNamespace'): string {
  const yml = operatorAlertmanagerYaml(configOf(cluster), {
    namespace: 'monitoring',
    strategy,
    secret: (name, key) => (key.endsWith('-url') ? `https://hooks.example.invalid/${name}/${key}` : 'not-a-real-password'),
  });
  const file = path.join(dir, `${cluster}-${strategy}.yml`);
  fs.writeFileSync(file, stringify(yml));
  return file;
}

/** Runs amtool; `out` is its standard output (a local amtool config may add warnings on stderr, kept in `err`). */
function amtool(...args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync('amtool', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

/** The receivers `labels` are routed to, as amtool prints them (verified with `--verify.receivers`). */
function routes(file: string, receivers: string, labels: Record<string, string>) {
  return amtool('config', 'routes', 'test', `--config.file=${file}`, `--verify.receivers=${receivers}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`));
}

const at = (names: string[]) => names.map((n) => `monitoring/suoke-alerting/${n}`).join(',');
/** The channel that pages the on-call (短信/电话). */
const PAGER = 'phone';

describe.skipIf(!AMTOOL && !process.env['CI'])(TITLE, () => {
  it.skipIf(AMTOOL)('has amtool', () => {
    expect.fail(MISSING);
  });

  describe.runIf(AMTOOL)('with amtool', () => {
    it.each(['dev', 'staging', 'prod'])('amtool check-config accepts the configuration of %s', (cluster) => {
      const r = amtool('check-config', configFile(cluster));
      expect(`${r.out}\n${r.err}`).toContain('SUCCESS');
      expect(r.status).toBe(0);
    });

    it.each<[string, string[]]>([
      ['P0', ['phone', 'dingtalk', 'wecom', 'email', 'ticket']],
      ['P1', ['dingtalk', 'wecom', 'email', 'ticket']],
      ['P2', ['email', 'ticket']],
      ['P3', ['ticket']],
    ])('prod: an alert of %s goes to %j', (priority, names) => {
      const r = routes(configFile('prod'), at(names), { priority, service: 'xiaoai', namespace: 'suoke-prod', severity: 'critical' });
      expect(r.out).toBe(at(names));
      expect(r.status).toBe(0);
    });

    it.each(['dev', 'staging', 'prod'])('%s: P3 pages nobody, P0 reaches someone', (cluster) => {
      const file = configFile(cluster);
      const receiversOf = (priority: string) => amtool('config', 'routes', 'test', `--config.file=${file}`, `priority=${priority}`, 'service=x', 'namespace=y').out.split(',');
      expect(receiversOf('P3').map((x) => x.split('/').at(-1))).not.toContain(PAGER);
      expect(receiversOf('P3')).not.toEqual(['null']);
      expect(receiversOf('P0')).not.toEqual(['null']);
    });

    // The configuration alerts of every environment are evaluated where Argo CD runs (render/argocd-monitoring.ts).
    it.each(configurationAlerts().map((a) => [`${a.labels['environment']} ${a.alert}`, a] as const))('prod, where Argo CD runs: %s, with its rendered labels, goes to P3\'s ticket', (_name, rule) => {
      const labels = { alertname: rule.alert, ...rule.labels, namespace: 'argocd', name: `${rule.labels['environment']}-shared`, project: `suoke-${rule.labels['environment']}` };
      const r = routes(configFile('prod'), at(['ticket']), labels);
      expect(r.out).toBe(at(['ticket']));
      expect(r.status).toBe(0);
    });

    it('--verify.receivers fails on a wrong receiver: the route tests above can fail', () => {
      const r = routes(configFile('prod'), at(['ticket']), { priority: 'P0', service: 'x', namespace: 'y' });
      expect(r.status).not.toBe(0);
    });

    it('an alert without a priority falls through to the Alertmanager\'s own configuration', () => {
      const r = routes(configFile('prod'), 'null', { alertname: 'Watchdog', namespace: 'monitoring' });
      expect(r.out).toBe('null');
      expect(r.status).toBe(0);
    });

    it('under the operator\'s default strategy (OnNamespace) a P0 of suoke-prod would reach nobody: why the design needs OnNamespaceExceptForAlertmanagerNamespace', () => {
      const r = routes(configFile('prod', 'OnNamespace'), 'null', { priority: 'P0', service: 'xiaoai', namespace: 'suoke-prod' });
      expect(r.out).toBe('null');
      expect(r.status).toBe(0);
    });
  });

  it('the inhibition rules: P0 silences P2 and P3, P1 silences P3, of the same namespace and service', () => {
    const yml = operatorAlertmanagerYaml(configOf('prod'), { namespace: 'monitoring', strategy: 'OnNamespaceExceptForAlertmanagerNamespace', secret: () => 'x' });
    expect(yml['inhibit_rules']).toEqual([
      { source_matchers: ['priority="P0"'], target_matchers: ['priority=~"P2|P3"'], equal: ['namespace', 'service'] },
      { source_matchers: ['priority="P1"'], target_matchers: ['priority=~"P3"'], equal: ['namespace', 'service'] },
    ]);
  });
});
