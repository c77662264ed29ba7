import { formatPath } from '../../core/finding.js';
/** Go-template delimiters: Argo CD evaluates either inside an ApplicationSet template. */
const MARKER = /\{\{|\}\}/;
/**
 * Config values the renderer copies into an ApplicationSet's `spec.template` (through
 * `AppContext` in render/argocd-apps.ts), each with an example for the hint. Argo CD parses every
 * string of the template (values and map keys) as a Go template once per generated Application
 * (applicationset/utils/utils.go at v3.5.1, lines 222–248 and 402–422), so a `{{` in one of these
 * would be evaluated there: `targetRevision: "{{.stableVersion}}"` makes every Application track a
 * revision named after its service's version.
 *
 * The list-generator elements (service names, paths, versions) are not listed: Argo CD unmarshals
 * them into the parameter map (applicationset/generators/list.go at v3.5.1, lines 43–52) and
 * `Execute` writes them out as data (utils.go:418); they are never parsed as a template. (Only a
 * matrix or merge child generator is interpolated, utils.go:337–396; the generator writes neither.)
 *
 * Markers are refused, not escaped as `{{ "{{" }}`: no value here can need them (DNS names and URL
 * hosts cannot hold braces; a Git ref that could is better renamed or pinned by commit), and an
 * escaped value would read differently in the committed ApplicationSet than in the configuration.
 */
export const TEMPLATE_FIELDS = {
    argocd: { repoURL: 'https://git.suoke-life.com/platform/suoke-life-gitops.git', targetRevision: 'main', namespace: 'argocd' },
    cluster: { server: 'https://kubernetes.default.svc', environment: 'staging', namespace: 'suoke-staging' },
};
/**
 * Reports a string holding `{{` or `}}`; returns true when `v` is free of them (or not a string),
 * so the caller's grammar check runs only on a value not already reported.
 */
export function noTemplateMarkers(r, path, v, example, anchor = 'value') {
    if (typeof v !== 'string' || !MARKER.test(v))
        return true;
    const what = anchor === 'key' ? `the key ${JSON.stringify(v)} of \`${formatPath(path.slice(0, -1))}\`` : `\`${formatPath(path)}\` is ${JSON.stringify(v)}`;
    r.report('template-marker', path, `${what}: template markers \`{{\` and \`}}\` are not allowed here, because the value is copied into the ApplicationSet template, where Argo CD would evaluate it as a Go template for every generated Application`, `write the plain value without braces, e.g. \`${example}\``, anchor);
    return false;
}
