import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/platform.js';
const SCHEDULES = 'platform/crds/velero/v1.18.1/velero.io_schedules.yaml';
const sha = (text) => createHash('sha256').update(text).digest('hex');
// A CRD bump without `npm run build` must not validate against the schemas compiled from the old CRDs.
describe('validate with platform/crds changed since the build', () => {
    it('an unchanged folder is fine; an edited CRD is an error telling to run npm run build (exit 1)', async () => {
        const repo = tempRepo('repo');
        fs.cpSync(path.join(REPO_ROOT, 'platform/crds'), repo.abs('platform/crds'), { recursive: true });
        const args = ['validate', '--schema-only', '--no-windows', '--no-simulate', '--root', repo.root];
        const clean = await runCli(args);
        expect(clean.stdout).not.toContain('schema/crds-stale');
        expect(clean.code).toBe(0);
        const before = repo.read(SCHEDULES);
        const after = `${before}# bumped by hand\n`;
        repo.write(SCHEDULES, after);
        const r = await runCli(args);
        expect(r.code).toBe(1);
        expect(r.stdout.split('\n').filter((l) => l.includes('crds-stale') || l.includes('hint: run `npm run build`'))).toEqual([
            `${SCHEDULES} - error: this CRD changed since the last \`npm run build\` (built from sha256 ${sha(before).slice(0, 12)}…, now ${sha(after).slice(0, 12)}…): its kinds would be judged by stale schemas (schema/crds-stale)`,
            '  hint: run `npm run build`: it compiles the schemas of the custom resources from the CRDs under platform/crds/',
        ]);
    });
});
