#!/usr/bin/env node
// `npm run bench`: speed and memory figures of the generator, as medians over repeated runs, with the
// ratio to each target (ratio > 1 means faster or smaller than the target). Nothing here asserts:
// the figures are for people. Runs in temporary copies, never in the working tree.
//   BENCH_RUNS (default 5)       runs per seed-platform figure
//   BENCH_SERVICES (default 1000) services in the large synthetic platform (× 4 environments)
//   BENCH_LARGE=0                skip the large platform
//   BENCH_MANIFEST_RESOURCES (default 100000) resources in the `validate FILE` manifest (0: skip it)
import { $, fs, os, path } from 'zx';
import { synthesize } from './synth.mjs';
import { writeLargeManifest } from './manifest-stream.mjs';

$.verbose = false;
$.quiet = true;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.join(root, 'generator/dist/src');
const cli = path.join(dist, 'cli/main.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const large = Number(process.env.BENCH_SERVICES ?? 1000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-bench-'));
const rows = [];

if (!fs.existsSync(cli)) {
  console.error('generator/dist is missing: run `npm run build` (npm ci does it) first');
  process.exit(2);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs a command, returns [seconds, peak RSS MB] measured by /usr/bin/time. */
async function timed(args, { cwd = root, expect = 0 } = {}) {
  const p = await $({ cwd, nothrow: true })`/usr/bin/time -f ${'%e %M'} ${args}`;
  const last = p.stderr.trim().split('\n').pop() ?? '';
  const [secs, kb] = last.split(' ').map(Number);
  if (p.exitCode !== expect) {
    throw new Error(`${args.join(' ')} exited ${p.exitCode} (expected ${expect}):\n${p.stdout.slice(-2000)}\n${p.stderr.slice(-2000)}`);
  }
  return [secs, kb / 1024];
}

async function repeat(n, before, args, opts) {
  const secs = [];
  const mbs = [];
  for (let i = 0; i < n; i++) {
    if (before) await before();
    const [s, mb] = await timed(args, opts);
    secs.push(s);
    mbs.push(mb);
  }
  return { secs: median(secs), mb: Math.max(...mbs) };
}

function row(name, value, unit, target, higherIsBetter = false) {
  const ratio = target === undefined ? undefined : higherIsBetter ? value / target : target / value;
  rows.push({ name, value, unit, target, ratio });
  const fmt = (v) => (unit === 'objects/s' ? Math.round(v).toLocaleString('en-US') : v.toFixed(unit === 's' ? 3 : 1));
  const t = target === undefined ? '' : `  target ${higherIsBetter ? '≥' : '≤'} ${fmt(target)} ${unit}  ratio ${ratio.toFixed(2)}${ratio >= 1 ? '' : '  (MISSED)'}`;
  console.log(`${name.padEnd(58)} ${fmt(value).padStart(10)} ${unit}${t}`);
}

function copyRepo(to) {
  for (const p of ['apps', 'clusters', 'argocd', '.generated-files']) fs.cpSync(path.join(root, p), path.join(to, p), { recursive: true });
}

const clearCache = (dir) => async () => fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });

console.log(`suoke-gitops bench: ${os.cpus().length} cores, node ${process.version}, ${runs} runs per seed figure (median)\n`);

