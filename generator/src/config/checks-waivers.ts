/**
 * Policy waivers in configuration (docs/policies.md): `waivers` in `apps/<service>/service.yaml`
 * (the service's objects) and in `clusters/<cluster>/cluster.yaml` (every object of the cluster's
 * environments, and its capacity check). Schema, types, checks and the builder live here, so the
 * shared config files only gain one line each.
 */
import type { Finding } from '../core/finding.js';
import { suggest } from '../core/names.js';
import { MIN_WAIVER_REASON, WAIVABLE } from '../policy/ids.js';
import type { ParsedFile, Raw } from './checks.js';
import { Reporter, isRaw } from './checks.js';

/** One waiver: `{check: image-digest, reason: "…", environments: [prod], kind: Deployment}`. */
export interface PolicyWaiverConfig {
  /** Check id without `policy/`, e.g. `image-digest`; `capacity` only in cluster files. */
  check: string;
  /** Why the check does not apply: shown by `validate -v` with every waived finding. */
  reason: string;
  /** Only these environments. Default: every environment of the service or cluster. */
  environments?: string[];
  /** Only objects of this kind, e.g. `Deployment`. Default: every kind. */
  kind?: string;
  /** Line of the waiver in its file (set by the loader), for findings about it. */
  line?: number;
}

/** JSON Schema of `waivers` (structure only; ids and environments are checked below). */
export const waiversSchema: Record<string, unknown> = {
  type: 'array',
  description: 'Policy checks waived, each with a written reason (docs/policies.md). Default none.',
  default: [],
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['check', 'reason'],
    properties: {
      check: { type: 'string', description: 'Check id without `policy/`.', examples: ['image-digest'] },
      reason: { type: 'string', description: 'Why the check does not apply here.', examples: ['the registry does not publish digests yet'] },
      environments: { type: 'array', uniqueItems: true, items: { type: 'string' }, description: 'Only these environments. Default all.', examples: [['prod']] },
      kind: { type: 'string', description: 'Only objects of this kind. Default all.', examples: ['Deployment'] },
    },
    examples: [{ check: 'image-digest', reason: 'the registry does not publish digests yet' }],
  },
};

/** Checks `waivers` of one file; `environments` are the names the waivers may restrict to. */
export function checkWaivers(f: ParsedFile, environments: readonly string[] | undefined, out: Finding[]): void {
  const list = f.data.waivers;
  if (!Array.isArray(list)) return;
  const r = new Reporter(f.source, out);
  const cluster = f.source.file.startsWith('clusters/');
  list.forEach((w, i) => {
    if (!isRaw(w)) return;
    const at = (...p: (string | number)[]) => ['waivers', i, ...p];
    if (typeof w.check === 'string') {
      const id = w.check;
      if (id.startsWith('policy/') && WAIVABLE.includes(id.slice(7))) {
        r.report('waiver', at('check'), `\`waivers[${i}].check\` is ${JSON.stringify(id)}; write the id without \`policy/\``, `\`check: ${id.slice(7)}\``);
      } else if (!WAIVABLE.includes(id)) {
        const near = suggest(id, WAIVABLE);
        r.report('waiver', at('check'), `\`waivers[${i}].check\` is ${JSON.stringify(id)}, not a policy check${near ? `; did you mean \`${near}\`?` : ''}`, 'see the check ids in docs/policies.md');
      } else if (id === 'capacity' && !cluster) {
        r.report('waiver', at('check'), '`capacity` is a check of the cluster: waive it in clusters/<cluster>/cluster.yaml', 'move this waiver to the cluster file');
      } else if (id === 'capacity' && (w.environments !== undefined || w.kind !== undefined)) {
        r.report('waiver', at('check'), '`capacity` is checked per cluster: a waiver of it takes no `environments` or `kind`', 'remove `environments` and `kind`');
      }
    }
    if (typeof w.reason === 'string' && w.reason.trim().length < MIN_WAIVER_REASON) {
      r.report('waiver', at('reason'), `\`waivers[${i}].reason\` is ${JSON.stringify(w.reason)}; a waiver needs a written reason`, 'say why the check does not apply here, in a sentence reviewers can judge');
    }
    if (environments && Array.isArray(w.environments)) {
      w.environments.forEach((e, j) => {
        if (typeof e === 'string' && !environments.includes(e)) {
          const near = suggest(e, environments);
          r.report('unknown-environment', at('environments', j), `\`waivers[${i}].environments\` names \`${e}\`, which is not an environment here${near ? `; did you mean \`${near}\`?` : ''}`, `known: ${environments.join(', ')}`);
        }
      });
    }
  });
}

/** Every environment name declared by the cluster files (for the service files' waivers). */
export function environmentNames(clusters: readonly ParsedFile[]): string[] {
  return clusters.flatMap((c) => (isRaw(c.data.environments) ? Object.keys(c.data.environments) : [])).sort();
}

/** Environments of one cluster file. */
export function clusterEnvironments(f: ParsedFile): string[] {
  return isRaw(f.data.environments) ? Object.keys(f.data.environments).sort() : [];
}

/** The checked `waivers`; `lineOf(i)`: the line of `waivers[i]` in its file, for findings. */
export function buildWaivers(v: unknown, lineOf?: (index: number) => number): PolicyWaiverConfig[] {
  return ((v ?? []) as Raw[]).map((w, i) => ({
    ...(lineOf ? { line: lineOf(i) } : {}),
    check: w.check as string,
    reason: (w.reason as string).trim(),
    ...(w.environments !== undefined ? { environments: [...(w.environments as string[])] } : {}),
    ...(w.kind !== undefined ? { kind: w.kind as string } : {}),
  }));
}
