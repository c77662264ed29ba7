/**
 * Runbooks generated from configuration (render/runbooks.ts, docs/runbooks.md), on the seed
 * platform: goldens of xiaoke (its prod canary) and of a leaf service, and, for every service,
 * dependencies equal to the model's, alerts that are rendered PrometheusRule alerts selecting it,
 * and relative links that resolve after a render.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GENERATED_MARKDOWN_MARKER } from '../../src/core/generated-files.js';
import { render } from '../../src/render/index.js';
import { RUNBOOKS_DIR } from '../../src/render/runbook-files.js';
import { runbooks } from '../../src/render/runbooks.js';
import { expectGolden } from '../helpers/golden.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

const model = modelOf(REPO_ROOT);
const result = render(model);
const books = runbooks(model);
const files = new Map(result.files.map((f) => [f.path, f.content]));
const runbookFiles = result.files.filter((f) => f.path.startsWith(`${RUNBOOKS_DIR}/`));

type Rule = { alert?: string; expr: string; labels?: Record<string, string> };
type RuleFile = { metadata: { name: string }; spec: { groups: { rules: Rule[] }[] } };

/** The rendered PrometheusRules of an environment's shared path, parsed back from the files. */
function renderedRules(sharedPath: string): RuleFile[] {
  return result.files
    .filter((f) => f.path.startsWith(`${sharedPath}/prometheusrule-`))
    .map((f) => parse(f.content) as RuleFile);
}

/** Whether a rendered rule selects `service` (read independently of render/runbook-alerts.ts). */
function selects(r: Rule, service: string, namespace: string): boolean {
  if (r.labels?.['service'] !== undefined) return r.labels['service'] === service;
  // A list of services (the pod alerts' containers, the business alerts' workloads).
  const listed = /(container|destination_workload)=~"/.exec(r.expr)?.[1];
  if (listed) return new RegExp(`${listed}=~"([^"]*\\|)?${service}(\\|[^"]*)?"`).test(r.expr);
  return r.expr.includes(`destination_workload_namespace="${namespace}"`) && r.expr.includes('"service", "$1", "destination_workload"');
}

describe('runbooks of the seed platform', () => {
  it('one per service and an index, each headed as generated in an HTML comment', () => {
    expect(runbookFiles.map((f) => f.path)).toEqual([`${RUNBOOKS_DIR}/README.md`, ...model.services.map((s) => `${RUNBOOKS_DIR}/${s.name}.md`)].sort());
    for (const f of runbookFiles) expect(f.content.split('\n')[0], f.path).toMatch(new RegExp(`^${GENERATED_MARKDOWN_MARKER.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')} from .* -->$`));
    expect(files.get('.generated-files')).toContain(`\n${RUNBOOKS_DIR}/xiaoke.md\n`);
  });

  it('match the goldens of xiaoke (prod canary) and look (a leaf: calls no service)', () => {
    expectGolden('runbooks', runbookFiles.filter((f) => /\/(xiaoke|look)\.md$/.test(f.path)));
  });

  it('xiaoke in prod: the exact abort lines; dev: the version rollback and its window rule', () => {
    const text = files.get(`${RUNBOOKS_DIR}/xiaoke.md`)!;
    expect(text).toContain('npm run canary -- abort xiaoke --env prod');
    expect(text).toContain('kubectl argo rollouts abort xiaoke -n suoke-prod');
    expect(text).not.toContain('npm run canary -- abort xiaoke --env dev');
    expect(text).toContain('| prod | prod | suoke-prod | 2.0.3 | Rollout | canary 2.1.0 at 20 % (steps 5, 20, 50, 100; control git) |');
  });

  describe.each(books.map((b) => [b.service.name, b] as const))('%s', (name, book) => {
    const text = files.get(`${RUNBOOKS_DIR}/${name}.md`)!;

    it('lists dependencies both ways equal to the model, per environment', () => {
      const instances = model.environments.flatMap((e) => e.instances.filter((i) => i.service.name === name));
      expect(book.environments.map((e) => e.instance.env.name)).toEqual(instances.map((i) => i.env.name));
      for (const [n, e] of book.environments.entries()) {
        const i = instances[n]!;
        expect(e.calls.map((c) => c.name), `${i.env.name} calls`).toEqual(i.calls.map((c) => c.name));
        expect(e.callers.map((c) => c.name), `${i.env.name} callers`).toEqual(i.callers);
        const section = text.split('## Dependencies')[1]!.split(`### ${i.env.name}\n`)[1]!.split('\n\n###')[0]!;
        const named = (label: string) => [...(new RegExp(`^- ${label}: (.*)$`, 'm').exec(section)?.[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
        expect(named('Calls'), `${i.env.name} Calls line`).toEqual(i.calls.map((c) => c.name));
        expect(named('Called by'), `${i.env.name} Called by line`).toEqual(i.callers);
        expect(named('Data'), `${i.env.name} Data line`).toEqual(i.data.map((d) => d.name));
      }
    });

    it('lists exactly the rendered alerts that select it (and those of its data services apart)', () => {
      for (const e of book.environments) {
        const env = model.environments.find((x) => x.env.name === e.instance.env.name)!;
        const rules = renderedRules(env.sharedPath);
        const selecting = rules.flatMap((r) => r.spec.groups.flatMap((g) => g.rules.filter((x) => x.alert && selects(x, name, env.env.namespace)).map((x) => `${r.metadata.name}/${x.alert}`)));
        expect(e.alerts.map((a) => `${a.rule}/${a.alert}`).sort(), e.instance.env.name).toEqual(selecting.sort());
        const data = e.instance.data.map((d) => d.name);
        const ofData = rules.flatMap((r) => r.spec.groups.flatMap((g) => g.rules.filter((x) => x.alert && data.includes(x.labels?.['service'] ?? '')).map((x) => `${r.metadata.name}/${x.alert}`)));
        expect(e.dataAlerts.map((a) => `${a.rule}/${a.alert}`).sort(), `${e.instance.env.name} data`).toEqual(ofData.sort());
        // Its own P0 is always there: one ServiceUnavailable per service.
        expect(e.alerts.some((a) => a.alert === 'ServiceUnavailable' && a.level === 'P0')).toBe(true);
      }
    });
  });

  it('every relative link of every runbook points at a file that exists after a render', () => {
    const broken: string[] = [];
    for (const f of runbookFiles) {
      for (const m of f.content.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.path), m[1]!));
        if (!files.has(target) && !fs.existsSync(path.join(REPO_ROOT, target))) broken.push(`${f.path} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every anchor into docs/monitoring.md exists there', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/monitoring.md'), 'utf8');
    const anchors = new Set([...doc.matchAll(/^#+ (.*)$/gm)].map((m) => m[1]!.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    const used = new Set(runbookFiles.flatMap((f) => [...f.content.matchAll(/monitoring\.md#([a-z0-9-]+)/g)].map((m) => m[1]!)));
    expect([...used].filter((a) => !anchors.has(a))).toEqual([]);
  });

  it('is deterministic: a second render gives the same bytes', () => {
    const again = render(modelOf(REPO_ROOT)).files.filter((f) => f.path.startsWith(`${RUNBOOKS_DIR}/`));
    expect(again).toEqual(runbookFiles);
  });
});
