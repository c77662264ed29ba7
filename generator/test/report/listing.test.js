/** Output formats as plug-ins: a state listing (`windows`) goes through the same formats as a report. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingReport } from '../../src/report/listing.js';
import { createFormat, FORMAT_NAMES } from '../../src/report/registry.js';
const LISTING = {
    title: 'Change windows at 2027-03-03T02:00:00.000Z',
    check: 'windows/state',
    data: { at: '2027-03-03T02:00:00.000Z', environments: [{ environment: 'prod', open: false }] },
    entries: [
        { file: 'clusters/prod/cluster.yaml', object: 'Environment prod', heading: 'prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)', details: [['rule', 'freeze "x\u001b[2K"'], ['next', 'no change ahead']] },
        { file: 'clusters/dev/cluster.yaml', object: 'Environment dev', heading: 'dev: open', details: [['rule', 'always open']] },
    ],
};
describe('listings', () => {
    it('text: the title, then each heading with its details indented, every value on its line', () => {
        expect(createFormat('text').listing(LISTING)).toBe([
            'Change windows at 2027-03-03T02:00:00.000Z',
            'prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai)',
            '  rule: freeze "x\\u001b[2K"',
            '  next: no change ahead',
            'dev: open',
            '  rule: always open',
            '',
        ].join('\n'));
    });
    it('json: the listing\'s own document, two-space indented', () => {
        expect(createFormat('json').listing(LISTING)).toBe(`${JSON.stringify(LISTING.data, null, 2)}\n`);
    });
    it.each(['junit', 'tap', 'sarif'])('%s: the listing as a report of info findings, one per entry', (name) => {
        const format = createFormat(name);
        expect(format.listing(LISTING)).toBe(format.format(listingReport(LISTING)));
    });
    it('listingReport: one info finding per entry with its heading and details; nothing fails', () => {
        expect(listingReport(LISTING)).toEqual({
            results: [],
            files: ['clusters/prod/cluster.yaml', 'clusters/dev/cluster.yaml'],
            findings: [
                { check: 'windows/state', severity: 'info', file: 'clusters/prod/cluster.yaml', object: 'Environment prod', message: 'prod: closed (2027-03-03 10:00 +08:00 Asia/Shanghai); rule: freeze "x\u001b[2K"; next: no change ahead' },
                { check: 'windows/state', severity: 'info', file: 'clusters/dev/cluster.yaml', object: 'Environment dev', message: 'dev: open; rule: always open' },
            ],
        });
    });
    it('every registered format prints listings', () => {
        for (const name of FORMAT_NAMES)
            expect(createFormat(name).listing(LISTING)).toMatch(/\n$/);
    });
});
describe('the check catalogue is data', () => {
    const report = { results: [], findings: [{ check: 'policy/image-tag', severity: 'error', file: 'a.yaml', message: 'm' }] };
    const rules = (out) => JSON.parse(out).runs[0].tool.driver.rules;
    it('sarif without a catalogue: only the checks the report uses, undocumented', () => {
        expect(rules(createFormat('sarif').format(report))).toEqual([{ id: 'policy/image-tag', shortDescription: { text: 'policy/image-tag' } }]);
    });
    it('sarif with a catalogue: every entry a rule, its severity the default level; then the other checks used', () => {
        const catalogue = [
            { id: 'windows/closed', description: 'Closed.', doc: 'docs/change-windows.md', severity: 'error' },
            { id: 'policy/capacity-headroom', description: 'Headroom.', doc: 'docs/policies.md', severity: 'info' },
        ];
        expect(rules(createFormat('sarif').format(report, { catalogue }))).toEqual([
            { id: 'policy/capacity-headroom', shortDescription: { text: 'Headroom.' }, help: { text: 'Headroom. See docs/policies.md (policy/capacity-headroom).' }, defaultConfiguration: { level: 'note' } },
            { id: 'windows/closed', shortDescription: { text: 'Closed.' }, help: { text: 'Closed. See docs/change-windows.md (windows/closed).' }, defaultConfiguration: { level: 'error' } },
            { id: 'policy/image-tag', shortDescription: { text: 'policy/image-tag' } },
        ]);
    });
    it('report/ imports nothing but core/ and itself (formats receive catalogues as data)', () => {
        const dir = path.resolve(import.meta.dirname, '../../src/report');
        for (const file of fs.readdirSync(dir)) {
            const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
            expect(imports.filter((i) => i.startsWith('.') && !i.startsWith('./') && !i.startsWith('../core/')), file).toEqual([]);
        }
    });
});
