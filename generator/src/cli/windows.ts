/**
 * `npm run windows -- [--env <env>] [--at <ISO-8601>] [--output text|json|junit|tap|sarif]`: each environment's
 * change-window state at the instant, the rule that decides it, and the next change. Also the base
 * revision `validate`'s windows step compares with (`--base`): the only place that runs `git`.
 */
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../core/errors.js';
import { createFormat, type Listing, type ListingEntry } from '../report/index.js';
import { instantAt, type BaseTree } from '../validate/windows-step.js';
import { stateAt } from '../windows/engine.js';
import { formatLocal } from '../time/zone.js';
import type { CommandContext } from './context.js';
import { WAIVABLE } from '../policy/ids.js';

export interface WindowsOptions {
  /** Only this environment. Default: all, by name. */
  env?: string;
  /** The instant, ISO-8601 with `Z` or an offset. Default: now. */
  at?: string;
  /** Output format (report/registry.ts): `text` (default), `json`, `junit`, `tap`, `sarif`. */
  output: string;
}

/** Parses `--at`; a usage error naming the expected form. Default `ctx.now()`. */
export function instantOption(ctx: CommandContext, at: string | undefined): Date {
  return instantAt(ctx.now, at);
}

export function runWindows(ctx: CommandContext, o: WindowsOptions): number {
  const format = createFormat(o.output);
  const at = instantOption(ctx, o.at);
  const config = loadConfig(ctx.fs, { waivable: WAIVABLE });
  const all = config.clusters.flatMap((c) => c.environments.map((env) => ({ env, cluster: c.name }))).sort((a, b) => (a.env.name < b.env.name ? -1 : 1));
  const chosen = o.env === undefined ? all : all.filter((e) => e.env.name === o.env);
  if (chosen.length === 0) throw new UsageError(`unknown environment "${o.env}": expected one of ${all.map((e) => e.env.name).join(', ')}`);
  const rows = chosen.map(({ env, cluster }) => {
    const s = stateAt(env.changeWindows, at);
    const zone = env.changeWindows && !env.changeWindows.alwaysOpen ? env.changeWindows.timeZone : undefined;
    return { env: env.name, cluster, zone, state: s };
  });
  ctx.stdout(format.listing(windowsListing(at, rows)));
  return 0;
}

/** One environment's change-window state at the instant. */
interface WindowRow {
  env: string;
  cluster: string;
  /** The time zone of its windows; none when it is always open. */
  zone: string | undefined;
  state: ReturnType<typeof stateAt>;
}

/** The `windows` answer as the output formats print it (report/listing.ts). */
function windowsListing(at: Date, rows: readonly WindowRow[]): Listing {
  const environments = rows.map((r) => ({
    environment: r.env,
    cluster: r.cluster,
    timeZone: r.zone ?? null,
    open: r.state.open,
    rule: r.state.rule,
    nextChange: r.state.nextChange?.toISOString() ?? null,
    nextChangeLocal: r.state.nextChange && r.zone ? formatLocal(r.zone, r.state.nextChange.getTime()) : null,
  }));
  const entries = rows.map((r): ListingEntry => {
    const c = r.state.nextChange;
    const local = c && r.zone ? `${formatLocal(r.zone, c.getTime())} (${c.toISOString()})` : c?.toISOString();
    return {
      file: `clusters/${r.cluster}/cluster.yaml`,
      object: `Environment ${r.env}`,
      heading: `${r.env}: ${r.state.open ? 'open' : 'closed'}${r.zone ? ` (${formatLocal(r.zone, at.getTime())} ${r.zone})` : ''}`,
      details: [
        ['rule', r.state.rule],
        ['next', c ? `${r.state.open ? 'closes' : 'opens'} after ${local}` : 'no change ahead'],
      ],
    };
  });
  return { title: `Change windows at ${at.toISOString()}`, check: 'windows/state', data: { at: at.toISOString(), environments }, entries };
}

function git(root: string, args: string[], input?: string): { ok: boolean; out: Buffer } {
  const r = spawnSync('git', args, { cwd: root, input, maxBuffer: 512 * 1024 * 1024 });
  return { ok: r.status === 0 && !r.error, out: r.stdout ?? Buffer.alloc(0) };
}

const text = (b: Buffer) => b.toString('utf8').trim();

/** The revision the change is compared with, and how it was chosen (for messages). */
export interface BaseRevision {
  rev: string;
  name: string;
}

/**
 * The base revision: `--base <rev>` when given (a usage error if Git cannot resolve it); else the
 * merge base of HEAD with `origin/main` when that exists; else HEAD (the uncommitted change).
 * `undefined` outside a Git work tree (no base: nothing is compared).
 */
export function baseRevision(root: string, base: string | undefined): BaseRevision | undefined {
  if (base !== undefined) {
    const r = git(root, ['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
    if (!r.ok) throw new UsageError(`--base "${base}" is not a Git revision of ${root}`);
    return { rev: text(r.out), name: base };
  }
  if (!git(root, ['rev-parse', '--is-inside-work-tree']).ok) return undefined;
  const mergeBase = git(root, ['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']).ok ? git(root, ['merge-base', 'HEAD', 'origin/main']) : undefined;
  if (mergeBase?.ok) return { rev: text(mergeBase.out), name: `origin/main (merge base ${text(mergeBase.out).slice(0, 12)})` };
  const head = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  return head.ok ? { rev: text(head.out), name: 'HEAD' } : undefined;
}

/** The base revision's files under apps/, clusters/ and argocd/ ({@link baseRevision}): what `validate`'s windows step compares with. */
export function baseTree(root: string, base: string | undefined): BaseTree | undefined {
  const b = baseRevision(root, base);
  return b && { name: b.name, files: filesAt(root, b.rev, ['apps', 'clusters', 'argocd']) };
}

/** The files under `dirs` (or the files named) at revision `rev`. */
export function filesAt(root: string, rev: string, dirs: readonly string[]): Map<string, string> {
  const list = git(root, ['ls-tree', '-r', '-z', '--name-only', rev, '--', ...dirs]);
  if (!list.ok) throw new Error(`git ls-tree ${rev} failed in ${root}`);
  const paths = list.out.toString('utf8').split('\0').filter((p) => p !== '');
  const files = new Map<string, string>();
  if (paths.length === 0) return files;
  // One `git cat-file --batch` for every file: "<oid> <type> <size>\n<content>\n" per request.
  const batch = git(root, ['cat-file', '--batch'], paths.map((p) => `${rev}:./${p}\n`).join(''));
  if (!batch.ok) throw new Error(`git cat-file failed in ${root}`);
  let pos = 0;
  for (const p of paths) {
    const eol = batch.out.indexOf(0x0a, pos);
    const header = batch.out.subarray(pos, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    files.set(p, batch.out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    pos = eol + 1 + size + 1;
  }
  return files;
}
