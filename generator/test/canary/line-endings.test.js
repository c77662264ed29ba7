/**
 * A canary edit keeps the service file's line endings and byte order mark (regression: a CRLF file
 * got the edited lines with LF only).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editServiceText } from '../../src/canary/edit.js';
import { runCli, tempRepo } from '../helpers/cli.js';
import { FIXTURE_PLATFORM, REPO_ROOT } from '../helpers/platform.js';
const XIAOKE = 'apps/xiaoke/service.yaml';
const crlf = (text) => text.replace(/\n/g, '\r\n');
const bom = (text) => `\uFEFF${text}`;
/** Line breaks that are not CRLF. */
const loneLineFeeds = (text) => text.split('\n').slice(0, -1).filter((l) => !l.endsWith('\r')).length;
describe('editServiceText keeps CRLF and a BOM on every line it writes', () => {
    const files = [
        ['xiaoke (block style, canary in prod)', fs.readFileSync(path.join(REPO_ROOT, XIAOKE), 'utf8')],
        ['records (flow-style canary in prod)', fs.readFileSync(path.join(FIXTURE_PLATFORM, 'apps/records/service.yaml'), 'utf8')],
    ];
    const edits = [
        ['abort', { action: 'abort' }],
        ['advance', { action: 'advance', weight: 50 }],
        ['promote', { action: 'promote', version: '9.9.9', serviceVersion: '1.0.0' }],
    ];
    const encodings = [
        ['CRLF', crlf],
        ['CRLF with a BOM', (t) => bom(crlf(t))],
        ['LF with a BOM', bom],
    ];
    for (const [file, text] of files) {
        for (const [action, edit] of edits) {
            for (const [encoding, encode] of encodings) {
                it(`${file}: ${action}, ${encoding}`, () => {
                    const lf = editServiceText(text, 'prod', edit);
                    expect(lf).not.toBe(text);
                    expect(editServiceText(encode(text), 'prod', edit)).toBe(encode(lf));
                });
            }
        }
    }
    it('start on a CRLF file after an abort (a block is added)', () => {
        const text = crlf(fs.readFileSync(path.join(REPO_ROOT, XIAOKE), 'utf8'));
        const aborted = editServiceText(text, 'prod', { action: 'abort' });
        const started = editServiceText(aborted, 'prod', { action: 'start', version: '2.2.0', weight: 5 });
        expect(started).toContain('\r\n      canary:\r\n        version: "2.2.0"\r\n        weight: 5\r\n');
        expect(loneLineFeeds(started)).toBe(0);
    });
});
describe('canary start and advance on a CRLF service file with a BOM, end to end', () => {
    it('every line stays CRLF, the BOM stays, and the render is up to date', async () => {
        const repo = tempRepo('repo', { shareKustomizeCache: false });
        const lfRepo = tempRepo('repo', { shareKustomizeCache: false });
        repo.write(XIAOKE, bom(crlf(repo.read(XIAOKE))));
        const steps = [
            ['abort', 'xiaoke', '--env', 'prod'],
            ['start', 'xiaoke', '--env', 'prod', '--image', '2.2.0'],
            ['advance', 'xiaoke', '--env', 'prod'],
        ];
        for (const args of steps) {
            const r = await runCli(['canary', ...args, '--root', repo.root]);
            const lf = await runCli(['canary', ...args, '--root', lfRepo.root]);
            expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
            expect(lf.code).toBe(0);
            // Exactly the edit of the LF file, in the file's own encoding.
            expect(repo.read(XIAOKE)).toBe(bom(crlf(lfRepo.read(XIAOKE))));
            expect(loneLineFeeds(repo.read(XIAOKE))).toBe(0);
        }
        expect(repo.read(XIAOKE)).toContain('\r\n        version: "2.2.0"\r\n        weight: 20\r\n');
        const check = await runCli(['render', '--check', '--root', repo.root]);
        expect([check.code, check.stderr]).toEqual([0, '']);
    });
});
