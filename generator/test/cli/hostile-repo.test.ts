/**
 * A hostile repository, as a pull request can make one (Git stores symbolic links): each case plants
 * one trap in a rendered copy of the fixture, then `render`, `render --check` and `validate` run on it.
 * Each must end with a clear message and its exact exit code, never hang, never show what lies
 * outside, and leave everything beside the repository exactly as it was: a sentinel folder
 * (`outside/`, with a secret, a folder and a FIFO) and a sibling checkout whose name shares the
 * repository's prefix (`repo-x/`, holding a generated-looking file), both compared by listing,
 * content and modification time.
 *
 * To add a case, add a row to CASES: what to plant, and what each command says.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { GOLDEN_ROOT } from '../helpers/golden.js';
import { FIXTURE_PLATFORM } from '../helpers/platform.js';

const SECRET = 'sentinel-secret-7f3a9c';

/** Where a case plants its trap: the repository, and paths beside it. */
interface Hostile {
  repo: string;
  /** Absolute path inside the repository. */
  abs(rel: string): string;
  /** Makes `rel` (in the repository) a symbolic link with text `target`, replacing what is there. */
  link(rel: string, target: string): void;
}

/** What a command must do: its exit code and exactly its standard error (`undefined`: not checked, e.g. a clean run). */
interface Expect {
  code: number;
  stderr?: string;
  /** Lines the standard output must hold. */
  stdout?: string[];
}

interface HostileCase {
  name: string;
  plant(h: Hostile): void;
  render: Expect;
  /** Default: as `render`. */
  check?: Expect;
  /** `validate --no-kustomize`. Default: as `render`. */
  validate?: Expect;
}

const LINK = 'the generator never follows links, so that nothing it reads or writes lies outside the repository';
const LINK_FIX = 'replace the link with the real folder or file (remove the link, copy the content in its place) and commit that';
const linkRefused = (file: string, target: string): Expect => ({
  code: 2,
  stderr: `error: ${file}: is a symbolic link (to ${JSON.stringify(target)}); ${LINK}\n  fix: ${LINK_FIX}\n1 problem in the repository; nothing was written.\n`,
});
const notAFile = (file: string, kind: string): Expect => ({
  code: 2,
  stderr: `error: ${file}: is ${kind}, not a regular file; the generator reads only regular files\n  fix: replace it with a regular file (or remove it)\n1 problem in the repository; nothing was written.\n`,
});
const badIndexEntry = (line: number, shown: string, problem: string): Expect => ({
  code: 2,
  stderr:
    `error: .generated-files:${line}: entry ${shown} is not a generated file: ${problem}; every entry must be a relative path inside apps/, clusters/, argocd/, docs/runbooks/ such as apps/<service>/base/deployment.yaml\n` +
    '  fix: remove the line (or delete .generated-files: `npm run render` writes it again and finds generated files by their header)\n' +
    '1 problem in the repository; nothing was written.\n',
});
/** Lines of the fixture's index (its header and one per file): a planted entry is the next line. */
const INDEX_LINES = fs.readFileSync(path.join(GOLDEN_ROOT, 'platform/.generated-files'), 'utf8').split('\n').length - 1;

