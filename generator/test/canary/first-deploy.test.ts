/**
 * `canary/first-deploy` as a pure function: the repository's configuration is the change (xiaoke 2.1.0
 * at 20 % over 2.0.3 in prod, knowledge 1.4.0 over 1.3.0 in staging), and the base revision is that
 * configuration with one edit. Regression: a canary declared in the change that creates the Rollout
 * went to 100 % unobserved (Argo Rollouts skips the steps on a Rollout's first deploy).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFirstDeploys } from '../../src/validate/first-deploy.js';
import { readYamlSource } from '../../src/config/yaml-source.js';
import { diskFs } from '../../src/core/fs.js';
import { configFiles } from '../helpers/cli.js';
import { modelOf, REPO_ROOT } from '../helpers/platform.js';

const model = modelOf(REPO_ROOT);
const lineOf = (file: string, at: (string | number)[]) => readYamlSource(diskFs(REPO_ROOT), file).lineOf(at);
const XIAOKE = 'apps/xiaoke/service.yaml';

/** The repository's configuration files, with `edit` applied to xiaoke's service file. */
function baseWith(edit: (text: string) => string): Map<string, string> {
  const files = new Map(configFiles(REPO_ROOT).map((rel) => [rel, fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8')]));
  files.set(XIAOKE, edit(files.get(XIAOKE)!));
  return files;
}

/** xiaoke's `environments:` section removed: a plain Deployment everywhere. */
const withoutGrayRelease = (t: string) => t.replace(/^environments:\n[\s\S]*$/m, '');
/** Only the canary removed: the stable 2.0.3 runs as a Rollout in prod. */
const withoutCanary = (t: string) => t.replace(/^ {6}canary:\n(?: {8}.*\n)*/m, '');

const run = async (base: Map<string, string> | undefined) =>
  (await checkFirstDeploys({ model, base, baseName: 'origin/main (merge base 0123456789ab)', lineOf })).map((f) => `${f.severity} ${f.file}:${f.line} ${f.path}: ${f.message} | ${f.hint}`);

const SECOND = 'merge the stable version as a Rollout first (`grayRelease` without `canary`, xiaoke 2.0.3 in prod); once Argo CD has synced it, start the canary in a second change: `npm run canary -- start xiaoke --env prod --image 2.1.0`';
const SKIPS = "Argo Rollouts skips the steps and the analysis on a Rollout's first deploy (no stable ReplicaSet yet)";
const AT = `${XIAOKE}:40 environments.prod.grayRelease.canary`;

describe('canary/first-deploy', () => {
  it.each([
    ['no base revision (not a Git work tree): nothing to compare', undefined, []],
    ['the base already runs the same canary (the seed validated against itself): quiet', baseWith((t) => t), []],
    ['the base runs the stable version as a Rollout, without canary (the second change): quiet', baseWith(withoutCanary), []],
    [
      'regression: the base runs xiaoke as a Deployment in prod, so the change creates the Rollout',
      baseWith(withoutGrayRelease),
      [`error ${AT}: the canary 2.1.0 of xiaoke in prod would go to 100 % unobserved: origin/main (merge base 0123456789ab) runs xiaoke in prod as a Deployment, so the Rollout is new, and ${SKIPS} | ${SECOND}`],
    ],
    [
      'the base does not run xiaoke in prod (disabled there): the Rollout is new',
      baseWith((t) => t.replace('  prod:\n', '  prod:\n    enabled: false\n').replace(/^ {4}# Gray release[\s\S]*$/m, '')),
      [`error ${AT}: the canary 2.1.0 of xiaoke in prod would go to 100 % unobserved: origin/main (merge base 0123456789ab) does not run xiaoke in prod, so the Rollout is new, and ${SKIPS} | ${SECOND}`],
    ],
    [
      'the base runs another stable version as a Rollout: the canary would be measured against it',
      baseWith((t) => withoutCanary(t).replace('version: "2.0.3"', 'version: "2.0.2"')),
      [`error ${AT}: the canary 2.1.0 of xiaoke in prod would be measured against 2.0.2, not the stable 2.0.3: origin/main (merge base 0123456789ab) runs xiaoke 2.0.2 there, and 2.0.3 would never have run | merge the new stable version 2.0.3 first (without \`canary\`); once Argo CD has synced it, start the canary in a second change`],
    ],
    [
      "the base's configuration does not load with this generator: a warning per canary, since it cannot tell",
      baseWith((t) => t.replace('group: agent', 'group: agents')),
      [
        `warning apps/knowledge/service.yaml:31 environments.staging.grayRelease.canary: cannot tell whether origin/main (merge base 0123456789ab) runs knowledge 1.3.0 as a Rollout in staging: its configuration does not load with this generator (${XIAOKE}:4: \`group\` must be one of core, agent, diagnosis, support, frontend; found \`agents\`) | make sure it does before merging: on a new Rollout the canary 1.4.0 would go to 100 % unobserved (docs/gray-releases.md, "The first deploy")`,
        `warning ${AT}: cannot tell whether origin/main (merge base 0123456789ab) runs xiaoke 2.0.3 as a Rollout in prod: its configuration does not load with this generator (${XIAOKE}:4: \`group\` must be one of core, agent, diagnosis, support, frontend; found \`agents\`) | make sure it does before merging: on a new Rollout the canary 2.1.0 would go to 100 % unobserved (docs/gray-releases.md, "The first deploy")`,
      ],
    ],
  ])('%s', async (_name, base, expected) => {
    expect(await run(base)).toEqual(expected);
  });
});
