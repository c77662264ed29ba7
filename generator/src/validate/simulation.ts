/**
 * The `simulation` step of `validate` (and the core of `simulate`): the committed tree played from
 * an empty cluster (docs/simulation.md). Every Argo CD path is built with kustomize as `validate`
 * builds it (cached, so after `validate`'s own builds this costs only the play).
 */
import type { FileSystem } from '../core/fs.js';
import { filesBelow } from '../core/fs.js';
import type { Finding } from '../core/finding.js';
import { buildPaths, defaultCacheDir } from '../kustomize/build.js';
import type { Seal } from '../core/seal.js';
import { simTree, type SimTree } from '../simulate/input.js';
import { simulationFindings } from '../simulate/findings.js';
import { rec, str, type Obj } from '../simulate/objects.js';
import { simulate, type SimResult } from '../simulate/run.js';
import { expandApplications } from '../argo/expand.js';
import { argoDocuments } from '../argo/documents.js';

export interface SimulationOptions {
  /** Repository root (absolute), where kustomize runs. */
  root: string;
  fs: FileSystem;
  /** Where the simulated clock starts. */
  at: Date;
  /** `kustomize` command and version when already found, e.g. by `validate`. Default: detected. */
  tool?: { command: string[]; version: string };
  /** Kustomize build cache. Default on; `false` disables it. */
  cache?: boolean;
  /**
   * Authenticates the kustomize build cache (core/seal.ts). Without it nothing is read from or written
   * to the cache (kustomize/build.ts), so every path is built again: pass the seal `validate` uses.
   */
  seal?: Seal;
  /** Simulated time to play at most (ms). Default 21 days. */
  horizonMs?: number;
  /**
   * The projects' sync windows played (default true). `validate --no-windows` plays without them, so
   * its result does not depend on the clock.
   */
  windows?: boolean;
}

/** An AppProject without its sync windows; any other object as it is. */
function withoutWindows(o: Obj): Obj {
  if (o['kind'] !== 'AppProject' || rec(o['spec'])['syncWindows'] === undefined) return o;
  const { syncWindows: _dropped, ...spec } = rec(o['spec']);
  return { ...o, spec };
}

const ARGOCD = 'argocd';

/** The tree as committed: `argocd/bootstrap.yaml`, and every path built with kustomize. */
export async function committedTree(o: SimulationOptions): Promise<SimTree> {
  const files = filesBelow(o.fs, ARGOCD).filter((p) => p.endsWith('.yaml')).map((p) => ({ path: p, content: o.fs.readText(p) ?? '' }));
  const strip = o.windows === false ? withoutWindows : (x: Obj) => x;
  const docs = argoDocuments(files, ARGOCD)
    .filter((d) => d.file !== `${ARGOCD}/argocd.yaml`)
    .map((d) => ({ ...d, object: strip(d.object as Obj) }));
  const { applications } = expandApplications(docs);
  const paths = [...new Set([ARGOCD, ...applications.map((a) => str(rec(rec(a.application['spec'])['source'])['path']) ?? '')])].filter((p) => p !== '').sort();
  const built = await buildPaths(
    paths.map((path) => ({ path })),
    { root: o.root, ...(o.tool ?? {}), ...(o.cache === false || !o.seal ? { cacheDir: false as const } : { cacheDir: defaultCacheDir(o.root), seal: o.seal }) },
  );
  const byPath = new Map(built.map((b) => [b.path, b.ok ? (b.objects as Obj[]).map(strip) : { error: b.error }]));
  return simTree({
    bootstrap: o.fs.readText(`${ARGOCD}/bootstrap.yaml`) ?? '',
    argocdPath: ARGOCD,
    argocd: docs,
    source: (p) => byPath.get(p) ?? { error: `path ${JSON.stringify(p)} is not built` },
    revision: 'HEAD',
  });
}

/** Plays the committed tree; its findings and the result. */
export async function runSimulation(o: SimulationOptions): Promise<{ findings: Finding[]; result: SimResult; tree: SimTree }> {
  const tree = await committedTree(o);
  const result = simulate(tree.input, { at: o.at, ...(o.horizonMs !== undefined ? { horizonMs: o.horizonMs } : {}) }, tree.expected);
  return { findings: simulationFindings(result, tree.files), result, tree };
}

/** The findings of the simulation step of `validate`. */
export async function simulationStep(o: SimulationOptions): Promise<Finding[]> {
  return (await runSimulation(o)).findings;
}

