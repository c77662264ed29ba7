/**
 * The formats of `plan` (issue 14): text for a terminal, markdown for a pull-request comment or job
 * summary (a table per section), JSON with the shape of {@link Plan}. Pure.
 */
import { formatDuration } from '../time/duration.js';
import type { Plan, PlanEnvironment, PlanWindow } from './plan.js';

/** The names `plan -o` accepts. */
export const PLAN_FORMATS = ['text', 'markdown', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The plan in `format`. */
export function formatPlan(plan: Plan, format: PlanFormat): string {
  return format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : format === 'markdown' ? planMarkdown(plan) : planText(plan);
}

function windowText(w: PlanWindow): string {
  const next = w.nextChange ? `; ${w.open ? 'closes' : 'opens'} after ${w.nextChangeLocal ? `${w.nextChangeLocal} (${w.nextChange})` : w.nextChange}` : '; no change ahead';
  const override = w.override ? `; override ${w.override}` : '';
  return `${w.open ? 'open' : 'closed'}${w.timeZone ? ` (${w.timeZone})` : ''}: ${w.rule}${next}${override}`;
}

function convergenceText(e: PlanEnvironment): string {
  const c = e.convergence;
  if (c.applications === 0) return 'no Applications';
  if (c.converged) return `converges in ${formatDuration(c.timeToConvergeMs ?? 0)} (${c.applications} Applications)`;
  return `${c.blocked.length} of ${c.applications} Applications do not converge`;
}

/** `2 objects; services: xiaoai; change windows edited`. */
function touchedText(e: PlanEnvironment): string {
  const objects = `${e.objects} object${e.objects === 1 ? '' : 's'}${e.services.length > 0 ? `; services: ${e.services.join(', ')}` : ''}`;
  return `${objects}${e.windowsEdited ? '; change windows edited' : ''}`;
}

const verdict = (p: Plan) => (p.blockers.length === 0 ? 'nothing blocks' : `BLOCKED: ${p.blockers.join('; ')}`);

function planText(p: Plan): string {
  const lines = [`Plan against ${p.base} at ${p.at}: ${p.summary}`, ''];
  lines.push(p.environments.length === 0 ? 'Touched environments: none' : 'Touched environments:');
  for (const e of p.environments) {
    lines.push(`  ${e.name} (${e.tier}, cluster ${e.cluster}): ${touchedText(e)}`);
    lines.push(`    window       ${windowText(e.window)}`);
    lines.push(`    simulation   ${convergenceText(e)}`);
    for (const b of e.convergence.blocked) lines.push(`                 ${b.application}: ${b.reason}`);
  }
  lines.push('', p.grayReleases.length === 0 ? 'Gray releases in flight: none' : 'Gray releases in flight:');
  for (const g of p.grayReleases) {
    lines.push(`  ${g.touched ? '*' : ' '} ${g.env}/${g.service}: canary ${g.canary} at ${g.weight}% (stable ${g.stable}; steps ${g.steps.join(' → ')}, ${g.control} control)`);
  }
  if (p.grayReleases.some((g) => g.touched)) lines.push('  (* touched by the change)');
  lines.push('', `Policy findings: ${counts(p)}`);
  for (const f of p.findings) lines.push(`  ${f.severity.padEnd(7)} ${f.check}  ${f.file}${f.object ? ` ${f.object}` : ''}: ${f.message}`);
  lines.push('', verdict(p));
  return `${lines.join('\n')}\n`;
}

/** `1 error, 2 warnings (99 infos not shown: \`npm run validate\` lists them)`. */
function counts(p: Plan): string {
  const shown = (['error', 'warning'] as const)
    .map((s) => [s, p.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`);
  const infos = p.infos > 0 ? ` (${p.infos} info${p.infos === 1 ? '' : 's'} not shown: \`npm run validate\` lists them)` : '';
  return `${shown.join(', ') || 'no errors or warnings'}${infos}`;
}

/** A table cell: no pipe or line break breaks the table. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function planMarkdown(p: Plan): string {
  const out = [`### Plan against ${p.base}`, '', `At ${p.at}: ${p.summary}.`, '', `**${cell(verdict(p))}**`, '', '#### Touched environments', ''];
  if (p.environments.length === 0) out.push('None.');
  else {
    out.push('| environment | tier | change | window | next change | simulation |', '|---|---|---|---|---|---|');
    for (const e of p.environments) {
      const w = e.window;
      const state = `${w.open ? 'open' : '**closed**'}${w.override ? ` (override ${code(w.override)})` : ''}: ${cell(w.rule)}`;
      const next = w.nextChange ? `${w.open ? 'closes' : 'opens'} after ${w.nextChangeLocal ?? w.nextChange}` : 'none';
      const blocked = e.convergence.blocked.map((b) => `<br>${code(b.application)}: ${cell(b.reason)}`).join('');
      out.push(`| ${e.name} | ${e.tier} | ${touchedText(e)} | ${state} | ${next} | ${convergenceText(e)}${blocked} |`);
    }
  }
  out.push('', '#### Gray releases in flight', '');
  if (p.grayReleases.length === 0) out.push('None.');
  else {
    out.push('| environment | service | canary | weight | stable | steps | control | touched |', '|---|---|---|---|---|---|---|---|');
    for (const g of p.grayReleases) out.push(`| ${g.env} | ${g.service} | ${g.canary} | ${g.weight}% | ${g.stable} | ${g.steps.join(' → ')} | ${g.control} | ${g.touched ? '**yes**' : 'no'} |`);
  }
  out.push('', '#### Policy findings', '', `${counts(p)}.`);
  if (p.findings.length > 0) {
    out.push('');
    out.push('| severity | check | file | object | message |', '|---|---|---|---|---|');
    for (const f of p.findings) out.push(`| ${f.severity} | ${code(f.check)} | ${code(f.file)} | ${f.object ? code(f.object) : ''} | ${cell(f.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
