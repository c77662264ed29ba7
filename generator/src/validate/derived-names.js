import { ARGOCD_PATH } from '../render/argocd.js';
import { expandApplications } from '../argo/expand.js';
import { argoOrigin, blame, describeOrigins, originsByPath } from './derived-origins.js';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, nameRule } from './schema/grammar.js';
/** Length limit and grammar of each rule, for hints. */
const RULES = new Map([
    [dns1035Label, { max: 63, summary: 'a DNS-1035 label: at most 63 lower-case letters, digits and `-`, starting with a letter and ending with a letter or digit' }],
    [dns1123Label, { max: 63, summary: 'a DNS-1123 label: at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit' }],
    [dns1123Subdomain, { max: 253, summary: 'a DNS-1123 subdomain: at most 253 lower-case letters, digits, `-` and `.`' }],
    [labelValue, { max: 63, summary: 'a label value: at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit' }],
]);
const tick = (s) => `\`${s}\``;
/** The problems of every name the render derives from the configuration. */
export function checkDerivedNames(model, rendered) {
    const byPath = originsByPath(model);
    const bad = [];
    const byKey = new Map();
    const visit = (obj, origin) => {
        badNames(obj, origin, bad);
        const key = `${origin.scope}|${obj.apiVersion}|${obj.kind}|${obj.metadata.namespace ?? ''}|${obj.metadata.name}`;
        const same = byKey.get(key);
        if (same)
            same.push({ obj, origin });
        else
            byKey.set(key, [{ obj, origin }]);
    };
    for (const t of rendered.targets) {
        const fixed = byPath.get(t.path);
        for (const obj of t.objects)
            visit(obj, fixed ?? argoOrigin(obj, byPath, model));
        if (t.path !== ARGOCD_PATH && !t.path.startsWith(`${ARGOCD_PATH}/`))
            continue;
        // The Applications the ApplicationSets generate are objects too, though no file holds them.
        const sets = t.objects.filter((o) => o.kind === 'ApplicationSet').map((object) => ({ file: t.path, object: namesOnly(object) }));
        const { applications } = expandApplications(sets);
        for (const a of applications)
            if (a.origin.startsWith('ApplicationSet '))
                visit(a.application, argoOrigin(a.application, byPath, model));
    }
    return [...invalid(bad), ...collisions(byKey)];
}
/**
 * An ApplicationSet whose template keeps only what names and places a generated Application (its
 * name, namespace, labels and source path): expanding thousands of elements then costs little.
 */
function namesOnly(set) {
    const spec = set['spec'];
    const t = spec?.template;
    if (!t)
        return set;
    const metadata = { name: t.metadata?.name, namespace: t.metadata?.namespace, labels: t.metadata?.labels };
    return { ...set, spec: { ...spec, template: { metadata, spec: { source: { path: t.spec?.source?.path } } } } };
}
/** The names of one object its rule refuses: its name by its kind's rule, its label values, its pods' label values. */
function badNames(obj, origin, out) {
    const { kind, apiVersion } = obj;
    const { name } = obj.metadata;
    const rule = nameRule(apiVersion, kind);
    if (rule(name) !== undefined)
        out.push({ what: `the ${kind} name`, value: name, rule, origin });
    const label = (labels, of) => {
        for (const [k, v] of Object.entries(labels ?? {}))
            if (labelValue(v) !== undefined)
                out.push({ what: `the label ${tick(k)} of ${of}`, value: v, rule: labelValue, origin });
    };
    label(obj.metadata.labels, `${kind} ${tick(name)}`);
    // A pod template's labels (a template of any other kind, as in an ApplicationSet, is not an object).
    const template = obj.spec?.template;
    if (template?.spec?.containers !== undefined)
        label(template.metadata?.labels, `the pods of ${kind} ${tick(name)}`);
}
/** Names their rule refuses, one problem per configuration value and name (its environments listed). */
function invalid(names) {
    const groups = new Map();
    for (const n of names) {
        const bad = n.rule(n.value);
        const input = blame(n.value, n.origin, n.rule);
        // A name with no configuration value in it is the generator's own: the schema check reports it.
        if (!input)
            continue;
        const key = `${input.place.file}|${input.place.path.join('.')}|${n.what}|${n.value}`;
        const g = groups.get(key) ?? { problem: { check: 'derived-name', place: input.place, hint: fixHint(n, input) }, head: `${input.noun} gives ${n.what} ${JSON.stringify(n.value)}`, tail: `which ${bad}`, origins: [] };
        g.origins.push(n.origin);
        groups.set(key, g);
    }
    return [...groups.values()].map((g) => ({ ...g.problem, message: `${g.head} (${describeOrigins(g.origins)}), ${g.tail}` }));
}
function fixHint(n, input) {
    const rule = RULES.get(n.rule);
    const excess = rule ? n.value.length - rule.max : 0;
    if (excess > 0 && input.value.length > excess)
        return `shorten the ${input.kind} to at most ${input.value.length - excess} characters`;
    return `choose a ${input.kind} that makes ${n.what} ${rule?.summary ?? 'valid'}`;
}
/** Names that two origins both render as the same object: one problem at each origin's configuration value. */
function collisions(byKey) {
    const out = new Map();
    for (const same of byKey.values()) {
        if (same.length < 2)
            continue;
        for (const n of same) {
            const { kind, metadata } = n.obj;
            const input = blame(metadata.name, n.origin);
            if (!input)
                continue;
            const others = same.filter((o) => o !== n).map((o) => o.origin);
            const where = metadata.namespace === undefined ? '' : ` in namespace ${tick(metadata.namespace)}`;
            const keeps = `${n.origin.scope === 'argocd' ? 'Argo CD' : 'the cluster'} keeps one ${kind} of a name${where}`;
            const message = `${input.noun} gives the ${kind} name ${JSON.stringify(metadata.name)} (${describeOrigins([n.origin])}), ` +
                `the same as for ${describeOrigins(others)}: ${keeps}`;
            const hint = `rename the ${input.kind} (or what makes the other name) so that no two make the same name`;
            out.set(`${input.place.file}|${input.place.path.join('.')}|${message}`, { check: 'derived-duplicate', place: input.place, message, hint });
        }
    }
    return [...out.values()];
}