// --- Seed platform -------------------------------------------------------------------------
const seed = path.join(work, 'seed');
copyRepo(seed);
const npmRun = (script, ...args) => ['npm', 'run', '-s', script, '--', '--root', seed, ...args];
{
  const r = await repeat(runs, undefined, npmRun('render'));
  row('seed: npm run render (cold process, tree up to date)', r.secs, 's', 0.5);
  const empty = path.join(work, 'seed-empty');
  const r2 = await repeat(runs, async () => {
    fs.rmSync(empty, { recursive: true, force: true });
    fs.mkdirSync(empty);
    for (const p of ['clusters', 'argocd']) fs.mkdirSync(path.join(empty, p));
    fs.cpSync(path.join(root, 'apps'), path.join(empty, 'apps'), { recursive: true, filter: (s) => !s.includes('/base') });
    for (const c of ['dev', 'staging', 'prod']) fs.cpSync(path.join(root, 'clusters', c, 'cluster.yaml'), path.join(empty, 'clusters', c, 'cluster.yaml'));
    fs.cpSync(path.join(root, 'argocd/argocd.yaml'), path.join(empty, 'argocd/argocd.yaml'));
  }, ['npm', 'run', '-s', 'render', '--', '--root', empty]);
  row('seed: npm run render into an empty tree (every file written)', r2.secs, 's', 0.5);
  // --no-simulate: the simulation step is measured on its own below (and exits 1 on a tree that does not converge).
  const v = await repeat(runs, clearCache(seed), npmRun('validate', '--no-simulate'));
  row('seed: npm run validate, cold (no kustomize cache)', v.secs, 's', 2.0);
  const w = await repeat(runs, undefined, npmRun('validate', '--no-simulate'));
  row('seed: npm run validate again, nothing changed (warm cache)', w.secs, 's', 0.5);
  // As on a laptop: a Git work tree, so the base revision is read (git) and its canaries' first deploys
  // judged (canary/first-deploy, whose reading of the base is kept in the sealed result cache).
  const inGit = path.join(work, 'seed-git');
  copyRepo(inGit);
  const git = (...args) => $({ cwd: inGit })`git -c user.name=bench -c user.email=bench@example.com ${args}`;
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');
  const gitRun = ['npm', 'run', '-s', 'validate', '--', '--root', inGit, '--no-simulate', '--no-windows'];
  await timed(gitRun);
  const wg = await repeat(runs, undefined, gitRun);
  row('seed: validate --no-windows again in a Git work tree (warm)', wg.secs, 's', 0.5);
  // `diff` on a version bump: both sides rendered from configuration (the base's read from Git). Aim: well under a second.
  const xiaoai = path.join(inGit, 'apps/xiaoai/service.yaml');
  fs.writeFileSync(xiaoai, fs.readFileSync(xiaoai, 'utf8').replace('version: "2.1.0"', 'version: "2.2.0"'));
  // A first run loads both configurations; later runs read them from the cache of loaded configurations.
  const d0 = await repeat(runs, undefined, ['node', cli, 'diff', '--root', inGit, '--base', 'HEAD', '--no-cache']);
  row('seed: diff --base HEAD of a version bump, first run (--no-cache)', d0.secs, 's', 1.0);
  const d = await repeat(runs, undefined, ['node', cli, 'diff', '--root', inGit, '--base', 'HEAD']);
  row('seed: diff --base HEAD of a version bump, again (config cache)', d.secs, 's', 0.7);

  // The simulation step of validate: after validate's own builds its kustomize builds are cache hits,
  // so what it adds is reading them and the play (docs/simulation.md). Aim: < 10 % of cold validate.
  const { runSimulation } = await import(path.join(dist, 'validate/simulation.js'));
  const { diskFs } = await import(path.join(dist, 'core/fs.js'));
  const { cacheSeal } = await import(path.join(dist, 'validate/result-cache.js'));
  const { cacheSecretFile } = await import(path.join(dist, 'core/seal.js'));
  // The seal validate uses: without it the kustomize build cache is neither read nor written and every path is built again.
  const seal = cacheSeal(seed, cacheSecretFile(process.env));
  const sim = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await runSimulation({ root: seed, fs: diskFs(seed), at: new Date('2026-12-05T12:00:00+08:00'), ...(seal ? { seal } : {}) });
    sim.push((performance.now() - t0) / 1000);
  }
  row('seed: the simulation step of validate (warm kustomize cache)', median(sim), 's', 0.1 * v.secs);
  console.log(`${''.padEnd(58)} the simulation adds ${((100 * median(sim)) / v.secs).toFixed(1)} % to cold validate`);

  // Naive: kubectl kustomize of every Argo CD path, one after another.
  const paths = fs
    .readFileSync(path.join(seed, '.generated-files'), 'utf8')
    .split('\n')
    .filter((l) => l.endsWith('/kustomization.yaml') && !l.startsWith('apps/'))
    .map((l) => path.dirname(l));
  const naive = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const t0 = performance.now();
    for (const p of paths) await $({ cwd: seed })`kubectl kustomize ${p}`;
    naive.push((performance.now() - t0) / 1000);
  }
  row(`seed: naive sequential kubectl kustomize of ${paths.length} paths`, median(naive), 's');
  console.log(`${''.padEnd(58)} cold validate (all steps) is ${(median(naive) / v.secs).toFixed(1)}× faster than the naive kustomize loop alone`);
}

// --- Schema throughput -------------------------------------------------------------------------
{
  const { loadConfig } = await import(path.join(dist, 'config/load.js'));
  const { WAIVABLE } = await import(path.join(dist, 'policy/ids.js'));
  const { buildModel } = await import(path.join(dist, 'model/build.js'));
  const { render } = await import(path.join(dist, 'render/index.js'));
  const { diskFs } = await import(path.join(dist, 'core/fs.js'));
  const { benchSchema } = await import(path.join(dist, 'validate/schema/index.js'));
  const objects = render(buildModel(loadConfig(diskFs(root), { waivable: WAIVABLE }))).targets.flatMap((t) => t.objects);
  const perSecond = benchSchema(objects, 3);
  row(`schema checks, one core (${objects.length} seed objects, mixed kinds)`, perSecond, 'objects/s', 50000, true);
}

