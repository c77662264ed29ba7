/** Checks of `argocd/argocd.yaml`, alone and against the cluster files, and the builder of its typed config. */
import type { Finding } from '../../core/finding.js';
import type { ParsedFile } from '../shared/checks.js';
import { Reporter, isRaw } from '../shared/checks.js';
import { checkName, nearHint } from '../shared/names.js';
import { noTemplateMarkers, TEMPLATE_FIELDS } from '../shared/template.js';
import type { PathSegment } from '../yaml-source.js';
import type { ArgoConfig, ArgocdFile } from './schema.js';

/** Checks of `argocd/argocd.yaml`. */
export function checkArgocdFile(f: ParsedFile, out: Finding[]): void {
  const r = new Reporter(f.source, out);
  const d = f.data;
  // The three values the ApplicationSet templates carry are checked for template markers first.
  const plain = (key: keyof typeof TEMPLATE_FIELDS.argocd) => noTemplateMarkers(r, [key], d[key], TEMPLATE_FIELDS.argocd[key]);
  if (typeof d.repoURL === 'string' && plain('repoURL')) checkRepoUrl(r, d.repoURL);
  const rev = d.targetRevision;
  // git check-ref-format, loosely: what Argo CD could never resolve.
  if (typeof rev === 'string' && rev !== '' && plain('targetRevision') && (/[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$/.test(rev))) {
    r.report('revision', ['targetRevision'], `\`targetRevision\` is ${JSON.stringify(rev)}, not a valid branch, tag or commit name`, 'e.g. `targetRevision: main`');
  }
  if (plain('namespace')) checkName(r, ['namespace'], d.namespace, 'argocd');
  if (isRaw(d.roles)) {
    checkGroups(r, ['roles', 'deployers'], d.roles.deployers);
    checkGroups(r, ['roles', 'readOnly'], d.roles.readOnly);
    const envs = isRaw(d.roles.environments) ? d.roles.environments : {};
    for (const [env, o] of Object.entries(envs)) {
      if (!isRaw(o)) continue;
      checkGroups(r, ['roles', 'environments', env, 'deployers'], o.deployers);
      checkGroups(r, ['roles', 'environments', env, 'readOnly'], o.readOnly);
    }
  }
}

/**
 * Checks of `argocd/argocd.yaml` against the cluster files: `cluster` must name a cluster with a
 * Prometheus (`monitoring`): otherwise Argo CD would go unscraped and its alerts never fire, and every
 * environment named under `roles.environments` must be hosted by some cluster (a typo would silently
 * grant nothing).
 */
export function checkArgocdAcross(f: ParsedFile, clusters: readonly ParsedFile[], out: Finding[]): void {
  const r = new Reporter(f.source, out);
  const host = f.data.cluster;
  if (typeof host === 'string' && host !== '') {
    const names = clusters.map((c) => (typeof c.data.name === 'string' ? c.data.name : c.folder)).sort();
    const file = clusters.find((c) => (typeof c.data.name === 'string' ? c.data.name : c.folder) === host);
    if (!file) {
      r.report('unknown-cluster', ['cluster'], `\`cluster\` is ${JSON.stringify(host)}, which no cluster file declares; expected the \`name\` of one of clusters/*/cluster.yaml, the cluster Argo CD runs in`, nearHint(host, names, 'clusters'));
    } else if (!isRaw(file.data.monitoring)) {
      // The ServiceMonitors and configuration alerts need that cluster's Prometheus (render/argocd-monitoring.ts).
      r.report('no-monitoring', ['cluster'], `\`cluster\` is ${JSON.stringify(host)}, whose ${file.source.file} has no \`monitoring\`: no Prometheus there would scrape Argo CD or evaluate the configuration alerts`, `add \`monitoring\` to ${file.source.file} (docs/monitoring.md), or name the cluster whose Prometheus should scrape Argo CD`);
    }
  }
  const roles = f.data.roles;
  if (!isRaw(roles) || !isRaw(roles.environments)) return;
  const known = clusters.flatMap((c) => (isRaw(c.data.environments) ? Object.keys(c.data.environments) : [])).sort();
  for (const env of Object.keys(roles.environments)) {
    if (known.includes(env)) continue;
    r.report('unknown-environment', ['roles', 'environments', env], `\`roles.environments\` names environment ${JSON.stringify(env)}, which no cluster hosts`, nearHint(env, known, 'environments'), 'key');
  }
}

/** SSO group names: Argo CD matches them verbatim against the token's groups claim. */
function checkGroups(r: Reporter, path: PathSegment[], v: unknown): void {
  if (!Array.isArray(v)) return;
  v.forEach((g, n) => {
    if (typeof g === 'string' && (g !== g.trim() || /[\x00-\x1f\x7f,]/.test(g))) {
      r.report('group', [...path, n], `group ${JSON.stringify(g)} has surrounding spaces, a comma or a control character`, 'write the group exactly as your SSO provider sends it in the groups claim, e.g. `suoke-life:sre`');
    }
  });
}

function checkRepoUrl(r: Reporter, v: string): void {
  const scpLike = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s/][^\s]*$/.test(v);
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  const ok = scpLike || (url !== undefined && (url.protocol === 'https:' || url.protocol === 'ssh:') && url.hostname !== '' && url.pathname.length > 1);
  if (!ok) {
    r.report('url', ['repoURL'], `\`repoURL\` is ${JSON.stringify(v)}; expected an https or ssh Git URL`, 'e.g. `repoURL: https://git.suoke-life.com/platform/suoke-life-gitops.git`');
  } else if (url?.protocol === 'https:' && (url.username !== '' || url.password !== '')) {
    r.report('url', ['repoURL'], '`repoURL` must not contain credentials', 'remove `user:token@`: Argo CD holds repository credentials in its own Secrets, never in Git');
  }
}

/** The typed {@link ArgoConfig} of an `argocd/argocd.yaml` that passed every check. */
export function buildArgocd(f: ParsedFile, v: ArgocdFile): ArgoConfig {
  return { file: f.source.file, ...v };
}
