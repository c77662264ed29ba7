/**
 * The text of a service's runbook and of their index (facts: render/runbooks.ts). Markdown with
 * relative links only, so it reads the same on any Git host and from a checkout; sections in a
 * fixed order, environments in promotion order, no timestamps.
 */
import type { ChangeWindowsConfig, ClusterConfig } from '../config/types.js';
import { ALERT_LEVELS } from '../config/shared/vocabulary.js';
import type { RenderedFile } from '../core/generated-files.js';
import { markdownFile, relativePath } from './files.js';
import { logsOf } from './logging.js';
import type { ServiceAlert } from './runbook-alerts.js';
import type { Runbook, RunbookEnvironment } from './runbooks.js';

/** A table cell: pipes escaped, lines joined. */
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (s: string) => `\`${s}\``;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** The gray release of an environment in words, e.g. `canary 2.1.0 at 20 % (steps 5, 20, 50, 100; control git)`. */
function grayText(e: RunbookEnvironment): string {
  const g = e.instance.grayRelease;
  if (!g) return 'none';
  const plan = `steps ${g.steps.join(', ')}; control ${g.control}`;
  return g.canary ? `canary ${g.canary.version} at ${g.canary.weight} % (${plan})` : `configured, no canary in progress (${plan})`;
}

function windowsText(w: ChangeWindowsConfig | undefined, link: (p: string) => string): string[] {
  if (!w || w.alwaysOpen) return [`[Change windows](${link('docs/change-windows.md')}): always open (no window to wait for).`];
  const allow = w.allow.map((a) => `${code(a.schedule)} for ${a.duration} (${a.description})`);
  const deny = w.deny.map((d) => `${code(d.schedule)} for ${d.duration} (${d.description})`);
  const freezes = w.freezes.map((f) => `${f.name} ${f.from} to ${f.to} (${f.reason})`);
  return [
    `[Change windows](${link('docs/change-windows.md')}) (${w.timeZone}): ${allow.length > 0 ? `open only in ${allow.join('; ')}` : 'no allow window'}` +
      `${deny.length > 0 ? `; closed in ${deny.join('; ')}` : ''}${freezes.length > 0 ? `; frozen ${freezes.join('; ')}` : ''}.`,
    `Outside them \`validate\` refuses the change unless an [emergency override record](${link('docs/change-windows.md')}#emergency-overrides) \`changes/<id>.yaml\` (environments, reason, approver, expires) is committed with it.`,
  ];
}

function rollback(r: Runbook, e: RunbookEnvironment, link: (p: string) => string): string[] {
  const i = e.instance;
  const name = r.service.name;
  const env = i.env.name;
  const head = `### ${env}`;
  if (i.grayRelease?.canary) {
    return [
      head,
      '',
      `A canary (${i.grayRelease.canary.version} at ${i.grayRelease.canary.weight} %) is in progress: abort it. All traffic goes back to the stable version ${i.version}.`,
      '',
      '```sh',
      `npm run canary -- abort ${name} --env ${env}   # removes the canary from Git: commit and merge it`,
      `kubectl argo rollouts abort ${name} -n ${i.env.namespace}   # emergency only, at once; then the line above`,
      '```',
      '',
      `After an analysis abort run \`abort\`, never \`advance\` ([gray releases](${link('docs/gray-releases.md')})).`,
      '',
      ...windowsText(e.windows, link),
      '',
    ];
  }
  return [
    head,
    '',
    `It runs ${i.version}, set by ${code(e.versionKey)} in [service.yaml](${link(r.service.file)}). To put the previous version back, either`,
    `- \`git revert <commit>\` of the commit that changed ${code(e.versionKey)} (it holds the rendered files too), or`,
    `- set ${code(e.versionKey)} to the previous version, then \`npm run render\` and commit both.`,
    ...(e.versionKey === 'version' ? ['', `The service-wide \`version\` is every environment's without an override of its own: to move ${env} alone, add \`environments.${env}.version\`.`] : []),
    '',
    ...windowsText(e.windows, link),
    '',
  ];
}

