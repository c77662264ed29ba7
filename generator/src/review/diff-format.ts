/**
 * The formats of `diff` (issue 14): text for a terminal, markdown for a pull-request comment or a job
 * summary, JSON for tools. Highlighted topics (images, weights, replicas, resources, windows) are
 * marked in each and counted in the summary. Pure.
 */
import type { FieldChange, ObjectChange, Topic } from './object-diff.js';

/** What was compared with what, for the heading. */
export interface DiffHeading {
  /** e.g. `origin/main (merge base 1a2b3c4d5e6f)`. */
  base: string;
}

const TOPICS: readonly Topic[] = ['image', 'weight', 'replicas', 'resources', 'windows'];
const SIGN = { added: '+', removed: '-', changed: '~' } as const;
/** A value longer than this is cut (a script in a ConfigMap), with its length said. */
const MAX_VALUE = 120;

/** `3 objects (1 added, 0 removed, 2 changed) in 2 paths of 1 environment; image 2, replicas 1`. */
export function diffSummary(changes: readonly ObjectChange[]): string {
  if (changes.length === 0) return 'no object changes';
  const n = (c: ObjectChange['change']) => changes.filter((x) => x.change === c).length;
  const paths = new Set(changes.map((c) => c.path)).size;
  const envs = new Set(changes.flatMap((c) => (c.env === '' ? [] : [c.env]))).size;
  const topics = TOPICS.map((t) => [t, changes.reduce((k, c) => k + c.fields.filter((f) => f.topic === t).length, 0)] as const).filter(([, k]) => k > 0);
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : w.endsWith('s') ? 'es' : 's'}`;
  return (
    `${plural(changes.length, 'object')} (${n('added')} added, ${n('removed')} removed, ${n('changed')} changed) in ${plural(paths, 'path')}${envs > 0 ? ` of ${envs} environment${envs === 1 ? '' : 's'}` : ''}` +
    (topics.length > 0 ? `; ${topics.map(([t, k]) => `${t} ${k}`).join(', ')}` : '')
  );
}

/** A value as one line of YAML-like text, cut at {@link MAX_VALUE}. */
function show(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? (/^[\w./:@-]+$/.test(v) ? v : JSON.stringify(v)) : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}… (${s.length} characters)` : s;
}

/** An environment's name; a path of no environment is shown under its cluster, or the Argo CD layer. */
function heading(env: string, path: string): string {
  if (env !== '') return env;
  const cluster = /^clusters\/([^/]+)\//.exec(path)?.[1];
  return cluster ? `cluster ${cluster} (shared by its environments)` : 'Argo CD layer (argocd/)';
}

function grouped(changes: readonly ObjectChange[]): Map<string, Map<string, ObjectChange[]>> {
  const envs = new Map<string, Map<string, ObjectChange[]>>();
  for (const c of changes) {
    const h = heading(c.env, c.path);
    const paths = envs.get(h) ?? envs.set(h, new Map()).get(h)!;
    (paths.get(c.path) ?? paths.set(c.path, []).get(c.path)!).push(c);
  }
  return envs;
}

