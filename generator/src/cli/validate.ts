/**
 * `validate`: maps the options to the pipeline (validate/pipeline.ts), prints its report in the
 * chosen format, and returns the exit code.
 */
import { UsageError, UserError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { createFormat, exitCode, type Report } from '../report/index.js';
import { runPipeline, type ValidateOptions as PipelineOptions } from '../validate/pipeline.js';
import { buildId } from '../validate/result-cache.js';
import type { CommandContext } from './context.js';
import type { OutputFile } from './flags.js';
import { formatUserError } from './errors.js';
import { baseTree } from './base-revision.js';

export interface ValidateOptions extends PipelineOptions {
  /** Output format name (report/registry.ts): `text` (default), `json`, `junit`, `tap`, `sarif`. */
  output: string;
  /** List valid resources too. Default false. */
  verbose: boolean;
  /** Reports also written to files, each in its format (`--output-file sarif=f`). Default none. */
  outputFiles?: readonly OutputFile[];
}

/** Findings that mean the input could not be read at all: exit 2 rather than 1. */
const UNREADABLE = new Set(['manifest/unreadable', 'manifest/too-large']);

/** `validate`: the repository (no paths) or the given manifests. Returns the exit code. */
export async function runValidate(ctx: CommandContext, given: ValidateOptions): Promise<number> {
  const format = createFormat(given.output);
  const files = (given.outputFiles ?? []).map((f) => ({ file: f.file, format: createFormat(f.format) }));
  if (files.length > 0 && !ctx.writeFile) throw new UsageError('--output-file: this context writes no files');
  // Only a format that describes the checks (SARIF) is given the catalogue: it loads every policy rule module.
  const catalogue = [format, ...files.map((f) => f.format)].some((f) => f.describesChecks) ? (await import('../validate/catalogue.js')).checkCatalogue() : undefined;
  const input = await inputOf(ctx, given.paths);
  const o = { ...given, paths: input.paths };
  // The repository runs every check of its own: a flag of `validate PATH` there would be ignored, so it is refused.
  const pathOnly = [given.policies ? '--policies' : '', given.skip?.length ? '--skip' : '', given.reject?.length ? '--reject' : ''].filter(Boolean);
  if (o.paths.length === 0 && pathOnly.length > 0) {
    throw new UsageError(`validate: ${pathOnly.join(', ')} apply to manifests given as PATH (or standard input); the repository (no PATH) always runs the policies and checks every kind`);
  }
  if (o.paths.length > 0 && o.part) {
    throw new UsageError(`validate: ${'env' in o.part ? '--env' : '--shard'} cuts the repository's work into parts; with PATH, give the files of one part instead`);
  }
  let report: Report;
  try {
    const world = {
      root: ctx.root,
      fs: ctx.fs,
      now: ctx.now,
      path: ctx.env['PATH'] ?? '',
      buildId: buildId(),
      baseTree: (base: string | undefined) => baseTree(ctx.root, base),
      ...(input.stdin ? { stdin: input.stdin } : {}),
      ...(ctx.progress ? { progress: ctx.progress } : {}),
    };
    report = (await runPipeline(world, o)).report;
  } catch (e) {
    // A machine reading -o json|junit|tap|sarif gets the configuration errors in that format too (and
    // a person the usual text on stderr); still exit 2: the repository could not be validated.
    if (!(e instanceof UserError)) throw e;
    const failed = { results: [], findings: [...e.findings], files: [...new Set(e.findings.map((f) => f.file))] };
    for (const f of files) ctx.writeFile!(f.file, f.format.format(failed, { verbose: o.verbose, ...(catalogue ? { catalogue } : {}) }));
    if (format.name === 'text') throw e;
    ctx.stderr(formatUserError(e));
    ctx.stdout(format.format(failed, { verbose: o.verbose, ...(catalogue ? { catalogue } : {}) }));
    return 2;
  }
  // Waived checks and the capacity headroom are `info` details: listed with --verbose (docs/policies.md);
  // without it a person reading the text output still learns that checks are waived, in one line
  // (the machine formats are not given a finding that is not one: they list the waivers with -v).
  const shown = (name: string): Report => {
    if (o.verbose) return report;
    const waived = report.findings.filter((f) => f.check === 'policy/waived');
    const findings = report.findings.filter((f) => !(f.severity === 'info' && f.check.startsWith('policy/')));
    if (waived.length > 0 && name === 'text') findings.push(waivedSummary(waived));
    return { ...report, findings };
  };
  for (const f of files) ctx.writeFile!(f.file, f.format.format(shown(f.format.name), { verbose: o.verbose, ...(catalogue ? { catalogue } : {}) }));
  ctx.stdout(format.format(shown(format.name), { verbose: o.verbose, ...(catalogue ? { catalogue } : {}) }));
  const unreadable = report.results.some((r) => r.findings.some((f) => UNREADABLE.has(f.check)));
  return unreadable ? 2 : exitCode(report);
}

/**
 * What `validate` reads. `-` is standard input, read alone as kubeconform reads it (`-` among other
 * paths is a usage error) and never a terminal (kubeconform: "failing to read data from stdin").
 * Without PATH, standard input is read when it is a pipe or a file holding data and its first piece is
 * not the end (kubeconform reads any non-terminal input, yannh/kubeconform cmd/kubeconform/main.go:66-73
 * @ v0.7.0); otherwise, and always when it is /dev/null, a socket, empty or closed, as CI runners start
 * jobs, the repository is validated.
 */
async function inputOf(ctx: CommandContext, paths: string[]): Promise<{ paths: string[]; stdin?: () => AsyncIterable<string> }> {
  const stdin = ctx.stdin;
  if (paths.includes('-')) {
    if (paths.length > 1) throw new UsageError('validate: - (standard input) is read alone; give it without other paths, or validate the files without -');
    // kubeconform refuses any character device (a terminal, /dev/null): cmd/kubeconform/main.go:68-71 @ v0.7.0.
    if (!stdin || stdin.kind === 'terminal' || stdin.kind === 'device' || stdin.kind === 'closed') {
      const what = stdin?.kind === 'terminal' ? 'a terminal' : stdin?.kind === 'device' ? 'a device (such as /dev/null)' : 'closed';
      throw new UsageError(`validate -: standard input is ${what}, with no manifests to read; pipe them in, e.g. \`kustomize build . | npm run validate -- -\``);
    }
    return { paths, stdin: () => stdin.read() };
  }
  if (paths.length > 0 || !stdin || (stdin.kind !== 'pipe' && stdin.kind !== 'file')) return { paths };
  // A pipe that ends before its first byte (a CI runner's closed stdin) is no input: the repository is validated.
  const pieces = stdin.read()[Symbol.asyncIterator]();
  const first = await pieces.next();
  if (first.done === true) return { paths };
  return {
    paths: ['-'],
    stdin: async function* () {
      yield first.value;
      for (let next = await pieces.next(); next.done !== true; next = await pieces.next()) yield next.value;
    },
  };
}

/** One `info` finding standing for every `policy/waived` one: how many checks, on how many objects, in how many files. */
export function waivedSummary(waived: readonly Finding[]): Finding {
  const objects = new Set(waived.map((f) => `${f.file}|${f.object ?? f.path ?? ''}`)).size;
  const files = new Set(waived.map((f) => f.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    check: 'policy/waived',
    severity: 'info',
    file: '.',
    message: `${plural(waived.length, 'waived check')} on ${plural(objects, 'object')} in ${plural(files, 'file')}, each with its written reason`,
    hint: 'run `npm run validate -- -v` to list them (docs/policies.md, "Waivers")',
  };
}