function alertRows(alerts: ServiceAlert[], e: RunbookEnvironment, link: (p: string) => string): string[][] {
  return alerts.map((a) => {
    const routes = e.routes[a.level as (typeof ALERT_LEVELS)[number]] ?? [];
    const file = e.ruleFiles[a.rule];
    return [
      a.anchor ? `[${a.alert}](${link('docs/monitoring.md')}#${a.anchor})` : a.alert,
      a.level,
      routes.length > 0 ? routes.join(', ') : 'no route in the cluster',
      a.for ?? 'at once',
      a.summary,
      a.reads.map(code).join(', '),
      file ? `[${a.rule}](${link(file)})` : a.rule,
    ];
  });
}

/** Panels grouped by the series that shows the service: `series \`suoke-prod/xiaoke\` in A, B`. */
function bySeries(panels: readonly { title: string; series: string }[]): string {
  const groups = new Map<string, string[]>();
  for (const p of panels) groups.set(p.series, [...(groups.get(p.series) ?? []), p.title]);
  return [...groups].map(([series, titles]) => `series ${code(series)} in ${titles.map((t) => `"${t}"`).join(', ')}`).join('; ');
}

const ALERT_HEAD = ['Alert', 'Level', 'Routed to', 'For', 'Summary', 'Reads', 'PrometheusRule'];

/** The runbook of one service, `<dir>/<service>.md`. */
export function runbookMarkdown(r: Runbook, dir: string): RenderedFile {
  const s = r.service;
  const link = (p: string) => relativePath(dir, p);
  const o = s.owners;
  const envs = r.environments;
  const lines = [
    `# ${s.name} runbook`,
    '',
    `${s.description}`,
    '',
    '## Owners',
    '',
    ...(o ? [] : [`No \`owners\` in [service.yaml](${link(s.file)}): the team shown is the service's group.`, '']),
    ...table(['Team', 'On call', 'Chat', 'Mail'], [[o?.team ?? s.group, o?.onCall ?? 'not declared', o?.chat ?? 'not declared', o?.email ?? 'not declared']]),
    '',
    '## What it is',
    '',
    `Group ${code(s.group)}, image ${code(s.image)}; HTTP on 8080${s.grpc ? ', gRPC on 50051' : ''}${s.metrics ? ', metrics on 9090' : ''}${s.exposed ? '; reachable from the ingress gateway' : ''}.`,
    '',
    ...table(['Environment', 'Cluster', 'Namespace', 'Version', 'Workload', 'Gray release'],
      envs.map((e) => [e.instance.env.name, e.instance.cluster.name, e.instance.env.namespace, e.instance.version, e.instance.workload, grayText(e)])),
    '',
    '## Dependencies',
    '',
    ...envs.flatMap((e) => [
      `### ${e.instance.env.name}`,
      '',
      `- Calls: ${e.calls.map((c) => `${code(c.name)} (${c.namespace}${c.grpc ? ', gRPC' : ''})`).join(', ') || 'none'}`,
      `- Called by: ${e.callers.map((c) => `${code(c.name)} (${c.namespace})`).join(', ') || 'none'}`,
      `- Data: ${e.instance.data.map((d) => `${code(d.name)} ${d.resource} (${d.namespace}, port ${d.port})`).join(', ') || 'none'}`,
      '',
    ]),
    '## Alerts',
    '',
    `What can fire for it, read from the rendered PrometheusRules; routes from the cluster's \`alerting\` ([alert routing](${link('docs/alerting.md')})).`,
    '',
    ...envs.flatMap((e) => [
      `### ${e.instance.env.name}`,
      '',
      ...(e.alerts.length > 0 ? table(ALERT_HEAD, alertRows(e.alerts, e, link)) : ['No alert is rendered for it here.']),
      '',
      ...(e.dataAlerts.length > 0 ? ['On the data services it uses:', '', ...table(ALERT_HEAD, alertRows(e.dataAlerts, e, link)), ''] : []),
    ]),
    '## Rollback',
    '',
    ...envs.flatMap((e) => rollback(r, e, link)),
    '## Dashboards and logs',
    '',
    ...envs.flatMap((e) => {
      const i = e.instance;
      const ns = i.env.namespace;
      return [
        `### ${i.env.name}`,
        '',
        ...e.dashboards.map((d) => `- Grafana "${d.title}" (uid ${code(d.uid)}, ConfigMap [${d.namespace}/${d.configMap}](${link(d.file)})): ${bySeries(d.panels)}`),
        ...(e.dashboards.length === 0 ? ['- No dashboard: the cluster declares no `monitoring`.'] : []),
        `- Logs: \`kubectl logs -n ${ns} -l app.kubernetes.io/name=${s.name} -c ${s.name} --tail=200\` (\`--previous\` after a restart)`,
        ...kept(i.cluster, i.env.name, s.name, link),
        ...(i.workload === 'Rollout' ? [`- Rollout: \`kubectl argo rollouts get rollout ${s.name} -n ${ns}\``] : []),
        '',
      ];
    }),
    '## Links',
    '',
    `- [service.yaml](${link(s.file)}), [base](${link(`apps/${s.name}/base/kustomization.yaml`)})`,
    ...envs.map((e) => `- ${e.instance.env.name}: [overlay](${link(`${e.instance.path}/kustomization.yaml`)}), [cluster.yaml](${link(e.instance.cluster.file)})`),
    `- Docs: [runbooks](${link('docs/runbooks.md')}), [monitoring](${link('docs/monitoring.md')}), [alert routing](${link('docs/alerting.md')}), [gray releases](${link('docs/gray-releases.md')}), [change windows](${link('docs/change-windows.md')})`,
  ];
  return markdownFile(`${dir}/${s.name}.md`, [s.file, ...new Set(envs.map((e) => e.instance.cluster.file))], `${lines.join('\n')}\n`);
}

