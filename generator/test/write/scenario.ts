/**
 * The repository the write tests work on: the fixture platform, rendered, then reconfigured so that
 * the next render changes files (a new gateway version), adds a folder of files (the scheduler joins
 * test), removes files and a folder (the scheduler leaves prod, and loses its PodDisruptionBudget).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURE_PLATFORM, renderOf } from '../helpers/platform.js';

/** The files of the clusters' logging (their folders and Applications), which the change leaves as they are. */
const LOGGING_FILES = renderOf(FIXTURE_PLATFORM).files.filter((f) => /^clusters\/[^/]+\/logging\/|^argocd\/platform\/[^/]+-logging\.yaml$/.test(f.path)).length;

/** What the next render of the scenario does: 22 files written, 2 removed, 128 unchanged besides the logging files. */
export const SCENARIO_PLAN = { write: 22, remove: 2, unchanged: 128 + LOGGING_FILES };

/** Creates the scenario repository at `root` (a folder that does not exist yet). */
export function makeScenario(root: string): void {
  for (const entry of ['apps', 'clusters', 'argocd']) fs.cpSync(path.join(FIXTURE_PLATFORM, entry), path.join(root, entry), { recursive: true });
  for (const f of renderOf(root).files) {
    fs.mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
    fs.writeFileSync(path.join(root, f.path), f.content);
  }
  const edit = (rel: string, from: string, to: string) => {
    const file = path.join(root, rel);
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`scenario: ${rel} no longer holds ${JSON.stringify(from)}`);
    fs.writeFileSync(file, text.replace(from, to));
  };
  edit('apps/gateway/service.yaml', 'version: "1.0.0"', 'version: "1.0.1"');
  edit('apps/scheduler/service.yaml', '  test:\n    enabled: false\n  prod:\n    replicas: 2\n', '  prod:\n    enabled: false\n');
}

/** A copy of the repository at `from` (its configuration and generated files) at `to`. */
export function copyRepo(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of ['apps', 'clusters', 'argocd', 'docs/runbooks', '.generated-files']) {
    if (fs.existsSync(path.join(from, entry))) fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
}