const CASES: HostileCase[] = [
  {
    name: 'regression: an index entry climbing into a sibling checkout (`../repo-x/...`)',
    plant: (h) => fs.appendFileSync(h.abs('.generated-files'), '../repo-x/sub/victim.yaml\n'),
    render: badIndexEntry(INDEX_LINES + 1, '"../repo-x/sub/victim.yaml"', 'it holds a `..` segment'),
  },
  {
    name: 'regression: an absolute index entry',
    plant: (h) => fs.appendFileSync(h.abs('.generated-files'), '/etc/passwd\n'),
    render: badIndexEntry(INDEX_LINES + 1, '"/etc/passwd"', 'it is an absolute path'),
  },
  {
    name: 'regression: a generated folder linked out of the repository (`apps/gateway/base` → ../../../outside)',
    plant: (h) => h.link('apps/gateway/base', '../../../outside'),
    render: linkRefused('apps/gateway/base', '../../../outside'),
  },
  {
    name: 'an environment folder linked out (`clusters/dev/dev`)',
    plant: (h) => h.link('clusters/dev/dev', '../../../outside'),
    render: linkRefused('clusters/dev/dev', '../../../outside'),
  },
  {
    name: 'a generated file linked to a secret outside',
    plant: (h) => h.link('apps/gateway/base/deployment.yaml', '../../../../outside/secret.yaml'),
    render: linkRefused('apps/gateway/base/deployment.yaml', '../../../../outside/secret.yaml'),
  },
  {
    name: 'a generated file linked inside the repository',
    plant: (h) => h.link('apps/gateway/base/service.yaml', 'deployment.yaml'),
    render: linkRefused('apps/gateway/base/service.yaml', 'deployment.yaml'),
  },
  {
    name: 'regression: a config file linked to a secret outside (its content is never shown)',
    plant: (h) => h.link('apps/gateway/service.yaml', '../../../outside/secret.yaml'),
    render: linkRefused('apps/gateway/service.yaml', '../../../outside/secret.yaml'),
  },
  {
    name: 'regression: a config file linked to /dev/zero',
    plant: (h) => {
      fs.mkdirSync(h.abs('apps/zz'));
      h.link('apps/zz/service.yaml', '/dev/zero');
    },
    render: linkRefused('apps/zz/service.yaml', '/dev/zero'),
  },
  {
    name: 'the Argo CD settings linked to /proc/self/environ',
    plant: (h) => h.link('argocd/argocd.yaml', '/proc/self/environ'),
    render: linkRefused('argocd/argocd.yaml', '/proc/self/environ'),
  },
  {
    name: 'regression: a service folder that is a link is refused, not skipped',
    plant: (h) => h.link('apps/zz', '../../outside/sub'),
    render: linkRefused('apps/zz', '../../outside/sub'),
  },
  {
    name: 'regression: a FIFO where a generated file is read (would hang a plain read)',
    plant: (h) => execFileSync('mkfifo', [h.abs('apps/gateway/base/pipe.yaml')]),
    render: notAFile('apps/gateway/base/pipe.yaml', 'a FIFO (named pipe)'),
  },
  {
    name: 'the index of generated files linked to a secret outside',
    plant: (h) => h.link('.generated-files', '../outside/secret.yaml'),
    render: linkRefused('.generated-files', '../outside/secret.yaml'),
  },
  {
    name: 'a staging folder linked out of the repository',
    plant: (h) => h.link('.render-staging', '../outside'),
    render: linkRefused('.render-staging', '../outside'),
  },
  {
    name: 'a committed journal of an "interrupted render" that writes outside the repository',
    plant: (h) => {
      fs.mkdirSync(h.abs('.render-staging'));
      fs.writeFileSync(h.abs('.render-staging/w0'), 'pwned\n');
      const journal = { version: 1, pid: 1, started: '2026-01-01T00:00:00.000Z', mkdirs: [], writes: [{ path: '../outside/pwned.yaml', staged: 'w0' }], removes: [] };
      fs.writeFileSync(h.abs('.render-staging/journal.json'), JSON.stringify(journal));
    },
    render: {
      code: 2,
      stderr:
        'error: .render-staging: .render-staging/journal.json cannot be trusted: a file it writes is not inside the generated folders; nothing of it was done\n' +
        '  fix: remove the .render-staging folder (it is never part of the repository; `git status` shows whether the generated files are as committed), then render again\n' +
        '1 problem in writing the generated files; nothing was written.\n',
    },
    // Reading commands report the folder (they never act on it).
    check: { code: 1, stdout: ['would finish: .render-staging/: a render was interrupted before it changed anything; its staging folder is left'] },
    validate: { code: 1, stdout: ['.render-staging/ - error: a render was interrupted before it changed anything; its staging folder is left (drift/unfinished)'] },
  },
  {
    name: 'template markers in the Argo CD settings (every Application would track a revision named after its version)',
    plant: (h) => fs.appendFileSync(h.abs('argocd/argocd.yaml'), 'targetRevision: "{{.stableVersion}}"\n'),
    render: {
      code: 2,
      stderr:
        'error: argocd/argocd.yaml:2: targetRevision: `targetRevision` is "{{.stableVersion}}": template markers `{{` and `}}` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application\n' +
        '  fix: write the plain value without braces, e.g. `main`\n' +
        '1 problem in the configuration; nothing was written.\n',
    },
  },
  {
    name: 'a lock file linked to a file outside (never followed, never removed)',
    plant: (h) => h.link('.render.lock', '../outside/secret.yaml'),
    render: {
      code: 2,
      stderr: `error: .render.lock: is a symbolic link (to "../outside/secret.yaml"); ${LINK}\n  fix: delete it (the lock file is never part of the repository), then run again\n1 problem in the repository; nothing was written.\n`,
    },
    // Reading commands take no lock: the tree itself is clean.
    check: { code: 0 },
    validate: { code: 0 },
  },
];