// --- validate FILE: one large manifest, streamed -------------------------------------------------
// kubeconform's "very large file" (acceptance.bats:339 @ v0.7.0): 100,000 resources, ~30 MB, read as a
// stream; the whole run (process start, schema loading, output) is timed. Aims: ≥ 50,000 objects/s, < 300 MB.
const manifestResources = Number(process.env.BENCH_MANIFEST_RESOURCES ?? 100000);
if (manifestResources > 0) {
  const file = path.join(work, 'large-manifest.yaml');
  const bytes = writeLargeManifest(file, manifestResources);
  const expected = `Summary: ${manifestResources} resources found in 1 file - Valid: ${manifestResources}, Invalid: 0, Errors: 0, Skipped: 0`;
  const out = await $({ nothrow: true })`node ${cli} validate --schema-only ${file}`;
  if (out.stdout.trim() !== expected) throw new Error(`validate ${file}: expected "${expected}", got:\n${out.stdout.slice(-2000)}${out.stderr.slice(-2000)}`);
  const r = await repeat(Math.min(runs, 3), undefined, ['node', cli, 'validate', '--schema-only', file]);
  const what = `${manifestResources} resources, ${(bytes / 1e6).toFixed(1)} MB`;
  row(`validate FILE --schema-only (${what})`, manifestResources / r.secs, 'objects/s', 50000, true);
  row(`validate FILE --schema-only (${what}): peak RSS`, r.mb, 'MB', 300);
}

// --- YAML 1.1/1.2 ambiguity detector (validate PATH, per document) --------------------------------
{
  const { loadConfig } = await import(path.join(dist, 'config/load.js'));
  const { WAIVABLE } = await import(path.join(dist, 'policy/ids.js'));
  const { buildModel } = await import(path.join(dist, 'model/build.js'));
  const { render } = await import(path.join(dist, 'render/index.js'));
  const { diskFs } = await import(path.join(dist, 'core/fs.js'));
  const { yaml11Scalars } = await import(path.join(dist, 'core/yaml-ambiguity.js'));
  const files = render(buildModel(loadConfig(diskFs(root), { waivable: WAIVABLE }))).files.filter((f) => f.path.endsWith('.yaml'));
  const docs = files.flatMap((f) => f.content.split(/^---\n/m)).filter((d) => /\S/.test(d));
  const stream = [];
  let bytes = 0;
  while (bytes < 30e6) for (const d of docs) (stream.push(d), (bytes += d.length));
  const secs = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    for (const d of stream) yaml11Scalars(d, 1);
    secs.push((performance.now() - t0) / 1000);
  }
  row(`YAML 1.1/1.2 detector over a ${(bytes / 1e6).toFixed(0)} MB rendered stream (${stream.length} documents)`, bytes / 1e6 / median(secs), 'MB/s', 100, true);
}

// --- Large synthetic platform -------------------------------------------------------------------
if (process.env.BENCH_LARGE !== '0') {
  const big = path.join(work, 'large');
  synthesize(root, big, large);
  const bigRun = (script, ...args) => ['node', cli, script, '--root', big, ...args];
  const first = await repeat(1, undefined, bigRun('render'));
  row(`${large} services × 4 envs: render into an empty tree`, first.secs, 's', 4);
  row(`${large} services × 4 envs: render peak RSS`, first.mb, 'MB', 400);
  const again = await repeat(Math.min(runs, 3), undefined, bigRun('render'));
  row(`${large} services × 4 envs: render, tree up to date`, again.secs, 's', 4);
  row(`${large} services × 4 envs: render peak RSS (up to date)`, again.mb, 'MB', 400);
  const nok = await repeat(Math.min(runs, 3), undefined, bigRun('validate', '--no-kustomize', '--no-cache'));
  row(`${large} services × 4 envs: validate --no-kustomize (no result cache)`, nok.secs, 's', 6);
  const full = await repeat(1, clearCache(big), bigRun('validate', '--no-simulate'));
  row(`${large} services × 4 envs: validate with kustomize builds, cold cache`, full.secs, 's', 60);
  row(`${large} services × 4 envs: validate peak RSS`, full.mb, 'MB');
  const warm = await repeat(1, undefined, bigRun('validate', '--no-simulate'));
  row(`${large} services × 4 envs: validate again, warm cache`, warm.secs, 's');
  // One CI runner per part (`--env`, as the workflow's matrix): each part cold, the slowest is the wall time.
  const parts = [];
  for (const env of ['platform', 'dev', 'test', 'staging', 'prod']) {
    const p = await repeat(1, clearCache(big), bigRun('validate', '--no-simulate', '--no-cache', '--env', env));
    parts.push(p.secs);
  }
  row(`${large} services × 4 envs: slowest validate --env part, cold (matrix wall time)`, Math.max(...parts), 's', full.secs / 2);
  console.log(`${''.padEnd(58)} parts: ${parts.map((x) => x.toFixed(1)).join(', ')} s (platform, dev, test, staging, prod)`);
}

fs.rmSync(work, { recursive: true, force: true });
const missed = rows.filter((r) => r.ratio !== undefined && r.ratio < 1).length;
console.log(`\n${rows.length} figures, ${missed} targets missed`);
