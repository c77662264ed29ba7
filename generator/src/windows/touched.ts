/**
 * Which environments a change touches: the rendered output against the base revision's committed
 * output, file by file (docs/change-windows.md, "Pull-request time").
 *
 * - `clusters/<cluster>/<env>/**` → that environment;
 * - `apps/<service>/base/**` → every environment that runs the service (has `clusters/<c>/<env>/<service>/`
 *   in the change or in the base);
 * - `argocd/**` → the environment of each Application and ApplicationSet in the file, old or new (they
 *   decide what Argo CD deploys there); AppProjects, the bootstrap Application, the kustomization
 *   and argocd-cm are Argo CD's own control plane, synced by the platform project, which has no
 *   windows: a change to the windows themselves can always land;
 * - hand-edited config (`service.yaml`, `cluster.yaml`, `argocd/argocd.yaml`) and the index of
 *   generated files touch nothing by themselves: what they change shows in the rendered files.
 */
import { parseAllDocuments } from 'yaml';

/** A file's content by repository path. */
export type Tree = ReadonlyMap<string, string>;

const HAND_EDITED = [/^apps\/[^/]+\/service\.yaml$/, /^clusters\/[^/]+\/cluster\.yaml$/, /^argocd\/argocd\.yaml$/];
const ARGO_KINDS = new Set(['Application', 'ApplicationSet']);
const ENV_LABEL = 'suoke-life.com/environment';

/** Paths whose content differs between `base` and `head` (added, changed, removed), sorted. */
export function changedFiles(head: Tree, base: Tree): string[] {
  const paths = new Set([...head.keys(), ...base.keys()]);
  return [...paths].filter((p) => head.get(p) !== base.get(p) && !HAND_EDITED.some((r) => r.test(p))).sort();
}

/**
 * The environments (by name, among `envs`) each changed file touches: environment → its changed
 * files, sorted by environment name.
 */
export function touchedEnvironments(changed: readonly string[], head: Tree, base: Tree, envs: readonly string[]): Map<string, string[]> {
  const known = new Set(envs);
  const runs = new Map<string, Set<string>>(); // service → environments
  for (const p of [...head.keys(), ...base.keys()]) {
    const m = /^clusters\/[^/]+\/([^/]+)\/([^/]+)\//.exec(p);
    if (m && known.has(m[1]!)) (runs.get(m[2]!) ?? runs.set(m[2]!, new Set()).get(m[2]!)!).add(m[1]!);
  }
  const out = new Map<string, string[]>();
  const touch = (env: string, file: string) => {
    if (known.has(env)) (out.get(env) ?? out.set(env, []).get(env)!).push(file);
  };
  for (const file of changed) {
    const parts = file.split('/');
    if (parts[0] === 'clusters' && parts.length > 3) touch(parts[2]!, file);
    else if (parts[0] === 'apps' && parts.length > 2) for (const env of runs.get(parts[1]!) ?? []) touch(env, file);
    else if (parts[0] === 'argocd') for (const env of argoEnvironments([head.get(file), base.get(file)])) touch(env, file);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function argoEnvironments(texts: (string | undefined)[]): Set<string> {
  const envs = new Set<string>();
  for (const text of texts) {
    if (text === undefined) continue;
    for (const doc of parseAllDocuments(text, { version: '1.2' })) {
      const o = doc.toJS({ maxAliasCount: 0 }) as { kind?: unknown; metadata?: { labels?: Record<string, unknown> } } | null;
      const env = o?.metadata?.labels?.[ENV_LABEL];
      if (o && typeof o.kind === 'string' && ARGO_KINDS.has(o.kind) && typeof env === 'string') envs.add(env);
    }
  }
  return envs;
}
