import { formatPath } from '../../core/finding.js';
import { detectSecret, maskedValue } from '../../core/secrets/detect.js';
import { Reporter, isRaw } from './checks.js';
/** Checks every setting of a service or cluster file. */
export function checkSettingSecrets(f, kind, out) {
    const r = new Reporter(f.source, out);
    const service = typeof f.data.name === 'string' ? f.data.name : f.folder;
    if (kind === 'service')
        checkSettings(r, ['settings'], f.data.settings, serviceHint(service));
    if (!isRaw(f.data.environments))
        return;
    for (const [env, e] of Object.entries(f.data.environments)) {
        if (isRaw(e))
            checkSettings(r, ['environments', env, 'settings'], e.settings, kind === 'service' ? serviceHint(service) : clusterHint);
    }
}
function checkSettings(r, at, settings, hint) {
    if (!isRaw(settings))
        return;
    for (const [key, value] of Object.entries(settings)) {
        const path = [...at, key];
        // A number or boolean is checked as written: `PIN: 0123` is the text 0123, not the number 123.
        const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? (r.source.sourceOf(path) ?? String(value)) : undefined;
        if (text === undefined)
            continue;
        const hit = detectSecret(key, text);
        if (!hit)
            continue;
        r.report('secret', path, `\`${formatPath(path)}\` holds a secret written out: ${hit.reason}, detector rule \`${hit.rule}\`; the value (${maskedValue(text)}) must not be in Git`, hint(key));
    }
}
const rotate = 'then rotate the value: it is in Git history';
function serviceHint(service) {
    return (key) => `keep it in the secret store: remove it here and declare it under \`secrets\`, e.g. \`- {env: ${key}, key: "suoke/{env}/${service}", property: ${key.toLowerCase().replace(/_/g, '-')}}\`, which renders an ExternalSecret; ${rotate}`;
}
function clusterHint() {
    return `keep it in the secret store: remove it here and declare it under \`secrets\` in apps/<service>/service.yaml of each service that needs it, which renders an ExternalSecret; ${rotate}`;
}
/** Drops the type findings that would quote a value already reported as a secret (same file and path). */
export function withoutSecretEchoes(findings) {
    const secret = new Set(findings.filter((f) => f.check === 'config/secret').map((f) => `${f.file}\0${f.path ?? ''}`));
    return findings.filter((f) => f.check !== 'config/type' || !secret.has(`${f.file}\0${f.path ?? ''}`));
}