/** The index of the runbooks, `<dir>/README.md`: a row per service. */
export function runbookIndex(books: readonly Runbook[], dir: string): RenderedFile {
  const rows = books.map((b) => [
    `[${b.service.name}](${b.service.name}.md)`,
    b.service.group,
    b.service.owners?.team ?? `${b.service.group} (group)`,
    b.environments.map((e) => `${e.instance.env.name} ${e.instance.version}${e.instance.grayRelease?.canary ? ` (canary ${e.instance.grayRelease.canary.version} at ${e.instance.grayRelease.canary.weight} %)` : ''}`).join(', '),
  ]);
  const lines = [
    '# Runbooks',
    '',
    `One per service, generated from its service.yaml and the cluster files ([how](${relativePath(dir, 'docs/runbooks.md')})).`,
    '',
    ...table(['Service', 'Group', 'Team', 'Versions'], rows),
  ];
  return markdownFile(`${dir}/README.md`, ['apps/*/service.yaml', 'clusters/*/cluster.yaml'], `${lines.join('\n')}\n`);
}

/** The line pointing at the logs kept in the cluster's Kibana (docs/logging.md), when it has one. */
function kept(cluster: ClusterConfig, env: string, service: string, link: (file: string) => string): string[] {
  const l = logsOf(cluster, env);
  if (!l) return [];
  return [
    `- Logs of the last ${l.days} days: Kibana of cluster ${cluster.name} (\`kubectl port-forward -n ${l.namespace} svc/${l.service} 5601\`, then https://localhost:5601 as \`elastic\`, password in Secret ${code(`${l.namespace}/${l.userSecret}`)}), data stream ${code(l.stream)}, query ${code(`kubernetes.container.name: ${service}`)} ([logging](${link('docs/logging.md')}))`,
  ];
}
