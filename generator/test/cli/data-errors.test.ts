/**
 * End-to-end on the seed platform (issue 12, "bad configuration of each: clear errors, nothing
 * written"): a data layer configured wrongly stops `render` with exit 2 and one exact message (file,
 * line, YAML path, fix) before anything is written; one that is well-formed but breaks the plan's
 * budgets (connections, RPO) renders, and `validate` fails it with exit 1 and the figures.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempRepo, type TempRepo } from '../helpers/cli.js';

const PROD = 'clusters/prod/cluster.yaml';
const CLOSING = '1 problem in the configuration; nothing was written.\n';
const PC = 'environments.prod.dataServices.postgres.cluster';

function edit(repo: TempRepo, file: string, from: string, to: string): void {
  const text = repo.read(file);
  expect(text, `${file} contains ${from}`).toContain(from);
  repo.write(file, text.replace(from, to));
}

/** The committed seed, with a service's version bumped so that a render that went ahead would write. */
function seed(): TempRepo {
  const repo = tempRepo('repo');
  edit(repo, 'apps/laoke/service.yaml', 'version: "1.9.1"', 'version: "1.9.2"');
  return repo;
}

describe('a data layer configured wrongly: render exits 2 and writes nothing', () => {
  it.each<[string, string, string, string, string]>([
    [
      'an archive timeout PostgreSQL does not read',
      PROD, 'archiveTimeout: 5min', 'archiveTimeout: 2h',
      `error: ${PROD}:84: ${PC}.backup.archiveTimeout: \`${PC}.backup.archiveTimeout\` is \`2h\`, not of the form ^[1-9][0-9]*(s|min)$\n  fix: e.g. \`archiveTimeout: 5min\`\n`,
    ],
    [
      'no restore throughput for the RTO arithmetic',
      PROD, 'restoreThroughput: 50Mi ', 'restoreThroughput: 0 ',
      `error: ${PROD}:85: ${PC}.backup.restoreThroughput: \`${PC}.backup.restoreThroughput\` is \`0\`, not a positive byte quantity\n  fix: e.g. \`50Mi\`\n`,
    ],
    [
      'an even number of Sentinels',
      PROD, 'sentinels: 3', 'sentinels: 2',
      'error: clusters/prod/cluster.yaml:93: environments.prod.dataServices.redis.sentinels: `environments.prod.dataServices.redis.sentinels` is 2; with 3 replicas it must be odd and at least 3\n  fix: use 3 (or 5): Sentinel fails over only when a majority of the Sentinels agree\n',
    ],
    [
      'a dead-letter queue of a service that does not use RabbitMQ',
      'apps/blockchain/service.yaml', '  data: [mq]', '  data: [redis]',
      'error: apps/blockchain/service.yaml:23: messaging: service `blockchain` declares RabbitMQ queues or exchanges under `messaging`, but `dependsOn.data` does not list `mq`\n  fix: add `mq` to `dependsOn.data`: only then may its pods reach RabbitMQ (NetworkPolicy)\n',
    ],
    [
      'a delivery limit on a classic queue',
      'apps/blockchain/service.yaml', 'deliveryLimit: 5', 'deliveryLimit: 5\n      type: classic',
      'error: apps/blockchain/service.yaml:29: messaging.queues[0].deliveryLimit: `messaging.queues[0].deliveryLimit` is set, but queue `blockchain.health-records` is classic: only quorum queues count deliveries\n  fix: remove it, or make the queue `type: quorum`\n',
    ],
  ])('%s', async (_name, file, from, to, message) => {
    const repo = seed();
    edit(repo, file, from, to);
    const before = repo.snapshot();
    expect(await runCli(['render', '--root', repo.root])).toEqual({ code: 2, signal: null, stdout: '', stderr: message + CLOSING });
    expect(repo.snapshot()).toEqual(before);
  });
});

