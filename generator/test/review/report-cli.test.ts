/**
 * `report` end to end (issue 14): the page is written where asked, its links reach the repository's
 * files, the line printed is exact, bad usage exits 2; and the page works in a real browser:
 * headless Chromium (Debian's `chromium`; `.ci/run` installs it) loads it from the file system with
 * no console error and no blocked request, finds a matrix cell per service and environment, the
 * filter hides rows, and a screenshot is taken. Without Chromium the browser test fails under CI
 * with one line saying what to install, and is skipped locally.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';

/** Monday 2026-12-07 14:00 in Shanghai: staging's weekday window is open, prod's Tuesday/Thursday window closed. */
const MONDAY = '2026-12-07T06:00:00Z';
const SERVICES = 19;
const ENVIRONMENTS = 4;
const LINE = (shown: string) =>
  `Wrote ${shown}: ${SERVICES} services × ${ENVIRONMENTS} environments, 13 node pools, 0 errors, 0 warnings; windows open at 2026-12-07T06:00:00.000Z: dev, test, staging\n`;

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-report-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The Chromium of the machine: `CHROMIUM_PATH`, else Debian's `chromium` (or `chromium-browser`) on PATH. */
function chromium(): string | undefined {
  const given = process.env['CHROMIUM_PATH'];
  if (given) return given;
  for (const name of ['chromium', 'chromium-browser']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() !== '') return r.stdout.trim();
  }
  return undefined;
}
const CHROMIUM = chromium();
const MISSING = "chromium not found: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH";

