/**
 * `--version`: what a bug report needs to reproduce a run. The generator's version and build (the hash
 * `npm run build` wrote, which the result caches are keyed by), Node, the kustomize that `validate`
 * would run, and the schema sets it validates against: the built-in kinds' package and the pinned CRDs
 * by add-on and version (`platform/crds/<add-on>/<version>/`, as compiled into the schema index).
 */
import type { Kustomize } from '../kustomize/detect.js';

/** Everything the version text says, gathered by the CLI entry. */
export interface VersionInfo {
  version: string;
  /** `generator/dist/build-id`; undefined when the build did not write one. */
  build: string | undefined;
  node: string;
  kustomize: Kustomize | undefined;
  /** Version of the `kubernetes-models` package the built-in kinds' schemas come from. */
  builtInModels: string | undefined;
  /** The CRD files compiled into the schema index (`platform/crds/<add-on>/<version>/<file>`). */
  crdFiles: readonly string[];
}

/** The lines `suoke-gitops --version` prints. */
export function formatVersion(i: VersionInfo): string {
  const kustomize = i.kustomize ? `${i.kustomize.version} (${i.kustomize.command.join(' ')})` : 'not found (validate needs kustomize or kubectl on PATH: README, "Prerequisites")';
  return [
    `suoke-gitops ${i.version}`,
    `build: ${i.build ? i.build.slice(0, 12) : 'unknown (run npm run build)'}`,
    `node: ${i.node}`,
    `kustomize: ${kustomize}`,
    `built-in kinds: kubernetes-models ${i.builtInModels ?? 'not installed'}`,
    `CRDs: ${crdSets(i.crdFiles) || 'none compiled (run npm run build)'}`,
    '',
  ].join('\n');
}

/** `argo-cd v3.5.1, argo-rollouts v1.9.1, …` from the compiled files' folders, sorted by add-on. */
function crdSets(files: readonly string[]): string {
  const sets = new Map<string, Set<string>>();
  for (const f of files) {
    const m = /^platform\/crds\/([^/]+)\/([^/]+)\//.exec(f);
    if (m) sets.set(m[1]!, (sets.get(m[1]!) ?? new Set()).add(m[2]!));
  }
  return [...sets.keys()]
    .sort()
    .map((addon) => `${addon} ${[...sets.get(addon)!].sort().join('+')}`)
    .join(', ');
}
