/**
 * Parsers of option values that commander cannot type itself: sizes (`--max-file-size 64MiB`), counts,
 * and kubeconform-style comma-separated lists that may also be repeated (`--skip A,B --skip C`).
 * A bad value is an `InvalidArgumentError`: commander names the option and exits 2. Also the examples
 * `validate --help` ends with.
 */
import { InvalidArgumentError } from 'commander';

const UNITS: Readonly<Record<string, number>> = { '': 1, B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, KB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 };

/** `1048576`, `512KiB`, `64MiB`, `1GiB` (or KB/MB/GB, powers of 1000) → bytes; `none` → no limit (`Infinity`). */
export function parseSize(value: string): number {
  if (value === 'none') return Infinity;
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?$/.exec(value.trim());
  const unit = m ? UNITS[m[2] ?? ''] : undefined;
  if (!m || unit === undefined) throw new InvalidArgumentError('expected a size in bytes, e.g. 1048576, 512KiB, 64MiB, 1GiB, or none.');
  const bytes = Math.floor(Number(m[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('expected a size of at least 1 byte.');
  return bytes;
}

/** A positive whole number, e.g. `1000000`. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1, e.g. 1000000.');
  return Number(value);
}

/** `--shard i/n`: shard i (1-based) of n, 1 ≤ i ≤ n, e.g. `2/4`. */
export function parseShard(value: string): { shard: number; of: number } {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const shard = m ? Number(m[1]) : NaN;
  const of = m ? Number(m[2]) : NaN;
  if (!m || shard < 1 || shard > of) throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/4.');
  return { shard, of };
}

/** Appends the comma-separated names of one occurrence to those of the earlier ones (blanks dropped, as kubeconform's splitCSV). */
export function collectNames(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) throw new InvalidArgumentError('expected a kind or apiVersion/kind, e.g. ConfigMap or apps/v1/Deployment, comma-separated.');
  return [...previous, ...names];
}

/** One `--output-file FORMAT=FILE`: a report written to a file besides the one printed. */
export interface OutputFile {
  format: string;
  file: string;
}

/** `sarif=validate.sarif` (repeatable) → `{format, file}`; the format must be one of `formats`. */
export function outputFileParser(formats: readonly string[]): (value: string, previous?: OutputFile[]) => OutputFile[] {
  return (value, previous = []) => {
    const at = value.indexOf('=');
    const format = at > 0 ? value.slice(0, at) : '';
    const file = at > 0 ? value.slice(at + 1) : '';
    if (!formats.includes(format) || file === '') {
      throw new InvalidArgumentError(`expected FORMAT=FILE with FORMAT one of ${formats.join(', ')}, e.g. sarif=validate.sarif.`);
    }
    return [...previous, { format, file }];
  };
}

/** What `validate --help` prints after the options: what PATH changes, and examples. */
export const VALIDATE_EXAMPLES = `
Without PATH, the repository: render drift, schema, policies, kustomize builds, change windows, simulation.
With PATH (files, folders, or - for standard input), kubeconform -strict -summary: the schema and the
semantic checks (names, selectors, quantity units); --schema-only for the schema alone, --policies to add
the policies. Standard input is also read without PATH when it is a pipe or a file with data (never a
terminal, /dev/null or a closed input).

Examples:
  npm run validate                                     the repository, as CI does
  npm run validate -- manifests/ extra.yaml            files and folders
  kustomize build overlays/prod | npm run validate -- -
  npm run validate -- --schema-only --skip CustomResourceDefinition,v1/Secret out/
  npm run validate -- --policies --tier development -o junit out/ > report.xml
  npx suoke-gitops validate --output-file sarif=validate.sarif --output-file junit=validate.xml
                                                       one run: text printed, SARIF and JUnit written
  npm run validate -- --env prod                       one CI job per environment (and one --env platform):
                                                       their reports merged are the whole run's
  npm run validate -- --shard 2/4                      a quarter of the Argo CD paths (shard 1: also the repository-wide checks)
`;

/** What `plan --help` prints after the options: what it runs, the exit codes, examples. */
export const PLAN_HELP = `
Both sides are rendered from configuration (no cluster, no kustomize). The simulation plays the base
revision running for three weeks, and the change made at the clock's instant. The findings are those of
validate's policy step on the working tree alone: run \`validate\` for the schema, drift and kustomize builds.
Exit 0 when nothing blocks; 1 when a policy finding is an error, or a production environment whose objects
change is outside its change window without an override record (changes/<id>.yaml); 2 bad usage.

Examples:
  npm run plan
  npx suoke-gitops plan --base origin/main -o markdown >> "$GITHUB_STEP_SUMMARY"
  npx suoke-gitops plan -o json --output-file markdown=plan.md > plan.json
`;

/** What `promote --help` prints after the options. */
export const PROMOTE_HELP = `
The source's stable version (a canary there, even at 100%, must be promoted or aborted first) becomes the
target's version, or its canary at the first step when the target has a gray release. Refused outside the
target's change window unless an override record (changes/<id>.yaml) names it.
Exit 0 promoted or nothing to promote; 1 refused; 2 bad usage.

Examples:
  npm run promote -- xiaoai --from staging --to prod
  npm run promote -- knowledge --from test --to staging --dry-run
`;
