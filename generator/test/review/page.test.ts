/**
 * The platform page's data and HTML (review/page-data.ts, review/page-html.ts) on the seed at fixed
 * instants, in memory: the matrix, the windows now and at the next opening, the pools, the findings
 * by severity, escaping, and the whole page as a golden file (`UPDATE_GOLDEN=1` rewrites it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Finding } from '../../src/core/finding.js';
import { diskFs } from '../../src/core/fs.js';
import { buildModel } from '../../src/model/build.js';
import { checkRepository } from '../../src/policy/repository.js';
import { render } from '../../src/render/index.js';
import { pageData, type PageCell } from '../../src/review/page-data.js';
import { escapeHtml, pageHtml } from '../../src/review/page-html.js';
import { loadOptions } from '../helpers/load-options.js';
import { REPO_ROOT } from '../helpers/platform.js';

/** Monday 2026-12-07 14:00 in Shanghai: staging's weekday window is open, prod's Tuesday/Thursday window closed. */
const MONDAY = new Date('2026-12-07T06:00:00Z');
/** Tuesday 22:30 in Shanghai: prod's release window is open. */
const TUESDAY_NIGHT = new Date('2026-12-08T14:30:00Z');

const config = loadConfig(diskFs(REPO_ROOT), loadOptions);
const model = buildModel(config);
const policies = checkRepository(model, render(model).targets);
const at = (instant: Date, p = policies) => pageData({ config, model, policies: p, at: instant });
const cell = (cells: readonly PageCell[], service: string, env: string) => cells.find((c) => c.service === service && c.env === env)!;

describe('pageData', () => {
  const d = at(MONDAY);

  it('a cell per service and environment, environments in promotion order, services by group then name', () => {
    expect(d.environments.map((e) => e.name)).toEqual(['dev', 'test', 'staging', 'prod']);
    expect(d.cells).toHaveLength(d.services.length * d.environments.length);
    expect(d.services.length).toBe(config.services.length);
    const keys = d.services.map((s) => `${s.group}/${s.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(d.cells.slice(0, 4).map((c) => c.env)).toEqual(['dev', 'test', 'staging', 'prod']);
  });

  it('versions, replicas and gray releases as configured', () => {
    expect(cell(d.cells, 'xiaoai', 'dev')).toMatchObject({ deployed: true, version: '2.2.0-rc.1', canary: null, gray: false, path: 'clusters/dev/dev/xiaoai' });
    expect(cell(d.cells, 'xiaoai', 'prod')).toMatchObject({ deployed: true, version: '2.1.0', replicas: '2–8' });
    expect(cell(d.cells, 'xiaoke', 'prod')).toMatchObject({ version: '2.0.3', gray: true, canary: { version: '2.1.0', weight: 20, steps: [5, 20, 50, 100] } });
    expect(cell(d.cells, 'knowledge', 'staging')).toMatchObject({ version: '1.3.0', canary: { version: '1.4.0', weight: 10, steps: [10, 25, 50, 100] } });
  });

  it('windows: the state now, the next change, and the next opening (after the coming close when open)', () => {
    const prod = (x: typeof d) => x.environments.find((e) => e.name === 'prod')!.window;
    expect(prod(d)).toMatchObject({ open: false, nextChange: { iso: '2026-12-08T14:00:00.000Z', local: '2026-12-08 22:00 +08:00' }, nextOpening: { iso: '2026-12-08T14:00:00.000Z' }, timeZone: 'Asia/Shanghai' });
    const tuesday = at(TUESDAY_NIGHT);
    expect(prod(tuesday)).toMatchObject({ open: true, nextChange: { iso: '2026-12-08T16:00:00.000Z', local: '2026-12-09 00:00 +08:00' }, nextOpening: { iso: '2026-12-10T14:00:00.000Z', local: '2026-12-10 22:00 +08:00' } });
    const dev = d.environments.find((e) => e.name === 'dev')!.window;
    expect(dev).toMatchObject({ open: true, nextChange: null, nextOpening: null, timeZone: null });
  });

  it('a pool per node pool of the clusters that declare them, with steady and peak requests against capacity', () => {
    const pools = policies.capacity.flatMap((r) => r.pools.map((p) => `${r.cluster}/${p.pool}`));
    expect(d.pools.map((p) => `${p.cluster}/${p.pool}`)).toEqual(pools);
    expect(d.pools.length).toBeGreaterThan(0);
    for (const p of d.pools) {
      expect(p.steady.cpu).toBeLessThanOrEqual(p.peak.cpu);
      expect(p.capacity.cpu).toBeGreaterThan(0);
      expect(p.file).toBe(`clusters/${p.cluster}/cluster.yaml`);
    }
  });

  it('findings: errors before warnings, infos only counted', () => {
    const f = (severity: Finding['severity'], file: string): Finding => ({ check: 'x/y', severity, file, message: `${severity} in ${file}` });
    const mixed = { findings: [f('warning', 'a'), f('info', 'b'), f('error', 'c'), f('warning', 'd')], capacity: [] };
    const x = at(MONDAY, mixed);
    expect(x.counts).toEqual({ error: 1, warning: 2, info: 1 });
    expect(x.findings.map((g) => `${g.severity}:${g.file}`)).toEqual(['error:c', 'warning:a', 'warning:d']);
    expect(x.pools).toEqual([]);
  });
});

describe('pageHtml', () => {
  it('escapes every value: markup in a description or a message stays text', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&#60;script&#62;alert(&#34;x&#34;) &#38; &#39;y&#39;&#60;/script&#62;');
    const d = at(MONDAY, { findings: [{ check: 'x/y', severity: 'error', file: 'apps/a b/service.yaml', line: 3, message: '<img src=x onerror=alert(1)>' }], capacity: [] });
    const html = pageHtml({ ...d, services: d.services.map((s, i) => (i === 0 ? { ...s, description: '"><script>bad()</script>' } : s)) }, { root: '../' });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>bad');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<a href="../apps/a%20b/service.yaml">apps/a b/service.yaml:3</a>');
  });

  it('no network: a Content-Security-Policy allowing nothing but the inline style and script, and no absolute URL', () => {
    const html = pageHtml(at(MONDAY), { root: '' });
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('the seed on Monday afternoon: the golden page', () => {
    const html = pageHtml(at(MONDAY), { root: '' });
    const file = path.join(import.meta.dirname, 'golden', 'platform-report.html');
    if (process.env['UPDATE_GOLDEN'] === '1') {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, html);
    }
    expect(html, 'golden page (UPDATE_GOLDEN=1 to refresh)').toBe(fs.readFileSync(file, 'utf8'));
  });
});
