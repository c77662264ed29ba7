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
import { REPO_ROOT } from '../helpers/platform.js';
const FILE = '.github/workflows/pull-request.yml';
const content = readFileSync(join(REPO_ROOT, FILE), 'utf8');
/** The parser's errors for a workflow text, as messages. */
async function errors(text) {
    const parsed = parseWorkflow({ name: FILE, content: text }, new NoOperationTraceWriter());
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    const converted = (template.errors ?? []).map((e) => e.Message);
    return [...parsed.context.errors.getErrors().map((e) => e.message), ...converted];
}
const workflow = parse(content);
const steps = (job) => workflow.jobs[job].steps;
const runs = (job) => steps(job).flatMap((s) => s.run ?? []).join('\n');
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
    });
    it('validate: the render committed, one run writing SARIF and JUnit, each uploaded; the diff in the job summary', () => {
        const job = workflow.jobs.validate;
        expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write', checks: 'write' });
        expect(runs('validate')).toContain('npm run render\n');
        expect(runs('validate')).toContain('git status --porcelain');
        const validate = steps('validate').find((s) => s.name === 'validate').run;
        expect(validate).toBe('npx suoke-gitops validate --base "$BASE" --output-file sarif=validate.sarif --output-file junit=validate.junit.xml');
        expect(steps('validate').find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')).with).toMatchObject({ sarif_file: 'validate.sarif' });
        expect(steps('validate').find((s) => s.uses?.startsWith('dorny/test-reporter@')).with).toMatchObject({ path: 'validate.junit.xml', reporter: 'java-junit' });
        // The reports are uploaded even when validate fails: that is when they matter.
        for (const s of steps('validate').filter((x) => x.uses?.includes('upload-sarif') || x.uses?.includes('test-reporter')))
            expect(s.if).toContain('!cancelled()');
        expect(runs('validate')).toContain('npx suoke-gitops diff --base "$BASE" -o markdown >> "$GITHUB_STEP_SUMMARY"');
    });
});
