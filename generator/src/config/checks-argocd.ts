import type { Finding } from '../core/finding.js';
import type { ParsedFile } from './checks.js';
import { Reporter, checkName } from './checks.js';

/** Checks of `argocd/argocd.yaml`. */
export function checkArgocdFile(f: ParsedFile, out: Finding[]): void {
  const r = new Reporter(f.source, out);
  const d = f.data;
  if (typeof d.repoURL === 'string') checkRepoUrl(r, d.repoURL);
  const rev = d.targetRevision;
  // git check-ref-format, loosely: what Argo CD could never resolve.
  if (typeof rev === 'string' && rev !== '' && (/[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$/.test(rev))) {
    r.report('revision', ['targetRevision'], `\`targetRevision\` is ${JSON.stringify(rev)}, not a valid branch, tag or commit name`, 'e.g. `targetRevision: main`');
  }
  checkName(r, ['namespace'], d.namespace, 'argocd');
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
