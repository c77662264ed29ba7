/**
 * `validate -o junit` is valid against the JUnit schema kubeconform's acceptance test validates with
 * (yannh/kubeconform acceptance.bats:351-356 @ v0.7.0, "JUnit output can be validated against the Junit
 * schema definition"; the file is kept unmodified in generator/test/fixtures/junit/, see its README),
 * checked with the real `xmllint --schema` (Debian package libxml2-utils; .ci/run installs it).
 * Without xmllint: under CI (`CI` set) the test fails saying what to install; locally it is skipped, and its title says why.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/platform.js';
import { runCli } from '../helpers/cli.js';
const XSD = path.join(REPO_ROOT, 'generator/test/fixtures/junit/junit.xsd');
const XMLLINT = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
const IN_CI = !['', '0', 'false', undefined].includes(process.env['CI']);
const TITLE = '-o junit against the JUnit XSD (xmllint --schema)';
const MISSING = 'xmllint is not on PATH: install the Debian package libxml2-utils (apt-get install libxml2-utils; .ci/run installs it)';
const RC = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: bob\nspec:\n  replicas: 2\n  selector: {app: nginx}\n  template:\n    metadata:\n      labels: {app: nginx}\n    spec:\n      containers:\n        - name: nginx\n          image: nginx\n';
const FILES = {
    'valid.yaml': RC,
    'mixed.yaml': [RC.replace('replicas: 2', 'replicas: "two"'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n', 'kind: [\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c & <d>\n'].join('---\n'),
};
let dir;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suoke-junit-xsd-'));
    for (const [name, text] of Object.entries(FILES))
        fs.writeFileSync(path.join(dir, name), text);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
/** `xmllint --noout --schema junit.xsd -` on `xml`: its exit status and what it said. */
function xmllint(xml) {
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}
if (!XMLLINT && IN_CI) {
    describe(TITLE, () => {
        it('needs xmllint', () => {
            expect.fail(MISSING);
        });
    });
}
describe.skipIf(!XMLLINT)(XMLLINT ? TITLE : `${TITLE}: SKIPPED, ${MISSING}`, () => {
    it.each([
        ['a valid resource (acceptance.bats:351)', ['valid.yaml']],
        ['invalid, error and skipped resources, with names to escape', ['--ignore-missing-schemas', 'mixed.yaml']],
        ['an error for a missing schema, and a --reject', ['--reject', 'ConfigMap', 'mixed.yaml', 'valid.yaml']],
        ['--skip, and the policies (findings not tied to one resource)', ['--skip', 'ConfigMap', '--policies', 'mixed.yaml', 'valid.yaml']],
        ['-v (every resource listed)', ['-v', '--ignore-missing-schemas', 'mixed.yaml', 'valid.yaml']],
    ])('%s', async (_name, args) => {
        const r = await runCli(['validate', '-o', 'junit', ...args], { cwd: dir });
        expect(r.stdout).toMatch(/^<\?xml /);
        expect(xmllint(r.stdout)).toEqual({ status: 0, output: '- validates' });
    });
    it('the schema is really applied: an attribute it does not allow is refused', () => {
        const r = xmllint('<?xml version="1.0"?>\n<testsuites skipped="1"></testsuites>\n');
        expect(r.status).not.toBe(0);
        expect(r.output).toContain("The attribute 'skipped' is not allowed");
    });
});
