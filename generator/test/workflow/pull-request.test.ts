/**
 * The pull-request workflow (issue 14), checked offline with GitHub's own workflow parser
 * (@actions/workflow-parser, the one behind the Actions language server): it parses without an error,
 * and its steps do what README and .ci/run say CI does, with the files each step hands the next.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { promotionOrder } from '../../src/model/build.js';
import { PLATFORM_PART } from '../../src/validate/partition.js';
import { loadOptions } from '../helpers/load-options.js';
import { REPO_ROOT } from '../helpers/platform.js';

const FILE = '.github/workflows/pull-request.yml';
const content = readFileSync(join(REPO_ROOT, FILE), 'utf8');

/** The parser's errors for a workflow text, as messages. */
async function errors(text: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: FILE, content: text }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  const converted = (template.errors ?? []).map((e) => e.Message);
  return [...parsed.context.errors.getErrors().map((e) => e.message), ...converted];
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
}
const workflow = parse(content) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; env?: Record<string, string>; strategy?: { 'fail-fast'?: boolean; matrix: { part: string[] } }; steps: Step[] }>;
};
const steps = (job: string) => workflow.jobs[job]!.steps;
const runs = (job: string) => steps(job).flatMap((s) => s.run ?? []).join('\n');

describe(FILE, () => {
  it('parses and converts without an error under GitHub\'s workflow parser', async () => {
    expect(await errors(content)).toEqual([]);
  });

  it('the parser does find errors: an unknown step key and a job without runs-on', async () => {
    const broken = content.replace('      - run: npm ci --no-audit --no-fund\n', '      - run: npm ci --no-audit --no-fund\n        bogus: 1\n').replace('    runs-on: ubuntu-24.04\n    timeout-minutes: 45\n', '    timeout-minutes: 45\n');
    const found = await errors(broken);
    expect(found.some((m) => m.includes("Unexpected value 'bogus'"))).toBe(true);
    expect(found.some((m) => m.includes("Required property is missing: runs-on"))).toBe(true);
  });

  it('runs on pull requests to main and on main, reading only, and the tools the tests need as .ci/run installs them', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const ci = readFileSync(join(REPO_ROOT, '.ci/run'), 'utf8');
    for (const pkg of ['prometheus', 'prometheus-alertmanager', 'libxml2-utils']) {
      expect(ci).toContain(`install -y --no-install-recommends ${pkg}`);
      expect(runs('test')).toMatch(new RegExp(`install -y --no-install-recommends [a-z0-9 -]*\\b${pkg}\\b`));
    }
    expect(runs('test')).toContain('npm ci');
    expect(runs('test')).toContain('npm test');
    // The report's browser test runs in the image's Chrome: Ubuntu's chromium package is a snap.
    expect(ci).toContain('install -y --no-install-recommends chromium');
    expect(workflow.jobs.test!.env).toEqual({ CHROMIUM_PATH: '/usr/bin/google-chrome' });
  });

  it('review: the render committed; the diff in the job summary', () => {
    expect(runs('review')).toContain('npm run render\n');
    expect(runs('review')).toContain('git status --porcelain');
    expect(runs('review')).toContain('npx suoke-gitops diff --base "$BASE" -o markdown >> "$GITHUB_STEP_SUMMARY"');
  });

  it('validate: one job per part (platform and each environment of the configuration), each writing SARIF and JUnit, each uploaded under its own category', () => {
    const job = workflow.jobs.validate!;
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write', checks: 'write' });
    const environments = loadConfig(diskFs(REPO_ROOT), loadOptions).clusters.flatMap((c) => c.environments).sort(promotionOrder).map((e) => e.name);
    expect(job.strategy).toEqual({ 'fail-fast': false, matrix: { part: [PLATFORM_PART, ...environments] } });
    const validate = steps('validate').find((s) => s.name === 'validate')!.run!;
    expect(validate).toBe('npx suoke-gitops validate --env "${{ matrix.part }}" --base "$BASE" --output-file sarif=validate.sarif --output-file junit=validate.junit.xml');
    expect(steps('validate').find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!.with).toEqual({ sarif_file: 'validate.sarif', category: 'suoke-gitops-validate-${{ matrix.part }}' });
    expect(steps('validate').find((s) => s.uses?.startsWith('dorny/test-reporter@'))!.with).toMatchObject({ path: 'validate.junit.xml', reporter: 'java-junit' });
    // The reports are uploaded even when validate fails: that is when they matter.
    for (const s of steps('validate').filter((x) => x.uses?.includes('upload-sarif') || x.uses?.includes('test-reporter'))) expect(s.if).toContain('!cancelled()');
  });

  it('the plan in the job summary, before the diff; a blocked plan (exit 1) does not hide the rest, bad usage (exit 2) fails', () => {
    const summary = steps('review').find((s) => s.name === 'What the change does, in the job summary')!;
    expect(summary.if).toContain('!cancelled()');
    const lines = summary.run!.split('\n').filter((l) => l !== '');
    const plan = lines.findIndex((l) => l.startsWith('npx suoke-gitops plan '));
    expect(lines[plan]).toBe('npx suoke-gitops plan --base "$BASE" -o markdown >> "$GITHUB_STEP_SUMMARY" || [ $? -eq 1 ]');
    expect(plan).toBeLessThan(lines.findIndex((l) => l.startsWith('npx suoke-gitops diff ')));
  });

  it('each command the workflow runs is a command of the CLI with the options it passes', async () => {
    const { execFileSync } = await import('node:child_process');
    const help = (cmd: string) => execFileSync(process.execPath, [join(REPO_ROOT, 'generator/dist/src/cli/main.js'), cmd, '--help'], { encoding: 'utf8' });
    for (const option of ['--base <rev>', '-o, --output <format>']) expect(help('plan')).toContain(option);
    for (const option of ['--env <env>', '--base <rev>', '--output-file <format=file>']) expect(help('validate')).toContain(option);
    expect(help('plan')).toMatch(/choices:\s+"text",\s+"markdown",\s+"json"/);
  });
});
