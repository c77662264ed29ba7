/**
 * End to end with the built CLI on a copy of the repository (platform/ included): an edited CRD file
 * is exit 1 naming the file, both hashes and how to restore it; a bad pin in platform/addons.yaml is a
 * configuration error, exit 2.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyPlatform, runCli, tempRepo, type TempRepo } from '../helpers/cli.js';

const withPlatform = () => copyPlatform(tempRepo('repo'));

const validate = (repo: TempRepo) => runCli(['validate', '--no-kustomize', '--no-windows', '--no-cache', '--root', repo.root], { timeoutMs: 180_000 });

const CRD = 'platform/crds/velero/v1.18.1/velero.io_backups.yaml';
const LISTED = '38107fa5fad6bff25794489d12c8a898eed4d9d89ed49d00ea90369bc4e206b1';

describe('validate: the pinned add-ons and their CRD files', () => {
  it('an edited CRD file: exit 1, the file, both hashes and how to restore it', async () => {
    const repo = withPlatform();
    const edited = `${repo.read(CRD)}# tuned by hand\n`;
    repo.write(CRD, edited);
    const r = await validate(repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const found = (await import('node:crypto')).createHash('sha256').update(edited).digest('hex');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith(CRD));
    expect(lines.slice(at, at + 2)).toEqual([
      `${CRD} - error: differs from the upstream file platform/crds/README.md lists (line 78): sha256 ${found}, listed ${LISTED} (addons/crd-modified)`,
      `  hint: restore the upstream bytes (\`git checkout -- ${CRD}\`, or fetch it again from vmware-tanzu/velero at v1.18.1): CRD files are never edited; a new version is a new folder`,
    ]);
    // The schemas compiled from that file are stale too, but the edit is the one cause: one error, not two.
    expect(r.stdout).not.toContain('(schema/crds-stale)');
    expect(r.stdout).toMatch(/Errors: 1, Skipped: 0\n$/);
  }, 240_000);

  it('the same edit under --schema-only (no add-on checks): the stale schemas are the error', async () => {
    const repo = withPlatform();
    repo.write(CRD, `${repo.read(CRD)}# tuned by hand\n`);
    const r = await runCli(['validate', '--schema-only', '--no-windows', '--no-cache', '--root', repo.root], { timeoutMs: 180_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${CRD} - error: this CRD changed since the last \`npm run build\` (built from sha256 38107fa5fad6…, now `);
    expect(r.stdout).not.toContain('(addons/crd-modified)');
    expect(r.stdout).toMatch(/Errors: 1, Skipped: 0\n$/);
  }, 240_000);

  it('a pin that is no release tag: a configuration error, exit 2', async () => {
    const repo = withPlatform();
    repo.write('platform/addons.yaml', repo.read('platform/addons.yaml').replace('version: v1.18.1', 'version: main'));
    const r = await validate(repo);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: platform/addons.yaml:189: addons[14].version: `addons[14].version` is "main", not a release tag\n' +
        '  fix: pin the exact upstream tag, e.g. `version: v1.21.1` (a branch, `latest` or a range would move under the pin)\n' +
        '1 problem in the configuration; nothing was written.\n',
    );
  }, 240_000);

  it('a symbolic link among the CRDs is refused, never followed (exit 2: the repository cannot be read as it is)', async () => {
    const repo = withPlatform();
    fs.symlinkSync('/etc/passwd', repo.abs('platform/crds/velero/v1.18.1/link.yaml'));
    const r = await validate(repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('platform/crds/velero/v1.18.1/link.yaml: is a symbolic link (to "/etc/passwd"); the generator never follows links, so that nothing it reads or writes lies outside the repository\n');
    expect(r.stdout + r.stderr).not.toContain('root:');
  }, 240_000);
});
