import { formatPath } from '../core/finding.js';
import { eachString } from '../core/walk.js';
import { generatedTemplateActions } from '../render/argocd-apps.js';
import { executeGoTemplate, hasTemplateMarkers, parseGoTemplate } from './go-template.js';
/**
 * Expands every ApplicationSet in-process as the ApplicationSet controller would: every string of
 * the template, map keys included, parsed and executed as a Go template on each list-generator
 * element with `missingkey=error` (go-template.ts; a key the element lacks is a finding, and Argo CD
 * would generate nothing from that ApplicationSet). Plain Applications are passed through.
 *
 * A `{{ … }}` the generator does not write at that place (render/argocd-apps.ts
 * `generatedTemplateActions`) is a finding of its own: it can only have come from a configuration
 * value or a hand edit, and Argo CD would evaluate it for every Application (`targetRevision:
 * "{{.stableVersion}}"` tracks each service's version as a branch). Anything this expander cannot
 * reproduce exactly (other generators, other template actions, no `missingkey=error`, progressive
 * syncs) is a finding too.
 */
export function expandApplications(docs) {
    const applications = [];
    const findings = [];
    for (const { file, object } of docs) {
        const name = String(object['metadata']?.name ?? '');
        if (object['kind'] === 'Application') {
            applications.push({ file, origin: `Application ${name}`, application: object });
            continue;
        }
        if (object['kind'] !== 'ApplicationSet')
            continue;
        const id = `argoproj.io/v1alpha1/ApplicationSet ${name}`;
        const bad = (check, path, message, hint) => findings.push({ check: `argocd/${check}`, severity: 'error', file, object: id, path: formatPath(path), message, hint });
        const spec = (object['spec'] ?? {});
        const options = Array.isArray(spec['goTemplateOptions']) ? spec['goTemplateOptions'] : [];
        if (spec['goTemplate'] !== true || !options.includes('missingkey=error')) {
            bad('go-template', ['spec', 'goTemplate'], 'ApplicationSet must set `goTemplate: true` and `goTemplateOptions: ["missingkey=error"]`; otherwise a missing parameter renders as an empty string silently', 'render it with the generator (`npm run render`)');
        }
        const strategy = spec['strategy'];
        if (strategy?.type === 'RollingSync') {
            bad('rolling-sync', ['spec', 'strategy', 'type'], 'RollingSync turns automated sync off on the Applications it drives, so Argo CD would stop auto-syncing the committed output', 'remove `spec.strategy`; order rollouts with sync waves and gray releases instead');
        }
        const template = spec['template'];
        const parsed = parseTemplateStrings(template, bad);
        const generators = Array.isArray(spec['generators']) ? spec['generators'] : [];
        generators.forEach((g, gi) => {
            const list = g['list'];
            const kinds = Object.keys(g);
            if (!list || kinds.length !== 1) {
                bad('generator-unsupported', ['spec', 'generators', gi], `generator ${JSON.stringify(kinds.join(', '))} cannot be expanded offline; only \`list\` generators can be proven`, 'use a list generator with one element per Application');
                return;
            }
            const elements = Array.isArray(list.elements) ? list.elements : [];
            elements.forEach((el, n) => {
                const where = ['spec', 'generators', gi, 'list', 'elements', n];
                if (el === null || typeof el !== 'object' || Array.isArray(el)) {
                    bad('element', where, `element ${n} is not a mapping of parameters`, 'write each element as `key: value` pairs');
                    return;
                }
                if (!parsed)
                    return;
                const params = el;
                const failures = new Map();
                const expanded = substitute(template, params, parsed, ['spec', 'template'], failures);
                const label = typeof params['name'] === 'string' ? ` (${params['name']})` : '';
                for (const f of failures.values()) {
                    if (f.key !== undefined) {
                        bad('missing-key', where, `element ${n}${label} has no key ${JSON.stringify(f.key)}, which the template uses at ${f.at}; with missingkey=error Argo CD generates no Application from this ApplicationSet`, `add \`${f.key}\` to every element`);
                    }
                    else {
                        bad('template-error', where, `element ${n}${label}: executing the template at ${f.at} fails (${f.error}); Argo CD generates no Application from this ApplicationSet`, 'give the element the parameter the template expects');
                    }
                }
                if (failures.size > 0 || !expanded)
                    return;
                applications.push({
                    file,
                    origin: `ApplicationSet ${name} element ${n}`,
                    application: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', ...expanded },
                });
            });
        });
    }
    return { applications, findings };
}
/**
 * Parses every string of the template holding a marker, once per ApplicationSet. Reports markers the
 * generator does not write there, strings Go refuses to parse and actions this expander cannot
 * reproduce; returns the parsed strings, or `undefined` when no Application can be expanded.
 */
function parseTemplateStrings(template, bad) {
    const generated = generatedTemplateActions();
    const parsed = new Map();
    let ok = true;
    eachString(template, ['spec', 'template'], (path, s, key) => {
        if (!hasTemplateMarkers(s))
            return;
        const at = formatPath(path);
        const what = key ? `the key ${JSON.stringify(s)} of ${formatPath(path.slice(0, -1))}` : at;
        const expected = generated.get(`${key ? 'key ' : ''}${at}`);
        const p = parseGoTemplate(s);
        if (expected !== s) {
            const offending = 'actions' in p && p.actions.length > 0 ? p.actions.map((a) => JSON.stringify(a)).join(', ') : JSON.stringify(s);
            bad('template-injection', path, `template expression ${offending} at ${what} is not one the generator writes there (${expected === undefined ? 'it writes plain text' : `it writes ${JSON.stringify(expected)}`}); Argo CD would evaluate it for every generated Application`, 'a configuration value carries `{{` or `}}` (or the file was edited by hand): remove the markers from the value that lands here and run `npm run render`');
        }
        if ('error' in p) {
            ok = false;
            bad('template-error', path, `Go cannot parse the template at ${what}: ${p.error}; Argo CD generates no Application from this ApplicationSet`, 'remove the stray `{{` or `}}`, then run `npm run render`');
            return;
        }
        for (const node of p.nodes) {
            if (node.kind !== 'unsupported')
                continue;
            ok = false;
            bad('template-unsupported', path, `template action ${JSON.stringify(node.source)} at ${what} is not a plain \`{{.key}}\` parameter and cannot be expanded offline`, 'use `{{.key}}` parameters only');
        }
        parsed.set(`${key ? 'key ' : ''}${at}`, p.nodes);
    });
    return ok ? parsed : undefined;
}
/** The template with every string executed on one element's parameters; failures keyed by what failed, first place only. */
function substitute(v, params, parsed, path, failures) {
    const run = (s, at, key) => {
        const nodes = parsed.get(`${key ? 'key ' : ''}${formatPath(at)}`);
        if (!nodes)
            return s;
        const r = executeGoTemplate(nodes, params);
        if ('text' in r)
            return r.text;
        const id = 'missing' in r ? `missing ${r.missing}` : `error ${r.error}`;
        if (!failures.has(id))
            failures.set(id, 'missing' in r ? { key: r.missing, at: formatPath(at) } : { error: r.error, at: formatPath(at) });
        return '';
    };
    if (typeof v === 'string')
        return run(v, path, false);
    if (Array.isArray(v))
        return v.map((x, i) => substitute(x, params, parsed, [...path, i], failures));
    if (v !== null && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [run(k, [...path, k], true), substitute(x, params, parsed, [...path, k], failures)]));
    }
    return v;
}
