/**
 * End to end: a configuration whose rendered names Kubernetes or Argo CD would refuse is refused by
 * `render` and `canary` as a configuration error at its line, exit 2, nothing written (regression:
 * render wrote it and only `validate` noticed).
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo } from '../helpers/cli.js';

const LONG = 'a'.repeat(63);
const TAG64 = `2.${'0'.repeat(62)}`;
const CLOSING = '1 problem in the configuration; nothing was written.\n';

describe('derived names end to end', () => {
  it('render: a 63-character service with a gray release is refused at its name', async () => {
    const repo = tempRepo('fixture');
    repo.write(`apps/${LONG}/service.yaml`, repo.read('apps/scheduler/service.yaml').replace('name: scheduler', `name: ${LONG}`));
    const before = repo.snapshot();
    const r = await runCli(['render', '--root', repo.root]);
    expect(r).toEqual({
      code: 2,
      signal: null,
      stdout: '',
      stderr:
        `error: apps/${LONG}/service.yaml:2: name: service name \`${LONG}\` gives the Service name "${LONG}-canary" (service \`${LONG}\` in environment \`dev\`), which must be no more than 63 characters (has 70)\n` +
        '  fix: shorten the service name to at most 56 characters\n' +
        CLOSING,
    });
    expect(repo.snapshot()).toEqual(before);
  });

  it('render: two Applications of one name are refused at both places', async () => {
    const repo = tempRepo('fixture');
    // Environment `dev` renders the Application `dev-test-gateway` for a service `test-gateway`;
    // environment `dev-test` renders the same name for `gateway`.
    repo.write('apps/test-gateway/service.yaml', repo.read('apps/gateway/service.yaml').replace('name: gateway', 'name: test-gateway'));
    // The new environment keeps its logs too (every environment of a cluster with `logging` has a retention).
    const cluster = repo.read('clusters/dev/cluster.yaml').replace('retentionDays: {dev: 3, test: 7}', 'retentionDays: {dev: 3, test: 7, dev-test: 7}');
    // The `test` block is the file's last: a copy of it appended is one more environment.
    const test = cluster.slice(cluster.indexOf('  test:\n'));
    repo.write('clusters/dev/cluster.yaml', cluster + test.replace('  test:', '  dev-test:').replaceAll('fixture-test', 'fixture-dev-test'));
    /** The line of `dev-test:`, the first appended (the file ends with a newline). */
    const devTestLine = cluster.split('\n').length;
    const r = await runCli(['render', '--check', '--root', repo.root]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('error: ')).map((l) => l.slice(0, l.indexOf(' gives')))).toEqual([
      // Each is blamed on the longest value its name is made of: `dev-test` over `gateway`.
      'error: apps/test-gateway/service.yaml:2: name: service name `test-gateway`',
      `error: clusters/dev/cluster.yaml:${devTestLine}: environments.dev-test: environment name \`dev-test\``,
    ]);
    expect(r.stderr).toContain('gives the Application name "dev-test-gateway" (service `gateway` in environment `dev-test`), the same as for service `test-gateway` in environment `dev`');
  });

  it('canary start with a 64-character tag is refused at the canary version: the pods would carry it as a label', async () => {
    const repo = tempRepo('repo', { shareKustomizeCache: false });
    expect((await runCli(['canary', 'abort', 'xiaoke', '--env', 'prod', '--root', repo.root])).code).toBe(0);
    const before = repo.snapshot();
    const r = await runCli(['canary', 'start', 'xiaoke', '--env', 'prod', '--image', TAG64, '--root', repo.root]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `error: apps/xiaoke/service.yaml:41: environments.prod.grayRelease.canary.version: version \`${TAG64}\` gives the label \`app.kubernetes.io/version\` of the pods of Rollout \`xiaoke\` "${TAG64}" (service \`xiaoke\` in environment \`prod\`), which must be no more than 63 characters (has 64)\n` +
        '  fix: shorten the version to at most 63 characters\n' +
        CLOSING,
    );
    expect(repo.snapshot()).toEqual(before);
  });
});
