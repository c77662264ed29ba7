#!/usr/bin/env node
/**
 * The only file that touches the process: argv, environment, stdout/stderr, exit code.
 * Everything it calls takes a CommandContext and returns an exit code or throws a UserError.
 */
import * as nodeFs from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { Argument, Command, CommanderError, Option } from 'commander';
import { UsageError, UserError } from '../core/errors.js';
import { diskFs } from '../core/fs.js';
import { cacheSecretFile } from '../core/seal.js';
import { printable, printableLines } from '../core/printable.js';
import type { CommandContext, StandardInput } from './context.js';
import { collectNames, outputFileParser, parseCount, parseShard, parseSize, PLAN_HELP, PROMOTE_HELP, VALIDATE_EXAMPLES, type OutputFile } from './flags.js';
import { PLAN_FORMATS, type PlanFormat } from '../review/plan-format.js';
import { formatUserError } from './errors.js';
import { FORMAT_NAMES } from '../report/format-names.js';
import { findRoot } from './root.js';
import { colorize, colorWanted, progressWanted } from './terminal.js';

const EXIT_USAGE = 2;
const ROOT_HELP = 'repository root (default: the nearest folder up from the working directory with argocd/argocd.yaml)';

// Every byte this process prints goes through these: whatever a command composed, no raw control
// character (ESC, CR, C1, bidi overrides) reaches the terminal or the CI log. Line feeds are kept;
// the commands escape the values they interpolate, so a value cannot add a line either.
// Colour (cli/terminal.ts) is added after that, for text output to a terminal only.
let paintOut = false;
const paintErr = colorWanted(process.stderr.isTTY === true, process.env);
const out = (t: string) => void process.stdout.write(paintOut ? colorize(printableLines(t)) : printableLines(t));
const err = (t: string) => void process.stderr.write(paintErr ? colorize(printableLines(t)) : printableLines(t));
// Progress goes to stderr, so it never mixes with a report on stdout (`-o json > report.json`).
const progress = (message: string) => void process.stderr.write(printableLines(`… ${message}\n`));

function context(root: string | undefined): CommandContext {
  // No --root: the repository the working directory is in (cli/root.ts), so any sub-folder works.
  const abs = root === undefined ? findRoot(process.cwd(), isFile) : path.resolve(process.cwd(), root);
  return {
    root: abs,
    fs: diskFs(abs),
    now: () => new Date(),
    stdout: out,
    stderr: err,
    env: process.env,
    ...(progressWanted(process.stderr.isTTY === true, process.env) ? { progress } : {}),
    writeFile: writeReport,
  };
}