describe('a data layer over the plan\'s budgets: it renders, validate exits 1 with the figures', () => {
  it.each<[string, string, string, string]>([
    [
      'a pooler opening more server connections than max_connections leaves',
      'defaultPoolSize: 8', 'defaultPoolSize: 20',
      'clusters/prod/cluster.yaml:59 - Cluster suoke-prod-data/postgres error: environments.prod.dataServices.postgres.cluster: the pooler may open 400 server connections (2 PgBouncer pods × default_pool_size 20 × 10 databases), but max_connections 200 leaves 187 (3 superuser_reserved_connections, 10 reservedConnections): under load PostgreSQL refuses connections with "too many clients" (policy/data-connections)\n  hint: lower `pooler.defaultPoolSize` to at most 9, or raise `parameters.max_connections` (docs/data-layer.md#connections)',
    ],
    [
      'an archive timeout past the RPO',
      'archiveTimeout: 5min', 'archiveTimeout: 90min',
      'clusters/prod/cluster.yaml:59 - Cluster suoke-prod-data/postgres error: environments.prod.dataServices.postgres.cluster: prod misses the plan\'s recovery objectives (RPO < 1h, RTO < 4h): RPO ≤ 1h30m (archive_timeout 90min); RTO ≈ 1h7m33s (110Gi at 50Mi/s, plus 30m) (policy/data-recovery)\n  hint: lower `backup.archiveTimeout` for the RPO; for the RTO a faster restore path, a smaller volume or less WAL a day (more frequent base backups) (docs/data-layer.md#backups)',
    ],
  ])('%s', async (_name, from, to, finding) => {
    const repo = seed();
    edit(repo, PROD, from, to);
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    const r = await runCli(['validate', '--root', repo.root, '--no-windows', '--no-kustomize', '--no-simulate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(finding);
    expect(r.stdout).toContain('Errors: 1,');
  });
});

describe('schema migrations (policy/data-migrations): a warning until the service declares them', () => {
  const WAIVER = /# Policy waivers[^\n]*\nwaivers:\n  - check: data-migrations\n    reason: "[^"]*"\n/;
  const validate = (repo: TempRepo) => runCli(['validate', '--root', repo.root, '--no-windows', '--no-kustomize', '--no-simulate', '-v']);

  it('without its waiver, xiaoai is flagged in each of its four environments; validate still exits 0', async () => {
    const repo = seed();
    repo.write('apps/xiaoai/service.yaml', repo.read('apps/xiaoai/service.yaml').replace(WAIVER, ''));
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    const r = await validate(repo);
    expect(r.code).toBe(0);
    const flagged = r.stdout.split('\n').filter((l) => l.endsWith('(policy/data-migrations)'));
    expect(flagged.map((l) => l.split(' ')[0])).toEqual(['clusters/dev/dev/xiaoai', 'clusters/dev/test/xiaoai', 'clusters/prod/prod/xiaoai', 'clusters/staging/staging/xiaoai']);
    expect(flagged[2]).toBe(
      'clusters/prod/prod/xiaoai - Deployment suoke-prod/xiaoai warning: spec.template.spec.containers[0].env[1]: container "xiaoai" of Deployment "xiaoai" reads DATABASE_URL from a database this repository renders, but no Argo CD PreSync hook Job runs its image registry.suoke-life.com/suoke-life/xiaoai:2.1.0: new versions start against a schema nobody migrated (policy/data-migrations)',
    );
  });

  it('once xiaoai declares its migrations, a PreSync Job runs its image, nothing is flagged, and the waiver left behind is reported unused', async () => {
    const repo = seed();
    edit(repo, 'apps/xiaoai/service.yaml', '\nresources:', '\ndatabase:\n  migrations:\n    command: ["/app/migrate", "up"]\nresources:');
    expect((await runCli(['render', '--root', repo.root])).code).toBe(0);
    expect(repo.read('apps/xiaoai/base/job-xiaoai-migrate.yaml')).toContain('argocd.argoproj.io/hook: PreSync');
    const r = await validate(repo);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('xiaoai warning: spec.template.spec.containers[0].env[1]');
    // Line 38 of the edited file: its waiver, three lines lower for the `database` block.
    expect(r.stdout.split('\n').filter((l) => l.includes('(policy/waiver-unused)'))).toEqual([
      'apps/xiaoai/service.yaml:41 - warning: a waiver waives policy/data-migrations, which finds nothing to waive here (policy/waiver-unused)',
    ]);
  });
});