describe('report', () => {
  it('writes the page where asked (links relative to it, each reaching a file of the repository) and prints one exact line', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['report', '--root', repo.root, '--out', 'site/platform.html', '--at', MONDAY], { cwd: repo.root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(LINE('site/platform.html'));
    expect(r.code).toBe(0);
    const html = repo.read('site/platform.html');
    const hrefs = [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!)))];
    expect(hrefs.length).toBeGreaterThan(SERVICES * ENVIRONMENTS);
    const missing = hrefs.filter((h) => !h.startsWith('../') || !fs.existsSync(path.join(repo.root, 'site', h)));
    expect(missing).toEqual([]);
  });

  it('by default beside argocd/ as platform-report.html, from any sub-folder', async () => {
    const repo = tempRepo('repo');
    const r = await runCli(['report', '--at', MONDAY], { cwd: repo.abs('apps/xiaoai') });
    expect(r.stdout).toBe(LINE('platform-report.html'));
    expect(r.code).toBe(0);
    expect(repo.read('platform-report.html')).toContain('href="apps/xiaoai/service.yaml"');
  });

  it('the same tree and instant give the same bytes, whatever the time zone and locale', async () => {
    const repo = tempRepo('repo');
    const a = await runCli(['report', '--root', repo.root, '--out', path.join(out, 'a.html'), '--at', MONDAY], { env: { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8' } });
    const b = await runCli(['report', '--root', repo.root, '--out', path.join(out, 'b.html'), '--at', MONDAY], { env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' } });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toBe(LINE(path.join(out, 'a.html')));
    expect(fs.readFileSync(path.join(out, 'a.html'), 'utf8')).toBe(fs.readFileSync(path.join(out, 'b.html'), 'utf8'));
  });

  it('on a change: a new service (a row), a version bump, a canary advance and a window edit, each where the page shows it', async () => {
    const repo = tempRepo('repo');
    repo.write('apps/tongue/service.yaml', repo.read('apps/look/service.yaml').replace(/\blook\b/g, 'tongue'));
    repo.write('apps/xiaoai/service.yaml', repo.read('apps/xiaoai/service.yaml').replace('version: "2.1.0"', 'version: "2.2.0"'));
    repo.write('apps/xiaoke/service.yaml', repo.read('apps/xiaoke/service.yaml').replace(/weight: 20\b/, 'weight: 50'));
    repo.write('clusters/staging/cluster.yaml', repo.read('clusters/staging/cluster.yaml').replace('"0 10 * * 1-5", duration: 8h', '"0 15 * * 1-5", duration: 3h'));
    const r = await runCli(['report', '--root', repo.root, '--out', 'page.html', '--at', MONDAY], { cwd: repo.root });
    expect(r.stdout).toBe(
      `Wrote page.html: ${SERVICES + 1} services × ${ENVIRONMENTS} environments, 13 node pools, 1 error, 1 warning; windows open at 2026-12-07T06:00:00.000Z: dev, test\n`,
    );
    const html = repo.read('page.html');
    // One more service does not fit prod's quota at the worst case, nor staging's business pool at its
    // peak: the page says so, at the quota's and the pool's lines.
    expect(html.match(/<tr class="error">.*<\/tr>/g)?.map((row) => /<code>([^<]+)<\/code><\/td><td><a href="[^"]+">([^<]+)<\/a>/.exec(row)?.slice(1).join(' '))).toEqual(['policy/quota clusters/prod/cluster.yaml:15']);
    expect(html.match(/<tr class="warning">.*<\/tr>/g)?.map((row) => /<code>([^<]+)<\/code><\/td><td><a href="[^"]+">([^<]+)<\/a>/.exec(row)?.slice(1).join(' '))).toEqual(['policy/capacity clusters/staging/cluster.yaml:95']);
    const cell = (service: string, env: string) => new RegExp(`<td data-service="${service}" data-env="${env}"[^>]*>(.*?)</td>`).exec(html)?.[1] ?? '';
    expect(html.match(/<td data-service="tongue"/g)).toHaveLength(ENVIRONMENTS);
    expect(cell('xiaoai', 'prod')).toContain('<span class="version">2.2.0</span>');
    expect(cell('xiaoai', 'dev')).toContain('<span class="version">2.2.0-rc.1</span>');
    expect(cell('xiaoke', 'prod')).toContain('canary <span class="version">2.1.0</span> at 50%');
    const staging = /<article class="card (\w+)" data-env="staging">([\s\S]*?)<\/article>/.exec(html)!;
    expect(staging[1]).toBe('closed');
    expect(staging[2]).toContain('Opens <time datetime="2026-12-07T07:00:00.000Z">2026-12-07 15:00 +08:00</time>');
  });

  it('bad usage: an instant that is not one, a place that cannot be written: exit 2, one line, nothing written', async () => {
    const repo = tempRepo('repo');
    const at = await runCli(['report', '--root', repo.root, '--out', path.join(out, 'x.html'), '--at', 'monday']);
    expect(at.stderr).toMatch(/^error: --at "monday" .+\n$/);
    expect(at.code).toBe(2);
    // A folder where a file is: the page's folder cannot be made.
    fs.writeFileSync(path.join(out, 'a-file'), '');
    const dir = await runCli(['report', '--root', repo.root, '--out', path.join(out, 'a-file/x.html'), '--at', MONDAY]);
    expect(dir.stderr).toBe(`error: --out: cannot write ${path.join(out, 'a-file/x.html')}: EEXIST\n`);
    expect(dir.code).toBe(2);
    expect(fs.existsSync(path.join(out, 'x.html'))).toBe(false);
  });
});

describe.skipIf(!CHROMIUM && !process.env['CI'])(CHROMIUM ? 'the page in headless Chromium' : MISSING, () => {
  it.skipIf(CHROMIUM !== undefined)('has chromium', () => {
    expect.fail(MISSING);
  });

  it.runIf(CHROMIUM !== undefined)('loads from the file system with no console error or blocked request; a cell per service and environment; the filter works; a screenshot', { timeout: 120_000 }, async () => {
    const repo = tempRepo('repo');
    const page = path.join(out, 'chromium.html');
    const r = await runCli(['report', '--root', repo.root, '--out', page, '--at', MONDAY]);
    expect(r.code).toBe(0);
    const browser = await puppeteer.launch({ executablePath: CHROMIUM!, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      tab.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      tab.on('requestfailed', (q) => problems.push(`request failed: ${q.url()}`));
      await tab.setViewport({ width: 1280, height: 900 });
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });

      const cells = await tab.$$eval('td[data-service][data-env]', (tds) => tds.map((td) => `${td.getAttribute('data-service')}/${td.getAttribute('data-env')}`));
      expect(cells).toHaveLength(SERVICES * ENVIRONMENTS);
      expect(new Set(cells).size).toBe(SERVICES * ENVIRONMENTS);
      expect(await tab.$eval('td[data-service="xiaoke"][data-env="prod"]', (td) => td.textContent ?? '')).toContain('canary 2.1.0 at 20%');
      expect(await tab.$$eval('article.card.closed', (a) => a.map((x) => x.getAttribute('data-env')))).toEqual(['prod']);

      await tab.type('#filter', 'xiao');
      const shown = await tab.$$eval('tr[data-row]', (rows) => rows.filter((x) => !x.hasAttribute('hidden')).map((x) => x.getAttribute('data-row')));
      expect(shown).toEqual(['xiaoai', 'xiaoke']);

      const shot = path.join(out, 'platform-report.png');
      await tab.screenshot({ path: shot as `${string}.png`, fullPage: true });
      const png = fs.readFileSync(shot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBe(1280);
      expect(png.readUInt32BE(20)).toBeGreaterThan(900);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
