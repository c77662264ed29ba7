#!/usr/bin/env node
/**
 * The only file that touches the process: argv, environment, stdout/stderr, exit code.
 * Everything it calls takes a CommandContext and returns an exit code or throws a UserError.
 */
import * as nodeFs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { isatty } from 'node:tty';
import { inspect } from 'node:util';
import { Argument, Command, CommanderError, Option } from 'commander';
import { UsageError, UserError } from '../core/errors.js';
import { diskFs } from '../core/fs.js';
import { cacheSecretFile } from '../core/seal.js';
import { printable, printableLines } from '../core/printable.js';
import { collectNames, outputFileParser, parseCount, parseSize, VALIDATE_EXAMPLES } from './flags.js';
import { formatUserError } from './errors.js';
import { FORMAT_NAMES } from '../report/format-names.js';
const EXIT_USAGE = 2;
// Every byte this process prints goes through these: whatever a command composed, no raw control
// character (ESC, CR, C1, bidi overrides) reaches the terminal or the CI log. Line feeds are kept;
// the commands escape the values they interpolate, so a value cannot add a line either.
const out = (t) => void process.stdout.write(printableLines(t));
const err = (t) => void process.stderr.write(printableLines(t));
function context(root) {
    const abs = path.resolve(process.cwd(), root ?? '.');
    return {
        root: abs,
        fs: diskFs(abs),
        now: () => new Date(),
        stdout: out,
        stderr: err,
        env: process.env,
        writeFile: writeReport,
    };
}
/** Writes `text` to `file` (relative to the working directory) through a temporary file renamed over it: never half a report. */
function writeReport(file, text) {
    const target = path.resolve(process.cwd(), file);
    const temp = `${target}.${process.pid}.tmp`;
    try {
        nodeFs.writeFileSync(temp, text);
        nodeFs.renameSync(temp, target);
    }
    catch (e) {
        nodeFs.rmSync(temp, { force: true });
        throw new UsageError(`--output-file: cannot write ${file}: ${e.code ?? String(e)}`);
    }
}
async function main(argv) {
    let exit = 0;
    const program = new Command('suoke-gitops')
        .description('Renders and validates the Suoke Life GitOps repository')
        .exitOverride()
        .configureOutput({ writeOut: out, writeErr: err })
        .showHelpAfterError('(run with --help for usage)');
    program
        .command('render')
        .description('render apps/, clusters/ and argocd/ from the configuration')
        .option('--root <dir>', 'repository root', '.')
        .option('--check', 'write nothing; list what would change and exit 1 if anything would')
        .action(async (o) => {
        // Each command imports only what it needs: `render` never loads the validator or kustomize code.
        const { runRender } = await import('./render.js');
        exit = runRender(context(o.root), { check: o.check === true });
    });
    program
        .command('validate')
        .description('validate the repository (no PATH), or manifest files and folders like kubeconform -strict -summary (PATH..., - for standard input)')
        .argument('[paths...]', 'manifest files or folders to validate instead of the repository; - reads standard input')
        .option('--root <dir>', 'repository root', '.')
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
        .option('--no-cache', 'recompute everything (ignore the result and kustomize caches); always so when the CI environment variable is set. ' +
        'Cached results are sealed with a per-user secret in $XDG_CACHE_HOME/suoke-gitops/secret (default ~/.cache/suoke-gitops/secret)')
        .option('--at <instant>', 'evaluate change windows at this ISO-8601 instant instead of now')
        .option('--base <rev>', 'Git revision the change is compared with (default: merge base with origin/main, else HEAD)')
        .option('--no-simulate', 'skip the simulation of Argo CD from an empty cluster (docs/simulation.md)')
        .option('--no-windows', 'leave the change windows out (the result then does not depend on the clock); CI keeps them')
        .addHelpText('after', VALIDATE_EXAMPLES)
        .action(async (paths, o) => {
        const { runValidate } = await import('./validate.js');
        exit = await runValidate({ ...context(o.root), stdin: standardInput() }, {
            paths,
            output: o.output,
            outputFiles: o.outputFile ?? [],
            schemaOnly: o.schemaOnly === true,
            kustomize: o.kustomize !== false,
            ignoreMissingSchemas: o.ignoreMissingSchemas === true,
            verbose: o.verbose === true,
            tier: o.tier,
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
        });
    });
    program
        .command('windows')
        .description("print each environment's change-window state, the rule that decides it, and the next change")
        .option('--env <env>', 'only this environment')
        .option('--at <instant>', 'ISO-8601 instant with an offset (default: now)')
        .addOption(outputOption())
        .option('--root <dir>', 'repository root', '.')
        .action(async (o) => {
        const { runWindows } = await import('./windows.js');
        exit = runWindows(context(o.root), { output: o.output, ...(o.env !== undefined ? { env: o.env } : {}), ...(o.at !== undefined ? { at: o.at } : {}) });
    });
    program
        .command('simulate')
        .description('play the committed argocd/ from an empty cluster under Argo CD\'s rules: each Application\'s final state, when, and what blocks it')
        .option('--at <instant>', 'ISO-8601 instant the simulated clock starts at (default: now)')
        .option('--env <env>', 'only this environment\'s Applications')
        .addOption(outputOption())
        .option('--no-cache', 'rebuild every path (ignore the kustomize cache)')
        .option('--root <dir>', 'repository root', '.')
        .action(async (o) => {
        const { runSimulate } = await import('./simulate.js');
        exit = await runSimulate(context(o.root), { output: o.output, cache: o.cache !== false && !inCI(process.env), cacheSecretFile: cacheSecretFile(process.env), ...(o.at !== undefined ? { at: o.at } : {}), ...(o.env !== undefined ? { env: o.env } : {}) });
    });
    program
        .command('canary')
        .description('move a gray release: edit apps/<service>/service.yaml (comments kept), re-render, print what changed')
        .addArgument(new Argument('<action>', 'start | advance | promote | abort').choices(['start', 'advance', 'promote', 'abort']))
        .argument('<service>', 'service name, e.g. xiaoke')
        .requiredOption('--env <env>', 'environment of the gray release, e.g. prod')
        .option('--image <version>', 'start: the image tag to release, e.g. 2.2.0')
        .option('--root <dir>', 'repository root', '.')
        .action(async (action, service, o) => {
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
        .option('--root <dir>', 'repository root', '.')
        .action(async (service, o) => {
        const { runStage } = await import('./stage.js');
        exit = runStage(context(o.root), { service, env: o.env, ...(o.from !== undefined ? { from: o.from } : {}), ...(o.base !== undefined ? { base: o.base } : {}) });
    });
    program
        .command('diff')
        .description('what the change does to the rendered objects, per environment and Argo CD path, against a Git revision (no cluster needed)')
        .option('--base <rev>', 'Git revision compared with (default: merge base with origin/main, else HEAD)')
        .addOption(new Option('-o, --output <format>', 'output format: text for a terminal, markdown for a pull-request comment or job summary').choices(['text', 'markdown', 'json']).default('text'))
        .option('--root <dir>', 'repository root', '.')
        .addHelpText('after', '\nExamples:\n  npm run diff\n  npm run diff -- --base origin/main -o markdown >> "$GITHUB_STEP_SUMMARY"\n')
        .action(async (o) => {
        const { runDiff } = await import('./diff.js');
        exit = runDiff(context(o.root), { output: o.output, ...(o.base !== undefined ? { base: o.base } : {}) });
    });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exit;
    }
    catch (e) {
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
function standardInput() {
    const read = () => process.stdin.setEncoding('utf8');
    try {
        const st = nodeFs.fstatSync(0);
        const chr = () => (isatty(0) ? 'terminal' : 'device');
        const kind = st.isFIFO() ? 'pipe' : st.isFile() ? (st.size > 0 ? 'file' : 'empty') : st.isCharacterDevice() ? chr() : st.isSocket() ? 'socket' : 'other';
        return { kind, read };
    }
    catch {
        return { kind: 'closed', read };
    }
}
/** `-o, --output <format>`: the formats of report/registry.ts, `text` by default. */
function outputOption() {
    return new Option('-o, --output <format>', 'output format').choices(FORMAT_NAMES).default(FORMAT_NAMES[0]);
}
/** Whether `CI` is set, as GitHub Actions, GitLab CI, CircleCI, Buildkite, Travis and others set it (`CI=true`). */
function inCI(env) {
    const ci = env['CI'];
    return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
// A reader that stops early (`validate | head`) closes the pipe: the output is no longer wanted, which
// is not an error of ours. Exit quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e) => {
        if (e.code !== 'EPIPE')
            throw e;
        process.exit(process.exitCode ?? 0);
    });
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    // An internal error is a bug: show everything, including causes.
    err(`internal error (a bug in the generator, please report it):\n${inspect(e)}\n`);
    process.exitCode = 70;
});
