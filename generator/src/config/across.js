import { cmp } from '../core/finding.js';
import { isDns1123Label } from '../core/names.js';
import { Reporter, isRaw } from './shared/checks.js';
import { nearHint } from './shared/names.js';
/** Checks that need more than one file: duplicate names, unknown services and environments. */
export function checkAcrossFiles(services, clusters, unreadable, out) {
    checkDuplicateNames(services, 'service', out);
    checkDuplicateNames(clusters, 'cluster', out);
    const envOwner = new Map();
    for (const c of clusters) {
        if (!isRaw(c.data.environments))
            continue;
        for (const [env, e] of Object.entries(c.data.environments)) {
            const owner = envOwner.get(env);
            if (owner) {
                new Reporter(c.source, out).report('duplicate', ['environments', env], `environment \`${env}\` is also declared in ${owner.file}`, 'an environment lives in exactly one cluster: rename or remove one of them', 'key');
                continue;
            }
            envOwner.set(env, { file: c.source.file, settings: isRaw(e) && isRaw(e.settings) ? Object.keys(e.settings) : [] });
        }
    }
    // Only valid names are ever suggested: a hint must not lead to another error.
    const envNames = [...envOwner.keys()].filter(isDns1123Label).sort(cmp);
    // Folder names count as known too: a `name` that differs from its folder is reported once, on
    // that file, and not again on every service that depends on it.
    const serviceNames = new Set(unreadable.serviceFolders);
    for (const s of services) {
        serviceNames.add(s.folder);
        if (typeof s.data.name === 'string')
            serviceNames.add(s.data.name);
    }
    const knownServices = [...serviceNames].filter(isDns1123Label).sort(cmp);
    for (const s of services) {
        const r = new Reporter(s.source, out);
        const d = s.data;
        if (isRaw(d.dependsOn) && Array.isArray(d.dependsOn.services)) {
            d.dependsOn.services.forEach((dep, i) => {
                if (typeof dep !== 'string' || dep === d.name || serviceNames.has(dep))
                    return;
                r.report('unknown-service', ['dependsOn', 'services', i], `\`dependsOn.services[${i}]\` names \`${dep}\`, which is not a service (no apps/${dep}/service.yaml)`, nearHint(dep, knownServices, 'services'));
            });
        }
        if (isRaw(d.environments) && !unreadable.someCluster) {
            for (const env of Object.keys(d.environments)) {
                if (envOwner.has(env))
                    continue;
                r.report('unknown-environment', ['environments', env], `no cluster declares an environment \`${env}\``, nearHint(env, envNames, 'environments'), 'key');
            }
        }
        if (Array.isArray(d.secrets)) {
            d.secrets.forEach((secret, i) => {
                if (!isRaw(secret) || typeof secret.env !== 'string')
                    return;
                const env = secret.env;
                const clash = [...envOwner].filter(([, o]) => o.settings.includes(env)).map(([name]) => name);
                if (clash.length === 0)
                    return;
                r.report('env-collision', ['secrets', i, 'env'], `secret variable \`${env}\` has the name of a setting of environment ${clash.map((c) => `\`${c}\``).join(', ')} (${envOwner.get(clash[0]).file})`, 'rename the secret variable: a variable comes either from the ConfigMap or from the Secret');
            });
        }
    }
}
function checkDuplicateNames(files, what, out) {
    const first = new Map();
    for (const f of files) {
        const name = f.data.name;
        if (typeof name !== 'string')
            continue;
        const other = first.get(name);
        if (other === undefined) {
            first.set(name, f.source.file);
            continue;
        }
        new Reporter(f.source, out).report('duplicate', ['name'], `${what} \`${name}\` is also declared in ${other}`, `every ${what} is declared once, in the folder of its name: rename or remove one of them`);
    }
}
