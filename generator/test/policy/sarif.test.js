/** SARIF 2.1.0: compared as a string with golden/sarif.json (`UPDATE_GOLDEN=1` rewrites it). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createFormat, FORMAT_NAMES } from '../../src/report/registry.js';
import { checkCatalogue } from '../../src/validate/catalogue.js';
const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'sarif.json');
const report = {
    files: ['bad/deployment.yaml'],
    results: [
        {
            file: 'bad/deployment.yaml',
            line: 3,
            index: 0,
            object: 'apps/v1/Deployment default/api',
            kind: 'Deployment',
            status: 'invalid',
            findings: [{ check: 'schema/unknown-field', severity: 'error', file: 'bad/deployment.yaml', line: 3, object: 'apps/v1/Deployment default/api', path: 'spec.replica', message: 'unknown field "replica", did you mean "replicas"?' }],
        },
    ],
    findings: [
        { check: 'policy/image-tag', severity: 'error', file: 'bad/deployment.yaml', line: 3, object: 'apps/v1/Deployment default/api', path: 'spec.template.spec.containers[0].image', message: 'container "api" image "api:latest" uses the tag "latest", which changes under running pods', hint: 'pin a version: `<repository>:<version>`' },
        { check: 'policy/topology-spread', severity: 'warning', file: 'clusters/prod/prod/api', object: 'apps/v1/Deployment suoke-prod/api', path: 'spec.template.spec.topologySpreadConstraints', message: 'Deployment does not spread its replicas: one node or zone failure may take all of them' },
        { check: 'policy/capacity-headroom', severity: 'info', file: 'clusters/prod/cluster.yaml', path: 'nodePools[0]', message: 'node pool agents (4 nodes, 32 CPU / 64Gi): 4 workloads' },
    ],
};
it('sarif is a registered format', () => expect(FORMAT_NAMES).toContain('sarif'));
it('sarif: every finding a result with its rule, level and location; the catalogue as rules', () => {
    const actual = createFormat('sarif').format(report, { catalogue: checkCatalogue() });
    if (process.env.UPDATE_GOLDEN === '1')
        fs.writeFileSync(GOLDEN, actual);
    expect(actual).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    const log = JSON.parse(actual);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r) => `${r.level} ${r.ruleId}`)).toEqual(['error schema/unknown-field', 'error policy/image-tag', 'note policy/capacity-headroom', 'warning policy/topology-spread']);
});
it('sarif: the structure SARIF 2.1.0 requires (rules by id, ruleIndex, levels, relative URIs, lines from 1)', () => {
    const log = JSON.parse(createFormat('sarif').format(report, { catalogue: checkCatalogue() }));
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every documented check is a rule, the change windows' too.
    expect(ids).toEqual(expect.arrayContaining(['policy/image-tag', 'policy/waiver-reason', 'policy/capacity', 'windows/closed', 'windows/freeze-ended']));
    // `helpUri` and `informationUri` must be absolute URIs: none is emitted.
    expect(JSON.stringify(log)).not.toMatch(/"(helpUri|informationUri)"/);
    for (const r of run.results) {
        expect(ids[r.ruleIndex]).toBe(r.ruleId);
        expect(['error', 'warning', 'note']).toContain(r.level);
        const loc = r.locations[0].physicalLocation;
        expect(loc.artifactLocation).toEqual({ uri: expect.stringMatching(/^[^/][^ ]*$/), uriBaseId: '%SRCROOT%' });
        if (loc.region)
            expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
    }
    expect(run.results.find((r) => r.ruleId === 'policy/image-tag').locations[0].physicalLocation.region).toEqual({ startLine: 3 });
});
it('sarif: a file path is a URI reference (percent-encoded; absolute paths as file: URIs; an Argo CD path as its kustomization.yaml)', async () => {
    const { artifactLocation } = await import('../../src/report/sarif.js');
    expect(artifactLocation('my manifests/ä.yaml')).toEqual({ uri: 'my%20manifests/%C3%A4.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/tmp/x.yaml')).toEqual({ uri: 'file:///tmp/x.yaml' });
    expect(artifactLocation('clusters/prod/prod/xiaoai')).toEqual({ uri: 'clusters/prod/prod/xiaoai/kustomization.yaml', uriBaseId: '%SRCROOT%' });
});
