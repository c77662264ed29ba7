/**
 * vitest globalSetup: compiles the generator once before any test runs, so the end-to-end tests in
 * `generator/test/cli` run the current sources and never a stale `generator/dist`.
 * Quiet on success; on failure prints everything the build printed and stops the run.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export default function setup() {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const started = Date.now();
    const r = spawnSync(npm, ['run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status === 0)
        return;
    const why = r.error ? `could not start npm: ${r.error.message}` : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trimEnd();
    throw new Error(`globalSetup: \`npm run build\` failed (${why}, after ${Date.now() - started} ms); ` +
        `the end-to-end tests need the compiled CLI.\n${'-'.repeat(72)}\n${output}\n${'-'.repeat(72)}`);
}