/** For a terminal: per environment and path, each object with its changed fields, topics in front. */
export function diffText(h: DiffHeading, changes: readonly ObjectChange[]): string {
  const lines = [`Compared with ${h.base}: ${diffSummary(changes)}`];
  for (const [env, paths] of grouped(changes)) {
    lines.push('', env);
    for (const [path, list] of paths) {
      lines.push(`  ${path} (${list[0]!.application})`);
      for (const c of list) {
        lines.push(`    ${SIGN[c.change]} ${c.object}`);
        for (const f of c.fields) lines.push(`        ${(f.topic ?? '').padEnd(9)} ${f.path}: ${arrow(f)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function arrow(f: FieldChange): string {
  if (f.before === undefined) return `added ${show(f.after)}`;
  if (f.after === undefined) return `removed (was ${show(f.before)})`;
  if (typeof f.before === 'string' && typeof f.after === 'string' && show(f.before).length > MAX_VALUE && show(f.after).length > MAX_VALUE) return textChange(f.before, f.after);
  return `${show(f.before)} → ${show(f.after)}`;
}

/** Characters shown either side of a change in a long text. */
const CONTEXT = 30;

/**
 * A change inside a long text (a file in a ConfigMap, a dashboard's JSON): where it starts and what
 * differs, rather than the text's start, which is the same on both sides. Lines changed in place: the
 * part of the first that differs, with a little of the line around it. Lines added or removed: how
 * many went and came, and the first of each.
 */
function textChange(before: string, after: string): string {
  const [a, b] = [before.split('\n'), after.split('\n')];
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let last = 0;
  while (last < a.length - first && last < b.length - first && a[a.length - 1 - last] === b[b.length - 1 - last]) last++;
  const [gone, came] = [a.slice(first, a.length - last), b.slice(first, b.length - last)];
  const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
  // As many lines changed as came: the first, and how many more (the same list in three rules).
  if (gone.length === came.length) return `line ${first + 1}${gone.length > 1 ? ` (and ${lines(gone.length - 1)} after it)` : ''}: ${lineChange(gone[0]!, came[0]!)}`;
  const head = (l: readonly string[]) => `${l[0]!.trim().slice(0, MAX_VALUE)}${l.length > 1 ? ' …' : ''}`;
  if (gone.length === 0) return `line ${first + 1}: ${lines(came.length)} added: ${head(came)}`;
  if (came.length === 0) return `line ${first + 1}: ${lines(gone.length)} removed: ${head(gone)}`;
  return `line ${first + 1}: ${lines(gone.length)} → ${lines(came.length)}: ${head(gone)} → ${head(came)}`;
}

/** One changed line: the part that differs, with up to {@link CONTEXT} characters either side, indent dropped. */
function lineChange(before: string, after: string): string {
  const n = Math.min(before.length, after.length);
  let head = 0;
  while (head < n && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < n - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const indent = before.length - before.trimStart().length;
  const from = Math.max(Math.min(indent, head), head - CONTEXT);
  const part = (t: string) => {
    const to = Math.min(t.length, t.length - tail + CONTEXT);
    return `${from > indent ? '…' : ''}${t.slice(from, to).slice(0, MAX_VALUE)}${to < t.length ? '…' : ''}`;
  };
  return `${part(before)} → ${part(after)}`;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** For a pull-request comment or a job summary: a table per environment, details per object. */
export function diffMarkdown(h: DiffHeading, changes: readonly ObjectChange[]): string {
  const out = [`### Rendered objects against ${h.base}`, '', diffSummary(changes)];
  for (const [env, paths] of grouped(changes)) {
    out.push('', `#### ${env}`, '', '| path | object | change | highlighted |', '|---|---|---|---|');
    for (const [path, list] of paths) {
      for (const c of list) {
        const topics = [...new Set(c.fields.flatMap((f) => f.topic ?? []))].map((t) => `**${t}**`).join(', ');
        out.push(`| ${code(path)} | ${code(c.object)} | ${c.change} | ${topics} |`);
      }
    }
    const changed = [...paths.values()].flat().filter((c) => c.fields.length > 0);
    for (const c of changed) {
      out.push('', `<details><summary>${c.object} (${c.path})</summary>`, '');
      for (const f of c.fields) out.push(`- ${f.topic ? `**${f.topic}** ` : ''}${code(f.path)}: ${code(arrow(f))}`);
      out.push('', '</details>');
    }
  }
  return `${out.join('\n')}\n`;
}

/** For tools: the heading, the summary and every change. */
export function diffJson(h: DiffHeading, changes: readonly ObjectChange[]): string {
  return `${JSON.stringify({ base: h.base, summary: diffSummary(changes), changes }, null, 2)}\n`;
}