let work: string;
let template: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-hostile-'));
  template = path.join(work, 'template');
  for (const entry of ['apps', 'clusters', 'argocd']) fs.cpSync(path.join(FIXTURE_PLATFORM, entry), path.join(template, entry), { recursive: true });
  expect((await runCli(['render', '--root', template])).code).toBe(0);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A rendered repository `<dir>/repo` beside the sentinel `<dir>/outside` and the sibling `<dir>/repo-x`. */
function hostile(name: string): Hostile & { beside: () => Record<string, string> } {
  const dir = path.join(work, name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60));
  const repo = path.join(dir, 'repo');
  fs.cpSync(template, repo, { recursive: true });
  fs.mkdirSync(path.join(dir, 'outside/sub'), { recursive: true });
  // Were it read as a service file, its one key would be named in an "unknown key" error.
  fs.writeFileSync(path.join(dir, 'outside/secret.yaml'), `${SECRET}: 1\n`);
  fs.writeFileSync(path.join(dir, 'outside/sub/service.yaml'), `name: ${SECRET}\n`);
  execFileSync('mkfifo', [path.join(dir, 'outside/pipe')]);
  fs.mkdirSync(path.join(dir, 'repo-x/sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'repo-x/sub/victim.yaml'), '# Generated by `npm run render` from elsewhere\n');
  const abs = (rel: string) => path.join(repo, ...rel.split('/'));
  return {
    repo,
    abs,
    link(rel, target) {
      fs.rmSync(abs(rel), { recursive: true, force: true });
      fs.symlinkSync(target, abs(rel));
    },
    beside: () => besideRepo(dir),
  };
}

/** Everything beside the repository: path → kind, size, content and modification time. */
function besideRepo(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      if (prefix === '' && name === 'repo') continue;
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const content = st.isFile() ? fs.readFileSync(p, 'utf8') : st.isDirectory() ? `<dir ${fs.readdirSync(p).sort().join(',')}>` : `<${st.isFIFO() ? 'fifo' : 'other'}>`;
      out[`${prefix}${name}`] = `${content} mtime=${st.mtimeMs}`;
      if (st.isDirectory()) walk(p, `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return out;
}

function expectResult(r: CliResult, e: Expect, what: string): void {
  expect(r.signal, `${what}: ended by a signal (hung?)`).toBeNull();
  expect(r.code, `${what}: ${r.stderr}`).toBe(e.code);
  if (e.stderr !== undefined) expect(r.stderr, what).toBe(e.stderr);
  for (const line of e.stdout ?? []) expect(r.stdout.split('\n'), what).toContain(line);
  expect(`${r.stdout}${r.stderr}`, `${what}: shows what lies outside`).not.toContain(SECRET);
}

describe('a hostile repository', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const h = hostile(c.name);
    c.plant(h);
    const beside = h.beside();
    const opts = { timeoutMs: 30_000 };

    expectResult(await runCli(['render', '--root', h.repo], opts), c.render, 'render');
    expectResult(await runCli(['render', '--check', '--root', h.repo], opts), c.check ?? c.render, 'render --check');
    expectResult(await runCli(['validate', '--no-kustomize', '--root', h.repo], opts), c.validate ?? c.render, 'validate');

    expect(h.beside()).toEqual(beside);
  });

  it('a foreign template action committed into a generated ApplicationSet: validate is red until render puts the generated file back', async () => {
    const h = hostile('foreign template action');
    const file = h.abs('argocd/environments/dev/services.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: "{{.name}}"', 'name: "{{.name}}{{ index .metadata.labels \\"x\\" }}"'));
    const opts = { timeoutMs: 30_000 };
    expectResult(await runCli(['validate', '--no-kustomize', '--root', h.repo], opts), {
      code: 1,
      stdout: ['argocd/environments/dev/services.yaml:54 - error: committed file differs from a fresh render (edited by hand, or the configuration changed without re-rendering) (drift/differs)'],
    }, 'validate');
    expectResult(await runCli(['render', '--check', '--root', h.repo], opts), { code: 1, stdout: ['would write argocd/environments/dev/services.yaml'] }, 'render --check');
    const render = await runCli(['render', '--root', h.repo], opts);
    expectResult(render, { code: 0 }, 'render');
    expect(render.stdout).toMatch(/: 1 written, 0 removed, \d+ unchanged\.\n$/);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('index .metadata');
    expectResult(await runCli(['validate', '--no-kustomize', '--root', h.repo], opts), { code: 0 }, 'validate after render');
  });
});