function isFile(file: string): boolean {
  try {
    return nodeFs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What `--version` reports (cli/version.ts), read from the installed build next to this file. */
async function versionInfo(): Promise<import('./version.js').VersionInfo> {
  const { detectKustomize } = await import('../kustomize/detect.js');
  const { defaultIndexPath } = await import('../validate/schema/schema-table.js');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const read = (file: string) => (isFile(file) ? nodeFs.readFileSync(file, 'utf8') : undefined);
  const pkg = JSON.parse(read(path.resolve(here, '..', '..', '..', '..', 'package.json')) ?? '{}') as { version?: string };
  const index = JSON.parse(read(defaultIndexPath()) ?? '{}') as { crds?: { file: string }[] };
  let models: string | undefined;
  try {
    models = (JSON.parse(read(createRequire(import.meta.url).resolve('kubernetes-models/package.json')) ?? '{}') as { version?: string }).version;
  } catch {
    models = undefined;
  }
  return {
    version: pkg.version ?? 'unknown',
    build: read(path.resolve(here, '..', '..', 'build-id'))?.trim(),
    node: process.version,
    kustomize: await detectKustomize({ path: process.env.PATH ?? '' }),
    builtInModels: models,
    crdFiles: (index.crds ?? []).map((c) => c.file),
  };
}

/** Writes `text` to `file` (relative to the working directory) through a temporary file renamed over it: never half a report. */
const writeReport = (file: string, text: string) => writeVia('--output-file', file, text);

/** {@link writeReport}, its error naming the option `flag` that named the file; `makeFolder`: its folder is created first. */
function writeVia(flag: string, file: string, text: string, makeFolder = false): void {
  const target = path.resolve(process.cwd(), file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    if (makeFolder) nodeFs.mkdirSync(path.dirname(target), { recursive: true });
    nodeFs.writeFileSync(temp, text);
    nodeFs.renameSync(temp, target);
  } catch (e) {
    try {
      nodeFs.rmSync(temp, { force: true });
    } catch {
      // Nothing was made there (its folder is not one): nothing to remove.
    }
    throw new UsageError(`${flag}: cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let exit = 0;
  const program = new Command('suoke-gitops')
    .description('Renders and validates the Suoke Life GitOps repository')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err })
    .showHelpAfterError('(run with --help for usage)')
    // Listed for --help; answered before parsing (below), as its answer needs to look for kustomize.
    .option('-V, --version', 'print the version, the build, the kustomize found and the schema sets, then exit')
    // Colour only for the text formats: a JSON, JUnit, TAP or SARIF report stays machine-readable in a terminal too.
    .hook('preAction', (_program, command) => {
      const format = (command.opts() as { output?: string }).output;
      paintOut = colorWanted(process.stdout.isTTY === true, process.env) && (format === undefined || format === 'text');
    });
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const { formatVersion } = await import('./version.js');
    out(formatVersion(await versionInfo()));
    return 0;
  }
  program
    .command('render')
    .description('render apps/, clusters/ and argocd/ from the configuration')
    .option('--root <dir>', ROOT_HELP)
    .option('--check', 'write nothing; list what would change and exit 1 if anything would')
    .action(async (o: { root?: string; check?: boolean }) => {
      // Each command imports only what it needs: `render` never loads the validator or kustomize code.
      const { runRender } = await import('./render.js');
      exit = runRender(context(o.root), { check: o.check === true });
    });
  program
    .command('validate')
    .description('validate the repository (no PATH), or manifest files and folders like kubeconform -strict -summary (PATH..., - for standard input)')
    .argument('[paths...]', 'manifest files or folders to validate instead of the repository; - reads standard input')
    .option('--root <dir>', ROOT_HELP)
    .addOption(outputOption())
    .option('--schema-only', 'PATH: the JSON schema alone (no name, selector or quantity-unit checks); repository: the schema checks alone (no drift, policies or kustomize builds)')
    .option('--no-kustomize', 'skip the kustomize builds of the Argo CD paths')
    .option('--policies', 'PATH: run the policies too (docs/policies.md), at --tier; the repository always runs them')
    .addOption(new Option('--tier <tier>', 'PATH with --policies: policy strictness (the repository uses each environment\'s tier)').choices(['production', 'development']).default('production'))
    .option('--kubernetes-version <minor>', 'PATH with --policies: Kubernetes version checked against (removed APIs); default: the highest kubernetesVersion of clusters/*/cluster.yaml under --root, else 1.31')
    .option('--skip <kinds>', 'PATH: kinds or apiVersion/kinds to skip (counted as Skipped), comma-separated, repeatable', collectNames)
    .option('--reject <kinds>', 'PATH: kinds or apiVersion/kinds to reject (each an Error), comma-separated, repeatable', collectNames)
    .option('--ignore-missing-schemas', 'skip kinds without a schema instead of reporting them as errors')
    .option('--max-file-size <size>', 'PATH: refuse a file or standard input larger than this, e.g. 64MiB (default: none, files are streamed)', parseSize)
    .option('--max-document-size <size>', 'PATH: refuse a single YAML document larger than this (it is held whole to parse)', parseSize, 64 * 1024 * 1024)
    .option('--max-alias-nodes <n>', 'PATH: refuse a document whose YAML aliases expand to more nodes than this (alias bombs)', parseCount, 1_000_000)
    .option('-j, --jobs <n>', 'PATH: worker threads that parse and check (like kubeconform -n); 1 is in-process (default: in-process below 1 MiB of files or with fewer than 3 CPUs, else CPUs - 1, at most 4)', parseCount)
    .option('-v, --verbose', 'also list valid and skipped resources')
    .option('--output-file <format=file>', `also write the report in FORMAT (${FORMAT_NAMES.join(', ')}) to FILE, e.g. sarif=validate.sarif; repeatable (one run, several reports)`, outputFileParser(FORMAT_NAMES))
    .option(
      '--no-cache',
      'recompute everything (ignore the result and kustomize caches); always so when the CI environment variable is set. ' +
        'Cached results are sealed with a per-user secret in $XDG_CACHE_HOME/suoke-gitops/secret (default ~/.cache/suoke-gitops/secret)',
    )
    .option('--at <instant>', 'evaluate change windows at this ISO-8601 instant instead of now')
    .option('--base <rev>', 'Git revision the change is compared with (default: merge base with origin/main, else HEAD)')
    .option('--no-simulate', 'skip the simulation of Argo CD from an empty cluster (docs/simulation.md)')
    .option('--no-windows', 'leave the change windows out (the result then does not depend on the clock); CI keeps them')
    .option('--env <env>', 'repository: only the Argo CD paths of this environment and their findings (`platform`: the paths of no environment and the repository-wide checks, simulation included); the parts merged are the whole report')
    .option('--shard <i/n>', 'repository: only shard i of n of the Argo CD paths (sorted, dealt round-robin); shard 1 also runs the repository-wide checks', parseShard)
    .addHelpText('after', VALIDATE_EXAMPLES)
    .action(async (paths: string[], o: ValidateFlags) => {
      const { runValidate } = await import('./validate.js');
      exit = await runValidate({ ...context(o.root), stdin: standardInput() }, {
        paths,
        output: o.output,
        outputFiles: o.outputFile ?? [],
        schemaOnly: o.schemaOnly === true,
        kustomize: o.kustomize !== false,
        ignoreMissingSchemas: o.ignoreMissingSchemas === true,
        verbose: o.verbose === true,
        tier: o.tier as 'production' | 'development',
        ...(o.kubernetesVersion !== undefined ? { kubernetesVersion: o.kubernetesVersion } : {}),
        policies: o.policies === true,
        skip: o.skip ?? [],
        reject: o.reject ?? [],
        limits: {
          ...(o.maxFileSize !== undefined && o.maxFileSize !== Infinity ? { maxFileBytes: o.maxFileSize } : {}),
          maxDocumentBytes: o.maxDocumentSize,
          maxExpandedNodes: o.maxAliasNodes,
        },
        ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
        parallelism: availableParallelism(),
        // CI never trusts a cache: one restored from another run (or shipped by a pull request) could hide findings.
        cache: o.cache !== false && !inCI(process.env),
        cacheSecretFile: cacheSecretFile(process.env),
        ...(o.at !== undefined ? { at: o.at } : {}),
        ...(o.base !== undefined ? { base: o.base } : {}),
        simulate: o.simulate !== false,
        ...(o.windows === false ? { windows: false } : {}),
        ...partOf(o),
      });
    });
  program
    .command('windows')
    .description("print each environment's change-window state, the rule that decides it, and the next change")
    .option('--env <env>', 'only this environment')
    .option('--at <instant>', 'ISO-8601 instant with an offset (default: now)')
    .addOption(outputOption())
    .option('--fail-when-closed', 'exit 1 when the window of a listed environment is closed (for scripts)')
    .option('--root <dir>', ROOT_HELP)
    .addHelpText('after', '\nExamples:\n  npm run windows\n  npm run windows -- --env prod --at 2026-12-08T14:30:00Z\n  npx suoke-gitops windows --env prod --fail-when-closed && ./deploy.sh\n')
    .action(async (o: { env?: string; at?: string; output: string; failWhenClosed?: boolean; root?: string }) => {
      const { runWindows } = await import('./windows.js');
      exit = runWindows(context(o.root), { output: o.output, failWhenClosed: o.failWhenClosed === true, ...(o.env !== undefined ? { env: o.env } : {}), ...(o.at !== undefined ? { at: o.at } : {}) });
    });
  program
    .command('simulate')
    .description('play the committed argocd/ from an empty cluster under Argo CD\'s rules: each Application\'s final state, when, and what blocks it')
    .option('--at <instant>', 'ISO-8601 instant the simulated clock starts at (default: now)')
    .option('--env <env>', 'only this environment\'s Applications')
    .addOption(outputOption())
    .option('--no-cache', 'rebuild every path (ignore the kustomize cache)')
    .option('--root <dir>', ROOT_HELP)
    .action(async (o: { at?: string; env?: string; output: string; cache?: boolean; root?: string }) => {
      const { runSimulate } = await import('./simulate.js');
      exit = await runSimulate(context(o.root), { output: o.output, cache: o.cache !== false && !inCI(process.env), cacheSecretFile: cacheSecretFile(process.env), ...(o.at !== undefined ? { at: o.at } : {}), ...(o.env !== undefined ? { env: o.env } : {}) });
    });
  program
    .command('canary')
    .description('move a gray release: edit apps/<service>/service.yaml (comments kept), re-render, print what changed; or show where it stands (status)')
    .addArgument(new Argument('<action>', 'start | advance | promote | abort | status').choices(['start', 'advance', 'promote', 'abort', 'status']))
    .argument('<service>', 'service name, e.g. xiaoke')
    .requiredOption('--env <env>', 'environment of the gray release, e.g. prod')
    .option('--image <version>', 'start: the image tag to release, e.g. 2.2.0')
    .addOption(new Option('-o, --output <format>', 'status: output format').choices(['text', 'json']).default('text'))
    .option('--at <instant>', 'status: the change window at this ISO-8601 instant instead of now')
    .option('--root <dir>', ROOT_HELP)
    .addHelpText('after', CANARY_EXAMPLES)
    .action(async (action: CanaryFlags['action'] | 'status', service: string, o: CanaryFlags) => {
      if (action === 'status') {
        if (o.image !== undefined) throw new UsageError('--image is for `start` only; `status` reads the gray release as configured');
        const { runCanaryStatus } = await import('./canary-status.js');
        exit = runCanaryStatus(context(o.root), { service, env: o.env, output: o.output, ...(o.at !== undefined ? { at: o.at } : {}) });
        return;
      }
      if (o.at !== undefined) throw new UsageError(`--at is for \`status\`; \`${action}\` edits the configuration now`);
      if (o.output !== 'text') throw new UsageError(`-o ${o.output} is for \`status\`; \`${action}\` prints the change it made`);
      const { runCanary } = await import('./canary.js');
      exit = runCanary(context(o.root), { action, service, env: o.env, ...(o.image !== undefined ? { image: o.image } : {}) });
    });
  program
    .command('stage')
    .description('make the change of apps/<service>/service.yaml reach one environment (its overrides), re-render, print what changed')
    .argument('<service>', 'service name, e.g. xiaoke')
    .requiredOption('--env <env>', 'the environment the change is to reach, e.g. staging')
    .option('--from <env>', 'promote: copy what is staged in this environment to --env')
    .option('--base <rev>', 'Git revision the change is measured against (default: merge base with origin/main, else HEAD)')
    .option('--root <dir>', ROOT_HELP)
    .action(async (service: string, o: { env: string; from?: string; base?: string; root?: string }) => {
      const { runStage } = await import('./stage.js');
      exit = runStage(context(o.root), { service, env: o.env, ...(o.from !== undefined ? { from: o.from } : {}), ...(o.base !== undefined ? { base: o.base } : {}) });
    });
  program
    .command('diff')
    .description('what the change does to the rendered objects, per environment and Argo CD path, against a Git revision (no cluster needed)')
    .option('--base <rev>', 'Git revision compared with (default: merge base with origin/main, else HEAD)')
    .addOption(new Option('-o, --output <format>', 'output format: text for a terminal, markdown for a pull-request comment or job summary').choices(['text', 'markdown', 'json']).default('text'))
    .option('--root <dir>', ROOT_HELP)
    .option('--no-cache', 'load both configurations again (ignore the cache of loaded configurations)')
    .addHelpText('after', '\nExamples:\n  npm run diff\n  npm run diff -- --base origin/main -o markdown >> "$GITHUB_STEP_SUMMARY"\n')
    .action(async (o: { base?: string; output: 'text' | 'markdown' | 'json'; root?: string; cache?: boolean }) => {
      const { runDiff } = await import('./diff.js');
      exit = runDiff(context(o.root), { output: o.output, ...configCacheOptions(o), ...(o.base !== undefined ? { base: o.base } : {}) });
    });
  program
    .command('plan')
    .description('what a reviewer reads first: touched environments and services, their change windows, gray releases in flight, the simulated convergence and the policy findings')
    .option('--base <rev>', 'Git revision compared with (default: merge base with origin/main, else HEAD)')
    .addOption(new Option('-o, --output <format>', 'output format: text for a terminal, markdown for a pull-request comment or job summary').choices(PLAN_FORMATS).default('text'))
    .option('--output-file <format=file>', `also write the plan in FORMAT (${PLAN_FORMATS.join(', ')}) to FILE, e.g. markdown=plan.md; repeatable`, outputFileParser(PLAN_FORMATS))
    .option('--root <dir>', ROOT_HELP)
    .option('--no-cache', 'load both configurations again (ignore the cache of loaded configurations)')
    .addHelpText('after', PLAN_HELP)
    .action(async (o: { base?: string; output: PlanFormat; outputFile?: OutputFile[]; root?: string; cache?: boolean }) => {
      const { runPlan } = await import('./plan.js');
      exit = runPlan(context(o.root), { ...configCacheOptions(o), output: o.output, outputFiles: (o.outputFile ?? []).map((f) => ({ format: f.format as PlanFormat, file: f.file })), ...(o.base !== undefined ? { base: o.base } : {}) });
    });
  program
    .command('report')
    .description('write one static HTML page of the platform: versions and gray-release weights per environment, change windows, capacity per node pool, findings')
    .option('--out <file>', 'where the page is written (default: platform-report.html in the repository root)')
    .option('--at <instant>', 'show the change windows at this ISO-8601 instant instead of now')
    .option('--root <dir>', ROOT_HELP)
    .addHelpText('after', '\nExamples:\n  npm run report\n  npm run report -- --out /tmp/platform.html --at 2026-12-08T22:30:00+08:00\n')
    .action(async (o: { out?: string; at?: string; root?: string }) => {
      const { runReport } = await import('./report.js');
      const ctx = { ...context(o.root), writeFile: (file: string, text: string) => writeVia('--out', file, text, true) };
      const out = o.out === undefined ? path.join(ctx.root, 'platform-report.html') : path.resolve(process.cwd(), o.out);
      exit = runReport(ctx, { out, ...(o.at !== undefined ? { at: o.at } : {}) });
    });
  program
    .command('promote')
    .description("make the version that runs in one environment the next one's (its version, or its next canary when it has a gray release), re-render, print what changed")
    .argument('<service>', 'service name, e.g. xiaoai')
    .requiredOption('--from <env>', 'the environment whose stable version is promoted, e.g. staging')
    .requiredOption('--to <env>', 'the environment it is promoted to, e.g. prod')
    .option('--dry-run', 'print the edit, write nothing')
    .option('--root <dir>', ROOT_HELP)
    .addHelpText('after', PROMOTE_HELP)
    .action(async (service: string, o: { from: string; to: string; dryRun?: boolean; root?: string }) => {
      const { runPromote } = await import('./promote.js');
      exit = runPromote(context(o.root), { service, from: o.from, to: o.to, ...(o.dryRun ? { dryRun: true } : {}) });
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (e instanceof UserError) {
      err(formatUserError(e));
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      // A usage error quotes the command line (a service name, an option value): escaped.
      err(`error: ${printable(e.message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}


/** Standard input as this process got it (context.ts): what it is decides whether `validate` reads it. */
function standardInput(): StandardInput {
  const read = () => process.stdin.setEncoding('utf8') as AsyncIterable<string>;
  try {
    const st = nodeFs.fstatSync(0);
    const chr = () => (isatty(0) ? 'terminal' : 'device');
    const kind = st.isFIFO() ? 'pipe' : st.isFile() ? (st.size > 0 ? 'file' : 'empty') : st.isCharacterDevice() ? chr() : st.isSocket() ? 'socket' : 'other';
    return { kind, read };
  } catch {
    return { kind: 'closed', read };
  }
}

/** `-o, --output <format>`: the formats of report/registry.ts, `text` by default. */
function outputOption(): Option {
  return new Option('-o, --output <format>', 'output format').choices(FORMAT_NAMES).default(FORMAT_NAMES[0]);
}

/** Whether `CI` is set, as GitHub Actions, GitLab CI, CircleCI, Buildkite, Travis and others set it (`CI=true`). */
/** The cache of loaded configurations (`diff`, `plan`): on unless `--no-cache`, and never in CI, as validate's. */
function configCacheOptions(o: { cache?: boolean }): { cache: boolean; cacheSecretFile: string } {
  return { cache: o.cache !== false && !inCI(process.env), cacheSecretFile: cacheSecretFile(process.env) };
}

function inCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

const CANARY_EXAMPLES = `
Examples:
  npm run canary -- status xiaoke --env prod
  npm run canary -- start xiaoke --env prod --image 2.2.0
  npm run canary -- advance xiaoke --env prod
  npm run canary -- promote xiaoke --env prod
  npm run canary -- abort xiaoke --env prod
`;

interface CanaryFlags {
  action: 'start' | 'advance' | 'promote' | 'abort';
  env: string;
  image?: string;
  output: 'text' | 'json';
  at?: string;
  root?: string;
}

interface ValidateFlags {
  root?: string;
  output: string;
  outputFile?: OutputFile[];
  schemaOnly?: boolean;
  policies?: boolean;
  skip?: string[];
  reject?: string[];
  maxFileSize?: number;
  maxDocumentSize: number;
  maxAliasNodes: number;
  jobs?: number;
  kustomize?: boolean;
  ignoreMissingSchemas?: boolean;
  verbose?: boolean;
  tier: string;
  kubernetesVersion?: string;
  cache?: boolean;
  at?: string;
  base?: string;
  simulate?: boolean;
  windows?: boolean;
  env?: string;
  shard?: { shard: number; of: number };
}

/** `--env` or `--shard` (not both) as the pipeline's part. */
function partOf(o: ValidateFlags): { part?: import('../validate/partition.js').Part } {
  if (o.env !== undefined && o.shard !== undefined) throw new UsageError('validate: --env and --shard cut the work two ways; give one');
  if (o.env !== undefined) return { part: { env: o.env } };
  return o.shard ? { part: o.shard } : {};
}


// A reader that stops early (`validate | head`) closes the pipe: the output is no longer wanted, which
// is not an error of ours. Exit quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // An internal error is a bug: show everything, including causes.
    err(`internal error (a bug in the generator, please report it):\n${inspect(e)}\n`);
    process.exitCode = 70;
  },
);
