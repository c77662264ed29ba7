/**
 * Sync time on the committed output: each environment's AppProject in argocd/projects/ carries exactly
 * the windows its configuration declares, and Argo CD's decision (emulated) on the windows read back
 * from the committed YAML equals the pull-request verdict of `stateAt` for every 15 minutes of 2027
 * and every window edge: the repository's own prod and staging windows, Spring Festival and National
 * Day freezes included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { diskFs } from '../../src/core/fs.js';
import { syncWindowsFor } from '../../src/render/argocd-sync-windows.js';
import { stateAt } from '../../src/windows/engine.js';
import { REPO_ROOT } from '../helpers/platform.js';
import { ArgoEmulation } from './argo-emulation.js';
import { loadOptions } from '../helpers/load-options.js';
const config = loadConfig(diskFs(REPO_ROOT), loadOptions);
const envs = config.clusters.flatMap((c) => c.environments);
function committedWindows(env) {
    const project = parse(fs.readFileSync(path.join(REPO_ROOT, 'argocd/projects', `suoke-${env}.yaml`), 'utf8'));
    expect([project.kind, project.metadata.labels['suoke-life.com/environment']]).toEqual(['AppProject', env]);
    return project.spec.syncWindows;
}
describe('the committed AppProjects', () => {
    it.each(envs.map((e) => [e.name, e]))('%s: spec.syncWindows is exactly the configured windows', (name, env) => {
        const emitted = syncWindowsFor(env);
        expect(committedWindows(name)).toEqual(emitted.length > 0 ? emitted : undefined);
    });
    it('prod and staging have windows, dev and test none (always open)', () => {
        expect(envs.map((e) => `${e.name} ${syncWindowsFor(e).length}`).sort()).toEqual(['dev 0', 'prod 3', 'staging 1', 'test 0']);
    });
    const FROM = Date.UTC(2027, 0, 1);
    const TO = Date.UTC(2028, 0, 1);
    it.each(['prod', 'staging'])('%s: Argo CD on the committed windows agrees with the pull-request verdict all through 2027', (name) => {
        const env = envs.find((e) => e.name === name);
        const emu = new ArgoEmulation(committedWindows(name), FROM - 40 * 86_400_000, TO + 40 * 86_400_000);
        const instants = [...emu.edgeInstants().filter((ms) => ms >= FROM && ms < TO)];
        for (let ms = FROM; ms < TO; ms += 15 * 60_000)
            instants.push(ms);
        const mismatches = instants.filter((ms) => stateAt(env.changeWindows, new Date(ms)).open !== emu.canSync(ms)).map((ms) => new Date(ms).toISOString());
        expect(mismatches.slice(0, 10)).toEqual([]);
        // The year holds both verdicts, and prod is closed through both freezes.
        const open = instants.filter((ms) => emu.canSync(ms)).length;
        expect(open).toBeGreaterThan(0);
        expect(open).toBeLessThan(instants.length);
        if (name === 'prod') {
            expect(emu.canSync(Date.parse('2027-02-09T22:30:00+08:00'))).toBe(false); // Tuesday, Spring Festival
            expect(emu.canSync(Date.parse('2027-10-05T22:30:00+08:00'))).toBe(false); // Tuesday, National Day
            expect(emu.canSync(Date.parse('2027-10-12T22:30:00+08:00'))).toBe(true); // Tuesday after it
        }
    });
});
