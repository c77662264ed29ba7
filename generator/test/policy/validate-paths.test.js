/**
 * End-to-end: `validate --policies PATH` runs the policies on the given manifests (production
 * strictness unless `--tier development`), in every output format. The exact text is golden/bad.txt
 * (`UPDATE_GOLDEN=1`). Without `--policies`, `validate PATH` checks schemas only, as kubeconform
 * (test/cli/validate-kubeconform.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/platform.js';
import { runCli } from '../helpers/cli.js';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BAD = 'generator/test/policy/fixtures/bad';
const WAIVED = 'generator/test/policy/fixtures/waived';
function golden(name, actual) {
    const file = path.join(HERE, 'golden', name);
    if (process.env.UPDATE_GOLDEN === '1')
        fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
const run = (...args) => runCli(['validate', '--policies', ...args], { cwd: REPO_ROOT });
describe('validate --policies PATH runs the policies', () => {
    it('bad manifests: exit 1, every policy message (text)', async () => {
        const r = await run(BAD);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe('');
        golden('bad.txt', r.stdout);
    });
    it('--tier development: the same checks, softer where the tier says so', async () => {
        const r = await run('--tier', 'development', BAD);
        expect(r.code).toBe(1);
        const lines = r.stdout.split('\n');
        expect(lines.filter((l) => l.includes('(policy/resources)')).every((l) => l.includes(' warning: '))).toBe(true);
        expect(lines.some((l) => l.includes('(policy/min-replicas)') || l.includes('(policy/image-digest)') || l.includes('(policy/topology-spread)'))).toBe(false);
        expect(lines.filter((l) => l.includes('(policy/privileged)'))).toEqual([
            `${BAD}/deployment.yaml:2 - Deployment default/api error: spec.template.spec.containers[0].securityContext.privileged: container "api" is privileged: it has every capability and all host devices (policy/privileged)`,
        ]);
    });
    it('--kubernetes-version 1.24: policy/v1beta1 is deprecated there, not removed', async () => {
        const r = await run('--kubernetes-version', '1.24', `${BAD}/pdb.yaml`);
        expect(r.stdout.split('\n').filter((l) => l.includes('(policy/deprecated-api)'))).toEqual([
            `${BAD}/pdb.yaml:1 - PodDisruptionBudget default/api warning: apiVersion: policy/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1.21 and removed in 1.25 (policy/deprecated-api)`,
        ]);
    });
    it('without --kubernetes-version: the highest version the clusters under --root run (1.24 here: deprecated, not removed)', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-k8s-version-'));
        try {
            const write = (rel, text) => (fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true }), fs.writeFileSync(path.join(root, rel), text));
            write('clusters/old/cluster.yaml', 'name: old\nkubernetesVersion: "1.22"\n');
            write('clusters/new/cluster.yaml', 'name: new\nkubernetesVersion: "1.24"\n');
            write('pdb.yaml', fs.readFileSync(path.join(REPO_ROOT, BAD, 'pdb.yaml'), 'utf8'));
            const r = await runCli(['validate', '--policies', '--root', root, path.join(root, 'pdb.yaml')], { cwd: root });
            expect(r.stdout.split('\n').filter((l) => l.includes('(policy/deprecated-api)')).map((l) => l.slice(l.indexOf(' - ')))).toEqual([
                ' - PodDisruptionBudget default/api warning: apiVersion: policy/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1.21 and removed in 1.25 (policy/deprecated-api)',
            ]);
            // The repository's own clusters (1.31): removed.
            const here = await run(`${BAD}/pdb.yaml`);
            expect(here.stdout).toContain('PodDisruptionBudget default/api error: apiVersion: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; the cluster runs 1.31');
        }
        finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
    it('every finding appears in json, junit, tap and sarif', async () => {
        const text = await run(BAD);
        const count = text.stdout.split('\n').filter((l) => / \(policy\/[a-z-]+\)$/.test(l)).length;
        expect(count).toBe(25);
        const json = JSON.parse((await run('-o', 'json', BAD)).stdout);
        expect(json.findings.filter((f) => f.check.startsWith('policy/'))).toHaveLength(count);
        const sarif = JSON.parse((await run('-o', 'sarif', BAD)).stdout);
        const results = sarif.runs[0].results.filter((x) => x.ruleId.startsWith('policy/'));
        expect(results).toHaveLength(count);
        expect(results.every((x) => typeof x.locations[0].physicalLocation.region?.startLine === 'number')).toBe(true);
        const junit = (await run('-o', 'junit', BAD)).stdout;
        expect(junit.match(/<testcase name="policy\//g)).toHaveLength(count);
        const tap = (await run('-o', 'tap', BAD)).stdout;
        expect(tap.match(/ policy\/[a-z-]+$/gm)).toHaveLength(count);
    });
    it('a waiver with a reason: exit 0, reported in one line; -v shows what it waived', async () => {
        const quiet = await run('--tier', 'development', WAIVED);
        expect(quiet).toMatchObject({
            code: 0,
            stdout: [
                '. - info: 1 waived check on 1 object in 1 file, each with its written reason (policy/waived)',
                '  hint: run `npm run validate -- -v` to list them (docs/policies.md, "Waivers")',
                'Summary: 2 resources found in 1 file - Valid: 2, Invalid: 0, Errors: 0, Skipped: 0',
                '',
            ].join('\n'),
        });
        // The machine formats carry no summary finding: they list the waivers themselves with -v.
        expect(JSON.parse((await run('-o', 'json', '--tier', 'development', WAIVED)).stdout).findings).toEqual([]);
        const verbose = await run('-v', '--tier', 'development', WAIVED);
        expect(verbose.code).toBe(0);
        expect(verbose.stdout.split('\n').filter((l) => l.includes('(policy/'))).toEqual([
            `${WAIVED}/app.yaml:2 - Deployment suoke-dev/web info: policy/image-tag waived (1 finding): upstream publishes nightly builds only; tracked in OPS-12 (policy/waived)`,
        ]);
    });
});
